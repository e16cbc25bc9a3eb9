// Settings: the interface language (applied at once and remembered on the device).
import { useState } from 'preact/hooks';
import { PageHeading } from '../components/PageHeading';
import { AUTONYMS, UI_LANGUAGES, type UiLanguage } from '../i18n';
import { useAppState, useI18n } from '../state/context';

export function SettingsScreen() {
  const { t } = useI18n();
  const state = useAppState();
  const [changed, setChanged] = useState(false);
  const choose = async (lang: UiLanguage) => {
    await state.setLanguage(lang);
    setChanged(true);
  };
  return (
    <div class="screen">
      <PageHeading title={t('settings.title')} />
      <form class="settings" onSubmit={(e) => e.preventDefault()}>
        <fieldset aria-describedby="language-hint">
          <legend>{t('settings.language')}</legend>
          <p id="language-hint" class="hint">
            {t('settings.languageHint')}
          </p>
          <ul class="options">
            {UI_LANGUAGES.map((lang) => (
              <li key={lang} class="option">
                <label class="choice" for={`language-${lang}`}>
                  <input
                    id={`language-${lang}`}
                    type="radio"
                    name="language"
                    value={lang}
                    checked={state.language.value === lang}
                    onChange={() => void choose(lang)}
                  />
                  <span lang={lang}>{AUTONYMS[lang]}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <p class="hint" role="status">
          {changed ? t('settings.languageSaved') : ''}
        </p>
      </form>
    </div>
  );
}
