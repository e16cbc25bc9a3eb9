// Settings: the interface language, the text size and "Ikke spør meg om tilbakemeldinger" (each
// applied at once and remembered on the device), downloads
// (automatic download of a started course, only on Wi-Fi where the device can tell), the account
// and sync (with the GDPR export and deletion), the business gardens the learner is a member of
// (Næringshage, a chunk of its own), a link to the weekly goal and study plan (a screen of its own),
// installation and a link to storage.
import { useEffect, useState } from 'preact/hooks';
import { AccountSettings } from '../components/AccountSettings';
import { DeviceDataActions } from '../components/DeviceDataActions';
import { InstallPrompt } from '../components/InstallPrompt';
import { PageHeading } from '../components/PageHeading';
import {
  DEFAULT_DOWNLOAD_SETTINGS,
  getDownloadSettings,
  setDownloadSetting,
  type DownloadSettings,
} from '../../client-core/db/settings';
import { AUTONYMS, UI_LANGUAGES, type MessageKey, type UiLanguage } from '../i18n';
import { NetworkSettings } from '../network/lazy-network-settings';
import { connectionType } from '../offline/network';
import { paths } from '../routes';
import { useAppState, useI18n } from '../state/context';
import { TEXT_SIZES, type TextSize } from '../state/text-size';
import { useTexts } from '../i18n/feature-texts';
import { feedbackTexts } from '../player/feedback-texts';
import { studyPlanLinkTexts } from '../plan/study-plan-link-texts';

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
        <TextSizeFields />
        <FeedbackAskingField />
        <DownloadSettingsFields />
      </form>
      <StudyPlanLink />
      <AccountSettings />
      <NetworkSettings />
      <DeviceDataActions />
      <InstallPrompt />
      <p class="storage-link">
        <a href={paths.storage}>{t('storage.link')}</a>
      </p>
      <p class="hint">{t('settings.version', { version: __APP_VERSION__ })}</p>
    </div>
  );
}

/** "Ukemål og studieplan" (issue 16): its own screen; here only the way to it. */
function StudyPlanLink() {
  const tl = useTexts(studyPlanLinkTexts);
  return (
    <section aria-labelledby="study-plan-link-heading">
      <h2 id="study-plan-link-heading">{tl('planLink.heading')}</h2>
      <p>
        {tl('planLink.text')} <a href={paths.studyPlan}>{tl('planLink.link')}</a>
      </p>
    </section>
  );
}

const TEXT_SIZE_LABELS: Record<TextSize, MessageKey> = {
  normal: 'settings.textSize.normal',
  large: 'settings.textSize.large',
  largest: 'settings.textSize.largest',
};

function TextSizeFields() {
  const { t } = useI18n();
  const { textSize } = useAppState();
  const [changed, setChanged] = useState(false);
  const choose = async (size: TextSize) => {
    await textSize.setTextSize(size);
    setChanged(true);
  };
  return (
    <>
      <fieldset aria-describedby="text-size-hint">
        <legend>{t('settings.textSize')}</legend>
        <p id="text-size-hint" class="hint">
          {t('settings.textSizeHint')}
        </p>
        <ul class="options">
          {TEXT_SIZES.map((size) => (
            <li key={size} class="option">
              <label class={`choice text-size-${size}`} for={`text-size-${size}`}>
                <input
                  id={`text-size-${size}`}
                  type="radio"
                  name="text-size"
                  value={size}
                  checked={textSize.textSize.value === size}
                  onChange={() => void choose(size)}
                />
                <span>{t(TEXT_SIZE_LABELS[size])}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <p class="hint" role="status">
        {changed ? t('settings.textSizeSaved') : ''}
      </p>
    </>
  );
}

/** "Ikke spør meg om tilbakemeldinger" (issue 15): a device setting, like the text size. */
function FeedbackAskingField() {
  const tf = useTexts(feedbackTexts);
  const { feedbackAsking } = useAppState();
  return (
    <div class="option">
      <label class="choice" for="feedback-asking-off">
        <input
          id="feedback-asking-off"
          type="checkbox"
          checked={feedbackAsking.askingOff.value === true}
          aria-describedby="feedback-asking-hint"
          onChange={(e) => void feedbackAsking.setAskingOff(e.currentTarget.checked)}
        />
        <span>{tf('feedback.setting')}</span>
      </label>
      <p id="feedback-asking-hint" class="hint">
        {tf('feedback.settingHint')}
      </p>
    </div>
  );
}

function DownloadSettingsFields() {
  const { t } = useI18n();
  const [settings, setSettings] = useState<DownloadSettings | null>(null);
  const [saved, setSaved] = useState(false);
  // Only Chrome on Android reports the connection type; elsewhere "only on Wi-Fi" cannot apply.
  const [wifiKnown] = useState(() => connectionType() !== null);
  useEffect(() => {
    getDownloadSettings().then(setSettings, () => setSettings(DEFAULT_DOWNLOAD_SETTINGS));
  }, []);
  const change = async <K extends keyof DownloadSettings>(key: K, value: DownloadSettings[K]) => {
    setSettings((current) => (current ? { ...current, [key]: value } : current));
    await setDownloadSetting(key, value);
    setSaved(true);
  };
  const current = settings ?? DEFAULT_DOWNLOAD_SETTINGS;
  return (
    <>
      <fieldset aria-describedby="auto-download-hint">
        <legend>{t('settings.downloads')}</legend>
        <p id="auto-download-hint" class="hint">
          {t('settings.autoDownloadHint')}
        </p>
        <ul class="options">
          <li class="option">
            <label class="choice" for="auto-download">
              <input
                id="auto-download"
                type="checkbox"
                checked={current.auto}
                disabled={settings === null}
                onChange={(e) => void change('auto', e.currentTarget.checked)}
              />
              <span>{t('settings.autoDownload')}</span>
            </label>
          </li>
          <li class="option">
            <label class="choice" for="wifi-only">
              <input
                id="wifi-only"
                type="checkbox"
                checked={wifiKnown && current.wifiOnly}
                disabled={settings === null || !wifiKnown || !current.auto}
                aria-describedby={wifiKnown ? undefined : 'wifi-unknown'}
                onChange={(e) => void change('wifiOnly', e.currentTarget.checked)}
              />
              <span>{t('settings.wifiOnly')}</span>
            </label>
            {!wifiKnown && (
              <p id="wifi-unknown" class="hint">
                {t('settings.wifiUnknown')}
              </p>
            )}
          </li>
        </ul>
      </fieldset>
      <p class="hint" role="status">
        {saved ? t('settings.downloadsSaved') : ''}
      </p>
    </>
  );
}
