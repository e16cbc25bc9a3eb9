// Issue test 11, end to end in Chromium: a learner signs up on the phone, completes lessons on the
// ferry without a network, and the phone syncs by itself when the network is back; on the laptop
// they sign in and find the same progress, complete one more lesson there, and the phone shows it
// after its next sync. Phone and laptop are separate browser contexts (separate IndexedDB, as two
// devices) against one real server. The browser reaches the server only through a loopback
// proxy; "offline" means the proxy is gone and a listener on its port counts any connection, and
// the browser is offline too. The account screen and the status line are scanned with axe-core.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { accessibilityScans, launchChromium } from './harness';
import { countConnections, logRequests } from './network';
import { coursePercent, heading1, openControlled, TestSession } from './session';
import {
  downloadCourse,
  readDeviceSync,
  signIn,
  signUp,
  storedEvents,
  syncStatus,
} from './sync-helpers';
import { startSyncProxy } from './sync-proxy';

const COURSE = { id: 'eksempel-trygg-epost', title: 'Trygg e-post for små bedrifter' };
const READING = 'Slik kjenner du igjen en falsk e-post';
const CHECKLIST = 'Sjekkliste for fakturaer på e-post';
const REFLECTION = 'Hvordan gjør dere det i dag?';
const EMAIL = 'mobil-og-pc@example.no';

let browser: Browser;
const session = new TestSession(() => browser);

beforeAll(async () => {
  browser = await launchChromium();
});
afterEach(() => session.closeAll());
afterAll(() => browser?.close());

const { scanned, expectAccessible } = accessibilityScans();

/** The state label ("Fullført", "Ikke startet" …) beside a lesson in the course's lesson list. */
const lessonStateOf = (page: Page, title: string) =>
  page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: title, exact: true }) })
    .locator('.state-label')
    .innerText();

/** From the course page, open a lesson by its link. */
async function openLesson(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: title, exact: true }).click();
  await heading1(page, title).waitFor();
}

async function backToCourse(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Tilbake til kurset', exact: true }).click();
  await heading1(page, COURSE.title).waitFor();
}

/** The receipt under a completed lesson: its steps, e.g. "Lagret på enheten Synkronisert". */
const receiptOf = (page: Page) =>
  page.locator('.done-panel').getByRole('status').filter({ hasText: 'Lagret på enheten' });

describe('phone and laptop', () => {
  it('sign up on the phone, complete lessons offline, sync when online; the laptop signs in to the same progress, and its lesson reaches the phone', async () => {
    const server = await session.serve();
    const proxy = await startSyncProxy(server.port);
    session.defer(() => proxy.stop());

    // The phone: sign up, download the course.
    const { context: phoneContext, page: phone } = await session.newPage();
    const problems: string[] = [];
    phone.on('pageerror', (error) => problems.push(`phone: ${error.message}`));
    await openControlled(phone, proxy.url);
    await phone.goto(`${proxy.url}/konto`);
    await phone.getByRole('region', { name: 'Opprett konto', exact: true }).waitFor();
    await expectAccessible(phone, 'account, signed out');
    await signUp(phone, proxy.url, EMAIL);
    await expectAccessible(phone, 'account, signed in');
    await downloadCourse(phone, proxy.url, COURSE);
    await syncStatus(phone).getByText('Alt er synkronisert').waitFor();

    // On the ferry: the network is gone — the browser is offline and nothing listens where the
    // server was. A sync begun while online ends first, and the browser goes offline before the
    // port changes hands: a request cut by the proxy's stop would otherwise be retried by
    // Chromium on a fresh connection, to the counter below (seen once on a busy machine).
    await expect.poll(() => proxy.idle()).toBe(true);
    await phoneContext.setOffline(true);
    await proxy.stop();
    const connections = await countConnections(proxy.port);
    session.defer(() => connections.close());
    const requests = logRequests(phoneContext);

    await openLesson(phone, READING);
    await phone.getByRole('button', { name: 'Merk som lest', exact: true }).click();
    await phone.getByRole('heading', { name: 'Leksjonen er fullført' }).waitFor();
    await expect.poll(() => receiptOf(phone).innerText()).toBe('Lagret på enheten');
    await backToCourse(phone);
    await openLesson(phone, CHECKLIST);
    await phone.locator('form.checklist').getByRole('checkbox').first().check();
    await phone.getByRole('button', { name: 'Resten gjelder ikke oss', exact: true }).click();
    await phone
      .getByRole('dialog')
      .getByRole('button', { name: 'Ja, fullfør sjekklisten', exact: true })
      .click();
    await phone.getByRole('heading', { name: 'Leksjonen er fullført' }).waitFor();
    await expect.poll(() => receiptOf(phone).innerText()).toBe('Lagret på enheten');

    const offline = await readDeviceSync(phone);
    // Learner actions, not events (issue 11, item 8): "Merk som lest", and one ticked item (the
    // checklist's completion is part of that work; opening and reading position count nothing).
    const pendingText = '2 endringer venter';
    await syncStatus(phone).getByText(pendingText, { exact: true }).waitFor();
    await syncStatus(phone)
      .getByText('Frakoblet — synkroniseres når nettet er tilbake', { exact: true })
      .waitFor();
    await expectAccessible(phone, 'status line, offline with pending changes');
    await requests.settle();
    const reachedNetwork = requests.network();
    requests.stop();
    const appRequests = connections.appRequests();
    const storedWhileOffline = storedEvents(server.dataDir, EMAIL).length;

    // Back on land: the network returns; the phone syncs by itself, without a reload.
    await connections.close();
    await proxy.start();
    const backAt = Date.now();
    await phoneContext.setOffline(false);
    await syncStatus(phone).getByText('Alt er synkronisert', { exact: true }).waitFor();
    await expect
      .poll(() => receiptOf(phone).innerText())
      .toMatch(/Lagret på enheten\s*Synkronisert/);
    const syncedAfterMs = Date.now() - backAt;
    await expectAccessible(phone, 'status line, synced');
    await backToCourse(phone);
    const phonePercent = await coursePercent(phone);
    const afterPhone = storedEvents(server.dataDir, EMAIL);

    // The laptop: sign in, and the same two lessons are completed.
    const { page: laptop } = await session.newLaptopPage();
    laptop.on('pageerror', (error) => problems.push(`laptop: ${error.message}`));
    await signIn(laptop, proxy.url, EMAIL);
    await syncStatus(laptop).getByText('Alt er synkronisert').waitFor();
    await laptop.goto(`${proxy.url}/kurs/${COURSE.id}`);
    await heading1(laptop, COURSE.title).waitFor();
    await expect.poll(() => coursePercent(laptop)).toBe(phonePercent);
    const laptopStates = {
      reading: await lessonStateOf(laptop, READING),
      checklist: await lessonStateOf(laptop, CHECKLIST),
      reflection: await lessonStateOf(laptop, REFLECTION),
    };

    // The phone has nothing more to do; it rests on the course page.
    await expect
      .poll(async () => (await readDeviceSync(phone)).outbox.length, { timeout: 15_000 })
      .toBe(0);
    await syncStatus(phone).getByText('Alt er synkronisert', { exact: true }).waitFor();

    // A third lesson on the laptop, synced from there.
    await openLesson(laptop, REFLECTION);
    await laptop
      .getByRole('textbox', { name: 'Dine tanker' })
      .fill('Regnskapsføreren ringer leverandøren før nye kontonumre blir lagt inn.');
    await laptop.getByRole('button', { name: 'Lagre', exact: true }).click();
    await laptop.getByRole('heading', { name: 'Leksjonen er fullført' }).waitFor();
    await expect
      .poll(() => receiptOf(laptop).innerText(), { timeout: 15_000 })
      .toMatch(/Lagret på enheten\s*Synkronisert/);
    await backToCourse(laptop);
    const laptopPercent = await coursePercent(laptop);

    // The phone has not synced since: the third lesson is not there yet. Its next sync brings it.
    const phoneBefore = {
      percent: await coursePercent(phone),
      reflection: await lessonStateOf(phone, REFLECTION),
    };
    await syncStatus(phone).getByRole('button', { name: 'Synkroniser nå', exact: true }).click();
    await expect.poll(() => lessonStateOf(phone, REFLECTION)).toBe('Fullført');
    await expect.poll(() => coursePercent(phone)).toBe(laptopPercent);
    const stored = storedEvents(server.dataDir, EMAIL);

    console.info(
      `phone and laptop: offline the phone recorded ${offline.outbox.length} events; ${reachedNetwork.length} requests reached the network and the proxy's port saw ${appRequests.length} app requests ${JSON.stringify(connections.requests)}; ` +
        `the server had ${storedWhileOffline} events then and ${afterPhone.length} after the phone synced (${syncedAfterMs} ms after the network came back); ` +
        `the laptop shows ${phonePercent} % like the phone (${JSON.stringify(laptopStates)}); after its lesson ${laptopPercent} %; ` +
        `the phone before its next sync ${JSON.stringify(phoneBefore)}, after it ${await coursePercent(phone)} %; the server's log holds ${stored.length} events; ` +
        `axe-core violations: ${JSON.stringify(scanned)}`,
    );
    // Offline, nothing reached the server.
    expect(reachedNetwork).toEqual([]);
    expect(appRequests).toEqual([]);
    expect(storedWhileOffline).toBe(0);
    // Online again, everything the phone recorded offline is on the server, once.
    const afterPhoneIds = new Set(afterPhone.map((e) => e.id));
    expect(offline.outbox.filter((e) => !afterPhoneIds.has(e.id))).toEqual([]);
    expect(afterPhone.filter((e) => e.type === 'lesson.completed').map((e) => e.lesson_id)).toEqual(
      ['kjenn-igjen-falsk-epost', 'sjekkliste-for-fakturaer'],
    );
    expect(phonePercent).toBe('50');
    expect(laptopStates).toEqual({
      reading: 'Fullført',
      checklist: 'Fullført',
      reflection: 'Ikke startet',
    });
    expect(laptopPercent).toBe('75');
    expect(phoneBefore).toEqual({ percent: '50', reflection: 'Ikke startet' });
    expect(stored.filter((e) => e.copies !== 1)).toEqual([]);
    expect(Object.values(scanned)).toEqual([0, 0, 0, 0]);
    expect(problems).toEqual([]);
  });
});
