// "Konto og synkronisering" on the settings screen: whether the learner is signed in and the way to
// the account screen, offline too; for a signed-in learner, the parts that ask the server
// (AccountOnline.tsx: e-mail check, devices and password, both GDPR actions, passkeys) load as an
// online-only chunk (vite.config.ts, ONLINE) that the worker keeps once fetched.
import { useRef, useState } from 'preact/hooks';
import { paths } from '../routes';
import { useI18n, useSync } from '../state/context';
import { useAccountFocus } from '../state/use-account-focus';
import { hasLiveSession } from '../sync/controller';
import { accountSettingsTexts } from './account-settings-texts';
import { deferred } from './deferred';
import { OnlineFirstPart } from './OnlineFirst';
import { useTexts } from '../i18n/feature-texts';

const AccountOnline = deferred(
  () => import('./AccountOnline').then((m) => m.AccountOnline),
  OnlineFirstPart,
);

export function AccountSettings() {
  const { t } = useI18n();
  const ta = useTexts(accountSettingsTexts);
  const sync = useSync();
  const account = sync.account.value;
  const expired = sync.status.value.problem === 'signed-out';
  const [notice, setNotice] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  // After a deletion on another device this reads as signed out; the status line asks what to do.
  const signedIn = hasLiveSession(account, sync.status.value.problem);
  useAccountFocus(signedIn, () => heading.current);
  return (
    <section class="account-settings" aria-labelledby="account-settings-heading">
      <h2 id="account-settings-heading" tabIndex={-1} ref={heading}>
        {ta('account.link')}
      </h2>
      <p class="hint" role="status">
        {notice}
      </p>
      {account === undefined ? null : signedIn ? (
        <>
          <p class="email-text">{ta('account.signedInAs', { email: account.email })}</p>
          <p>
            <a href={paths.account}>{ta('account.manage')}</a>
          </p>
          <AccountOnline account={account} onDeleted={setNotice} />
        </>
      ) : (
        <>
          <p>{expired ? ta('account.expired') : ta('account.settingsSignedOut')}</p>
          <p>
            <a href={paths.account}>{expired ? t('sync.signedOut') : t('account.settingsLink')}</a>
          </p>
        </>
      )}
    </section>
  );
}
