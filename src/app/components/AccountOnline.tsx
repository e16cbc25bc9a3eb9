// The parts of Settings' account section that ask the server, for a signed-in learner: "E-post
// ikke bekreftet", devices and password, the GDPR export and deletion, passkeys. Online-only
// (vite.config.ts, ONLINE): loaded by AccountSettings.tsx, kept by the worker once fetched.
import type { AccountInfo } from '../../shared/sync-protocol';
import { useTexts } from '../i18n/feature-texts';
import { AccountDataActions } from './AccountDataActions';
import { AccountSecurity } from './AccountSecurity';
import { EmailVerificationNotice } from './EmailVerificationNotice';
import { PasskeySettings } from './PasskeySettings';
import { accountTexts } from './account-texts';

interface Props {
  account: AccountInfo;
  /** Gets "Kontoen din er slettet.", for the section to show once this part is gone. */
  onDeleted: (sentence: string) => void;
}

export function AccountOnline({ account, onDeleted }: Props) {
  const ta = useTexts(accountTexts);
  return (
    <>
      <EmailVerificationNotice account={account} />
      <AccountSecurity />
      <AccountDataActions onDeleted={() => onDeleted(ta('account.deleted'))} />
      <PasskeySettings />
    </>
  );
}
