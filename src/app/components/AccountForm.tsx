// "Opprett konto" and "Logg inn": email and password, checked in the app with the same rules as
// the server (credentialFieldErrors), then sent through the sync controller. Every error is a
// sentence in the learner's language beside its field, or under the form when it is about the
// request (offline, too many attempts); focus moves to the first field in error.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import {
  MIN_PASSWORD_LENGTH,
  credentialFieldErrors,
  credentialsSchema,
  loginSchema,
} from '../../shared/sync-protocol';
import { accountErrorTexts, credentialFieldSentence, type AccountErrorTexts } from '../i18n/errors';
import { paths } from '../routes';
import { useSync } from '../state/context';
import { AccountField, PasswordField } from './AccountFields';
import { PasskeySignIn } from './PasskeySignIn';
import { PasswordStrength } from './PasswordStrength';
import { accountTexts } from './account-texts';
import { useTexts } from '../i18n/feature-texts';

type Mode = 'register' | 'login';

export function AccountForm({ mode }: { mode: Mode }) {
  const ta = useTexts(accountTexts);
  const sync = useSync();
  const id = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<AccountErrorTexts>({});
  const [busy, setBusy] = useState(false);
  const emailInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);
  // A successful sign-in replaces this form with the signed-in view; no state update after that.
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const show = (next: AccountErrorTexts) => {
    setErrors(next);
    if (next.email) emailInput.current?.focus();
    else if (next.password) passwordInput.current?.focus();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const schema = mode === 'register' ? credentialsSchema : loginSchema;
    const fields = credentialFieldErrors({ email, password }, schema);
    if (fields.email || fields.password) {
      show({
        email: fields.email && credentialFieldSentence(ta, fields.email),
        password: fields.password && credentialFieldSentence(ta, fields.password),
      });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      if (mode === 'register') await sync.register(email.trim(), password);
      else await sync.signIn(email.trim(), password);
    } catch (error) {
      if (!mounted.current) return;
      show(accountErrorTexts(ta, error, mode));
    } finally {
      if (mounted.current) setBusy(false);
    }
  };

  const register = mode === 'register';
  return (
    <section class="account-form" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        {register ? ta('account.registerHeading') : ta('account.loginHeading')}
      </h2>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <AccountField
          type="email"
          label={ta('account.email')}
          value={email}
          onInput={setEmail}
          autocomplete="email"
          error={errors.email ?? null}
          inputRef={emailInput}
        />
        <PasswordField
          label={ta('account.password')}
          value={password}
          onInput={setPassword}
          autocomplete={register ? 'new-password' : 'current-password'}
          hint={register ? ta('account.passwordHint', { min: MIN_PASSWORD_LENGTH }) : undefined}
          error={errors.password ?? null}
          inputRef={passwordInput}
          describedBy={register ? `${id}-strength` : undefined}
        />
        {register && <PasswordStrength password={password} email={email} id={`${id}-strength`} />}
        <p class="error" role="alert">
          {errors.form ?? ''}
        </p>
        <p class="actions">
          {/* aria-disabled, not disabled: the button keeps focus while the request runs. */}
          <button type="submit" class="button" aria-disabled={busy ? 'true' : undefined}>
            {register
              ? busy
                ? ta('account.registering')
                : ta('account.register')
              : busy
                ? ta('account.loggingIn')
                : ta('account.login')}
          </button>
        </p>
        {!register && (
          <p>
            <a href={paths.forgotPassword}>{ta('recovery.forgotLink')}</a>
          </p>
        )}
      </form>
      {!register && <PasskeySignIn />}
    </section>
  );
}
