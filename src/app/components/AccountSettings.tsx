// "Konto og synkronisering" on the settings screen: whether the learner is signed in, the way to
// the account screen, and both GDPR actions (download my data, delete the account).
import { useRef, useState } from 'preact/hooks';
import { paths } from '../routes';
import { useI18n, useSync } from '../state/context';
import { useAccountFocus } from '../state/use-account-focus';
import { hasLiveSession } from '../sync/controller';
import { AccountDataActions } from './AccountDataActions';
import { PasskeySettings } from './PasskeySettings';
import { EmailVerificationNotice } from './EmailVerificationNotice';
import { AccountSecurity } from './lazy-account';

export function AccountSettings() {
  const { t } = useI18n();
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
        {t('account.link')}
      </h2>
      <p class="hint" role="status">
        {notice}
      </p>
      {account === undefined ? null : signedIn ? (
        <>
          <p class="email-text">{t('account.signedInAs', { email: account.email })}</p>
          <EmailVerificationNotice account={account} />
          <p>
            <a href={paths.account}>{t('account.manage')}</a>
          </p>
          <AccountSecurity />
          <AccountDataActions onDeleted={() => setNotice(t('account.deleted'))} />
          <PasskeySettings />
        </>
      ) : (
        <>
          <p>{expired ? t('account.expired') : t('account.settingsSignedOut')}</p>
          <p>
            <a href={paths.account}>{expired ? t('sync.signedOut') : t('account.settingsLink')}</a>
          </p>
        </>
      )}
    </section>
  );
}
