// The interface language: its signal, the translator made from it, and the one action that
// changes it (remembered in IndexedDB, mirrored on <html lang>). boot.ts reads the stored choice
// before the first paint (readBootSettings) and main.tsx loads its dictionary, so the app never
// flashes the wrong language; a switch awaits the new language's dictionary (a chunk of its own,
// see i18n/index.ts) before anything changes.
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import {
  createI18n,
  detectLanguage,
  hasDictionary,
  isUiLanguage,
  loadDictionary,
  type I18n,
  type UiLanguage,
} from '../i18n';
import { loadStorage } from './storage';

/** The language store: the current language, its translator, and the switch. */
export interface LanguageStore {
  language: ReadonlySignal<UiLanguage>;
  /** Translator and formatters for the current language. */
  i18n: ReadonlySignal<I18n>;
  /** Load the language's dictionary, then switch the interface to it, update <html lang> and
   * remember the choice. Rejects (and changes nothing) when the dictionary cannot be loaded. */
  setLanguage(lang: UiLanguage): Promise<void>;
}

const setDocumentLanguage = (lang: UiLanguage) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
};

/** The browser's preferred interface language. */
export const browserLanguage = (): UiLanguage =>
  detectLanguage(
    typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]),
  );

/** The interface language for a stored value (see readBootSettings): the stored choice, else
 * the browser's preference. */
export const initialLanguage = (stored: unknown): UiLanguage =>
  isUiLanguage(stored) ? stored : browserLanguage();

/** The stored language choice, else the browser's preference. Never throws. */
export async function loadInitialLanguage(): Promise<UiLanguage> {
  try {
    return initialLanguage(await (await loadStorage()).getSetting<unknown>('language', null));
  } catch {
    // IndexedDB can be unavailable (some private modes): fall back rather than show nothing.
    return browserLanguage();
  }
}

/** Make the language store, starting in `initial`, whose dictionary must be loaded (main.tsx
 * awaits loadDictionary(initial) before the first render); bokmål when it is not. */
export function createLanguageStore(initial: UiLanguage = 'nb'): LanguageStore {
  const start = hasDictionary(initial) ? initial : 'nb';
  const language = signal<UiLanguage>(start);
  const i18n = computed(() => createI18n(language.value));
  setDocumentLanguage(start);
  // Not loaded (a caller that skipped main.tsx's wait): show bokmål until it arrives.
  if (start !== initial)
    void loadDictionary(initial).then(() => {
      language.value = initial;
      setDocumentLanguage(initial);
    });
  return {
    language,
    i18n,
    async setLanguage(lang) {
      await loadDictionary(lang);
      language.value = lang;
      setDocumentLanguage(lang);
      await (await loadStorage()).setSetting('language', lang);
    },
  };
}
