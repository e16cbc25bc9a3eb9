// "Installer Lommekurs": the browser's install prompt on a button (Chromium), the two steps for
// iPhone and iPad, and nothing when the app already runs installed or the browser offers nothing.
import { useAppState, useI18n } from '../state/context';

export function InstallPrompt() {
  const { t } = useI18n();
  const state = useAppState();
  const offer = state.install.offer.value;
  if (offer !== 'prompt' && offer !== 'ios') return null;
  return (
    <section class="install" aria-labelledby="install-heading">
      <h2 id="install-heading">{t('install.heading')}</h2>
      {offer === 'prompt' ? (
        <>
          <p>{t('install.hint')}</p>
          <p class="actions">
            <button type="button" class="button" onClick={() => void state.install.promptInstall()}>
              {t('install.button')}
            </button>
          </p>
        </>
      ) : (
        <p>{t('install.ios')}</p>
      )}
    </section>
  );
}
