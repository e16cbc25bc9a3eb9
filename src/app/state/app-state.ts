// App-wide state, made once by createAppState() and passed down through context (see
// AppStateProvider). createAppState only combines stores: each feature is a small store that owns
// its signals (read-only to everyone else) and exports the actions that change them, as
// vite-plugin-pwa's useRegisterSW returns its state with its actions. Data stored in IndexedDB is
// not copied here: screens subscribe to it with the live queries in ./live.ts.
import type { UiLanguage } from '../i18n';
import { createCatalogueStore, type CatalogueStore } from '../offline/catalogue';
import { createConnectivityStore, type ConnectivityStore } from '../offline/connectivity';
import { createDownloadStore, type DownloadStore } from '../offline/download-store';
import { createInstallStore, type InstallStore } from '../offline/install';
import { createPersistenceStore, type PersistenceStore } from '../offline/persistence';
import { createUpdateStore, type UpdateStore } from '../offline/update';
import { createAnonymousSendingStore, type AnonymousSendingStore } from './anonymous-sending';
import { createFeedbackAskingStore, type FeedbackAskingStore } from './feedback-asking';
import { createLanguageStore, type LanguageStore } from './language';
import { createTextSizeStore, type TextSize, type TextSizeStore } from './text-size';

export type { CatalogueState } from '../offline/catalogue';
export { isConnectionFailure } from '../offline/connectivity';

/** The app's stores. The language (language, i18n, setLanguage) and the catalogue (catalogue,
 * loadCatalogue, reloadCatalogueIfStale, fetchCourse) are spread at the top, as most screens
 * read them; the others are one property each. */
export interface AppState extends LanguageStore, CatalogueStore {
  /** The text-size setting. */
  textSize: TextSizeStore;
  /** "Ikke spør meg om tilbakemeldinger": whether this device asks after a lesson. */
  feedbackAsking: FeedbackAskingStore;
  /** "Kan svarene dine sendes anonymt?": the choice of a learner without an account. */
  anonymousSending: AnonymousSendingStore;
  /** Whether the server seems reachable (`online`). */
  connectivity: ConnectivityStore;
  /** A new version of the app, and taking it into use. */
  update: UpdateStore;
  /** The offer to install the app. */
  install: InstallStore;
  /** Persistent storage: known state, check, request. */
  persistence: PersistenceStore;
  /** This session's downloads for offline use. */
  downloads: DownloadStore;
}

export interface AppStateOptions {
  /** Initial interface language; see loadInitialLanguage(). */
  language?: UiLanguage;
  /** Initial text size; see loadInitialTextSize(). */
  textSize?: TextSize;
}

/** Make the app's state from its stores. */
export function createAppState(options: AppStateOptions = {}): AppState {
  const connectivity = createConnectivityStore();
  const persistence = createPersistenceStore();
  return {
    ...createLanguageStore(options.language),
    ...createCatalogueStore(connectivity),
    textSize: createTextSizeStore(options.textSize),
    feedbackAsking: createFeedbackAskingStore(),
    anonymousSending: createAnonymousSendingStore(),
    connectivity,
    update: createUpdateStore(),
    install: createInstallStore(persistence),
    persistence,
    downloads: createDownloadStore(connectivity),
  };
}
