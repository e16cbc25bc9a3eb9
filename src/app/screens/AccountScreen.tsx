// The account screen (/konto, loaded on demand). Signed out: why an account helps (the app works
// without one; local progress joins the account), then "Logg inn" and "Opprett konto". Signed
// in: who, the sync status with "Synkroniser nå", "Logg ut", and the learner's data (export,
// delete). After a session expired (401) the learner signs in again here; nothing was lost.
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccountInfo } from '../../shared/sync-protocol';
import { AccountDataActions } from '../components/AccountDataActions';
import { AccountDeletedNotice } from '../components/AccountDeletedNotice';
import { AccountForm } from '../components/AccountForm';
import { EmailVerificationNotice } from '../components/EmailVerificationNotice';
import { AccountSignOut } from '../components/AccountSignOut';
import { PageHeading } from '../components/PageHeading';
import { SyncStatus } from '../components/SyncStatus';
import { useAppState, useI18n, useSync } from '../state/context';
import { useAccountFocus } from '../state/use-account-focus';
import { hasLiveSession } from '../sync/controller';
import { accountSettingsTexts } from '../components/account-settings-texts';
import { accountTexts } from '../components/account-texts';
import { useTexts } from '../i18n/feature-texts';

const pageHeading = () => document.querySelector<HTMLElement>('main h1');

export function AccountScreen() {
  const { t } = useI18n();
  const ta = useTexts(accountTexts);
  const sync = useSync();
  const account = sync.account.value;
  const problem = sync.status.value.problem;
  const expired = problem === 'signed-out';
  const signedIn = hasLiveSession(account, problem);
  const [notice, setNotice] = useState('');
  const signedInHeading = useRef<HTMLHeadingElement>(null);
  useAccountFocus(signedIn, (now) => (now ? signedInHeading.current : pageHeading()));
  useEffect(() => {
    if (signedIn) setNotice('');
  }, [signedIn]);

  return (
    <div class="screen account-screen">
      <PageHeading title={ta('account.title')} />
      <p class="account-notice" role="status">
        {notice}
      </p>
      {account === undefined ? (
        <p>{t('app.loading')}</p>
      ) : signedIn ? (
        <SignedIn
          account={account}
          heading={signedInHeading}
          onGone={(message) => setNotice(message)}
        />
      ) : problem === 'account-deleted' ? (
        // Deleted on another device: the choice comes before anything else on this screen.
        <AccountDeletedNotice
          onLeft={(message) => {
            setNotice(message);
            // The notice and the button pressed are gone: the page heading keeps the learner's
            // place, and the sentence under it says what was done.
            pageHeading()?.focus();
          }}
        />
      ) : (
        <SignedOut expired={expired} />
      )}
    </div>
  );
}

interface SignedInProps {
  account: AccountInfo;
  heading: RefObject<HTMLHeadingElement | null>;
  /** Signed out or deleted: the sentence to show. */
  onGone: (message: string) => void;
}

function SignedIn({ account, heading, onGone }: SignedInProps) {
  const ta = useTexts(accountTexts);
  const ts = useTexts(accountSettingsTexts);
  return (
    <>
      <section class="account-section" aria-labelledby="account-who">
        <h2 id="account-who" class="email-text" tabIndex={-1} ref={heading}>
          {ts('account.signedInAs', { email: account.email })}
        </h2>
        <EmailVerificationNotice account={account} />
        <SyncStatus place="screen" />
        <AccountSignOut onSignedOut={() => onGone(ta('account.signedOut'))} />
      </section>
      <section class="account-section" aria-labelledby="account-data">
        <h2 id="account-data">{ta('account.dataHeading')}</h2>
        <AccountDataActions onDeleted={() => onGone(ta('account.deleted'))} />
      </section>
    </>
  );
}

function SignedOut({ expired }: { expired: boolean }) {
  const ta = useTexts(accountTexts);
  const ts = useTexts(accountSettingsTexts);
  const { online } = useAppState().connectivity;
  return (
    <>
      {expired ? (
        <p class="notice">{ts('account.expired')}</p>
      ) : (
        <>
          <p class="lead">{ta('account.intro')}</p>
          <p>{ta('account.keepsLocal')}</p>
        </>
      )}
      {!online.value && <p class="notice">{ta('account.offline')}</p>}
      {/* A returning learner signs in far more often than a new one registers: sign-in first. */}
      <AccountForm mode="login" />
      {!expired && <AccountForm mode="register" />}
    </>
  );
}
