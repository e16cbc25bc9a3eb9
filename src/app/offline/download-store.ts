// The download store: this session's downloads of courses for offline use (running, failed or
// done), "Last ned alt", and the actions that start, cancel, retry and delete them. It lives in
// the app state, so progress outlives the screen that started it, and it is the one writer of
// `jobs` and `all`. The download itself (./downloads.ts, fetching, verifying, caching) is loaded
// on the first start, so none of it is in the first chunk.
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { CatalogueEntry } from '../../shared/course';
import type { StoredCourse } from '../../client-core/db/db';
import type { ConnectivityStore } from './connectivity';
import type { DownloadError } from './download-error';
import type { ByteProgress } from './downloads';

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

export interface DownloadStore {
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

/** Whether the catalogue lists a newer version than the stored one. */
export const hasUpdate = (entry: CatalogueEntry | undefined, course: StoredCourse | undefined) =>
  entry !== undefined &&
  course !== undefined &&
  (entry.version > course.version ||
    (entry.version === course.version && entry.hash !== course.hash));

/** The download size the catalogue gives for a course: bundle plus media. */
export const catalogueSize = (entry: CatalogueEntry): number =>
  entry.bundleBytes + entry.mediaBytes;

/** Make the download store; requests report to `connectivity` whether they reached the server. */
export function createDownloadStore(
  connectivity: Pick<ConnectivityStore, 'noteReachable'>,
): DownloadStore {
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
      let kind: JobKind = 'download';
      try {
        const [engine, stored] = await Promise.all([
          import('./downloads'),
          // The storage layer is a chunk of its own, like the download engine.
          import('../../client-core/db/courses').then((courses) =>
            courses.getStoredCourse(courseId),
          ),
        ]);
        kind = hasUpdate(options.entry, stored) ? 'update' : 'download';
        setJob(courseId, { status: 'running', kind, title, done: 0, total: 0 });
        try {
          await engine.downloadCourseForOffline(courseId, {
            entry: options.entry,
            signal: controller.signal,
            onNetwork: connectivity.noteReachable,
            onProgress: (progress) => {
              setJob(courseId, { status: 'running', kind, title, ...progress });
              onProgress?.(progress);
            },
          });
          setJob(courseId, { status: 'done', kind, title });
          return true;
        } catch (error) {
          const failure =
            error instanceof engine.DownloadError ? error : new engine.DownloadError('other');
          setJob(
            courseId,
            failure.kind === 'aborted' ? null : { status: 'failed', kind, title, error: failure },
          );
          return false;
        }
      } catch (error) {
        // The download code itself could not be loaded (an old chunk gone, no connection).
        const { DownloadError } = await import('./download-error');
        setJob(courseId, { status: 'failed', kind, title, error: new DownloadError('other') });
        console.error(error);
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
      const { deleteDownload } = await import('./downloads');
      await deleteDownload(courseId);
      setJob(courseId, null);
    },
    dismiss(courseId) {
      if (jobs.value.get(courseId)?.status !== 'running') setJob(courseId, null);
    },
  };
}
