// Background Sync in Chromium: a lesson completed while the server is out of reach, the tab closed
// before the network came back — and the service worker, woken by the browser's sync event with
// no app tab open, delivers the events by itself. The sync event is dispatched through the
// DevTools protocol (ServiceWorker.dispatchSyncEvent), as the browser does when it is online again.
import { describe, expect, it } from 'vitest';
import type { CDPSession } from 'playwright-core';
import { SYNC_TAG } from '../../src/client-core/sync/background';
import { browserSession, heading1, openControlled } from './session';
import { downloadCourse, readDeviceSync, signUp, storedEvents } from './sync-helpers';
import { startSyncProxy } from './sync-proxy';

const COURSE = { id: 'eksempel-trygg-epost', title: 'Trygg e-post for små bedrifter' };
const READING = 'Slik kjenner du igjen en falsk e-post';
const EMAIL = 'bakgrunn@example.no';

const { session } = browserSession();

/** The id of the service-worker registration whose scope starts with `origin`. */
async function registrationIdOf(cdp: CDPSession, origin: string): Promise<string> {
  const found = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const ours = registrations.find((r) => r.scopeURL.startsWith(origin) && !r.isDeleted);
      if (ours) resolve(ours.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  return found;
}

describe('background sync', () => {
  it('the service worker delivers events recorded offline after every app tab has closed', async () => {
    const server = await session.serve();
    const proxy = await startSyncProxy(server.port);
    session.defer(() => proxy.stop());
    const { context, page } = await session.newPage();
    await openControlled(page, proxy.url);
    await signUp(page, proxy.url, EMAIL);
    await downloadCourse(page, proxy.url, COURSE);

    // The server is out of reach: the page's own sync fails and asks for a background sync.
    await proxy.stop();
    await page.getByRole('link', { name: READING, exact: true }).click();
    await heading1(page, READING).waitFor();
    await page.getByRole('button', { name: 'Merk som lest', exact: true }).click();
    await page.getByRole('heading', { name: 'Leksjonen er fullført' }).waitFor();
    const waiting = await readDeviceSync(page);
    expect(waiting.outbox.length).toBeGreaterThan(0);
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const registration = await navigator.serviceWorker.ready;
            const sync = (registration as unknown as { sync: { getTags(): Promise<string[]> } })
              .sync;
            return sync.getTags();
          }),
        { timeout: 15_000 },
      )
      .toContain(SYNC_TAG);

    // The learner closes the app; only a blank tab of another origin is left in the browser.
    await page.close();
    const blank = await context.newPage();
    const cdp = await context.newCDPSession(blank);
    const registrationId = await registrationIdOf(cdp, proxy.url);
    expect(context.pages().map((p) => p.url())).toEqual(['about:blank']);
    expect(storedEvents(server.dataDir, EMAIL)).toEqual([]);

    // The network is back: the browser fires the sync event at the worker.
    await proxy.start();
    const pushesBefore = proxy.syncRequests.filter((r) => r.path.endsWith('/push')).length;
    await cdp.send('ServiceWorker.dispatchSyncEvent', {
      origin: new URL(proxy.url).origin,
      registrationId,
      tag: SYNC_TAG,
      lastChance: false,
    });
    // Every event that waited is delivered (closing the tab may add one more: the time spent).
    const storedIds = () => new Set(storedEvents(server.dataDir, EMAIL).map((e) => e.id));
    await expect
      .poll(() => waiting.outbox.every((e) => storedIds().has(e.id)), { timeout: 20_000 })
      .toBe(true);
    // Let the worker finish (closing the tab may have left one more event for a second push).
    await expect.poll(() => proxy.idle(), { timeout: 10_000 }).toBe(true);
    const stored = storedEvents(server.dataDir, EMAIL);
    expect(stored.every((e) => e.copies === 1)).toBe(true);
    expect(stored.map((e) => e.type)).toContain('lesson.completed');
    const pushes = proxy.syncRequests.filter((r) => r.path.endsWith('/push')).slice(pushesBefore);
    // Every push the server answered was accepted; an attempt cut off on the way (the browser
    // may also retry the sync on its own) never reached it and changed nothing.
    const answered = pushes.filter((r) => r.status !== null);
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.map((r) => r.status)).toEqual(answered.map(() => 200));

    // The worker emptied the outbox too: opened again with the server out of reach (so the page
    // cannot have synced it itself), the app has nothing waiting.
    await proxy.stop();
    const again = await context.newPage();
    await again.goto(proxy.url);
    await heading1(again, 'Dine kurs').waitFor();
    const after = await readDeviceSync(again);
    expect(after.outbox).toEqual([]);
    console.log(
      `background sync: ${waiting.outbox.length} events recorded offline, tab closed; ` +
        `the service worker pushed them in ${pushes.length} request(s) with no app tab open; ` +
        `${stored.length} stored, each once; outbox afterwards: ${after.outbox.length}`,
    );
  });
});
