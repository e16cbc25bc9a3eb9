// The learner's GDPR rights on the account and settings screens: "Last ned dataene mine" saves the
// server's export as lommekurs-data.json, and "Slett kontoen" asks for the password in a dialog
// that says the deletion is permanent and for every device (the other devices are told at their
// next contact and choose to keep or wipe their copy), then erases the account and the progress
// on this device.
import { useRef, useState } from 'preact/hooks';
import { accountErrorTexts } from '../i18n/errors';
import { useI18n, useSync } from '../state/context';
import { PasswordField } from './AccountFields';
import { ConfirmDialog } from './ConfirmDialog';
import { accountTexts } from './account-texts';
import { saveBlob } from './save-blob';
import { useTexts } from '../i18n/feature-texts';

/** File name of the data export. */
export const EXPORT_FILE_NAME = 'lommekurs-data.json';

interface Props {
  /** The account is gone; the caller says so where the learner looks next. */
  onDeleted: () => void;
}

export function AccountDataActions({ onDeleted }: Props) {
  const ta = useTexts(accountTexts);
  const sync = useSync();
  const [exporting, setExporting] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [deleting, setDeleting] = useState(false);

  const exportData = async () => {
    if (exporting) return;
    setExporting(true);
    setMessage(null);
    try {
      saveBlob(await sync.exportData(), EXPORT_FILE_NAME);
      setMessage({ text: ta('account.exported', { file: EXPORT_FILE_NAME }), error: false });
    } catch (error) {
      const texts = accountErrorTexts(ta, error, 'login');
      setMessage({ text: texts.form ?? texts.password ?? '', error: true });
    } finally {
      setExporting(false);
    }
  };

  return (
    <div class="account-data">
      <p>{ta('account.dataText')}</p>
      <p class="actions">
        <button
          type="button"
          class="button secondary"
          aria-disabled={exporting ? 'true' : undefined}
          onClick={() => void exportData()}
        >
          {exporting ? ta('account.exporting') : ta('account.export')}
        </button>
        <button type="button" class="button danger" onClick={() => setDeleting(true)}>
          {ta('account.delete')}
        </button>
      </p>
      <p class={message?.error ? 'error' : 'hint'} role="status">
        {message?.text ?? ''}
      </p>
      {deleting && (
        <DeleteAccountDialog
          onCancel={() => setDeleting(false)}
          onDeleted={() => {
            setDeleting(false);
            onDeleted();
          }}
        />
      )}
    </div>
  );
}

function DeleteAccountDialog({ onCancel, onDeleted }: { onCancel: () => void } & Props) {
  const { t } = useI18n();
  const ta = useTexts(accountTexts);
  const sync = useSync();
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const confirm = async () => {
    if (busy) return;
    setFormError(null);
    if (password === '') {
      setFieldError(ta('account.error.passwordMissing'));
      input.current?.focus();
      return;
    }
    setFieldError(null);
    setBusy(true);
    try {
      await sync.deleteAccount(password);
      onDeleted();
    } catch (error) {
      setBusy(false);
      const texts = accountErrorTexts(ta, error, 'delete');
      if (texts.password) {
        setFieldError(texts.password);
        input.current?.focus();
      } else {
        setFormError(texts.form ?? null);
      }
    }
  };

  return (
    <ConfirmDialog
      title={ta('account.deleteTitle')}
      confirmLabel={busy ? ta('account.deleting') : ta('account.deleteConfirm')}
      cancelLabel={t('account.cancel')}
      onConfirm={() => void confirm()}
      onCancel={onCancel}
      busy={busy}
      initialFocus={input}
    >
      <p>{ta('account.deleteText')}</p>
      <PasswordField
        label={ta('account.deletePassword')}
        value={password}
        onInput={setPassword}
        autocomplete="current-password"
        error={fieldError}
        inputRef={input}
        onEnter={() => void confirm()}
      />
      <p class="error" role="alert">
        {formError ?? ''}
      </p>
    </ConfirmDialog>
  );
}
