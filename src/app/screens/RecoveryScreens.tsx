// The screens of recovery by e-mail and address verification (one chunk, loaded on demand):
// "Glemt passordet?" asks for a link; /konto/nytt-passord sets a new password with the link's
// token; /konto/bekreft-epost confirms the address. The token rides in the URL fragment (never
// sent to a server); each screen reads it once and removes it from the address bar and history.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import {
  MIN_PASSWORD_LENGTH,
  credentialFieldErrors,
  loginSchema,
} from '../../shared/sync-protocol';
import { AccountField, PasswordField } from '../components/AccountFields';
import { PageHeading } from '../components/PageHeading';
import { PasswordStrength } from '../components/PasswordStrength';
import { useLinkToken } from '../components/use-link-token';
import { accountErrorTexts, credentialFieldSentence, type AccountErrorTexts } from '../i18n/errors';
import { paths } from '../routes';
import { useAppState, useI18n, useSync } from '../state/context';
import { AccountError } from '../sync/controller';
import { accountTexts } from '../components/account-texts';
import { useTexts } from '../i18n/feature-texts';

/** Whether the component is still shown (no state updates after it is gone). */
function useMounted() {
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  return mounted;
}

/** "Glemt passordet?": an address, then the same neutral sentence whatever the address. */
export function ForgotPasswordScreen() {
  const { lang } = useI18n();
  const ta = useTexts(accountTexts);
  const sync = useSync();
  const { online } = useAppState().connectivity;
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<AccountErrorTexts>({});
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const emailInput = useRef<HTMLInputElement>(null);
  const done = useRef<HTMLParagraphElement>(null);
  const mounted = useMounted();

  useEffect(() => {
    if (sent) done.current?.focus();
  }, [sent]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const fields = credentialFieldErrors({ email, password: 'x' }, loginSchema);
    if (fields.email) {
      setErrors({ email: credentialFieldSentence(ta, fields.email) });
      emailInput.current?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await sync.requestPasswordReset(email.trim(), lang);
      if (mounted.current) setSent(true);
    } catch (error) {
      if (!mounted.current) return;
      const texts = accountErrorTexts(ta, error, 'login');
      setErrors(texts);
      if (texts.email) emailInput.current?.focus();
    } finally {
      if (mounted.current) setBusy(false);
    }
  };

  return (
    <div class="screen account-screen recovery-screen">
      <PageHeading title={ta('recovery.forgotTitle')} />
      {!online.value && <p class="notice">{ta('recovery.offline')}</p>}
      <p class="account-notice" role="status" tabIndex={-1} ref={done}>
        {sent ? ta('recovery.sent') : ''}
      </p>
      {sent ? (
        <p class="hint">{ta('recovery.sentHint')}</p>
      ) : (
        <div class="account-form">
          <p>{ta('recovery.forgotIntro')}</p>
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
            <p class="error" role="alert">
              {errors.form ?? ''}
            </p>
            <p class="actions">
              <button type="submit" class="button" aria-disabled={busy ? 'true' : undefined}>
                {busy ? ta('recovery.sending') : ta('recovery.send')}
              </button>
            </p>
          </form>
        </div>
      )}
      <p>
        <a href={paths.account}>{ta('recovery.backToLogin')}</a>
      </p>
    </div>
  );
}

type ResetStep = 'form' | 'invalid' | 'done';

/** /konto/nytt-passord: the new password twice; then signed in (every other session ended). */
export function NewPasswordScreen() {
  const ta = useTexts(accountTexts);
  const sync = useSync();
  const { online } = useAppState().connectivity;
  const token = useLinkToken();
  const id = useId();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<AccountErrorTexts & { repeat?: string }>({});
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<ResetStep>(token ? 'form' : 'invalid');
  const passwordInput = useRef<HTMLInputElement>(null);
  const repeatInput = useRef<HTMLInputElement>(null);
  const outcome = useRef<HTMLParagraphElement>(null);
  const mounted = useMounted();

  useEffect(() => {
    if (step !== 'form') outcome.current?.focus();
  }, [step]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy || !token) return;
    if ([...password].length < MIN_PASSWORD_LENGTH) {
      setErrors({ password: credentialFieldSentence(ta, 'password_too_short') });
      passwordInput.current?.focus();
      return;
    }
    if (password !== repeat) {
      setErrors({ repeat: ta('recovery.mismatch') });
      repeatInput.current?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await sync.resetPassword(token, password);
      if (mounted.current) setStep('done');
    } catch (error) {
      if (!mounted.current) return;
      if (error instanceof AccountError && error.code === 'invalid_token') {
        setStep('invalid');
        return;
      }
      const texts = accountErrorTexts(ta, error, 'register');
      setErrors(texts);
      if (texts.password) passwordInput.current?.focus();
    } finally {
      if (mounted.current) setBusy(false);
    }
  };

  return (
    <div class="screen account-screen recovery-screen">
      <PageHeading title={ta('recovery.resetTitle')} />
      {step === 'form' && !online.value && <p class="notice">{ta('recovery.resetOffline')}</p>}
      <p class="account-notice" role="status" tabIndex={-1} ref={outcome}>
        {step === 'done'
          ? ta('recovery.done')
          : step === 'invalid'
            ? token
              ? ta('recovery.error.invalidToken')
              : ta('recovery.noToken')
            : ''}
      </p>
      {step === 'form' && (
        <form class="account-form" noValidate onSubmit={(event) => void submit(event)}>
          <p>{ta('recovery.resetIntro')}</p>
          <PasswordField
            label={ta('recovery.newPassword')}
            value={password}
            onInput={setPassword}
            autocomplete="new-password"
            hint={ta('account.passwordHint', { min: MIN_PASSWORD_LENGTH })}
            error={errors.password ?? null}
            inputRef={passwordInput}
            describedBy={`${id}-strength`}
          />
          <PasswordStrength password={password} id={`${id}-strength`} />
          <PasswordField
            label={ta('recovery.repeatPassword')}
            value={repeat}
            onInput={setRepeat}
            autocomplete="new-password"
            error={errors.repeat ?? null}
            inputRef={repeatInput}
          />
          <p class="error" role="alert">
            {errors.form ?? ''}
          </p>
          <p class="actions">
            <button type="submit" class="button" aria-disabled={busy ? 'true' : undefined}>
              {busy ? ta('recovery.saving') : ta('recovery.save')}
            </button>
          </p>
        </form>
      )}
      {step === 'invalid' && (
        <p>
          <a class="button" href={paths.forgotPassword}>
            {ta('recovery.askAgain')}
          </a>
        </p>
      )}
      {step === 'done' && (
        <p>
          <a href={paths.account}>{ta('recovery.goToAccount')}</a>
        </p>
      )}
    </div>
  );
}

type VerifyStep = 'working' | 'done' | 'invalid' | 'offline' | 'failed';

/** /konto/bekreft-epost: confirms the address with the link's token as soon as it opens. */
export function VerifyEmailScreen() {
  const ta = useTexts(accountTexts);
  const sync = useSync();
  const token = useLinkToken();
  const [step, setStep] = useState<VerifyStep>(token ? 'working' : 'invalid');
  const [attempt, setAttempt] = useState(0);
  const mounted = useMounted();

  useEffect(() => {
    if (!token) return;
    setStep('working');
    sync.verifyEmail(token).then(
      () => mounted.current && setStep('done'),
      (error: unknown) => {
        if (!mounted.current) return;
        const code = error instanceof AccountError ? error.code : 'server';
        setStep(code === 'invalid_token' ? 'invalid' : code === 'offline' ? 'offline' : 'failed');
      },
    );
  }, [token, attempt, sync, mounted]);

  const sentence: Record<VerifyStep, string> = {
    working: ta('verify.working'),
    done: ta('verify.done'),
    invalid: ta('verify.invalid'),
    offline: ta('verify.offline'),
    failed: ta('account.error.server'),
  };
  return (
    <div class="screen account-screen recovery-screen">
      <PageHeading title={ta('verify.title')} />
      <p class="account-notice" role="status">
        {sentence[step]}
      </p>
      {(step === 'offline' || step === 'failed') && (
        <p>
          <button type="button" class="button" onClick={() => setAttempt((n) => n + 1)}>
            {ta('verify.retry')}
          </button>
        </p>
      )}
      {step !== 'working' && (
        <p>
          <a href={paths.account}>{ta('recovery.goToAccount')}</a>
        </p>
      )}
    </div>
  );
}
