// Issue test 5, multi-tab: three real Chromium tabs of one origin share one IndexedDB and so one
// outbox. They record learner actions at the same time; one sync loop runs at a time (the Web
// Lock 'lommekurs-sync'); every event reaches the server's log exactly once; and when the tab
// that is pushing closes in the middle of the push, another tab takes the lock and finishes.
// The browser reaches the real server only through a loopback proxy that sees every sync request
// (how many are in flight at once, which events each push carried) and can hold one.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Request } from 'playwright-core';
import type { ChecklistLesson, CourseBundle } from '../../src/shared/course';
import { launchChromium } from './harness';
import { heading1, openControlled, TestSession } from './session';
import {
  countByType,
  downloadCourse,
  readDeviceSync,
  signUp,
  storedEvents,
  syncLockState,
  syncStatus,
  type OutboxEntry,
  pushedEventIds,
} from './sync-helpers';
import { startSyncProxy, type SyncProxy } from './sync-proxy';

const COURSE = { id: 'grunnsikring-30-minutter', title: 'Grunnsikring på 30 minutter' };
const EMAIL = 'tre-faner@example.no';
/** Items each tab unticks again in the second round. */
const UNTICKED = 3;

let browser: Browser;
const session = new TestSession(() => browser);

beforeAll(async () => {
  browser = await launchChromium();
});
afterEach(() => session.closeAll());
afterAll(() => browser?.close());

/** One tab on one checklist, with the pushes its page sent as the browser reports them. */
interface Tab {
  name: string;
  page: Page;
  lesson: ChecklistLesson;
  /** Pushes sent from this tab: their event ids, and whether an answer has come. */
  pushes: { ids: string[]; request: Request; done: boolean }[];
}

function watchPushes(tab: Tab): void {
  tab.page.on('request', (request) => {
    if (!request.url().endsWith('/api/v1/sync/push')) return;
    tab.pushes.push({ ids: pushedEventIds(request), request, done: false });
  });
  const settle = (request: Request) => {
    const push = tab.pushes.find((p) => p.request === request);
    if (push) push.done = true;
  };
  tab.page.on('requestfinished', settle);
  tab.page.on('requestfailed', settle);
}

const checkboxes = (tab: Tab) => tab.page.locator('form.checklist').getByRole('checkbox');

/** Tick every item and complete the checklist, as fast as the learner's clicks go. */
async function tickAllAndComplete(tab: Tab): Promise<void> {
  for (let i = 0; i < tab.lesson.items.length; i++) await checkboxes(tab).nth(i).check();
  await tab.page.getByRole('button', { name: 'Fullfør sjekklisten', exact: true }).click();
  await tab.page.getByRole('heading', { name: 'Leksjonen er fullført' }).waitFor();
  await tab.page.getByText('Lagret på enheten', { exact: true }).waitFor();
}

async function untickSome(tab: Tab): Promise<void> {
  for (let i = 0; i < UNTICKED; i++) await checkboxes(tab).nth(i).uncheck();
}

/** Until nothing waits in the outbox, no tab holds or waits for the lock and no sync request is
 * in flight. */
async function quiet(page: Page, proxy: SyncProxy): Promise<void> {
  await expect
    .poll(
      async () => ({
        outbox: (await readDeviceSync(page)).outbox.length,
        lock: await syncLockState(page),
        idle: proxy.idle(),
      }),
      { timeout: 30_000 },
    )
    .toEqual({ outbox: 0, lock: { held: 0, pending: 0 }, idle: true });
}

/** Until every tab has asked to sync: one request at the proxy, one tab holding the lock and
 * two waiting for it (without the lock, all three would be at the proxy). */
async function oneSyncingTwoWaiting(page: Page, proxy: SyncProxy): Promise<void> {
  await expect
    .poll(async () => ({ atProxy: proxy.inFlightSync, lock: await syncLockState(page) }), {
      timeout: 15_000,
    })
    .toEqual({ atProxy: 1, lock: { held: 1, pending: 2 } });
}

const ids = (entries: readonly { id: string }[]) => entries.map((e) => e.id);

describe('three tabs of one origin', () => {
  it('write at once: one sync loop at a time, every event stored once, and a tab closed mid-push leaves the job to another', async () => {
    const server = await session.serve();
    const proxy = await startSyncProxy(server.port);
    session.defer(() => proxy.stop());
    const bundle = (await (
      await fetch(`${server.url}/api/v1/courses/${COURSE.id}`)
    ).json()) as CourseBundle;
    const checklists = bundle.lessons.filter((l): l is ChecklistLesson => l.kind === 'checklist');
    expect(checklists).toHaveLength(3);

    // One context: one origin, one IndexedDB, one lock manager — three tabs of one browser.
    const { context, page: first } = await session.newPage();
    const problems: string[] = [];
    await openControlled(first, proxy.url);
    await signUp(first, proxy.url, EMAIL);
    await downloadCourse(first, proxy.url, COURSE);

    const tabs: Tab[] = [];
    for (const [index, lesson] of checklists.entries()) {
      const page = index === 0 ? first : await context.newPage();
      page.on('pageerror', (error) => problems.push(`tab ${index + 1}: ${error.message}`));
      const tab: Tab = { name: `tab ${index + 1}`, page, lesson, pushes: [] };
      watchPushes(tab);
      await page.goto(`${proxy.url}/kurs/${COURSE.id}/${lesson.id}`);
      await heading1(page, lesson.title).waitFor();
      tabs.push(tab);
    }
    // Opening the lessons recorded events of its own; they sync before the test begins.
    await quiet(first, proxy);
    const before = storedEvents(server.dataDir, EMAIL);

    // Round 1. Sync requests wait at the proxy, so the first tab to sync holds the lock with a
    // push in flight while the three tabs keep writing.
    const pushesUntil = new Map(tabs.map((tab) => [tab, tab.pushes.length]));
    const gate = proxy.holdSync();
    await Promise.all(tabs.map(tickAllAndComplete));
    const expectedToggles = checklists.reduce((sum, l) => sum + l.items.length, 0);
    await expect
      .poll(async () => countByType((await readDeviceSync(first)).outbox)['checklist.toggled'])
      .toBe(expectedToggles);
    // Every tab wants to sync: one holds the lock with its push at the proxy, the other two wait.
    await oneSyncingTwoWaiting(first, proxy);
    const round1 = (await readDeviceSync(first)).outbox;
    expect(gate.waiting).toBe(1);
    expect(countByType(round1)).toMatchObject({
      'checklist.toggled': expectedToggles,
      'lesson.completed': 3,
    });
    gate.release();
    await quiet(first, proxy);
    for (const tab of tabs) {
      await syncStatus(tab.page).getByText('Alt er synkronisert').waitFor();
      await tab.page.getByText('Synkronisert', { exact: true }).waitFor();
    }
    const senders1 = tabs
      .filter((tab) => tab.pushes.length > pushesUntil.get(tab)!)
      .map((tab) => tab.name);

    // Round 2. The next push reaches the server, which commits it, but its answer is held.
    const heldAnswer = proxy.holdNextPushAnswer();
    await Promise.all(tabs.map(untickSome));
    const held = await heldAnswer;
    await expect
      .poll(async () => countByType((await readDeviceSync(first)).outbox)['checklist.toggled'])
      .toBe(tabs.length * UNTICKED);
    await oneSyncingTwoWaiting(first, proxy);
    const round2 = (await readDeviceSync(first)).outbox;
    // The server has the held push's events; the tab does not know, so they are still waiting.
    expect(held.record.status).toBe(200);
    expect([...held.record.acked].sort()).toEqual([...held.record.eventIds].sort());
    const storedIds = new Set(ids(storedEvents(server.dataDir, EMAIL)));
    expect(held.record.eventIds.filter((id) => !storedIds.has(id))).toEqual([]);
    expect(ids(round2)).toEqual(expect.arrayContaining(held.record.eventIds));

    let leader: Tab | undefined;
    await expect
      .poll(() => {
        const pushing = tabs.filter((tab) => tab.pushes.some((p) => !p.done));
        leader = pushing.length === 1 ? pushing[0] : undefined;
        return pushing.length;
      })
      .toBe(1);
    const closing = leader!;
    const rest = tabs.filter((tab) => tab !== closing);
    for (const tab of rest) pushesUntil.set(tab, tab.pushes.length);
    await closing.page.close();
    await held.abandoned;
    await quiet(rest[0]!.page, proxy);

    // Leave the lessons (time spent is recorded as they close), then let that sync too.
    for (const tab of rest) {
      await tab.page.goto(`${proxy.url}/kurs/${COURSE.id}`);
      await heading1(tab.page, COURSE.title).waitFor();
    }
    await quiet(rest[0]!.page, proxy);

    const finisher = rest.find((tab) =>
      tab.pushes
        .slice(pushesUntil.get(tab))
        .some((p) => held.record.eventIds.every((id) => p.ids.includes(id))),
    );
    const stored = storedEvents(server.dataDir, EMAIL);
    const storedById = new Map(stored.map((e) => [e.id, e]));
    const recorded = new Map<string, OutboxEntry>([...round1, ...round2].map((e) => [e.id, e]));
    const sent = proxy.timesSent();
    const device = await Promise.all(rest.map((tab) => readDeviceSync(tab.page)));

    console.info(
      `multi-tab: round 1 recorded ${round1.length} events ${JSON.stringify(countByType(round1))} in 3 tabs, pushed by ${senders1.join(' and ')}; ` +
        `round 2 recorded ${round2.length} events, ${held.record.eventIds.length} of them in the push whose answer was held; ` +
        `${closing.name} closed mid-push, ${finisher?.name ?? 'no tab'} finished; ` +
        `${proxy.syncRequests.length} sync requests, at most ${proxy.maxConcurrentPush} push and ${proxy.maxConcurrentSync} sync request in flight at once; ` +
        `the server's log holds ${stored.length} events (${before.length} from before round 1), ` +
        `${[...sent.values()].filter((n) => n > 1).length} of them were sent twice; outboxes left: ${device.map((d) => d.outbox.length).join(', ')}`,
    );

    // One sync loop at a time.
    expect(proxy.maxConcurrentPush).toBe(1);
    expect(proxy.maxConcurrentSync).toBe(1);
    // Every recorded event is in the log exactly once, including the held push sent twice.
    expect([...recorded.keys()].filter((id) => !storedById.has(id))).toEqual([]);
    expect(stored.filter((e) => e.copies !== 1)).toEqual([]);
    for (const id of held.record.eventIds) expect(sent.get(id)).toBe(2);
    // Nothing reached the log except through the pushes the proxy saw, and nothing sent is missing.
    expect(stored.map((e) => e.id).sort()).toEqual([...sent.keys()].sort());
    expect(countByType(stored)).toMatchObject({
      'checklist.toggled': expectedToggles + tabs.length * UNTICKED,
      'lesson.completed': 3,
    });
    // Another tab finished the closed tab's job; nothing waits and nothing was refused.
    expect(finisher).toBeDefined();
    expect(device).toEqual(rest.map(() => ({ outbox: [], rejected: 0 })));
    for (const tab of rest) {
      await syncStatus(tab.page).getByText('Alt er synkronisert').waitFor();
    }
    expect(problems).toEqual([]);
  });
});
