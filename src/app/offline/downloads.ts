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
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import {
  bundleUrl,
  type CatalogueEntry,
  type CourseBundle,
  type MediaFile,
} from '../../shared/course';
import { getStoredCourse } from '../../client-core/db/courses';
import type { StoredCourse } from '../../client-core/db/db';
import {
  completeDownload,
  forgetDownload,
  getDownload,
  isAvailableOffline,
  noteDownloadStarted,
  type DownloadTarget,
} from '../../client-core/db/downloads';
import type { AppState } from '../state/app-state';
import { CourseApiError, isCourseBundle } from './course-api';
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

/** Whether the catalogue lists a newer version than the stored one. */
export const hasUpdate = (entry: CatalogueEntry | undefined, course: StoredCourse | undefined) =>
  entry !== undefined &&
  course !== undefined &&
  (entry.version > course.version ||
    (entry.version === course.version && entry.hash !== course.hash));

/** The download size the catalogue gives for a course: bundle plus media. */
export const catalogueSize = (entry: CatalogueEntry): number =>
  entry.bundleBytes + entry.mediaBytes;

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

// ---- The app's download manager: one per app state, so progress outlives the screen. ----

export type JobKind = 'download' | 'update';

export type Job =
  | ({ status: 'running'; kind: JobKind; title: string } & ByteProgress)
  | { status: 'failed'; kind: JobKind; title: string; error: DownloadError }
  | { status: 'done'; kind: JobKind; title: string };

export type AllJob =
  | ({ status: 'running'; index: number; count: number } & ByteProgress)
  | ({ status: 'failed'; index: number; count: number; error: DownloadError } & ByteProgress)
  | { status: 'done'; count: number };

export interface StartOptions {
  entry?: CatalogueEntry;
  /** Shown in the progress label until the bundle is known. */
  title?: string;
}

export interface DownloadManager {
  /** Downloads of this session by course id: running, failed or done. */
  jobs: ReadonlySignal<ReadonlyMap<string, Job>>;
  /** "Download everything", while and after it runs. */
  all: ReadonlySignal<AllJob | null>;
  /** Whether any download is running. */
  busy: ReadonlySignal<boolean>;
  /** Download (or resume, or update) a course. Resolves to whether it is now available offline;
   * never rejects. A second call while one runs joins it. */
  start(courseId: string, options?: StartOptions): Promise<boolean>;
  /** Stop a running download (what is stored stays for a later resume). */
  cancel(courseId: string): void;
  /** Download these courses one after another, stopping at the first failure. */
  downloadAll(entries: readonly CatalogueEntry[]): Promise<boolean>;
  cancelAll(): void;
  /** Delete a course's download (see deleteDownload). */
  remove(courseId: string): Promise<void>;
  /** Forget a finished or failed job (after its message was shown). */
  dismiss(courseId: string): void;
}

const managers = new WeakMap<AppState, DownloadManager>();

/** The download manager of an app state. */
export function downloadsFor(state: AppState): DownloadManager {
  let manager = managers.get(state);
  if (!manager) {
    manager = createDownloadManager(state);
    managers.set(state, manager);
  }
  return manager;
}

function createDownloadManager(state: AppState): DownloadManager {
  const jobs = signal<ReadonlyMap<string, Job>>(new Map());
  const all = signal<AllJob | null>(null);
  const running = new Map<string, { promise: Promise<boolean>; controller: AbortController }>();
  let allController: AbortController | null = null;

  const setJob = (courseId: string, job: Job | null) => {
    const next = new Map(jobs.value);
    if (job) next.set(courseId, job);
    else next.delete(courseId);
    jobs.value = next;
  };
  const onNetwork = (reachable: boolean) => {
    state.online.value = reachable;
  };

  function start(
    courseId: string,
    options: StartOptions = {},
    onProgress?: (progress: ByteProgress) => void,
  ): Promise<boolean> {
    const current = running.get(courseId);
    if (current) return current.promise;
    const controller = new AbortController();
    const title = options.entry?.title ?? options.title ?? courseId;
    const promise = (async () => {
      const stored = await getStoredCourse(courseId);
      const kind: JobKind = hasUpdate(options.entry, stored) ? 'update' : 'download';
      setJob(courseId, { status: 'running', kind, title, done: 0, total: 0 });
      try {
        await downloadCourseForOffline(courseId, {
          entry: options.entry,
          signal: controller.signal,
          onNetwork,
          onProgress: (progress) => {
            setJob(courseId, { status: 'running', kind, title, ...progress });
            onProgress?.(progress);
          },
        });
        setJob(courseId, { status: 'done', kind, title });
        return true;
      } catch (error) {
        const failure = error instanceof DownloadError ? error : new DownloadError('other');
        setJob(
          courseId,
          failure.kind === 'aborted' ? null : { status: 'failed', kind, title, error: failure },
        );
        return false;
      } finally {
        running.delete(courseId);
      }
    })();
    running.set(courseId, { promise, controller });
    return promise;
  }

  return {
    jobs,
    all,
    busy: computed(() => [...jobs.value.values()].some((job) => job.status === 'running')),
    start: (courseId, options) => start(courseId, options),
    cancel(courseId) {
      running.get(courseId)?.controller.abort();
    },
    async downloadAll(entries) {
      if (all.value?.status === 'running') return false;
      const controller = new AbortController();
      allController = controller;
      const count = entries.length;
      const total = entries.reduce((sum, entry) => sum + catalogueSize(entry), 0);
      let base = 0;
      for (const [i, entry] of entries.entries()) {
        if (controller.signal.aborted) break;
        all.value = { status: 'running', index: i + 1, count, done: base, total };
        const stop = () => running.get(entry.id)?.controller.abort();
        controller.signal.addEventListener('abort', stop);
        const ok = await start(entry.id, { entry }, (progress) => {
          all.value = { status: 'running', index: i + 1, count, done: base + progress.done, total };
        });
        controller.signal.removeEventListener('abort', stop);
        if (!ok) {
          const job = jobs.value.get(entry.id);
          all.value =
            job?.status === 'failed'
              ? { status: 'failed', index: i + 1, count, done: base, total, error: job.error }
              : null;
          allController = null;
          return false;
        }
        base += catalogueSize(entry);
      }
      allController = null;
      all.value = controller.signal.aborted ? null : { status: 'done', count };
      return !controller.signal.aborted;
    },
    cancelAll() {
      allController?.abort();
    },
    async remove(courseId) {
      running.get(courseId)?.controller.abort();
      await deleteDownload(courseId);
      setJob(courseId, null);
    },
    dismiss(courseId) {
      if (jobs.value.get(courseId)?.status !== 'running') setJob(courseId, null);
    },
  };
}
