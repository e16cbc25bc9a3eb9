// Screenshots of the built app for the README (docs/screenshots/) and for the web app manifest's
// install dialog (public/screenshots/). Run with `npm run screenshots`, which builds first. It drives
// the real server and Debian's Chromium through the end-to-end harness, on the e2e course
// catalogue (the example course and the 1.2 MB "Tung nedlasting" course), so every run shows the
// same state: one course downloaded, a download part-way, storage, and a lesson read offline; plus
// Home on a second device after sign-in and the course-complete screen (a two-lesson course).
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { HEAVY_COURSE_ID, writeCatalogue } from '../test/e2e/fixtures.ts';
import { launchChromium, startAppServer, type AppServer } from '../test/e2e/harness.ts';
import { emulateNetwork, type NetworkConditions } from '../test/e2e/network.ts';
import { heading1 } from '../test/e2e/session.ts';
import { signIn, signUp } from '../test/e2e/sync-helpers.ts';
import { writeCourse } from '../test/utils/course-fixture.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOCS_DIR = 'docs/screenshots';
const PUBLIC_DIR = 'public/screenshots';
const NARROW = { width: 360, height: 740 };
const WIDE = { width: 1280, height: 800 };
const EXAMPLE = {
  id: 'eksempel-trygg-epost',
  title: 'Trygg e-post for små bedrifter',
  lessonId: 'kjenn-igjen-falsk-epost',
  lessonTitle: 'Slik kjenner du igjen en falsk e-post',
};
const TIMEOUT_MS = 30_000;
/** A two-lesson course, so the course-complete screen is a few taps away. */
const SHORT = { id: 'kom-i-gang', title: 'Kom i gang med Lommekurs' };

/** Width and height from a PNG's IHDR chunk (bytes 16–23). */
function pngSize(png: Buffer): { width: number; height: number } {
  if (png.length < 24 || png.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('Chromium returned something that is not a PNG');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Shoot the viewport, check its pixel size and write it to every given path. */
async function shoot(
  page: Page,
  expected: { width: number; height: number },
  ...paths: string[]
): Promise<void> {
  const png = await page.screenshot({ type: 'png', animations: 'disabled', caret: 'hide' });
  const { width, height } = pngSize(png);
  if (width !== expected.width || height !== expected.height) {
    throw new Error(
      `${paths.join(', ')}: got ${width}×${height} px, expected ${expected.width}×${expected.height}`,
    );
  }
  for (const path of paths) {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, png);
    console.info(
      `${path.padEnd(42)} ${width}×${height}  ${(png.length / 1024).toFixed(1).padStart(6)} KiB`,
    );
  }
}

// Code run in the page is written as strings: this file is type-checked without the DOM library.

/** Wait until the service worker is ready and controls the page (so the shell works offline). */
async function waitForController(page: Page): Promise<void> {
  await withTimeout(
    'the service worker to control the page',
    page.evaluate(`(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) =>
          navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
        );
      }
    })()`),
  );
}

/** `promise`, or a failure naming `what` after TIMEOUT_MS (page.evaluate has no timeout). */
async function withTimeout<T>(what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), TIMEOUT_MS);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Poll until `check` holds, or fail with `what`. */
async function waitUntil(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const SLOW: NetworkConditions = {
  offline: false,
  latency: 20,
  downloadThroughput: 150 * 1024,
  uploadThroughput: -1,
};
const FAST: NetworkConditions = {
  offline: false,
  latency: 0,
  downloadThroughput: -1,
  uploadThroughput: -1,
};

/** Open a screen and wait for its h1 and for `ready`. */
async function open(page: Page, url: string, title: string, ready: Locator[]): Promise<void> {
  await page.goto(url);
  await heading1(page, title).waitFor();
  for (const locator of ready) await locator.waitFor();
}

async function run(browser: Browser, server: AppServer, stopServer: () => Promise<void>) {
  const base = server.url;
  const context = await browser.newContext({
    locale: 'nb-NO',
    viewport: NARROW,
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  try {
    await shootAll(browser, page, base, stopServer);
  } catch (error) {
    // What the page showed when it went wrong, for the error message.
    const path = join(tmpdir(), 'lommekurs-screenshots-failure.png');
    await page.screenshot({ path, timeout: 5_000 }).then(
      () => console.error(`the page at the failure: ${path} (${page.url()})`),
      () => undefined,
    );
    for (const message of pageErrors) console.error(`page error: ${message}`);
    throw error;
  } finally {
    await context.close();
  }
}

async function shootAll(
  browser: Browser,
  page: Page,
  base: string,
  stopServer: () => Promise<void>,
): Promise<void> {
  const context = page.context();

  const lastNed = page.getByRole('button', { name: /^Last ned \(/ });
  const heavyLastNed = page.getByRole('button', { name: /^Last ned \(1,2\sMB\)$/ });
  const slett = page.getByRole('button', { name: 'Slett nedlastingen', exact: true });
  const available = page.getByText('Tilgjengelig uten nett', { exact: true }).first();

  // Install the service worker, then download the example course from its page.
  await page.goto(base);
  await waitForController(page);
  await open(page, `${base}/kurs/${EXAMPLE.id}`, EXAMPLE.title, [lastNed]);
  await lastNed.click();
  await available.waitFor();

  // The catalogue: one course on the device, one still to download. On a phone the second card
  // is below the fold, so scroll until its bottom edge (and a margin) is in view.
  await open(page, `${base}/kurs`, 'Alle kurs', [available, slett, heavyLastNed]);
  await page.evaluate(`(() => {
    const card = document.getElementById('course-title-${HEAVY_COURSE_ID}').closest('li');
    window.scrollBy(0, card.getBoundingClientRect().bottom + 16 - window.innerHeight);
  })()`);
  await shoot(
    page,
    NARROW,
    join(DOCS_DIR, 'catalogue.png'),
    join(PUBLIC_DIR, 'narrow-catalogue.png'),
  );
  await page.setViewportSize(WIDE);
  await page.evaluate('window.scrollTo(0, 0)');
  await shoot(page, WIDE, join(PUBLIC_DIR, 'wide-catalogue.png'));
  await page.setViewportSize(NARROW);

  // Storage, once the space estimate and the stored course with its size are shown.
  await open(page, `${base}/lagring`, 'Lagring', [
    page.getByText('Brukt av Lommekurs', { exact: true }),
    page.getByText(/^Tilgjengelig uten nett · Bruker \d/),
    slett,
  ]);
  await shoot(page, NARROW, join(DOCS_DIR, 'storage.png'));

  // A wrong quiz answer: the learner's own choice marked and explained, the right one not shown.
  const firstQuestion = page.getByRole('heading', { level: 2, name: 'Spørsmål 1 av 2' });
  await open(page, `${base}/kurs/${EXAMPLE.id}/test-deg-selv`, 'Test deg selv', [firstQuestion]);
  await page.getByRole('radio', { name: /^Klikker på lenken og logger inn/ }).check();
  await page.getByRole('button', { name: 'Svar', exact: true }).click();
  await page.getByText('Ditt svar: feil', { exact: true }).waitFor();
  await page.evaluate(`document.querySelector('.quiz-question').scrollIntoView()`);
  await shoot(page, NARROW, join(DOCS_DIR, 'quiz-wrong-answer.png'));

  // Dark mode, as the system setting asks: the downloaded course's page.
  await page.emulateMedia({ colorScheme: 'dark' });
  await open(page, `${base}/kurs/${EXAMPLE.id}`, EXAMPLE.title, [available]);
  await shoot(page, NARROW, join(DOCS_DIR, 'dark-mode.png'));
  await page.emulateMedia({ colorScheme: 'light' });

  await shootAccountShots(browser, page, base);

  // The heavy course part-way through a download on a slow connection.
  await open(page, `${base}/kurs/${HEAVY_COURSE_ID}`, 'Tung nedlasting', [lastNed]);
  const network = await emulateNetwork(browser, page, base);
  await network.set(SLOW);
  await lastNed.click();
  const bar = page.getByRole('progressbar', { name: /^Nedlasting av/ });
  await bar.waitFor();
  await waitUntil('the download to pass 25 %', async () => {
    const now = Number(await bar.getAttribute('aria-valuenow'));
    const max = Number(await bar.getAttribute('aria-valuemax'));
    return max > 0 && now / max > 0.25;
  });
  await bar.scrollIntoViewIfNeeded();
  await shoot(page, NARROW, join(DOCS_DIR, 'download-in-progress.png'));
  // Let it finish at full speed, so no cut download shows an error in the offline shot.
  await network.set(FAST);
  await available.waitFor();
  await network.detach();

  // A lesson opened with the server gone and the browser offline.
  await waitForController(page);
  await stopServer();
  await context.setOffline(true);
  await page.goto(`${base}/kurs/${EXAMPLE.id}/${EXAMPLE.lessonId}`);
  await heading1(page, EXAMPLE.lessonTitle).waitFor();
  await page.getByText('Frakoblet', { exact: true }).first().waitFor();
  await waitUntil('the lesson images to load', () =>
    page.evaluate<boolean>(
      `[...document.querySelectorAll('main img')].every((img) => img.complete && img.naturalWidth > 0)`,
    ),
  );
  await shoot(page, NARROW, join(DOCS_DIR, 'lesson-offline.png'));
}

/** With an account: the short course finished on this phone (the course-complete screen), then
 * Home on a second device right after signing in, with the phone's progress and no bundle. */
async function shootAccountShots(browser: Browser, page: Page, base: string): Promise<void> {
  const email = 'skjermbilde@example.no';
  await signUp(page, base, email);
  for (const [lessonId, title] of [
    ['slik-virker-det', 'Slik virker appen'],
    ['uten-nett', 'Når du er uten nett'],
  ] as const) {
    await open(page, `${base}/kurs/${SHORT.id}/${lessonId}`, title, []);
    await page.getByRole('button', { name: 'Merk som lest', exact: true }).click();
  }
  await page.getByRole('link', { name: 'Start neste kurs', exact: true }).waitFor();
  await shoot(page, NARROW, join(DOCS_DIR, 'course-complete.png'));
  await page.getByText('Alt er synkronisert').first().waitFor();

  const laptop = await browser.newContext({
    locale: 'nb-NO',
    viewport: NARROW,
    deviceScaleFactor: 1,
  });
  try {
    const second = await laptop.newPage();
    second.setDefaultTimeout(TIMEOUT_MS);
    await signIn(second, base, email);
    await second.getByText('Alt er synkronisert').first().waitFor();
    await open(second, base, 'Dine kurs', [
      second.getByRole('progressbar', { name: `Fremdrift i ${SHORT.title}` }),
      second.getByRole('button', { name: /^Last ned \(/ }).first(),
    ]);
    await shoot(second, NARROW, join(DOCS_DIR, 'home-second-device.png'));
  } finally {
    await laptop.close();
  }
}

async function main(): Promise<void> {
  process.chdir(ROOT);
  if (!existsSync('dist/index.html')) {
    throw new Error('no built app in dist/: run `npm run screenshots`, which builds it first');
  }
  let coursesDir: string | undefined;
  let distDir: string | undefined;
  let server: AppServer | undefined;
  let browser: Browser | undefined;
  try {
    coursesDir = await writeCatalogue();
    await writeCourse(coursesDir, {
      id: SHORT.id,
      meta: { title: SHORT.title, summary: 'Slik bruker du appen, også uten nett.' },
      lessons: [
        { id: 'slik-virker-det', title: 'Slik virker appen' },
        { id: 'uten-nett', title: 'Når du er uten nett' },
      ],
    });
    // Serve a copy, so a build started meanwhile (npm run test:e2e) cannot change the app mid-run.
    distDir = await mkdtemp(join(tmpdir(), 'lommekurs-screenshots-dist-'));
    await cp('dist', distDir, { recursive: true });
    server = await startAppServer({ coursesDir, distDir });
    browser = await launchChromium();
    const running = server;
    await run(browser, running, async () => {
      server = undefined;
      await running.close(0);
    });
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.close(0).catch(() => undefined);
    for (const dir of [coursesDir, distDir]) {
      if (dir) await rm(dir, { recursive: true, force: true });
    }
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`screenshots failed: ${message}`);
  process.exitCode = 1;
});
