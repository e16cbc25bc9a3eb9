// The last catalogue the service worker saw (it keeps it in CATALOGUE_CACHE for offline starts),
// read straight from Cache Storage. Used when the browser reports no connection: the catalogue
// screen can then list every course, saying which ones work offline, without any request.
import type { CatalogueEntry } from '../../shared/course';
import { CATALOGUE_CACHE } from '../../shared/offline-caches';
import { CATALOGUE_URL, parseCatalogue } from './course-api';

/** The cached catalogue, or null when there is none (or it cannot be read). Never throws. */
export async function readCachedCatalogue(): Promise<CatalogueEntry[] | null> {
  if (typeof caches === 'undefined') return null;
  try {
    // caches.match with a cacheName does not create the cache when it is missing.
    const response = await caches.match(CATALOGUE_URL, {
      cacheName: CATALOGUE_CACHE,
      ignoreVary: true,
    });
    return response ? parseCatalogue(await response.json()) : null;
  } catch {
    return null;
  }
}
