// Issue 11, item 2, end to end in Chromium: an account deleted on one device reaches the others.
// A learner signs up on the phone and completes a lesson; a laptop and a tablet sign in to the
// same account and get that progress. The phone deletes the account (its dialog says what happens
// on the other devices). The laptop's next sync says, in plain words, that the account is gone,
// and offers to keep the progress on the device without an account, or to wipe it. The laptop
// keeps it: the progress stays, it is signed out, and it makes no more sync requests. The tablet
// wipes it (after a confirmation): the learner's data on it is gone, the downloaded course stays.
// Three browser contexts are three devices; the new messages and dialogs are scanned with axe-core.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { accessibilityScans, launchChromium } from './harness';
import { heading1, openControlled, TestSession } from './session';
import { downloadCourse, PASSWORD, signIn, signUp, syncStatus } from './sync-helpers';

const COURSE = { id: 'eksempel-trygg-epost', title: 'Trygg e-post for små bedrifter' };
const READING = 'Slik kjenner du igjen en falsk e-post';
const EMAIL = 'slettet-konto@example.no';
const GONE = 'Kontoen din er slettet';

let browser: Browser;
const session = new TestSession(() => browser);

beforeAll(async () => {
  browser = await launchChromium();
});
afterEach(() => session.closeAll());
afterAll(() => browser?.close());

const { scanned, expectAccessible } = accessibilityScans();

/** The state label ("Fullført", "Ikke startet" …) beside a lesson on the course page. */
const lessonStateOf = (page: Page, title: string) =>
  page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: title, exact: true }) })
    .locator('.state-label')
    .innerText();

/** What the device's IndexedDB holds of the learner: progress rows, waiting events, session. */
function learnerDataOnDevice(
  page: Page,
): Promise<{ progress: number; outbox: number; session: boolean }> {
  return page.evaluate(async () => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('lommekurs');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const transaction = database.transaction(['progress', 'outbox', 'meta']);
    const read = <T>(request: IDBRequest) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result as T);
        request.onerror = () => reject(request.error);
      });
    const progress = await read<number>(transaction.objectStore('progress').count());
    const outbox = await read<number>(transaction.objectStore('outbox').count());
    const session = await read<unknown>(transaction.objectStore('meta').get('sync:session'));
    database.close();
    return { progress, outbox, session: session !== undefined };
  });
}

/** A device that signs in to the account and has the course with the phone's progress. */
async function secondDevice(base: string, width: number): Promise<Page> {
  const context = await browser.newContext({ locale: 'nb-NO', viewport: { width, height: 800 } });
  context.setDefaultTimeout(20_000);
  session.defer(() => context.close());
  const page = await context.newPage();
  await openControlled(page, base);
  await signIn(page, base, EMAIL);
  await downloadCourse(page, base, COURSE);
  await expect.poll(() => lessonStateOf(page, READING)).toBe('Fullført');
  return page;
}

/** Click "Synkroniser nå" in the status line and wait for the account-deleted message. */
async function syncAndSeeGone(page: Page): Promise<string> {
  await syncStatus(page).getByRole('button', { name: 'Synkroniser nå', exact: true }).click();
  const message = syncStatus(page).getByRole('heading', { name: GONE });
  await message.waitFor();
  return syncStatus(page).locator('.account-deleted').innerText();
}

describe('an account deleted on another device', () => {
  it(
    'tells the other devices, which can keep the progress without an account or wipe it',
    { timeout: 180_000 },
    async () => {
      const server = await session.serve();
      const base = server.url;
      const problems: string[] = [];

      // The phone: sign up, complete a lesson, synced.
      const { page: phone } = await session.newPage();
      phone.on('pageerror', (error) => problems.push(`phone: ${error.message}`));
      await openControlled(phone, base);
      await signUp(phone, base, EMAIL);
      await downloadCourse(phone, base, COURSE);
      await phone.getByRole('link', { name: READING, exact: true }).click();
      await heading1(phone, READING).waitFor();
      await phone.getByRole('button', { name: 'Merk som lest', exact: true }).click();
      await phone.getByRole('heading', { name: 'Leksjonen er fullført' }).waitFor();
      await syncStatus(phone).getByText('Alt er synkronisert', { exact: true }).waitFor();

      // The laptop and the tablet sign in and get the lesson.
      const laptop = await secondDevice(base, 1280);
      laptop.on('pageerror', (error) => problems.push(`laptop: ${error.message}`));
      const tablet = await secondDevice(base, 800);
      tablet.on('pageerror', (error) => problems.push(`tablet: ${error.message}`));

      // The phone deletes the account.
      await phone.goto(`${base}/konto`);
      await phone.getByRole('button', { name: 'Slett kontoen', exact: true }).click();
      const deleteDialog = phone.getByRole('dialog', { name: 'Slette kontoen?' });
      await deleteDialog.waitFor();
      const deleteText = await deleteDialog.innerText();
      await expectAccessible(phone, 'delete dialog');
      await deleteDialog.getByLabel('Skriv passordet ditt for å bekrefte').fill(PASSWORD);
      await deleteDialog
        .getByRole('button', { name: 'Slett kontoen for godt', exact: true })
        .click();
      await phone.getByText('Kontoen din er slettet.', { exact: true }).waitFor();

      // The laptop's next sync: the account is gone. It keeps the progress.
      const laptopMessage = await syncAndSeeGone(laptop);
      await expectAccessible(laptop, 'laptop, account deleted message');
      await syncStatus(laptop)
        .getByRole('button', { name: 'Behold på denne enheten', exact: true })
        .click();
      await syncStatus(laptop).getByText('Lagret på denne enheten', { exact: true }).waitFor();
      // The account and the sync problem are two live queries: let both settle.
      await expect.poll(() => syncStatus(laptop).getByText(GONE).count()).toBe(0);
      const laptopKept = await syncStatus(laptop).innerText();
      await expectAccessible(laptop, 'laptop, progress kept');
      const syncRequests: string[] = [];
      laptop.on('request', (request) => {
        // Sync and account requests; the course catalogue is fetched with or without an account.
        if (/\/api\/v1\/(sync|me|auth)\b/.test(request.url())) syncRequests.push(request.url());
      });
      await laptop.reload();
      await heading1(laptop, COURSE.title).waitFor();
      await laptop.waitForTimeout(4_000);
      const laptopAfter = {
        reading: await lessonStateOf(laptop, READING),
        data: await learnerDataOnDevice(laptop),
        message: await syncStatus(laptop).getByText(GONE).count(),
        status: await syncStatus(laptop).innerText(),
      };

      // The tablet's next sync: the same message. It wipes the progress, after a confirmation.
      const tabletMessage = await syncAndSeeGone(tablet);
      await syncStatus(tablet)
        .getByRole('button', { name: 'Slett fra denne enheten', exact: true })
        .click();
      const wipeDialog = tablet.getByRole('dialog', {
        name: 'Slette fremgangen på denne enheten?',
      });
      await wipeDialog.waitFor();
      await expectAccessible(tablet, 'tablet, wipe dialog');
      await wipeDialog.getByRole('button', { name: 'Slett fremgangen', exact: true }).click();
      await expect.poll(() => lessonStateOf(tablet, READING)).toBe('Ikke startet');
      await syncStatus(tablet).getByText('Lagret på denne enheten', { exact: true }).waitFor();
      await expectAccessible(tablet, 'tablet, progress wiped');
      const tabletAfter = {
        data: await learnerDataOnDevice(tablet),
        courseStillDownloaded: await tablet
          .getByText('Tilgjengelig uten nett', { exact: true })
          .first()
          .isVisible(),
      };

      console.info(
        `delete dialog: ${JSON.stringify(deleteText)}; laptop: ${JSON.stringify(laptopMessage)}, after keeping ${JSON.stringify(laptopAfter)} (${syncRequests.length} sync or account requests after the reload: ${JSON.stringify(syncRequests)}); ` +
          `tablet: ${JSON.stringify(tabletMessage)}, after wiping ${JSON.stringify(tabletAfter)}; axe-core violations: ${JSON.stringify(scanned)}`,
      );
      // The delete dialog says the account goes for every device, and what the others will do.
      expect(deleteText).toMatch(/alle enheter/);
      expect(deleteText).toMatch(/andre enheter/i);
      // The other devices are told, in plain words, with both choices.
      for (const message of [laptopMessage, tabletMessage]) {
        expect(message).toMatch(/slettet/);
        expect(message).not.toMatch(/Logg inn igjen/);
      }
      // Keep: the progress stays, signed out, and no more requests to the account or sync API.
      expect(laptopKept).not.toContain(GONE);
      expect(laptopAfter).toMatchObject({
        reading: 'Fullført',
        data: { session: false },
        message: 0,
      });
      expect(laptopAfter.data.progress).toBeGreaterThan(0);
      expect(syncRequests).toEqual([]);
      // Wipe: the learner's data on the device is gone; the downloaded course stays.
      expect(tabletAfter).toEqual({
        data: { progress: 0, outbox: 0, session: false },
        courseStillDownloaded: true,
      });
      expect(Object.values(scanned)).toEqual([0, 0, 0, 0, 0]);
      expect(problems).toEqual([]);
    },
  );
});
