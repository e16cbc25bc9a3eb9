// The signed-in learner's devices and password, in Settings: "Enheter der du er logget inn" lists
// each session (this device first, then browser and platform with when it was last used), signs
// one other device out, or all others after a confirmation; "Bytt passord" asks for the current
// password and a new one with the strength meter. A device signed out here notices at its next
// request (401) and the app asks it to sign in again. Online-only, with AccountOnline.tsx.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { SessionInfo } from '../../shared/session-protocol';
import { credentialFieldSentence, accountErrorTexts } from '../i18n/errors';
import { useI18n, useSync } from '../state/context';
import { AccountError } from '../sync/controller';
import { PasswordField } from './AccountFields';
import { ConfirmDialog } from './ConfirmDialog';
import { PasswordStrength } from './PasswordStrength';
import { accountTexts } from './account-texts';
import { useTexts } from '../i18n/feature-texts';

export function AccountSecurity() {
  return (
    <>
      <DeviceSessions />
      <ChangePassword />
    </>
  );
}

type Load = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ok'; sessions: SessionInfo[] };

function DeviceSessions() {
  const i18n = useI18n();
  const ta = useTexts(accountTexts);
  const { t } = i18n;
  const sync = useSync();
  const id = useId();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  const refresh = async () => {
    try {
      setLoad({ kind: 'ok', sessions: await sync.sessions.list() });
    } catch {
      setLoad({ kind: 'failed' });
    }
  };
  useEffect(() => {
    void refresh();
  }, []);

  const label = (session: SessionInfo) =>
    ta('sessions.device', {
      browser: session.browser ?? ta('sessions.unknownBrowser'),
      platform: session.platform ?? ta('sessions.unknownPlatform'),
    });
  const when = (ms: number) => `${i18n.date(ms)} ${i18n.time(ms)}`;

  const end = async (session: SessionInfo) => {
    if (busy) return;
    setBusy(session.id);
    setNotice('');
    try {
      await sync.sessions.end(session.id);
      setNotice(ta('sessions.ended'));
      await refresh();
      heading.current?.focus();
    } catch (error) {
      setNotice(accountErrorTexts(ta, error, 'login').form ?? ta('sessions.error'));
    } finally {
      setBusy(null);
    }
  };

  const endOthers = async () => {
    if (busy) return;
    setBusy('others');
    setNotice('');
    try {
      const count = await sync.sessions.endOthers();
      setConfirming(false);
      setNotice(ta('sessions.endedOthers', { count }));
      await refresh();
    } catch (error) {
      setConfirming(false);
      setNotice(accountErrorTexts(ta, error, 'login').form ?? ta('sessions.error'));
    } finally {
      setBusy(null);
    }
  };

  const others = load.kind === 'ok' ? load.sessions.filter((s) => !s.current) : [];
  return (
    <section class="account-sessions" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} tabIndex={-1} ref={heading}>
        {ta('sessions.heading')}
      </h3>
      <p class="hint">{ta('sessions.intro')}</p>
      {load.kind === 'loading' && <p>{ta('sessions.loading')}</p>}
      {load.kind === 'failed' && (
        <p>
          {ta('sessions.error')}{' '}
          <button type="button" class="button secondary" onClick={() => void refresh()}>
            {ta('sessions.retry')}
          </button>
        </p>
      )}
      {load.kind === 'ok' && (
        <ul class="session-list">
          {load.sessions.map((session) => (
            <li key={session.id} class="session-item">
              <p class="session-device">
                <strong>{label(session)}</strong>
                {session.current && (
                  <>
                    {' '}
                    <span class="session-current">({ta('sessions.thisDevice')})</span>
                  </>
                )}
              </p>
              <p class="hint">{ta('sessions.lastUsed', { when: when(session.lastUsedAt) })}</p>
              {!session.current && (
                <button
                  type="button"
                  class="button secondary"
                  aria-label={ta('sessions.endLabel', {
                    device: label(session),
                    when: when(session.lastUsedAt),
                  })}
                  aria-disabled={busy ? 'true' : undefined}
                  onClick={() => void end(session)}
                >
                  {ta('sessions.end')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {load.kind === 'ok' && others.length === 0 && <p>{ta('sessions.onlyThis')}</p>}
      {others.length > 0 && (
        <p class="actions">
          <button type="button" class="button danger" onClick={() => setConfirming(true)}>
            {ta('sessions.endOthers')}
          </button>
        </p>
      )}
      <p class="hint" role="status">
        {notice}
      </p>
      {confirming && (
        <ConfirmDialog
          title={ta('sessions.endOthersTitle')}
          confirmLabel={ta('sessions.endOthersConfirm')}
          cancelLabel={t('account.cancel')}
          onConfirm={() => void endOthers()}
          onCancel={() => setConfirming(false)}
          fallbackFocus={() => heading.current}
          busy={busy === 'others'}
        >
          <p>{ta('sessions.endOthersText')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function ChangePassword() {
  const ta = useTexts(accountTexts);
  const sync = useSync();
  const id = useId();
  const email = sync.account.value?.email;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<{ current?: string; next?: string; form?: string }>({});
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const currentInput = useRef<HTMLInputElement>(null);
  const nextInput = useRef<HTMLInputElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setDone('');
    if (current === '') {
      setErrors({ current: ta('account.error.passwordMissing') });
      currentInput.current?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await sync.sessions.changePassword(current, next);
      setCurrent('');
      setNext('');
      setDone(ta('password.changed'));
    } catch (error) {
      if (error instanceof AccountError && error.code === 'invalid_credentials') {
        setErrors({ current: ta('account.error.wrongPassword') });
        currentInput.current?.focus();
      } else if (error instanceof AccountError && error.fields?.password) {
        setErrors({ next: credentialFieldSentence(ta, error.fields.password) });
        nextInput.current?.focus();
      } else {
        setErrors({
          form: accountErrorTexts(ta, error, 'login').form ?? ta('account.error.server'),
        });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="account-password" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{ta('password.changeHeading')}</h3>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <PasswordField
          label={ta('password.current')}
          value={current}
          onInput={setCurrent}
          autocomplete="current-password"
          error={errors.current ?? null}
          inputRef={currentInput}
        />
        <PasswordField
          label={ta('password.new')}
          value={next}
          onInput={setNext}
          autocomplete="new-password"
          error={errors.next ?? null}
          inputRef={nextInput}
          describedBy={`${id}-strength`}
        />
        <PasswordStrength password={next} email={email} id={`${id}-strength`} />
        <p class="error" role="alert">
          {errors.form ?? ''}
        </p>
        <p class="actions">
          <button type="submit" class="button" aria-disabled={busy ? 'true' : undefined}>
            {busy ? ta('password.changing') : ta('password.change')}
          </button>
        </p>
        <p class="hint" role="status">
          {done}
        </p>
      </form>
    </section>
  );
}
