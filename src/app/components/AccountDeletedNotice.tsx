// "Kontoen din er slettet": shown on a device whose account was deleted on another device, as soon
// as the server says so (sync status problem 'account-deleted'). It says what happened in plain
// words and offers the two choices: keep this device's progress without an account, or wipe it
// (after a confirmation, since it cannot be undone). `onLeft` gets the sentence that says which
// was done; the caller shows it where this notice was and moves focus there.
import { useRef, useState } from 'preact/hooks';
import { useI18n, useSync } from '../state/context';
import { ConfirmDialog } from './ConfirmDialog';
import { accountDeletedTexts } from './account-deleted-texts';
import { useTexts } from '../i18n/feature-texts';

interface Props {
  /** Called once the learner has chosen, with the sentence that says what was done. */
  onLeft: (message: string) => void;
}

export function AccountDeletedNotice({ onLeft }: Props) {
  const { t } = useI18n();
  const tad = useTexts(accountDeletedTexts);
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
      onLeft(keepProgress ? tad('accountDeleted.kept') : tad('accountDeleted.wiped'));
    } catch (error) {
      console.error('Leaving the deleted account failed', error);
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="notice account-deleted">
      <h2 class="account-deleted-title">{tad('accountDeleted.title')}</h2>
      <p>{tad('accountDeleted.text')}</p>
      <p>{tad('accountDeleted.question')}</p>
      <p class="actions">
        <button
          type="button"
          class="button"
          aria-disabled={busy ? 'true' : undefined}
          onClick={() => void leave(true)}
        >
          {tad('accountDeleted.keep')}
        </button>
        <button
          type="button"
          class="button danger"
          ref={wipeButton}
          onClick={() => setConfirming(true)}
        >
          {tad('accountDeleted.wipe')}
        </button>
      </p>
      {failed && !confirming && <p class="error">{tad('accountDeleted.failed')}</p>}
      {confirming && (
        <ConfirmDialog
          title={tad('accountDeleted.wipeTitle')}
          confirmLabel={tad('accountDeleted.wipeConfirm')}
          cancelLabel={t('account.cancel')}
          busy={busy}
          onConfirm={() => void leave(false)}
          onCancel={() => setConfirming(false)}
          fallbackFocus={() => wipeButton.current}
        >
          <p>{tad('accountDeleted.wipeText')}</p>
          <p class="error" role="alert">
            {failed ? tad('accountDeleted.failed') : ''}
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
