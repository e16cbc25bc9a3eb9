// "Logg inn med passnøkkel" under the sign-in form, only where the browser has WebAuthn. The
// browser asks which passkey; the sign-in then ends exactly as a password sign-in does (the
// account screen switches to the signed-in view). Failures are one sentence under the button.
import { useEffect, useRef, useState } from 'preact/hooks';
import { passkeyErrorSentence } from '../i18n/passkey-errors';
import { useSync } from '../state/context';
import { passkeysSupported } from '../sync/passkeys';
import { accountTexts } from './account-texts';
import { useTexts } from '../i18n/feature-texts';

export function PasskeySignIn() {
  const ta = useTexts(accountTexts);
  const sync = useSync();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  // Decided after mounting, so the first render is the same with and without WebAuthn.
  const [supported, setSupported] = useState(false);
  const mounted = useRef(true);
  useEffect(() => {
    setSupported(passkeysSupported());
    return () => {
      mounted.current = false;
    };
  }, []);
  if (!supported) return null;

  const signIn = async () => {
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      await sync.signInWithPasskey();
    } catch (caught) {
      if (mounted.current) setError(passkeyErrorSentence(ta, caught));
    } finally {
      if (mounted.current) setBusy(false);
    }
  };

  return (
    <div class="passkey-sign-in">
      <p class="actions">
        <button
          type="button"
          class="button secondary"
          aria-disabled={busy ? 'true' : undefined}
          onClick={() => void signIn()}
        >
          {busy ? ta('passkey.signingIn') : ta('passkey.signIn')}
        </button>
      </p>
      <p class="error" role="alert">
        {error}
      </p>
    </div>
  );
}
