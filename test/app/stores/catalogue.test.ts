// The catalogue store: one request at a time, the cached copy while offline, and what each
// request saw reported to the connectivity store.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CatalogueEntry } from '../../../src/shared/course';
import { createCatalogueStore } from '../../../src/app/offline/catalogue';
import { createConnectivityStore } from '../../../src/app/offline/connectivity';
import { CourseApiError } from '../../../src/app/offline/course-api';
import { catalogueEntryOf, ferjekurs, tryggEpost } from '../../utils/bundles';
import { stubOnLine } from '../../utils/browser';

const api = vi.hoisted(() => ({
  fetchCatalogue: vi.fn(),
  readCachedCatalogue: vi.fn(),
  fetchAndStoreCourse: vi.fn(),
}));
vi.mock('../../../src/app/offline/course-api', async (original) => ({
  ...(await original<object>()),
  fetchCatalogue: api.fetchCatalogue,
}));
vi.mock('../../../src/app/offline/catalogue-cache', () => ({
  readCachedCatalogue: api.readCachedCatalogue,
}));
vi.mock('../../../src/app/offline/course-store', () => ({
  fetchAndStoreCourse: api.fetchAndStoreCourse,
}));

let entries: CatalogueEntry[];
beforeEach(() => {
  entries = [catalogueEntryOf(tryggEpost), catalogueEntryOf(ferjekurs)];
  api.readCachedCatalogue.mockResolvedValue(null);
});
afterEach(() => vi.resetAllMocks());

function stores() {
  const connectivity = createConnectivityStore();
  return { connectivity, store: createCatalogueStore(connectivity) };
}

describe('the catalogue store', () => {
  it('loads once, keeps a fresh copy, and reloads when forced', async () => {
    api.fetchCatalogue.mockResolvedValue(entries);
    const { store, connectivity } = stores();
    const first = store.loadCatalogue();
    expect(store.catalogue.value.status).toBe('loading');
    await Promise.all([first, store.loadCatalogue()]);
    expect(api.fetchCatalogue).toHaveBeenCalledTimes(1);
    expect(store.catalogue.value).toMatchObject({ status: 'loaded', entries });
    await store.loadCatalogue();
    expect(api.fetchCatalogue).toHaveBeenCalledTimes(1);
    await store.loadCatalogue({ force: true });
    expect(api.fetchCatalogue).toHaveBeenCalledTimes(2);
    expect(connectivity.online.value).toBe(true);
  });

  it('a connection failure marks offline and shows the cached copy; reloadCatalogueIfStale fetches again', async () => {
    api.fetchCatalogue.mockRejectedValueOnce(new CourseApiError('network'));
    api.readCachedCatalogue.mockResolvedValue(entries.slice(0, 1));
    const { store, connectivity } = stores();
    await store.loadCatalogue();
    expect(connectivity.online.value).toBe(false);
    expect(store.catalogue.value).toMatchObject({ status: 'loaded', cached: true });

    api.fetchCatalogue.mockResolvedValue(entries);
    await store.reloadCatalogueIfStale();
    expect(store.catalogue.value).toMatchObject({ status: 'loaded', entries });
    expect(connectivity.online.value).toBe(true);
    await store.reloadCatalogueIfStale();
    expect(api.fetchCatalogue).toHaveBeenCalledTimes(2);
  });

  it('another failure is an error, and leaves "online" alone', async () => {
    const failure = new CourseApiError('http', 500);
    api.fetchCatalogue.mockRejectedValue(failure);
    const { store, connectivity } = stores();
    await store.loadCatalogue();
    expect(store.catalogue.value).toEqual({ status: 'error', error: failure });
    expect(connectivity.online.value).toBe(true);
  });

  it('makes no request while the browser reports no connection', async () => {
    stubOnLine(false);
    const { store } = stores();
    await store.loadCatalogue();
    expect(api.fetchCatalogue).not.toHaveBeenCalled();
    expect(store.catalogue.value.status).toBe('error');
    vi.restoreAllMocks();
  });

  it('fetchCourse reports what its request saw and rethrows', async () => {
    const { store, connectivity } = stores();
    api.fetchAndStoreCourse.mockRejectedValueOnce(new CourseApiError('timeout'));
    await expect(store.fetchCourse('trygg-epost')).rejects.toBeInstanceOf(CourseApiError);
    expect(connectivity.online.value).toBe(false);
    api.fetchAndStoreCourse.mockResolvedValueOnce({ id: 'trygg-epost' });
    await expect(store.fetchCourse('trygg-epost')).resolves.toEqual({ id: 'trygg-epost' });
    expect(connectivity.online.value).toBe(true);
  });
});
