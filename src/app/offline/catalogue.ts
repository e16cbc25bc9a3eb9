// The catalogue store: the fetched list of courses (or the service worker's cached copy while
// offline), and the actions that load it and fetch a course's bundle for viewing. The one writer
// of `catalogue`; what each request saw about the network goes to the connectivity store.
import { signal, type ReadonlySignal } from '@preact/signals';
import type { CatalogueEntry } from '../../shared/course';
import type { StoredCourse } from '../../client-core/db/db';
import { readCachedCatalogue } from './catalogue-cache';
import { isConnectionFailure, type ConnectivityStore } from './connectivity';
import { CourseApiError, fetchCatalogue } from './course-api';
import { browserOffline } from './network';

export type CatalogueState =
  | { status: 'idle' }
  | { status: 'loading'; entries?: CatalogueEntry[] }
  /** `cached`: the service worker's last copy, read without a request while offline. */
  | { status: 'loaded'; entries: CatalogueEntry[]; at: number; cached?: boolean }
  | { status: 'error'; error: unknown };

export interface CatalogueStore {
  catalogue: ReadonlySignal<CatalogueState>;
  /** Fetch the catalogue unless a fresh copy is loaded (or `force`). Never throws. Makes no
   * request when the browser reports no connection: the service worker's cached copy is used. */
  loadCatalogue(options?: { force?: boolean }): Promise<void>;
  /** The connection came back: fetch the catalogue again if it failed or is only the cached
   * copy. Never throws. */
  reloadCatalogueIfStale(): Promise<void>;
  /** Fetch a course's bundle and store it, so its pages can be shown (a full download for
   * offline use is the download store). Throws CourseApiError. */
  fetchCourse(courseId: string): Promise<StoredCourse>;
}

/** The catalogue is fetched again when older than this. */
const CATALOGUE_MAX_AGE_MS = 10 * 60_000;

/** Make the catalogue store; requests report to `connectivity` whether they reached the server. */
export function createCatalogueStore(
  connectivity: Pick<ConnectivityStore, 'noteReachable' | 'noteFailure'>,
): CatalogueStore {
  const catalogue = signal<CatalogueState>({ status: 'idle' });
  let catalogueRequest: Promise<void> | null = null;

  const loadFromCache = async (error: CourseApiError) => {
    const entries = await readCachedCatalogue();
    catalogue.value = entries
      ? { status: 'loaded', entries, at: 0, cached: true }
      : { status: 'error', error };
  };

  const loadCatalogue = ({ force = false } = {}): Promise<void> => {
    const current = catalogue.value;
    const fresh =
      current.status === 'loaded' && Date.now() - current.at < CATALOGUE_MAX_AGE_MS && !force;
    if (fresh) return Promise.resolve();
    // A forced load (the connection came back) must not settle for a request already failing.
    if (catalogueRequest)
      return force ? catalogueRequest.then(() => loadCatalogue({ force: true })) : catalogueRequest;
    if (browserOffline()) {
      connectivity.noteReachable(false);
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
          connectivity.noteReachable(true);
          catalogue.value = { status: 'loaded', entries, at: Date.now() };
        },
        async (error: unknown) => {
          connectivity.noteFailure(error);
          if (isConnectionFailure(error)) await loadFromCache(error as CourseApiError);
          else catalogue.value = { status: 'error', error };
        },
      )
      .finally(() => {
        catalogueRequest = null;
      });
    return catalogueRequest;
  };

  return {
    catalogue,
    loadCatalogue,
    reloadCatalogueIfStale() {
      const current = catalogue.value;
      if (current.status === 'error' || (current.status === 'loaded' && current.cached))
        return loadCatalogue({ force: true });
      return Promise.resolve();
    },
    async fetchCourse(courseId) {
      try {
        // Storing needs the storage layer, a chunk of its own (not in the first paint's).
        const { fetchAndStoreCourse } = await import('./course-store');
        const course = await fetchAndStoreCourse(courseId);
        connectivity.noteReachable(true);
        return course;
      } catch (error) {
        connectivity.noteFailure(error);
        throw error;
      }
    },
  };
}
