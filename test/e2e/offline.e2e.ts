// Offline use in real Chromium against the real server: a learner downloads courses on the hotel
// Wi-Fi, then takes lessons on the ferry. "Offline" here always means the server is stopped AND
// the browser is offline (page and service worker); a TCP listener on the server's port and
// Playwright's request log prove that nothing reached the network.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mediaCacheName } from '../../src/shared/offline-caches';
import { HEAVY_COURSE_ID, HEAVY_IMAGE_COUNT, writeCatalogue } from './fixtures';
import { launchChromium, type AppServer } from './harness';
import { heading1, openControlled, TestSession } from './session';
import { countConnections, emulateNetwork, logRequests } from './network';

const EXAMPLE = { id: 'eksempel-trygg-epost', title: 'Trygg e-post for små bedrifter' };

let browser: Browser;
let coursesDir: string;
const session = new TestSession(
  () => browser,
  () => ({ coursesDir }),
);
const serve = session.serve.bind(session);
const newPage = session.newPage.bind(session);

beforeAll(async () => {
  browser = await launchChromium();
  coursesDir = await writeCatalogue();
});
afterEach(() => session.closeAll());
afterAll(() => browser?.close());

/** Download a course from its page and wait until it is available offline. */
async function downloadFromCoursePage(
  page: Page,
  base: string,
  courseId: string,
  title: string,
): Promise<void> {
  await page.goto(`${base}/kurs/${courseId}`);
  await heading1(page, title).waitFor();
  await page.getByRole('button', { name: /^Last ned \(/ }).click();
  await page.getByText('Tilgjengelig uten nett', { exact: true }).first().waitFor();
}

/** Stop the server, take the browser offline and start counting what reaches the port. */
async function goOffline(context: BrowserContext, server: AppServer) {
  await server.close(0);
  const connections = await countConnections(server.port);
  session.defer(() => connections.close());
  await context.setOffline(true);
  return connections;
}

describe('offline use', () => {
  it('cold offline start: shell, a downloaded lesson and its image come from the service worker; nothing reaches the network', async () => {
    const server = await serve();
    const { context, page } = await newPage();
    await openControlled(page, server.url);
    await downloadFromCoursePage(page, server.url, EXAMPLE.id, EXAMPLE.title);

    const connections = await goOffline(context, server);
    const requests = logRequests(context);

    const home = await page.goto(server.url);
    expect(home?.fromServiceWorker()).toBe(true);
    await heading1(page, 'Dine kurs').waitFor();
    await page.getByText('Frakoblet', { exact: true }).first().waitFor();

    await page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Kurs', exact: true })
      .click();
    await heading1(page, 'Alle kurs').waitFor();
    await page.getByRole('link', { name: EXAMPLE.title }).click();
    await heading1(page, EXAMPLE.title).waitFor();
    await page.getByRole('link', { name: 'Slik kjenner du igjen en falsk e-post' }).click();
    await heading1(page, 'Slik kjenner du igjen en falsk e-post').waitFor();
    const image = page.locator('main img').first();
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    await page.getByRole('button', { name: 'Merk som lest', exact: true }).click();
    await page.getByRole('heading', { name: 'Leksjonen er fullført' }).waitFor();

    const reload = await page.reload();
    expect(reload?.fromServiceWorker()).toBe(true);
    await heading1(page, 'Slik kjenner du igjen en falsk e-post').waitFor();
    await page.getByRole('heading', { name: 'Leksjonen er fullført' }).waitFor();
    await expect
      .poll(() =>
        page.getByRole('progressbar', { name: 'Kursfremdrift' }).getAttribute('aria-valuenow'),
      )
      .toBe('25');

    await requests.settle();
    const reachedNetwork = requests.network();
    console.info(
      `cold offline start: ${requests.records.length} requests from the page and the service worker, ${reachedNetwork.length} of them reached the network; ` +
        `the stopped server's port saw ${connections.count} TCP connections carrying ${connections.requests.length} requests ${JSON.stringify(connections.requests)}, ` +
        `${connections.appRequests().length} of them from the app`,
    );
    expect(requests.records.length).toBeGreaterThan(0);
    expect(reachedNetwork).toEqual([]);
    expect(connections.appRequests()).toEqual([]);
  });

  it('a deep link to a lesson opens offline', async () => {
    const server = await serve();
    const { context, page } = await newPage();
    await openControlled(page, server.url);
    await downloadFromCoursePage(page, server.url, EXAMPLE.id, EXAMPLE.title);
    const connections = await goOffline(context, server);

    const deep = await browser.contexts()[browser.contexts().length - 1]!.newPage();
    const response = await deep.goto(`${server.url}/kurs/${EXAMPLE.id}/test-deg-selv`);
    expect(response?.fromServiceWorker()).toBe(true);
    await heading1(deep, 'Test deg selv').waitFor();
    await deep.getByRole('heading', { name: 'Spørsmål 1 av 2' }).waitFor();
    expect(connections.appRequests()).toEqual([]);
  });

  it('a course that is not downloaded says so offline instead of failing', async () => {
    const server = await serve();
    const { context, page } = await newPage();
    await openControlled(page, server.url);
    await page.goto(`${server.url}/kurs`);
    await page.getByRole('link', { name: 'Tung nedlasting' }).waitFor();
    await goOffline(context, server);
    await page.goto(`${server.url}/kurs/${HEAVY_COURSE_ID}/bilder-1`);
    await page
      .getByText(/ikke lastet ned til enheten/)
      .first()
      .waitFor();
  });
});

// Issue 13: the screens that need the server (signing in, joining a garden, the advisor
// screens…) are no part of the precached shell (assets/online/, vite.config.ts): the worker keeps
// each one's code from the first time it is opened online, and one never opened says offline
// that it needs a connection the first time — the screen and a part of Settings alike.
describe('online-only screens', () => {
  it('are fetched once online, then served by the service worker offline; one never opened asks for a connection', async () => {
    const server = await serve();
    const { context, page } = await newPage();
    await openControlled(page, server.url);
    const online = logRequests(context);
    await page.goto(`${server.url}/konto`);
    await heading1(page, 'Konto').waitFor();
    await online.settle();
    // The page's request, and the worker's own to the network for it.
    const accountCode = [
      ...new Set(
        online.records
          .map((r) => new URL(r.url).pathname)
          .filter((path) => /^\/assets\/online\/AccountScreen-[\w-]+\.js$/.test(path)),
      ),
    ];
    expect(accountCode).toHaveLength(1);
    online.stop();
    const kept = await page.evaluate(async () => {
      const cache = await caches.open('lommekurs-online-code');
      return (await cache.keys()).map((request) => new URL(request.url).pathname);
    });
    expect(kept).toContain(accountCode[0]);

    const connections = await goOffline(context, server);
    const requests = logRequests(context);
    const account = await page.goto(`${server.url}/konto`);
    expect(account?.fromServiceWorker()).toBe(true);
    await heading1(page, 'Konto').waitFor();
    await page.getByRole('button', { name: 'Logg inn', exact: true }).first().waitFor();

    // Settings works offline, its garden part too (precached: it shows what the device knows).
    await page.goto(`${server.url}/innstillinger`);
    await heading1(page, 'Innstillinger').waitFor();
    await page.getByRole('radio', { name: 'English' }).waitFor();

    await page.goto(`${server.url}/bli-med`);
    await heading1(page, 'Denne siden trenger nett første gang').waitFor();
    await page.getByRole('button', { name: 'Last inn på nytt', exact: true }).waitFor();

    await requests.settle();
    const served = requests.records.filter((r) => new URL(r.url).pathname === accountCode[0]);
    expect(served.length).toBeGreaterThan(0);
    expect(served.every((r) => r.servedByWorker && !r.fromWorker)).toBe(true);
    expect(requests.network().filter((r) => !r.url.includes('/assets/online/'))).toEqual([]);
    expect(connections.appRequests()).toEqual([]);
  });
});

describe('downloads', () => {
  it('an interrupted download resumes without fetching stored files again', async () => {
    const first = await serve();
    const { context, page } = await newPage();
    await openControlled(page, first.url);
    await page.goto(`${first.url}/kurs/${HEAVY_COURSE_ID}`);
    await heading1(page, 'Tung nedlasting').waitFor();

    // A slow connection (for the page and the service worker, whose requests reach the
    // network), so the download is still running when the server dies.
    const network = await emulateNetwork(browser, page, first.url);
    session.defer(() => network.detach());
    await network.set({
      offline: false,
      latency: 20,
      downloadThroughput: 300 * 1024,
      uploadThroughput: -1,
    });
    await page.getByRole('button', { name: /^Last ned \(/ }).click();
    const bar = page.getByRole('progressbar', { name: /^Nedlasting av/ });
    await expect
      .poll(
        async () =>
          Number(await bar.getAttribute('aria-valuenow')) /
          Number(await bar.getAttribute('aria-valuemax')),
        {
          timeout: 30_000,
        },
      )
      .toBeGreaterThan(0.3);
    await first.kill();
    await page
      .getByText(/Nedlastingen stoppet/)
      .first()
      .waitFor();
    await expect(page.getByText('Tilgjengelig uten nett', { exact: true }).count()).resolves.toBe(
      0,
    );

    const cacheName = mediaCacheName(HEAVY_COURSE_ID);
    const storedBefore = await page.evaluate(async (name) => {
      const cache = await caches.open(name);
      return (await cache.keys()).map((request) => new URL(request.url).pathname);
    }, cacheName);
    expect(storedBefore.length).toBeGreaterThan(0);
    expect(storedBefore.length).toBeLessThan(HEAVY_IMAGE_COUNT);

    await serve({ port: first.port });
    await network.set({ offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    const requests = logRequests(context);
    await page.getByRole('button', { name: 'Prøv igjen', exact: true }).click();
    await page.getByText('Tilgjengelig uten nett', { exact: true }).first().waitFor();

    await requests.settle();
    const mediaFetched = requests
      .network()
      .map((r) => new URL(r.url).pathname)
      .filter((path) => path.includes('/media/'));
    console.info(
      `interrupted download: ${storedBefore.length} of ${HEAVY_IMAGE_COUNT} images stored before the cut, ${mediaFetched.length} fetched after it`,
    );
    expect(mediaFetched.filter((path) => storedBefore.includes(path))).toEqual([]);
    expect(mediaFetched).toHaveLength(HEAVY_IMAGE_COUNT - storedBefore.length);
  });

  it('a full disk gives a clear message and leaves no course marked available and no bundle rows', async () => {
    const server = await serve();
    const { context, page } = await newPage();
    await openControlled(page, server.url);
    // From the catalogue, so the course is not stored before the download begins.
    await page.goto(`${server.url}/kurs`);
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: 'Tung nedlasting' }) });
    await card.getByRole('button', { name: /^Last ned \(/ }).waitFor();
    // A nearly full device: 300 KB left for a 1.2 MB course.
    const { usage = 0 } = await page.evaluate(() => navigator.storage.estimate());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', {
      origin: server.url,
      quotaSize: usage + 300 * 1024,
    });
    const before = await storedRows(page, HEAVY_COURSE_ID);
    expect(before).toEqual({ hash: null, lessons: 0, download: null });
    await card.getByRole('button', { name: /^Last ned \(/ }).click();
    await page
      .getByText(/Det er ikke nok lagringsplass på enheten\. Kurset trenger/)
      .first()
      .waitFor();
    await expect(page.getByText('Tilgjengelig uten nett', { exact: true }).count()).resolves.toBe(
      0,
    );
    const after = await storedRows(page, HEAVY_COURSE_ID);
    const message = await page
      .getByText(/Det er ikke nok lagringsplass/)
      .first()
      .textContent();
    console.info(
      `quota: "${message}"; IndexedDB before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`,
    );
    expect(after.download).not.toBe('complete');
    expect({ hash: after.hash, lessons: after.lessons }).toEqual({ hash: null, lessons: 0 });
  });
});

/** What IndexedDB holds for a course: its stored version, lesson rows and download state. */
function storedRows(page: Page, courseId: string) {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('lommekurs');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const read = <T>(store: string, query: IDBValidKey | IDBKeyRange, index?: string) =>
      new Promise<T>((resolve, reject) => {
        const source = db.transaction(store).objectStore(store);
        const request = index ? source.index(index).getAll(query) : source.get(query);
        request.onsuccess = () => resolve(request.result as T);
        request.onerror = () => reject(request.error);
      });
    const course = await read<{ version: number; hash: string } | undefined>('courses', id);
    const lessons = await read<unknown[]>('lessons', id, 'courseId');
    const download = await read<{ state: string } | undefined>('downloads', id);
    db.close();
    return {
      hash: course?.hash ?? null,
      lessons: lessons.length,
      download: download?.state ?? null,
    };
  }, courseId);
}
