// Updates in real Chromium: a new app version waits until the learner chooses it (and the old one
// keeps working offline if they don't), and a new course version is taken in place with the
// learner's progress kept.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { HEAVY_COURSE_ID, writeCatalogue } from './fixtures';
import { launchChromium } from './harness';
import { heading1, openControlled, TestSession } from './session';
import { countConnections, logRequests } from './network';

const V1 = (await import('../../package.json', { with: { type: 'json' } })).default.version;
const V2 = `${V1}-e2e-next`;
const EXAMPLE = { id: 'eksempel-trygg-epost', title: 'Trygg e-post for små bedrifter' };
const QUIZ = { id: 'test-deg-selv', title: 'Test deg selv' };

let browser: Browser;
let v2Dist: string;
const session = new TestSession(() => browser);
const serve = session.serve.bind(session);
const newPage = session.newPage.bind(session);

beforeAll(async () => {
  browser = await launchChromium();
  // Build v2 of the app: the same sources with another version, so every chunk gets a new hash.
  v2Dist = await mkdtemp(join(tmpdir(), 'lommekurs-dist-v2-'));
  process.env.APP_VERSION = V2;
  try {
    await build({ logLevel: 'silent', build: { outDir: v2Dist, emptyOutDir: true } });
  } finally {
    delete process.env.APP_VERSION;
  }
}, 120_000);
afterEach(() => session.closeAll());
afterAll(async () => {
  await browser?.close();
  await rm(v2Dist, { recursive: true, force: true });
});

async function shownVersion(page: Page, base: string): Promise<string> {
  await page.goto(`${base}/innstillinger`);
  const text = await page.getByText(/^Lommekurs versjon /).textContent();
  return text!.replace('Lommekurs versjon ', '');
}

/** Serve v1, open it, store the example course, then serve v2 on the same origin and let the
 * browser find the waiting worker. */
async function v1WithV2Waiting() {
  const v1 = await serve({ distDir: 'dist' });
  const { context, page } = await newPage();
  await openControlled(page, v1.url);
  expect(await shownVersion(page, v1.url)).toBe(V1);
  await page.goto(`${v1.url}/kurs/${EXAMPLE.id}`);
  await heading1(page, EXAMPLE.title).waitFor();
  await v1.close(0);
  const v2 = await serve({ distDir: v2Dist, port: v1.port });
  await page.goto(`${v2.url}/kurs/${EXAMPLE.id}/${QUIZ.id}`);
  await heading1(page, QUIZ.title).waitFor();
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
  await page.getByText('Ny versjon er klar').waitFor();
  return { context, page, server: v2 };
}

describe('app updates are the learner’s choice', () => {
  it('never reloads by itself; declining keeps the old version working offline, lazy chunks too', async () => {
    const { context, page, server } = await v1WithV2Waiting();
    // In the middle of a quiz: the banner waits, the page is not reloaded under the learner.
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await page.getByRole('radio').first().check();
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    await expect(page.getByRole('radio').first().isChecked()).resolves.toBe(true);

    await page.getByRole('button', { name: 'Ikke nå', exact: true }).click();
    await expect.poll(() => page.getByText('Ny versjon er klar').count()).toBe(0);

    await server.close(0);
    const connections = await countConnections(server.port);
    session.defer(() => connections.close());
    await context.setOffline(true);
    const requests = logRequests(context);
    expect(await shownVersion(page, server.url)).toBe(V1);
    await page.goto(`${server.url}/kurs/${EXAMPLE.id}/${QUIZ.id}`);
    await heading1(page, QUIZ.title).waitFor();
    await page.getByRole('heading', { name: 'Spørsmål 1 av 2' }).waitFor();
    await requests.settle();
    console.info(
      `declined update, offline: version ${V1}; ${requests.network().length} requests reached the network`,
    );
    expect(requests.network()).toEqual([]);
    expect(connections.appRequests()).toEqual([]);
  });

  it('accepting reloads into the new version, whose lazy chunks then load offline', async () => {
    const { context, page, server } = await v1WithV2Waiting();
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'Oppdater', exact: true }).click(),
    ]);
    expect(await shownVersion(page, server.url)).toBe(V2);

    await server.close(0);
    await context.setOffline(true);
    const requests = logRequests(context);
    await page.goto(`${server.url}/kurs/${EXAMPLE.id}/${QUIZ.id}`);
    await heading1(page, QUIZ.title).waitFor();
    await page.getByRole('heading', { name: 'Spørsmål 1 av 2' }).waitFor();
    await requests.settle();
    const chunks = requests.records.filter((r) => /\/assets\/.*\.js$/.test(r.url));
    console.info(
      `accepted update: version ${V2}; ${chunks.length} JS chunks loaded offline, all from the service worker: ${chunks.every((c) => c.servedByWorker)}`,
    );
    expect(requests.network()).toEqual([]);
  });
});

describe('course updates', () => {
  it('a new course version is taken in place and keeps the learner’s progress', async () => {
    const v1Courses = await writeCatalogue();
    const v2Courses = await writeCatalogue({
      heavyVersion: 2,
      heavyLessons: ['bilder-1', 'quiz', 'bilder-3'],
    });
    const first = await serve({ coursesDir: v1Courses });
    const { page } = await newPage();
    await openControlled(page, first.url);
    await page.goto(`${first.url}/kurs/${HEAVY_COURSE_ID}`);
    await heading1(page, 'Tung nedlasting').waitFor();
    await page.getByRole('button', { name: /^Last ned \(/ }).click();
    await page.getByText('Tilgjengelig uten nett', { exact: true }).first().waitFor();
    for (const lesson of ['bilder-1', 'bilder-2']) {
      await page.goto(`${first.url}/kurs/${HEAVY_COURSE_ID}/${lesson}`);
      await page.getByRole('button', { name: 'Merk som lest', exact: true }).click();
      await page.getByRole('heading', { name: 'Leksjonen er fullført' }).waitFor();
    }

    await first.close(0);
    const second = await serve({ coursesDir: v2Courses, port: first.port });
    await page.goto(`${second.url}/kurs`);
    await page.goto(`${second.url}/kurs/${HEAVY_COURSE_ID}`);
    await page.getByText('Oppdatering tilgjengelig').first().waitFor();
    await page.getByRole('button', { name: /^Oppdater kurset \(/ }).click();
    await expect
      .poll(() => page.getByText('Oppdatering tilgjengelig').count(), { timeout: 20_000 })
      .toBe(0);
    await page.getByText('Tilgjengelig uten nett', { exact: true }).first().waitFor();

    const lessons = page.getByRole('region', { name: 'Leksjoner' });
    await lessons.getByRole('link', { name: 'Bilder del 3' }).waitFor();
    await expect(lessons.getByRole('link', { name: 'Bilder del 2' }).count()).resolves.toBe(0);
    // bilder-1 is still completed; the removed bilder-2 no longer counts: 1 of 3 lessons.
    await expect
      .poll(() =>
        page.getByRole('progressbar', { name: 'Kursfremdrift' }).getAttribute('aria-valuenow'),
      )
      .toBe('33');
    const kept = await page.evaluate(async (courseId) => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const open = indexedDB.open('lommekurs');
        open.onsuccess = () => resolve(open.result);
      });
      const row = await new Promise<{ completedAt: number | null } | undefined>((resolve) => {
        const get = db.transaction('progress').objectStore('progress').get([courseId, 'bilder-2']);
        get.onsuccess = () => resolve(get.result as { completedAt: number | null } | undefined);
      });
      db.close();
      return row?.completedAt ?? null;
    }, HEAVY_COURSE_ID);
    console.info(
      `course update: 1 of 3 lessons completed after the update; removed lesson's completion kept: ${kept !== null}`,
    );
    expect(kept).not.toBeNull();
  });
});
