// "Logg ut". Signing out removes the learner's progress from this device (it may be a shared
// one), so the dialog says so. When changes are still waiting for the server it says how many,
// and offers to sync first, to sign out anyway (those changes are lost), or to stay signed in.
import { useState } from 'preact/hooks';
import { accountErrorTexts } from '../i18n/errors';
import { useI18n, useSync } from '../state/context';
import { UnsyncedError } from '../sync/controller';
import { ConfirmDialog } from './ConfirmDialog';
import { accountTexts } from './account-texts';
import { useTexts } from '../i18n/feature-texts';

interface Props {
  /** Signed out; the caller says so (and moves focus: this button goes with the signed-in view). */
  onSignedOut: () => void;
}

type Step = 'closed' | 'confirm' | 'unsynced';

export function AccountSignOut({ onSignedOut }: Props) {
  const { t } = useI18n();
  const ta = useTexts(accountTexts);
  const sync = useSync();
  const pending = sync.pending.value;
  const [step, setStep] = useState<Step>('closed');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  const close = () => {
    setStep('closed');
    setNote(null);
  };

  const signOut = async (discardUnsynced: boolean) => {
    setBusy(true);
    setNote(null);
    try {
      await sync.signOut({ discardUnsynced });
      setStep('closed');
      onSignedOut();
    } catch (error) {
      if (error instanceof UnsyncedError) {
        // Something was recorded meanwhile (another tab), or syncing first did not get it all.
        if (step === 'unsynced') setNote(ta('account.stillUnsynced'));
        setStep('unsynced');
      } else {
        setNote(accountErrorTexts(ta, error, 'login').form ?? null);
      }
    } finally {
      setBusy(false);
    }
  };

  const syncFirst = async () => {
    setBusy(true);
    await sync.syncNow();
    await signOut(false);
  };

  return (
    <>
      <p class="actions">
        <button
          type="button"
          class="button secondary"
          onClick={() => setStep(pending > 0 ? 'unsynced' : 'confirm')}
        >
          {ta('account.signOut')}
        </button>
      </p>
      {step !== 'closed' && (
        <ConfirmDialog
          title={step === 'unsynced' ? ta('account.unsyncedTitle') : ta('account.signOutTitle')}
          confirmLabel={
            busy
              ? ta('account.signingOut')
              : step === 'unsynced'
                ? ta('account.signOutAnyway')
                : ta('account.signOut')
          }
          cancelLabel={t('account.cancel')}
          extraAction={
            step === 'unsynced'
              ? { label: ta('account.syncFirst'), onClick: () => void syncFirst() }
              : undefined
          }
          busy={busy}
          onConfirm={() => void signOut(step === 'unsynced')}
          onCancel={close}
        >
          <p>
            {step === 'unsynced'
              ? ta('account.unsyncedText', { count: Math.max(pending, 1) })
              : ta('account.signOutText')}
          </p>
          <p class="error" role="alert">
            {note ?? ''}
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
