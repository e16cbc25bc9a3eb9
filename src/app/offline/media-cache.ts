// Course media in Cache Storage: one cache per course (named in src/shared/offline-caches.ts, so
// the service worker serves from the same place), each file under its versioned URL. A changed
// file has a new URL, so a cached copy is never stale, and an update only fetches what changed.
import type { MediaFile } from '../../shared/course';
import { mediaCacheName } from '../../shared/offline-caches';

/** Cache Storage exists (it does not on plain http, except localhost). */
export const cacheStorageAvailable = (): boolean => typeof caches !== 'undefined';

const absolute = (url: string): string =>
  new URL(url, typeof location === 'undefined' ? 'http://localhost/' : location.href).href;

/** The media cache of a course (created when missing). */
export const openMediaCache = (courseId: string): Promise<Cache> =>
  caches.open(mediaCacheName(courseId));

/** Whether a media file is already stored. */
export async function hasMedia(cache: Cache, file: MediaFile): Promise<boolean> {
  return (await cache.match(file.url, { ignoreVary: true })) !== undefined;
}

/** Store a media file's verified bytes under its URL. */
export async function putMedia(cache: Cache, file: MediaFile, body: Uint8Array): Promise<void> {
  const response = new Response(body as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: { 'Content-Type': file.type, 'Content-Length': String(body.length) },
  });
  await cache.put(file.url, response);
}

/** Delete the cached files of a course that its current media list no longer has. */
export async function pruneMedia(courseId: string, keep: readonly MediaFile[]): Promise<void> {
  if (!cacheStorageAvailable() || !(await caches.has(mediaCacheName(courseId)))) return;
  const cache = await openMediaCache(courseId);
  const wanted = new Set(keep.map((file) => absolute(file.url)));
  for (const request of await cache.keys()) {
    if (!wanted.has(absolute(request.url))) await cache.delete(request);
  }
}

/** Remove a course's media cache entirely. */
export async function deleteMediaCache(courseId: string): Promise<void> {
  if (cacheStorageAvailable()) await caches.delete(mediaCacheName(courseId));
}

/** Bytes of a course's cached media: listed sizes for known URLs, stored lengths for the rest. */
export async function cachedMediaBytes(
  courseId: string,
  known: readonly MediaFile[] = [],
): Promise<number> {
  if (!cacheStorageAvailable() || !(await caches.has(mediaCacheName(courseId)))) return 0;
  const sizes = new Map(known.map((file) => [absolute(file.url), file.bytes]));
  const cache = await openMediaCache(courseId);
  let total = 0;
  for (const request of await cache.keys()) {
    const listed = sizes.get(absolute(request.url));
    if (listed !== undefined) {
      total += listed;
      continue;
    }
    const response = await cache.match(request, { ignoreVary: true });
    const length = Number(response?.headers.get('Content-Length'));
    total +=
      Number.isFinite(length) && length > 0
        ? length
        : ((await response?.arrayBuffer())?.byteLength ?? 0);
  }
  return total;
}
