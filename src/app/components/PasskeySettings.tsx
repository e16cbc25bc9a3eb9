// "Passnøkler" in the account part of Settings: the learner's passkeys (name, when added, when
// last used), "Legg til passnøkkel" (a name, suggested from the device, then the browser's own
// dialog) and removing one after a confirmation. The WebAuthn library loads only when a ceremony
// starts. Every outcome is one sentence in a live region; failures never show raw errors.
import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_PASSKEY_NAME_LENGTH, passkeyNameSchema } from '../../shared/passkey-protocol';
import type { PasskeyInfo } from '../../shared/passkey-protocol';
import { passkeyErrorSentence } from '../i18n/passkey-errors';
import { useI18n, useSync } from '../state/context';
import { deviceName, passkeysSupported } from '../sync/passkeys';
import { AccountField } from './AccountFields';
import { ConfirmDialog } from './ConfirmDialog';
import { accountTexts } from './account-texts';
import { useTexts } from '../i18n/feature-texts';

type Message = { text: string; error: boolean } | null;

export function PasskeySettings() {
  const { date } = useI18n();
  const ta = useTexts(accountTexts);
  const sync = useSync();
  const [passkeys, setPasskeys] = useState<PasskeyInfo[] | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [naming, setNaming] = useState(false);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<PasskeyInfo | null>(null);
  const [supported, setSupported] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const mounted = useRef(true);

  const refresh = async () => {
    try {
      const list = await sync.passkeys.list();
      if (mounted.current) setPasskeys(list);
    } catch (error) {
      if (mounted.current) setMessage({ text: passkeyErrorSentence(ta, error), error: true });
    }
  };

  useEffect(() => {
    setSupported(passkeysSupported());
    void refresh();
    return () => {
      mounted.current = false;
    };
  }, []);

  const add = async (name: string) => {
    setNaming(false);
    setAdding(true);
    setMessage(null);
    try {
      const passkey = await sync.passkeys.add(name);
      await refresh();
      if (mounted.current)
        setMessage({ text: ta('passkey.added', { name: passkey.name }), error: false });
    } catch (error) {
      if (mounted.current) setMessage({ text: passkeyErrorSentence(ta, error), error: true });
    } finally {
      if (mounted.current) setAdding(false);
    }
  };

  return (
    <section class="passkey-settings" aria-labelledby="passkey-heading">
      <h3 id="passkey-heading" tabIndex={-1} ref={heading}>
        {ta('passkey.heading')}
      </h3>
      <p>{ta('passkey.intro')}</p>
      {passkeys === null ? (
        <p class="hint">{message ? '' : ta('passkey.loading')}</p>
      ) : passkeys.length === 0 ? (
        <p class="hint">{ta('passkey.none')}</p>
      ) : (
        <ul class="passkey-list" aria-label={ta('passkey.listLabel')}>
          {passkeys.map((passkey) => (
            <li key={passkey.id} class="passkey">
              <p class="passkey-name">
                <strong>{passkey.name}</strong>
              </p>
              <p class="hint">
                {ta('passkey.addedAt', { date: date(passkey.createdAt) })}
                {' · '}
                {passkey.lastUsedAt === null
                  ? ta('passkey.neverUsed')
                  : ta('passkey.lastUsed', { date: date(passkey.lastUsedAt) })}
              </p>
              <button
                type="button"
                class="button small secondary"
                aria-label={ta('passkey.removeNamed', { name: passkey.name })}
                onClick={() => setRemoving(passkey)}
              >
                {ta('passkey.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {supported && (
        <p class="actions">
          <button
            type="button"
            class="button secondary"
            aria-disabled={adding ? 'true' : undefined}
            onClick={() => !adding && setNaming(true)}
          >
            {adding ? ta('passkey.adding') : ta('passkey.add')}
          </button>
        </p>
      )}
      {!supported && passkeys !== null && <p class="hint">{ta('passkey.error.unsupported')}</p>}
      <p class={message?.error ? 'error' : 'hint'} role="status">
        {message?.text ?? ''}
      </p>
      {naming && <NameDialog onCancel={() => setNaming(false)} onName={(name) => void add(name)} />}
      {removing && (
        <RemoveDialog
          passkey={removing}
          onDone={(text, error) => {
            setRemoving(null);
            if (text) setMessage({ text, error });
            void refresh();
          }}
          fallbackFocus={() => heading.current}
        />
      )}
    </section>
  );
}

function NameDialog({
  onCancel,
  onName,
}: {
  onCancel: () => void;
  onName: (name: string) => void;
}) {
  const ta = useTexts(accountTexts);
  const [name, setName] = useState(() => deviceName(navigator.userAgent));
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const confirm = () => {
    const parsed = passkeyNameSchema.safeParse(name);
    if (!parsed.success) {
      setError(ta('passkey.error.name', { max: MAX_PASSKEY_NAME_LENGTH }));
      input.current?.focus();
      return;
    }
    onName(parsed.data);
  };
  return (
    <ConfirmDialog
      title={ta('passkey.addTitle')}
      confirmLabel={ta('passkey.create')}
      cancelLabel={ta('passkey.cancel')}
      onConfirm={confirm}
      onCancel={onCancel}
      initialFocus={input}
      tone="primary"
    >
      <AccountField
        type="text"
        label={ta('passkey.nameLabel')}
        hint={ta('passkey.nameHint', { max: MAX_PASSKEY_NAME_LENGTH })}
        value={name}
        onInput={setName}
        autocomplete="off"
        error={error}
        inputRef={input}
        onEnter={confirm}
      />
    </ConfirmDialog>
  );
}

interface RemoveProps {
  passkey: PasskeyInfo;
  /** Closed: the sentence to show (none when cancelled). */
  onDone: (text: string | null, error: boolean) => void;
  fallbackFocus: () => HTMLElement | null;
}

function RemoveDialog({ passkey, onDone, fallbackFocus }: RemoveProps) {
  const ta = useTexts(accountTexts);
  const sync = useSync();
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await sync.passkeys.remove(passkey.id);
      onDone(ta('passkey.removed', { name: passkey.name }), false);
    } catch (error) {
      onDone(passkeyErrorSentence(ta, error), true);
    }
  };
  return (
    <ConfirmDialog
      title={ta('passkey.removeTitle')}
      confirmLabel={busy ? ta('passkey.removing') : ta('passkey.removeConfirm')}
      cancelLabel={ta('passkey.cancel')}
      onConfirm={() => void confirm()}
      onCancel={() => onDone(null, false)}
      busy={busy}
      fallbackFocus={fallbackFocus}
    >
      <p>{ta('passkey.removeText', { name: passkey.name })}</p>
    </ConfirmDialog>
  );
}
