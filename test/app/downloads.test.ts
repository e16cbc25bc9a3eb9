// The download engine (src/app/offline/downloads.ts) against the fake network, the in-memory
// Cache Storage and fake-indexeddb: what is stored when, what a failure leaves behind, what a
// retry fetches again, and updates in place.
import { describe, expect, it, vi } from 'vitest';
import { getStoredCourse, getStoredLesson, storeCourse } from '../../src/client-core/db/courses';
import { db } from '../../src/client-core/db/db';
import { getDownload } from '../../src/client-core/db/downloads';
import { completeLesson } from '../../src/client-core/db/learner-actions';
import { getLessonProgress, summarise, getCourseProgress } from '../../src/client-core/db/progress';
import { courseOverview } from '../../src/client-core/db/views';
import { createI18n } from '../../src/app/i18n';
import { downloadErrorSentence } from '../../src/app/i18n/errors';
import {
  DownloadError,
  downloadCourseForOffline,
  type ByteProgress,
} from '../../src/app/offline/downloads';
import { isQuotaExceeded } from '../../src/app/offline/download-error';
import { mediaCacheName } from '../../src/shared/offline-caches';
import { setupAppTests, stubApi, mediaRequests } from '../utils/app';
import { stubStorage } from '../utils/browser';
import { installCaches, quotaError } from '../utils/cache-storage';
import { catalogueEntryOf, ferjekurs, ferjekursV2, imageBytes } from '../utils/bundles';
import { failNextWriteWithQuota } from '../utils/idb-quota';

setupAppTests();

const entry = catalogueEntryOf(ferjekurs);
const entryV2 = catalogueEntryOf(ferjekursV2);
const MEDIA = ferjekurs.media.map((m) => m.url);

async function failure(promise: Promise<unknown>): Promise<DownloadError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DownloadError);
  return error as DownloadError;
}

const available = async () => (await courseOverview(ferjekurs.id))?.availableOffline ?? false;

describe('downloading a course for offline use', () => {
  it('stores the bundle and every media file, and marks it available only at the end', async () => {
    const caches = installCaches();
    // Hold the last image back, to look at the database while the download is nearly done.
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const api = stubApi({ bundles: [ferjekurs] });
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input) === MEDIA[2]) await gate;
      return api(input, init);
    });
    const seen: ByteProgress[] = [];
    const pending = downloadCourseForOffline(ferjekurs.id, {
      entry,
      onProgress: (progress) => seen.push(progress),
    });
    await vi.waitFor(() => expect(api).toHaveBeenCalledTimes(3));
    expect(await available()).toBe(false);
    expect(await getStoredCourse(ferjekurs.id)).toBeUndefined();
    expect((await getDownload(ferjekurs.id))?.state).toBe('partial');
    expect(seen.at(-1)!.done).toBe(entry.bundleBytes + 900_000);
    release();
    await pending;

    const cache = caches.caches.get(mediaCacheName(ferjekurs.id))!;
    expect(cache.paths().sort()).toEqual([...MEDIA].sort());
    const cached = await cache.match(ferjekurs.media[1]!.url);
    expect(new Uint8Array(await cached!.arrayBuffer())).toEqual(imageBytes(500_000, 2));
    expect(cached!.headers.get('Content-Type')).toBe('image/png');

    expect((await getStoredCourse(ferjekurs.id))?.version).toBe(1);
    expect(await getStoredLesson(ferjekurs.id, 'ruta')).toBeDefined();
    expect(await getDownload(ferjekurs.id)).toMatchObject({
      state: 'complete',
      version: 1,
      hash: ferjekurs.hash,
      bundleBytes: entry.bundleBytes,
      mediaBytes: 1_200_000,
      mediaCount: 3,
    });
    expect(await available()).toBe(true);

    // Progress only grows, in bytes as they stream in (100 kB chunks), up to the total.
    const dones = seen.map((p) => p.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(new Set(dones).size).toBeGreaterThan(12);
    const total = entry.bundleBytes + 1_200_000;
    expect(seen.at(-1)).toEqual({ done: total, total });
  });

  it('stops half-way without marking anything, and the retry skips what is stored', async () => {
    const caches = installCaches();
    // The second image fails (the connection drops) on its first request.
    const fetchMock = stubApi({
      bundles: [ferjekurs],
      media: (url, n) => (url === MEDIA[1] && n === 1 ? 'offline' : 'ok'),
    });
    const error = await failure(downloadCourseForOffline(ferjekurs.id, { entry }));
    expect(error.kind).toBe('network');
    expect(downloadErrorSentence(createI18n('nb'), error)).toBe(
      'Nedlastingen stoppet fordi forbindelsen ble brutt. Det som er lastet ned, er tatt vare på. Prøv igjen når du har nett.',
    );
    expect(await available()).toBe(false);
    expect(await getStoredCourse(ferjekurs.id)).toBeUndefined();
    expect(await db.lessons.count()).toBe(0);
    expect((await getDownload(ferjekurs.id))?.state).toBe('partial');
    expect(caches.caches.get(mediaCacheName(ferjekurs.id))!.paths()).toEqual([MEDIA[0]]);

    await downloadCourseForOffline(ferjekurs.id, { entry });
    expect(await available()).toBe(true);
    // The first image was fetched once in all; the second twice (failed, then done).
    expect(mediaRequests(fetchMock)).toEqual([MEDIA[0], MEDIA[1], MEDIA[1], MEDIA[2]]);
  });

  it('does not fetch a bundle again that is stored with the same hash', async () => {
    installCaches();
    const fetchMock = stubApi({ bundles: [ferjekurs] });
    await storeCourse(ferjekurs);
    await downloadCourseForOffline(ferjekurs.id, { entry });
    expect(fetchMock.mock.calls.map(([u]) => String(u))).toEqual(MEDIA);
    expect(await available()).toBe(true);

    // Without a catalogue row the stored hash goes along as ETag: 304, nothing to download.
    fetchMock.mockClear();
    await downloadCourseForOffline(ferjekurs.id);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(new Headers(fetchMock.mock.calls[0]![1]!.headers).get('If-None-Match')).toBe(
      `"${ferjekurs.hash}"`,
    );
  });

  it('reports a full disk from Cache Storage with the space needed, and stores no bundle', async () => {
    const caches = installCaches();
    stubStorage({ usage: 499_700_000, quota: 500_000_000 });
    stubApi({ bundles: [ferjekurs] });
    const cache = await caches.open(mediaCacheName(ferjekurs.id));
    cache.failPut = (url) => {
      if (url.endsWith(MEDIA[1]!)) throw quotaError();
    };
    // Only 300 kB free: the download stops before fetching anything.
    const early = await failure(downloadCourseForOffline(ferjekurs.id, { entry }));
    expect(early.kind).toBe('quota');
    expect(early.quota).toEqual({ needed: entry.bundleBytes + 1_200_000, available: 300_000 });
    expect(downloadErrorSentence(createI18n('nb'), early).replace(/\s/g, ' ')).toContain(
      'Kurset trenger 1,2 MB, men bare 300 kB er ledig.',
    );
    expect(caches.caches.get(mediaCacheName(ferjekurs.id))!.paths()).toEqual([]);

    // With space reported, the put itself fails half-way.
    stubStorage({ usage: 2_000_000, quota: 500_000_000 });
    const error = await failure(downloadCourseForOffline(ferjekurs.id, { entry }));
    expect(error.kind).toBe('quota');
    expect(error.quota?.needed).toBe(entry.bundleBytes + 1_200_000);
    const sentence = downloadErrorSentence(createI18n('nb'), error).replace(/\s/g, ' ');
    // 498 MB reported free does not explain the failure, so the sentence does not claim it.
    expect(sentence).toMatch(
      /^Det er ikke nok lagringsplass på enheten\. Kurset trenger 1,2 MB\. Slett andre/,
    );
    expect(await available()).toBe(false);
    expect(await db.courses.count()).toBe(0);
    expect(await db.lessons.count()).toBe(0);
    // What was written stays for the retry.
    expect(cache.paths()).toEqual([MEDIA[0]]);
  });

  it('reports a full disk that Dexie wraps in an AbortError, leaving no bundle rows', async () => {
    installCaches();
    stubStorage({ usage: 2_000_000, quota: 500_000_000 });
    stubApi({ bundles: [ferjekurs] });
    // The final transaction (bundle + "complete") fails at commit.
    failNextWriteWithQuota('downloads', (row) => (row as { state: string }).state === 'complete');
    const error = await failure(downloadCourseForOffline(ferjekurs.id, { entry }));
    expect(error.kind).toBe('quota');
    // The original is Dexie's AbortError with the QuotaExceededError inside.
    const cause = error.cause as { name: string; inner?: { name: string } };
    expect(cause.name).toBe('AbortError');
    expect(cause.inner?.name).toBe('QuotaExceededError');
    expect(downloadErrorSentence(createI18n('en'), error)).toMatch(/The course needs 1\.2\sMB/);
    expect(await available()).toBe(false);
    expect(await db.courses.count()).toBe(0);
    expect(await db.lessons.count()).toBe(0);
    expect((await getDownload(ferjekurs.id))?.state).toBe('partial');
  });

  it('recognises a quota error anywhere in the chain', () => {
    expect(isQuotaExceeded(quotaError())).toBe(true);
    expect(isQuotaExceeded({ name: 'AbortError', inner: quotaError() })).toBe(true);
    expect(isQuotaExceeded({ name: 'DexieError', cause: { name: 'QuotaExceededError' } })).toBe(
      true,
    );
    expect(isQuotaExceeded({ name: 'BulkError', failures: [quotaError()] })).toBe(true);
    expect(isQuotaExceeded(new Error('x', { cause: new TypeError('y') }))).toBe(false);
    const loop: { name: string; inner?: unknown } = { name: 'AbortError' };
    loop.inner = loop;
    expect(isQuotaExceeded(loop)).toBe(false);
  });

  it('gives up on a stalled body instead of freezing, and keeps what it has', async () => {
    const caches = installCaches();
    stubApi({ bundles: [ferjekurs], media: (url) => (url === MEDIA[2] ? 'stall' : 'ok') });
    const progress: ByteProgress[] = [];
    const error = await failure(
      downloadCourseForOffline(ferjekurs.id, {
        entry,
        stallMs: 50,
        onProgress: (p) => progress.push(p),
      }),
    );
    expect(error.kind).toBe('timeout');
    expect(downloadErrorSentence(createI18n('nb'), error)).toMatch(
      /det ikke kom data på 30 sekunder/,
    );
    expect(progress.at(-1)!.done / progress.at(-1)!.total).toBeCloseTo(0.75, 1);
    expect(await available()).toBe(false);
    expect(caches.caches.get(mediaCacheName(ferjekurs.id))!.paths()).toEqual([MEDIA[0], MEDIA[1]]);
  });

  it('refuses a file that does not match the bundle (a captive portal page)', async () => {
    const caches = installCaches();
    stubApi({
      bundles: [ferjekurs],
      media: (url) =>
        url === MEDIA[0] ? { body: new TextEncoder().encode('<html>Logg inn</html>') } : 'ok',
    });
    const error = await failure(downloadCourseForOffline(ferjekurs.id, { entry }));
    expect(error.kind).toBe('payload');
    expect(caches.caches.get(mediaCacheName(ferjekurs.id))!.paths()).toEqual([]);
  });

  it('says so on an HTTP error and makes no request while the browser is offline', async () => {
    installCaches();
    const fetchMock = stubApi({ bundles: [ferjekurs], media: () => ({ status: 503 }) });
    const error = await failure(downloadCourseForOffline(ferjekurs.id, { entry }));
    expect([error.kind, error.status]).toEqual(['http', 503]);
    fetchMock.mockClear();
    const { stubOnLine } = await import('../utils/browser');
    stubOnLine(false);
    expect((await failure(downloadCourseForOffline(ferjekurs.id, { entry }))).kind).toBe('network');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('updating a downloaded course in place', () => {
  it('fetches only new media, switches at once, keeps progress and prunes old files', async () => {
    const caches = installCaches();
    // Version 1 is downloaded and the learner has done two lessons.
    stubApi({ bundles: [ferjekurs] });
    await downloadCourseForOffline(ferjekurs.id, { entry });
    await completeLesson(ferjekurs.id, 'kartet');
    await completeLesson(ferjekurs.id, 'billetten');

    // The server now has version 2; the connection drops on its new image: v1 stays whole.
    const stubbed = stubApi({
      bundles: [ferjekursV2],
      media: (_url, n) => (n === 1 ? 'offline' : 'ok'),
    });
    const error = await failure(downloadCourseForOffline(ferjekurs.id, { entry: entryV2 }));
    expect(error.kind).toBe('network');
    expect((await getStoredCourse(ferjekurs.id))?.version).toBe(1);
    expect(await available()).toBe(true);
    expect((await getStoredLesson(ferjekurs.id, 'billetten'))?.title).toBe('Billetten');

    const outcome = await downloadCourseForOffline(ferjekurs.id, { entry: entryV2 });
    expect(outcome).toEqual({ version: 2, updated: true });
    // Only the changed image was fetched (twice: failed, then done); the unchanged one never.
    expect(mediaRequests(stubbed)).toEqual([ferjekursV2.media[1]!.url, ferjekursV2.media[1]!.url]);

    const stored = await getStoredCourse(ferjekurs.id);
    expect(stored?.version).toBe(2);
    expect(await getStoredLesson(ferjekurs.id, 'billetten')).toBeUndefined();
    expect(await getStoredLesson(ferjekurs.id, 'pausen')).toBeDefined();
    expect(await getDownload(ferjekurs.id)).toMatchObject({ state: 'complete', version: 2 });
    expect(await available()).toBe(true);
    expect(caches.caches.get(mediaCacheName(ferjekurs.id))!.paths().sort()).toEqual(
      ferjekursV2.media.map((m) => m.url).sort(),
    );

    // Progress hangs on lesson ids: kept, also for the removed lesson, which no longer counts.
    expect((await getLessonProgress(ferjekurs.id, 'billetten'))?.completedAt).not.toBeNull();
    const summary = summarise(stored!.outline, await getCourseProgress(ferjekurs.id));
    expect([summary.completed, summary.total, summary.percent]).toEqual([1, 3, 33]);
  });
});
