// Issue 11, item 1, end to end in Chromium: a learner creates an account on the phone and completes
// a lesson; on a laptop with a fresh browser profile they sign in, and Home shows the phone's
// course with its percentage at once, online, without the course being opened (its bundle is not
// on the laptop: title, lesson count and lesson ids come from the catalogue). The catalogue card
// shows the same progress, and one tap on Home downloads the course. Home and the catalogue are
// scanned with axe-core. Phone and laptop are separate browser contexts against one real server.
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { makeTempRoot, writeCourse } from '../utils/course-fixture';
import { accessibilityScans, launchChromium } from './harness';
import { heading1, openControlled, TestSession } from './session';
import { readDeviceSync, signIn, signUp, syncStatus } from './sync-helpers';

const COURSE = { id: 'eksempel-trygg-epost', title: 'Trygg e-post for små bedrifter' };
const READING = 'Slik kjenner du igjen en falsk e-post';
const EMAIL = 'ny-enhet@example.no';

let browser: Browser;
const session = new TestSession(() => browser);

beforeAll(async () => {
  browser = await launchChromium();
});
afterEach(() => session.closeAll());
afterAll(() => browser?.close());

const { scanned, expectAccessible } = accessibilityScans();

/** A course's progress bar in a list ("Fremdrift i …"), its value as text ("25"). */
const listedPercent = (page: Page, title: string) =>
  page.getByRole('progressbar', { name: `Fremdrift i ${title}` }).getAttribute('aria-valuenow');

/** Course ids whose bundle is stored in the page's IndexedDB. */
function storedCourseIds(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('lommekurs');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
      const request = database.transaction('courses').objectStore('courses').getAllKeys();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    database.close();
    return keys.map(String);
  });
}

describe('a second device', () => {
  it("shows the phone's course and percentage on Home right after sign-in, without opening the course", async () => {
    const server = await session.serve();
    const problems: string[] = [];

    // The phone: an account, one lesson completed, synced.
    const { page: phone } = await session.newPage();
    phone.on('pageerror', (error) => problems.push(`phone: ${error.message}`));
    await openControlled(phone, server.url);
    await signUp(phone, server.url, EMAIL);
    await phone.goto(`${server.url}/kurs/${COURSE.id}`);
    await heading1(phone, COURSE.title).waitFor();
    await phone.getByRole('link', { name: READING, exact: true }).click();
    await heading1(phone, READING).waitFor();
    await phone.getByRole('button', { name: 'Merk som lest', exact: true }).click();
    await phone.getByRole('heading', { name: 'Leksjonen er fullført' }).waitFor();
    await expect
      .poll(async () => (await readDeviceSync(phone)).outbox.length, { timeout: 15_000 })
      .toBe(0);
    await phone.goto(`${server.url}/`);
    await heading1(phone, 'Dine kurs').waitFor();
    const phonePercent = await listedPercent(phone, COURSE.title);

    // The laptop: a fresh profile, signed in; then Home, without visiting the course.
    const { page: laptop } = await session.newLaptopPage();
    laptop.on('pageerror', (error) => problems.push(`laptop: ${error.message}`));
    const bundleRequests: string[] = [];
    laptop.on('request', (request) => {
      if (new URL(request.url()).pathname === `/api/v1/courses/${COURSE.id}`)
        bundleRequests.push(request.url());
    });
    await signIn(laptop, server.url, EMAIL);
    await syncStatus(laptop).getByText('Alt er synkronisert').waitFor();
    await laptop
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Hjem' })
      .click();
    await heading1(laptop, 'Dine kurs').waitFor();
    const started = laptop.getByRole('region', { name: 'Kurs du har begynt på' });
    await started.getByRole('link', { name: COURSE.title, exact: true }).waitFor();
    await expect.poll(() => listedPercent(laptop, COURSE.title)).toBe(phonePercent);
    const homeEmpty = await laptop
      .getByRole('heading', { name: 'Du har ikke begynt på noe kurs ennå' })
      .count();
    const storedBeforeOpening = await storedCourseIds(laptop);
    const requestedBeforeOpening = [...bundleRequests];
    await expectAccessible(laptop, 'home on a second device');

    // The catalogue card shows the same progress.
    await laptop.getByRole('link', { name: 'Se alle kurs' }).click();
    await heading1(laptop, 'Alle kurs').waitFor();
    await expect.poll(() => listedPercent(laptop, COURSE.title)).toBe(phonePercent);
    await expectAccessible(laptop, 'catalogue on a second device');

    // Back home, one tap downloads the course to the laptop.
    await laptop.goBack();
    await heading1(laptop, 'Dine kurs').waitFor();
    await started.getByRole('button', { name: /^Last ned \(/ }).click();
    await started.getByText('Tilgjengelig uten nett', { exact: true }).waitFor();
    const storedAfterDownload = await storedCourseIds(laptop);

    console.info(
      `second device: the phone shows ${phonePercent} %; the laptop's Home after sign-in shows ${await listedPercent(laptop, COURSE.title)} % ` +
        `with ${JSON.stringify(storedBeforeOpening)} stored and ${requestedBeforeOpening.length} bundle requests; ` +
        `after one tap on "Last ned" ${JSON.stringify(storedAfterDownload)} stored; axe-core violations: ${JSON.stringify(scanned)}`,
    );
    expect(phonePercent).toBe('25');
    expect(homeEmpty).toBe(0);
    expect(storedBeforeOpening).toEqual([]);
    expect(requestedBeforeOpening).toEqual([]);
    expect(storedAfterDownload).toEqual([COURSE.id]);
    expect(problems).toEqual([]);
  });
});

describe('a finished course', () => {
  it('shows its summary and the next course without scrolling past the fold at 360×740', async () => {
    // A two-lesson course to finish, and the example course to take next.
    const coursesDir = await makeTempRoot('lommekurs-e2e-complete-');
    session.defer(() => rm(coursesDir, { recursive: true, force: true }));
    await cp('courses/eksempel-trygg-epost', join(coursesDir, 'eksempel-trygg-epost'), {
      recursive: true,
    });
    await writeCourse(coursesDir, {
      id: 'kort-kurs',
      meta: { title: 'Et kort kurs' },
      lessons: [
        { id: 'forste', title: 'Første leksjon' },
        { id: 'andre', title: 'Andre leksjon' },
      ],
    });
    const server = await session.serve({ coursesDir });
    const { page } = await session.newPage();
    await openControlled(page, server.url);
    await page.goto(`${server.url}/kurs`);
    await heading1(page, 'Alle kurs').waitFor();
    const card = page.getByRole('listitem').filter({
      has: page.getByRole('link', { name: 'Et kort kurs', exact: true }),
    });
    await card.getByRole('link', { name: 'Start', exact: true }).click();
    await heading1(page, 'Første leksjon').waitFor();
    await page.getByRole('button', { name: 'Merk som lest', exact: true }).click();
    await page.getByRole('link', { name: 'Neste leksjon', exact: true }).click();
    await heading1(page, 'Andre leksjon').waitFor();
    await page.getByRole('button', { name: 'Merk som lest', exact: true }).click();

    const panel = page.getByRole('region', { name: 'Du har fullført kurset!' });
    const next = panel.getByRole('link', { name: 'Start neste kurs', exact: true });
    await next.waitFor();
    await panel.getByText('2 leksjoner fullført').waitFor();
    const inLesson = await next.boundingBox();
    await expectAccessible(page, 'course complete, in the last lesson');

    await page.goto(`${server.url}/kurs/kort-kurs`);
    await heading1(page, 'Et kort kurs').waitFor();
    await next.waitFor();
    const onCoursePage = await next.boundingBox();
    await expectAccessible(page, 'course complete, on the course page');
    const nextTitle = await panel.locator('.next-course-title').innerText();

    console.info(
      `course complete: "Start neste kurs" (${nextTitle}) at y ${inLesson?.y}–${(inLesson?.y ?? 0) + (inLesson?.height ?? 0)} in the lesson and ` +
        `${onCoursePage?.y}–${(onCoursePage?.y ?? 0) + (onCoursePage?.height ?? 0)} on the course page, viewport 740 px high; axe-core violations: ${JSON.stringify(scanned)}`,
    );
    expect(nextTitle).toBe('Trygg e-post for små bedrifter');
    for (const box of [inLesson, onCoursePage]) {
      expect(box).not.toBeNull();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(740);
    }
  });
});
