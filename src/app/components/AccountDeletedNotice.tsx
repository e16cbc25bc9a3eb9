// "Kontoen din er slettet": shown on a device whose account was deleted on another device, as soon
// as the server says so (sync status problem 'account-deleted'). It says what happened in plain
// words and offers the two choices: keep this device's progress without an account, or wipe it
// (after a confirmation, since it cannot be undone). `onLeft` gets the sentence that says which
// was done; the caller shows it where this notice was and moves focus there.
import { useRef, useState } from 'preact/hooks';
import { useI18n, useSync } from '../state/context';
import { ConfirmDialog } from './ConfirmDialog';

interface Props {
  /** Called once the learner has chosen, with the sentence that says what was done. */
  onLeft: (message: string) => void;
}

export function AccountDeletedNotice({ onLeft }: Props) {
  const { t } = useI18n();
  const sync = useSync();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const wipeButton = useRef<HTMLButtonElement>(null);

  const leave = async (keepProgress: boolean) => {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    try {
      await sync.leaveDeletedAccount({ keepProgress });
      setConfirming(false);
      onLeft(keepProgress ? t('accountDeleted.kept') : t('accountDeleted.wiped'));
    } catch (error) {
      console.error('Leaving the deleted account failed', error);
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="notice account-deleted">
      <h2 class="account-deleted-title">{t('accountDeleted.title')}</h2>
      <p>{t('accountDeleted.text')}</p>
      <p>{t('accountDeleted.question')}</p>
      <p class="actions">
        <button
          type="button"
          class="button"
          aria-disabled={busy ? 'true' : undefined}
          onClick={() => void leave(true)}
        >
          {t('accountDeleted.keep')}
        </button>
        <button
          type="button"
          class="button danger"
          ref={wipeButton}
          onClick={() => setConfirming(true)}
        >
          {t('accountDeleted.wipe')}
        </button>
      </p>
      {failed && !confirming && <p class="error">{t('accountDeleted.failed')}</p>}
      {confirming && (
        <ConfirmDialog
          title={t('accountDeleted.wipeTitle')}
          confirmLabel={t('accountDeleted.wipeConfirm')}
          cancelLabel={t('account.cancel')}
          busy={busy}
          onConfirm={() => void leave(false)}
          onCancel={() => setConfirming(false)}
          fallbackFocus={() => wipeButton.current}
        >
          <p>{t('accountDeleted.wipeText')}</p>
          <p class="error" role="alert">
            {failed ? t('accountDeleted.failed') : ''}
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
