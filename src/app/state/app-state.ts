// App-wide state as signals, made once by createAppState() and passed down through context
// (see AppStateProvider). Data stored in IndexedDB is not copied here: screens subscribe to it with
// the live queries in ./live.ts. What lives here is what has no home in the database: the
// interface language, the fetched catalogue and whether the network seems reachable.
import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { CatalogueEntry } from '../../shared/course';
import { getSetting, setSetting } from '../db/settings';
import type { StoredCourse } from '../db/db';
import { createI18n, detectLanguage, isUiLanguage, type I18n, type UiLanguage } from '../i18n';
import { CourseApiError, fetchCatalogue } from '../offline/course-api';
import { downloadCourse } from '../offline/course-store';

export type CatalogueState =
  | { status: 'idle' }
  | { status: 'loading'; entries?: CatalogueEntry[] }
  | { status: 'loaded'; entries: CatalogueEntry[]; at: number }
  | { status: 'error'; error: unknown };

export interface AppState {
  language: ReadonlySignal<UiLanguage>;
  /** Translator and formatters for the current language. */
  i18n: ReadonlySignal<I18n>;
  catalogue: ReadonlySignal<CatalogueState>;
  /** False after a request failed for lack of a connection (or the browser says offline); true
   * again after any request succeeds or the browser reports a connection. */
  online: Signal<boolean>;
  /** Switch the interface language, update <html lang> and remember the choice. */
  setLanguage(lang: UiLanguage): Promise<void>;
  /** Fetch the catalogue unless a fresh copy is loaded (or `force`). Never throws. */
  loadCatalogue(options?: { force?: boolean }): Promise<void>;
  /** Fetch and store a course (see offline/course-store). Throws CourseApiError. */
  downloadCourse(courseId: string): Promise<StoredCourse>;
}

export interface AppStateOptions {
  /** Initial interface language; see loadInitialLanguage(). */
  language?: UiLanguage;
}

/** The catalogue is fetched again when older than this. */
const CATALOGUE_MAX_AGE_MS = 10 * 60_000;

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

/** Make the app's state. */
export function createAppState(options: AppStateOptions = {}): AppState {
  const language = signal<UiLanguage>(options.language ?? 'nb');
  const i18n = computed(() => createI18n(language.value));
  const catalogue = signal<CatalogueState>({ status: 'idle' });
  const online = signal(typeof navigator === 'undefined' ? true : navigator.onLine !== false);
  setDocumentLanguage(language.value);

  const noteFailure = (error: unknown) => {
    if (error instanceof CourseApiError && (error.kind === 'network' || error.kind === 'timeout'))
      online.value = false;
  };

  let catalogueRequest: Promise<void> | null = null;

  return {
    language,
    i18n,
    catalogue,
    online,

    async setLanguage(lang) {
      language.value = lang;
      setDocumentLanguage(lang);
      await setSetting('language', lang);
    },

    loadCatalogue({ force = false } = {}) {
      const current = catalogue.value;
      const fresh =
        current.status === 'loaded' && Date.now() - current.at < CATALOGUE_MAX_AGE_MS && !force;
      if (fresh) return Promise.resolve();
      if (catalogueRequest) return catalogueRequest;
      catalogue.value = {
        status: 'loading',
        entries: current.status === 'loaded' ? current.entries : undefined,
      };
      catalogueRequest = fetchCatalogue()
        .then(
          (entries) => {
            online.value = true;
            catalogue.value = { status: 'loaded', entries, at: Date.now() };
          },
          (error: unknown) => {
            noteFailure(error);
            catalogue.value = { status: 'error', error };
          },
        )
        .finally(() => {
          catalogueRequest = null;
        });
      return catalogueRequest;
    },

    async downloadCourse(courseId) {
      try {
        const course = await downloadCourse(courseId);
        online.value = true;
        return course;
      } catch (error) {
        noteFailure(error);
        throw error;
      }
    },
  };
}
