// The download store: progress, cancel, failures and "Last ned alt", with the download itself
// (offline/downloads.ts, tested in test/app/downloads.test.ts) replaced by a controllable fake.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DownloadOptions } from '../../../src/app/offline/downloads';
import { DownloadError } from '../../../src/app/offline/download-error';
import { createDownloadStore } from '../../../src/app/offline/download-store';
import { catalogueEntryOf, ferjekurs, tryggEpost } from '../../utils/bundles';

const engine = vi.hoisted(() => ({
  downloadCourseForOffline: vi.fn(),
  deleteDownload: vi.fn(async () => {}),
  getStoredCourse: vi.fn(async () => undefined),
}));
vi.mock('../../../src/app/offline/downloads', async () => ({
  DownloadError: (await import('../../../src/app/offline/download-error')).DownloadError,
  downloadCourseForOffline: engine.downloadCourseForOffline,
  deleteDownload: engine.deleteDownload,
}));
vi.mock('../../../src/client-core/db/courses', () => ({ getStoredCourse: engine.getStoredCourse }));

afterEach(() => vi.clearAllMocks());

/** A download that reports progress, then waits for finish() or the abort signal. */
function pendingDownload() {
  let finish = () => {};
  engine.downloadCourseForOffline.mockImplementationOnce(
    (_id: string, options: DownloadOptions) =>
      new Promise((resolve, reject) => {
        options.onNetwork?.(true);
        options.onProgress?.({ done: 10, total: 100 });
        finish = () => resolve({ version: 1, updated: false });
        options.signal?.addEventListener('abort', () => reject(new DownloadError('aborted')));
      }),
  );
  return { finish: () => finish() };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the download store', () => {
  it('start shows progress, joins a second call, and ends "done"', async () => {
    const noteReachable = vi.fn();
    const store = createDownloadStore({ noteReachable });
    const download = pendingDownload();
    const first = store.start('trygg-epost', { title: 'Trygg e-post' });
    const second = store.start('trygg-epost');
    await flush();
    expect(store.jobs.value.get('trygg-epost')).toEqual({
      status: 'running',
      kind: 'download',
      title: 'Trygg e-post',
      done: 10,
      total: 100,
    });
    expect(store.busy.value).toBe(true);
    expect(noteReachable).toHaveBeenCalledWith(true);
    download.finish();
    expect(await Promise.all([first, second])).toEqual([true, true]);
    expect(engine.downloadCourseForOffline).toHaveBeenCalledTimes(1);
    expect(store.jobs.value.get('trygg-epost')?.status).toBe('done');
    expect(store.busy.value).toBe(false);
    store.dismiss('trygg-epost');
    expect(store.jobs.value.size).toBe(0);
  });

  it('cancel stops a download without a failure; a failure is kept until dismissed', async () => {
    const store = createDownloadStore({ noteReachable: () => {} });
    pendingDownload();
    const running = store.start('trygg-epost');
    await flush();
    store.cancel('trygg-epost');
    expect(await running).toBe(false);
    expect(store.jobs.value.has('trygg-epost')).toBe(false);

    engine.downloadCourseForOffline.mockRejectedValueOnce(new DownloadError('network'));
    expect(await store.start('trygg-epost')).toBe(false);
    const job = store.jobs.value.get('trygg-epost');
    expect(job?.status === 'failed' && job.error.kind).toBe('network');
    engine.downloadCourseForOffline.mockRejectedValueOnce(new Error('odd'));
    store.dismiss('trygg-epost');
    expect(await store.start('trygg-epost')).toBe(false);
    const other = store.jobs.value.get('trygg-epost');
    expect(other?.status === 'failed' && other.error.kind).toBe('other');
  });

  it('downloadAll goes one course after another and stops at the first failure', async () => {
    const store = createDownloadStore({ noteReachable: () => {} });
    const entries = [catalogueEntryOf(tryggEpost), catalogueEntryOf(ferjekurs)];
    engine.downloadCourseForOffline.mockResolvedValueOnce({ version: 1, updated: false });
    engine.downloadCourseForOffline.mockRejectedValueOnce(
      new DownloadError('http', { status: 500 }),
    );
    expect(await store.downloadAll(entries)).toBe(false);
    expect(store.all.value).toMatchObject({ status: 'failed', index: 2, count: 2 });

    engine.downloadCourseForOffline.mockResolvedValue({ version: 1, updated: false });
    expect(await store.downloadAll(entries)).toBe(true);
    expect(store.all.value).toEqual({ status: 'done', count: 2 });
  });

  it('cancelAll stops "Last ned alt" and clears it', async () => {
    const store = createDownloadStore({ noteReachable: () => {} });
    pendingDownload();
    const all = store.downloadAll([catalogueEntryOf(tryggEpost), catalogueEntryOf(ferjekurs)]);
    await flush();
    expect(store.all.value?.status).toBe('running');
    store.cancelAll();
    expect(await all).toBe(false);
    expect(store.all.value).toBeNull();
    expect(engine.downloadCourseForOffline).toHaveBeenCalledTimes(1);
  });

  it('remove deletes the download and forgets its job', async () => {
    const store = createDownloadStore({ noteReachable: () => {} });
    engine.downloadCourseForOffline.mockResolvedValueOnce({ version: 1, updated: false });
    await store.start('trygg-epost');
    await store.remove('trygg-epost');
    expect(engine.deleteDownload).toHaveBeenCalledWith('trygg-epost');
    expect(store.jobs.value.size).toBe(0);
  });
});
