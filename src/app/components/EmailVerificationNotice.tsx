// "E-postadressen er ikke bekreftet · Send lenken på nytt": shown to a signed-in learner whose
// address is unverified. Nothing is blocked by it; a verified address is what lets us help the
// learner back in after a forgotten password.
import { useState } from 'preact/hooks';
import type { AccountInfo } from '../../shared/sync-protocol';
import { accountErrorTexts } from '../i18n/errors';
import { useI18n, useSync } from '../state/context';
import { accountTexts } from './account-texts';
import { useTexts } from '../i18n/feature-texts';

export function EmailVerificationNotice({ account }: { account: AccountInfo }) {
  const { lang } = useI18n();
  const ta = useTexts(accountTexts);
  const sync = useSync();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  // Unknown (an account stored by an older version of the app) is not shown as unverified.
  if (account.emailVerified !== false) return null;

  const resend = async () => {
    if (busy) return;
    setBusy(true);
    setMessage('');
    try {
      await sync.resendVerification(lang);
      setMessage(ta('verify.resent', { email: account.email }));
    } catch (error) {
      setMessage(accountErrorTexts(ta, error, 'login').form ?? ta('account.error.server'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="notice email-verification">
      <p>
        {ta('verify.notice')}{' '}
        <button
          type="button"
          class="button secondary"
          aria-disabled={busy ? 'true' : undefined}
          onClick={() => void resend()}
        >
          {busy ? ta('verify.resending') : ta('verify.resend')}
        </button>
      </p>
      <p class="hint" role="status">
        {message}
      </p>
    </div>
  );
}
