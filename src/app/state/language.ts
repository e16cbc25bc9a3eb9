// The interface language: its signal, the translator made from it, and the one action that
// changes it (remembered in IndexedDB, mirrored on <html lang>). main.tsx reads the stored choice
// before the first paint (loadInitialLanguage) so the app never flashes the wrong language.
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { getSetting, setSetting } from '../../client-core/db/settings';
import { createI18n, detectLanguage, isUiLanguage, type I18n, type UiLanguage } from '../i18n';

/** The language store: the current language, its translator, and the switch. */
export interface LanguageStore {
  language: ReadonlySignal<UiLanguage>;
  /** Translator and formatters for the current language. */
  i18n: ReadonlySignal<I18n>;
  /** Switch the interface language, update <html lang> and remember the choice. */
  setLanguage(lang: UiLanguage): Promise<void>;
}

const setDocumentLanguage = (lang: UiLanguage) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
};

/** The stored language choice, else the browser's preference. Never throws. */
export async function loadInitialLanguage(): Promise<UiLanguage> {
  const fallback = detectLanguage(
    typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]),
  );
  try {
    const stored = await getSetting<unknown>('language', null);
    return isUiLanguage(stored) ? stored : fallback;
  } catch {
    // IndexedDB can be unavailable (some private modes): fall back rather than show nothing.
    return fallback;
  }
}

/** Make the language store, starting in `initial` (see loadInitialLanguage()). */
export function createLanguageStore(initial: UiLanguage = 'nb'): LanguageStore {
  const language = signal<UiLanguage>(initial);
  const i18n = computed(() => createI18n(language.value));
  setDocumentLanguage(initial);
  return {
    language,
    i18n,
    async setLanguage(lang) {
      language.value = lang;
      setDocumentLanguage(lang);
      await setSetting('language', lang);
    },
  };
}
