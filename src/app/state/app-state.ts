// App-wide state as signals, made once by createAppState() and passed down through context
// (see AppStateProvider). Data stored in IndexedDB is not copied here: screens subscribe to it with
// the live queries in ./live.ts. What lives here is what has no home in the database: the
// interface language, the fetched catalogue, whether the network seems reachable, and the
// browser's offers (a new app version, installation, persistent storage).
import { signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { CatalogueEntry } from '../../shared/course';
import type { StoredCourse } from '../../client-core/db/db';
import type { I18n, UiLanguage } from '../i18n';
import { readCachedCatalogue } from '../offline/catalogue-cache';
import { CourseApiError, fetchCatalogue } from '../offline/course-api';
import { fetchAndStoreCourse } from '../offline/course-store';
import { browserOffline } from '../offline/network';
import { createLanguageStore } from './language';
import { createTextSizeStore, type TextSize, type TextSizeStore } from './text-size';

export type CatalogueState =
  | { status: 'idle' }
  | { status: 'loading'; entries?: CatalogueEntry[] }
  /** `cached`: the service worker's last copy, read without a request while offline. */
  | { status: 'loaded'; entries: CatalogueEntry[]; at: number; cached?: boolean }
  | { status: 'error'; error: unknown };

/** A new version of the app: none, waiting for the learner's choice, being applied, or declined
 * for this session (the old version keeps working). */
export type UpdateStatus = 'none' | 'ready' | 'applying' | 'dismissed';

/** What the app can offer for installation on this browser. */
export type InstallOffer =
  /** Nothing to offer (unsupported, or not offered yet). */
  | 'none'
  /** The browser's install prompt is available (beforeinstallprompt). */
  | 'prompt'
  /** iPhone/iPad Safari: installation through Share → Add to Home Screen. */
  | 'ios'
  /** Running as an installed app, or just installed. */
  | 'installed';

export interface PersistenceState {
  /** Whether storage is persistent; null while unknown or where the browser cannot tell. */
  persisted: boolean | null;
  /** The browser's answer to this session's last request, if one was made. */
  answer: 'granted' | 'denied' | null;
}

export interface AppState {
  language: ReadonlySignal<UiLanguage>;
  /** Translator and formatters for the current language. */
  i18n: ReadonlySignal<I18n>;
  catalogue: ReadonlySignal<CatalogueState>;
  /** False when the browser reports no connection or a request failed for lack of one; true
   * again after a request reaches the server or the browser reports a connection. */
  online: Signal<boolean>;
  /** A waiting new version of the app (set by offline/service-worker.ts). */
  update: Signal<UpdateStatus>;
  /** Take the waiting version into use: the page reloads once it controls. Only ever called from
   * the learner's click. Replaced by startServiceWorker. */
  applyUpdate: () => void;
  /** Ask the service worker to look for a new version now (the sync server answered 426: this
   * version is too old); a version it finds announces itself through `update`. Resolves false
   * when there is no service worker to ask (development, an unsupported browser). Replaced by
   * startServiceWorker. */
  checkForUpdate: () => Promise<boolean>;
  install: Signal<InstallOffer>;
  /** Show the browser's install prompt. Replaced by startInstallPrompt. */
  promptInstall: () => Promise<void>;
  persistence: Signal<PersistenceState>;
  /** Switch the interface language, update <html lang> and remember the choice. */
  setLanguage(lang: UiLanguage): Promise<void>;
  /** The text-size setting: its value and the action that changes it. */
  textSize: TextSizeStore;
  /** Fetch the catalogue unless a fresh copy is loaded (or `force`). Never throws. Makes no
   * request when the browser reports no connection: the service worker's cached copy is used. */
  loadCatalogue(options?: { force?: boolean }): Promise<void>;
  /** Fetch a course's bundle and store it, so its pages can be shown (a full download for
   * offline use is offline/downloads.ts). Throws CourseApiError. */
  fetchCourse(courseId: string): Promise<StoredCourse>;
}

export interface AppStateOptions {
  /** Initial interface language; see loadInitialLanguage(). */
  language?: UiLanguage;
  /** Initial text size; see loadInitialTextSize(). */
  textSize?: TextSize;
}

/** The catalogue is fetched again when older than this. */
const CATALOGUE_MAX_AGE_MS = 10 * 60_000;

/** Whether a failure means the server could not be reached. */
export const isConnectionFailure = (error: unknown): boolean =>
  error instanceof CourseApiError && (error.kind === 'network' || error.kind === 'timeout');

/** Make the app's state. */
export function createAppState(options: AppStateOptions = {}): AppState {
  const { language, i18n, setLanguage } = createLanguageStore(options.language);
  const catalogue = signal<CatalogueState>({ status: 'idle' });
  const online = signal(!browserOffline());

  const noteFailure = (error: unknown) => {
    if (isConnectionFailure(error)) online.value = false;
  };

  let catalogueRequest: Promise<void> | null = null;

  const loadFromCache = async (error: CourseApiError) => {
    const entries = await readCachedCatalogue();
    catalogue.value = entries
      ? { status: 'loaded', entries, at: 0, cached: true }
      : { status: 'error', error };
  };

  const state: AppState = {
    language,
    i18n,
    catalogue,
    online,
    update: signal<UpdateStatus>('none'),
    applyUpdate: () => {},
    checkForUpdate: async () => false,
    install: signal<InstallOffer>('none'),
    promptInstall: async () => {},
    persistence: signal<PersistenceState>({ persisted: null, answer: null }),
    textSize: createTextSizeStore(options.textSize),

    setLanguage,

    loadCatalogue({ force = false } = {}) {
      const current = catalogue.value;
      const fresh =
        current.status === 'loaded' && Date.now() - current.at < CATALOGUE_MAX_AGE_MS && !force;
      if (fresh) return Promise.resolve();
      // A forced load (the connection came back) must not settle for a request already failing.
      if (catalogueRequest)
        return force
          ? catalogueRequest.then(() => state.loadCatalogue({ force: true }))
          : catalogueRequest;
      if (browserOffline()) {
        online.value = false;
        catalogueRequest = loadFromCache(new CourseApiError('network')).finally(() => {
          catalogueRequest = null;
        });
        return catalogueRequest;
      }
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
          async (error: unknown) => {
            noteFailure(error);
            if (isConnectionFailure(error)) await loadFromCache(error as CourseApiError);
            else catalogue.value = { status: 'error', error };
          },
        )
        .finally(() => {
          catalogueRequest = null;
        });
      return catalogueRequest;
    },

    async fetchCourse(courseId) {
      try {
        const course = await fetchAndStoreCourse(courseId);
        online.value = true;
        return course;
      } catch (error) {
        noteFailure(error);
        throw error;
      }
    },
  };
  return state;
}
