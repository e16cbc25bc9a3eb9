// The trip pack: downloading a course in full for offline use, and updating one in place.
//
// A course is available offline only when its bundle (IndexedDB) and every media file it lists
// (Cache Storage) are stored; src/app/db/downloads.ts records that. A download:
//   1. takes the bundle: the stored one when it has the wanted hash, else fetches it (streamed,
//      counted) and keeps it in memory — the stored version stays playable meanwhile;
//   2. checks which media files are cached already (an interrupted download resumes there) and
//      whether the rest fits (navigator.storage.estimate);
//   3. fetches each missing file with a reader, counting bytes, with a stall timer, verifies its
//      size and SHA-256, and puts it into the course's cache;
//   4. in one IndexedDB transaction stores the new bundle (if any) and marks the download
//      complete — the switch to a new version is atomic;
//   5. deletes cached files the new version no longer lists.
// A failure at any step leaves no course marked available and no partial bundle; media already
// cached stay for the retry.
import {
  bundleUrl,
  type CatalogueEntry,
  type CourseBundle,
  type MediaFile,
} from '../../shared/course';
import { getStoredCourse } from '../../client-core/db/courses';
import {
  completeDownload,
  forgetDownload,
  getDownload,
  isAvailableOffline,
  noteDownloadStarted,
  type DownloadTarget,
} from '../../client-core/db/downloads';
import { CourseApiError, isCourseBundle } from './course-api';
import { catalogueSize } from './download-store';
import { DownloadError, toDownloadError } from './download-error';
import {
  cacheStorageAvailable,
  deleteMediaCache,
  hasMedia,
  openMediaCache,
  pruneMedia,
  putMedia,
} from './media-cache';
import { browserOffline } from './network';
import { freeBytes } from './persistence';
import { fetchBytes } from './stream';

export { DownloadError } from './download-error';
export { catalogueSize, hasUpdate } from './download-store';

/** Bytes done of bytes in total. */
export interface ByteProgress {
  done: number;
  total: number;
}

export interface DownloadOptions {
  /** The catalogue row of the version to download. Without it the server's current bundle is
   * asked for with the stored bundle's hash as ETag, so an unchanged bundle is not sent again. */
  entry?: CatalogueEntry;
  onProgress?: (progress: ByteProgress) => void;
  signal?: AbortSignal;
  /** No bytes for this long fails the download (default 30 s). */
  stallMs?: number;
  /** Told whether a request reached the server (true) or failed for lack of a connection. */
  onNetwork?: (reachable: boolean) => void;
}

export interface DownloadOutcome {
  version: number;
  /** A new version replaced the stored one. */
  updated: boolean;
}

const hex = (buffer: ArrayBuffer) =>
  Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');

/** The bytes are the file the bundle lists: same length and, where Web Crypto exists (secure
 * contexts), the same SHA-256. Keeps a captive portal's HTML page out of the cache for ever. */
async function verify(file: MediaFile, body: Uint8Array): Promise<boolean> {
  if (body.length !== file.bytes) return false;
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return true;
  return hex(await subtle.digest('SHA-256', body as Uint8Array<ArrayBuffer>)) === file.sha256;
}

/**
 * Download a course in full (or update it in place) for offline use. Resolves when the course is
 * available offline; rejects with a DownloadError. Resuming is just calling it again.
 */
export async function downloadCourseForOffline(
  courseId: string,
  options: DownloadOptions = {},
): Promise<DownloadOutcome> {
  const { entry, signal, stallMs, onNetwork } = options;
  let done = 0;
  let total = entry ? catalogueSize(entry) : 0;
  let needed = total;
  const report = () => options.onProgress?.({ done: Math.min(done, total), total });
  const reached = <T>(value: T): T => {
    onNetwork?.(true);
    return value;
  };

  try {
    if (browserOffline()) throw new DownloadError('network');
    if (!cacheStorageAvailable()) throw new DownloadError('unsupported');
    const [stored, row] = await Promise.all([getStoredCourse(courseId), getDownload(courseId)]);
    report();

    // Every fetch below counts its bytes into the progress and fails when it stalls.
    const counted = {
      signal,
      stallMs,
      onBytes: (n: number) => {
        done += n;
        report();
      },
    };

    // 1. The bundle: the stored one when it is the wanted version, else the server's.
    let fresh: { bundle: CourseBundle; bytes: number } | null = null;
    if (!(stored && entry && stored.hash === entry.hash)) {
      const response = await fetchBytes(bundleUrl(courseId), {
        headers: {
          Accept: 'application/json',
          ...(stored && !entry ? { 'If-None-Match': `"${stored.hash}"` } : {}),
        },
        ...counted,
      }).then(reached);
      if (response.response.status !== 304) fresh = parseBundle(courseId, response);
      // A server that ignores If-None-Match sends the stored bundle again: nothing new to store.
      if (fresh && stored && fresh.bundle.hash === stored.hash) fresh = null;
    } else if (entry) {
      total = entry.mediaBytes;
    }
    const bundle: Omit<CourseBundle, 'lessons'> | undefined = fresh?.bundle ?? stored;
    if (!bundle) throw new DownloadError('payload');
    if (!fresh && isAvailableOffline(stored, row)) {
      done = total;
      report();
      return { version: bundle.version, updated: false };
    }
    const mediaBytes = bundle.media.reduce((sum, file) => sum + file.bytes, 0);
    const bundleBytes = fresh?.bytes ?? stored?.bytes ?? 0;
    total = (fresh ? fresh.bytes : 0) + mediaBytes;
    done = fresh ? fresh.bytes : 0;
    needed = total;
    report();

    const target: DownloadTarget = {
      courseId,
      title: bundle.title,
      language: bundle.language,
      version: bundle.version,
      hash: bundle.hash,
      bundleBytes,
      mediaBytes,
      mediaCount: bundle.media.length,
    };
    await noteDownloadStarted(target);

    // 2. What is missing, and whether it fits.
    const cache = await openMediaCache(courseId);
    const missing: MediaFile[] = [];
    for (const file of bundle.media) {
      if (await hasMedia(cache, file)) done += file.bytes;
      else missing.push(file);
    }
    report();
    const remaining = missing.reduce((sum, file) => sum + file.bytes, 0) + (fresh?.bytes ?? 0);
    const free = await freeBytes();
    if (free !== null && free < remaining)
      throw new DownloadError('quota', { quota: { needed: total, available: free } });

    // 3. The missing media, one after another (a slow link shares badly).
    for (const file of missing) {
      signal?.throwIfAborted();
      const before = done;
      const { response, body } = await fetchBytes(file.url, counted).then(reached);
      if (!response.ok || !body) throw new DownloadError('http', { status: response.status });
      if (!(await verify(file, body))) throw new DownloadError('payload');
      await putMedia(cache, file, body);
      done = before + file.bytes;
      report();
    }
    signal?.throwIfAborted();

    // 4. The switch: bundle and "complete" together. 5. Files the new version dropped.
    await completeDownload(target, fresh?.bundle ?? null);
    await pruneMedia(courseId, bundle.media);
    done = total;
    report();
    return { version: bundle.version, updated: fresh !== null && stored !== undefined };
  } catch (error) {
    const failure = await toDownloadError(error, {
      aborted: signal?.aborted ?? false,
      quota: async () => ({ needed, available: await freeBytes() }),
    });
    if (failure.kind === 'network' || failure.kind === 'timeout') onNetwork?.(false);
    throw failure;
  }
}

function parseBundle(
  courseId: string,
  { response, body }: { response: Response; body: Uint8Array | null },
): { bundle: CourseBundle; bytes: number } {
  if (!response.ok || !body) throw new CourseApiError('http', response.status);
  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder().decode(body));
  } catch (cause) {
    throw new CourseApiError('payload', 0, { cause });
  }
  if (!isCourseBundle(payload, courseId)) throw new CourseApiError('payload');
  return { bundle: payload, bytes: body.length };
}

/** Remove a course's download: its media cache, its stored bundle and its record. Progress stays. */
export async function deleteDownload(courseId: string): Promise<void> {
  await forgetDownload(courseId);
  await deleteMediaCache(courseId);
}
