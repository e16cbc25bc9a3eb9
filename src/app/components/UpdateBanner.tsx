// "Ny versjon er klar": shown when a new service worker waits. Nothing happens until the learner
// presses "Oppdater" (then the page reloads into the new version); "Ikke nå" hides the banner for
// this session and the current version keeps working. Also shown on a lesson: it never interrupts.
import { useAppState, useI18n } from '../state/context';

export function UpdateBanner() {
  const { t } = useI18n();
  const state = useAppState();
  const status = state.update.status.value;
  const shown = status === 'ready' || status === 'applying';
  return (
    <div class={shown ? 'update-banner' : 'update-banner is-empty'}>
      {/* The live region exists before its text, so the text is announced when it appears. (Not
          role=status: the header's one status is the offline indicator.) */}
      <p class="update-text" aria-live="polite">
        {shown ? t('update.ready') : null}
      </p>
      {shown && (
        <p class="update-actions">
          <button
            type="button"
            class="button"
            disabled={status === 'applying'}
            onClick={() => state.update.applyUpdate()}
          >
            {status === 'applying' ? t('update.applying') : t('update.apply')}
          </button>
          <button
            type="button"
            class="button secondary"
            disabled={status === 'applying'}
            onClick={() => state.update.dismissUpdate()}
          >
            {t('update.dismiss')}
          </button>
        </p>
      )}
    </div>
  );
}
