// A small in-memory Cache Storage (jsdom has none), faithful where the app depends on it: keys are
// absolute URLs (a relative string resolves against the page), query strings count unless
// `ignoreSearch`, every match returns a fresh Response, put reads the whole body (and fails on a
// used one), and a cache is created by open() only. `failPut` simulates a full disk.
import { vi } from 'vitest';

interface Entry {
  url: string;
  body: Uint8Array;
  status: number;
  headers: [string, string][];
}

const urlOf = (request: RequestInfo | URL): string =>
  new URL(
    typeof request === 'string' ? request : request instanceof URL ? request.href : request.url,
    location.href,
  ).href;

const withoutSearch = (url: string) => url.replace(/[?#].*$/, '');

/** The error a browser throws when the origin's quota is used up. */
export const quotaError = () =>
  new DOMException('The quota has been exceeded.', 'QuotaExceededError');

export class FakeCache implements Cache {
  readonly entries = new Map<string, Entry>();
  /** Called before each put with the URL; throw from it to make the put fail. */
  failPut: ((url: string) => void) | null = null;

  private find(request: RequestInfo | URL, options?: CacheQueryOptions): Entry[] {
    const url = urlOf(request);
    if (!options?.ignoreSearch) {
      const entry = this.entries.get(url);
      return entry ? [entry] : [];
    }
    return [...this.entries.values()].filter((e) => withoutSearch(e.url) === withoutSearch(url));
  }

  async match(request: RequestInfo | URL, options?: CacheQueryOptions) {
    const entry = this.find(request, options)[0];
    if (!entry) return undefined;
    return new Response(entry.body.slice(), { status: entry.status, headers: entry.headers });
  }

  async matchAll(request?: RequestInfo | URL, options?: CacheQueryOptions) {
    const entries = request ? this.find(request, options) : [...this.entries.values()];
    return entries.map(
      (e) => new Response(e.body.slice(), { status: e.status, headers: e.headers }),
    );
  }

  async put(request: RequestInfo | URL, response: Response) {
    const url = urlOf(request);
    if (response.bodyUsed) throw new TypeError('Response body is already used');
    if (response.status === 206) throw new TypeError('Partial response');
    this.failPut?.(url);
    const body = new Uint8Array(await response.arrayBuffer());
    this.entries.set(url, {
      url,
      body,
      status: response.status,
      headers: [...response.headers.entries()],
    });
  }

  async add(): Promise<void> {
    throw new Error('FakeCache.add is not implemented');
  }

  async addAll(): Promise<void> {
    throw new Error('FakeCache.addAll is not implemented');
  }

  async delete(request: RequestInfo | URL, options?: CacheQueryOptions) {
    const found = this.find(request, options);
    for (const entry of found) this.entries.delete(entry.url);
    return found.length > 0;
  }

  async keys(request?: RequestInfo | URL, options?: CacheQueryOptions) {
    const entries = request ? this.find(request, options) : [...this.entries.values()];
    return entries.map((e) => new Request(e.url));
  }

  /** The URLs stored, relative to the page's origin (for assertions). */
  paths(): string[] {
    return [...this.entries.keys()].map((url) => {
      const u = new URL(url);
      return u.pathname + u.search;
    });
  }
}

export class FakeCacheStorage implements CacheStorage {
  readonly caches = new Map<string, FakeCache>();

  async open(name: string) {
    let cache = this.caches.get(name);
    if (!cache) {
      cache = new FakeCache();
      this.caches.set(name, cache);
    }
    return cache;
  }

  async has(name: string) {
    return this.caches.has(name);
  }

  async delete(name: string) {
    return this.caches.delete(name);
  }

  async keys() {
    return [...this.caches.keys()];
  }

  async match(request: RequestInfo | URL, options?: MultiCacheQueryOptions) {
    const names = options?.cacheName ? [options.cacheName] : [...this.caches.keys()];
    for (const name of names) {
      const response = await this.caches.get(name)?.match(request, options);
      if (response) return response;
    }
    return undefined;
  }
}

/** Give the page a fresh in-memory Cache Storage for this test. */
export function installCaches(): FakeCacheStorage {
  const storage = new FakeCacheStorage();
  vi.stubGlobal('caches', storage);
  return storage;
}
