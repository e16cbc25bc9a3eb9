// The sync loop: one run at a time (per tab and, through the origin lock, across tabs); a request
// during a run causes exactly one more run, so work recorded after a run looked at the outbox is
// never left behind; and the triggers — start, a growing outbox (debounced), `online`,
// `visibilitychange`, "sync now" — each start a sync, never without a session.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LommekursDB } from '../../../src/client-core/db/db';
import { completeLesson, toggleChecklistItem } from '../../../src/client-core/db/learner-actions';
import { readSyncState } from '../../../src/client-core/db/sync-state';
import type { SyncOutcome } from '../../../src/client-core/sync/engine';
import { originLock } from '../../../src/client-core/sync/lock';
import {
  ACTION_DEBOUNCE_MS,
  createScheduler,
  type RunResult,
} from '../../../src/app/sync/scheduler';
import { countSyncRows } from '../../utils/learners';
import { createSyncHarness, manualTimers, type SyncHarness } from '../../utils/sync-harness';

const PUSH = '/api/v1/sync/push';
const PULL = '/api/v1/sync/pull';

/** A promise and its resolve function. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A run the test finishes by hand, counting how many are going at once. */
function gatedRuns() {
  const gates: { resolve: (result: RunResult) => void }[] = [];
  let active = 0;
  let most = 0;
  const run = async (): Promise<RunResult> => {
    active += 1;
    most = Math.max(most, active);
    const gate = deferred<RunResult>();
    gates.push(gate);
    const result = await gate.promise;
    active -= 1;
    return result;
  };
  return {
    run,
    gates,
    most: () => most,
    /** Finish run number `index` (from 0) once it has started. */
    async finish(index: number, result: RunResult = { retry: false }) {
      await vi.waitFor(() => expect(gates.length).toBeGreaterThan(index));
      gates[index]!.resolve(result);
    },
  };
}

describe('one sync at a time', () => {
  it('serialises triggers that come together and folds them into one more run', async () => {
    const runs = gatedRuns();
    const scheduler = createScheduler({ run: runs.run, timers: manualTimers() });
    scheduler.trigger();
    scheduler.trigger();
    const done = scheduler.runNow();
    expect(scheduler.running.value).toBe(true);
    await runs.finish(0);
    await runs.finish(1);
    await done;
    expect(runs.gates).toHaveLength(2);
    expect(runs.most()).toBe(1);
    expect(scheduler.running.value).toBe(false);
  });

  it('"sync now" during a run resolves only after a run that started after it', async () => {
    const runs = gatedRuns();
    const scheduler = createScheduler({ run: runs.run, timers: manualTimers() });
    const first = scheduler.runNow();
    await vi.waitFor(() => expect(runs.gates).toHaveLength(1));
    let secondDone = false;
    const second = scheduler.runNow().then(() => (secondDone = true));
    await runs.finish(0);
    await vi.waitFor(() => expect(runs.gates).toHaveLength(2));
    expect(secondDone).toBe(false);
    await runs.finish(1);
    await Promise.all([first, second]);
    expect(secondDone).toBe(true);
  });

  it('two tabs take turns under the origin lock', async () => {
    const runs = gatedRuns();
    const lock = originLock('lommekurs-sync-test-tabs');
    const tabA = createScheduler({ run: runs.run, lock, timers: manualTimers() });
    const tabB = createScheduler({ run: runs.run, lock, timers: manualTimers() });
    const a = tabA.runNow();
    const b = tabB.runNow();
    await vi.waitFor(() => expect(runs.gates).toHaveLength(1));
    // Tab B is waiting for the lock, not running beside tab A.
    expect(tabB.running.value).toBe(true);
    await runs.finish(0);
    await runs.finish(1);
    await Promise.all([a, b]);
    expect(runs.most()).toBe(1);
  });
});

describe('sync loop with the real server', () => {
  let harness: SyncHarness;
  let device: LommekursDB;
  beforeEach(async () => {
    harness = await createSyncHarness();
    device = await harness.newClientDb();
  });
  afterEach(() => harness.close());

  const pushedIds = () =>
    harness.requests
      .filter((r) => r.path === PUSH && r.fault === null)
      .flatMap((r) => (r.body as { events: { id: string }[] }).events.map((e) => e.id));

  it('a trigger during a sync runs one more sync: work recorded after the push is not forgotten', async () => {
    await harness.signedInLearner(device);
    await completeLesson('kurs', 'l1', device);
    const outcomes: SyncOutcome[] = [];
    const sync = harness.controller(device, { outcomes, timers: manualTimers() });
    const slowPull = deferred();
    harness.failNext(PULL, { kind: 'hold', until: slowPull.promise });

    const first = sync.syncNow();
    // The first sync has pushed and is waiting for its pull.
    await vi.waitFor(() => expect(harness.requests.map((r) => r.path)).toEqual([PUSH, PULL]));
    await completeLesson('kurs', 'l2', device);
    const second = sync.syncNow();
    slowPull.resolve();
    await Promise.all([first, second]);

    expect(outcomes).toMatchObject([
      { kind: 'synced', pushed: 2, rejected: 0 },
      { kind: 'synced', pushed: 2, rejected: 0 },
    ]);
    expect(await device.outbox.count()).toBe(0);
    const ids = pushedIds();
    expect(new Set(ids).size).toBe(4);
    expect(ids).toHaveLength(4);
    expect((await countSyncRows(harness.server.db)).events).toBe(4);
  });

  it('two tabs of one device syncing at once push every event exactly once', async () => {
    await harness.signedInLearner(device);
    for (let i = 0; i < 30; i++)
      await toggleChecklistItem('kurs', 'l1', `punkt-${i}`, true, device);
    const outcomes: SyncOutcome[] = [];
    const tabA = harness.controller(device, { outcomes, timers: manualTimers() });
    const tabB = harness.controller(device, { outcomes, timers: manualTimers() });
    await Promise.all([tabA.syncNow(), tabB.syncNow(), tabA.syncNow()]);
    expect(outcomes.every((o) => o.kind === 'synced')).toBe(true);
    expect(outcomes.reduce((sum, o) => sum + (o.kind === 'synced' ? o.pushed : 0), 0)).toBe(30);
    const ids = pushedIds();
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    expect((await countSyncRows(harness.server.db)).events).toBe(30);
  });

  it('syncs on start, after a new action (debounced), on online and on becoming visible', async () => {
    await harness.signedInLearner(device);
    const timers = manualTimers();
    const outcomes: SyncOutcome[] = [];
    const sync = harness.controller(device, { outcomes, timers });
    const stop = sync.start();
    try {
      await vi.waitFor(() => expect(outcomes).toHaveLength(1));
      await vi.waitFor(() => expect(sync.account.value?.id).toEqual(expect.any(String)));

      await completeLesson('kurs', 'l1', device);
      await vi.waitFor(() => expect(sync.pending.value).toBe(1)); // one action (two events)
      // Not at once: after a quiet moment, so a burst of actions travels together.
      expect(timers.pending()).toEqual([ACTION_DEBOUNCE_MS]);
      expect(outcomes).toHaveLength(1);
      timers.fireNext();
      await vi.waitFor(() => expect(outcomes).toHaveLength(2));
      expect(outcomes[1]).toMatchObject({ kind: 'synced', pushed: 2 });
      await vi.waitFor(() => expect(sync.pending.value).toBe(0));
      // Acknowledgements shrink the outbox; that schedules nothing.
      expect(timers.pending()).toEqual([]);

      window.dispatchEvent(new Event('online'));
      await vi.waitFor(() => expect(outcomes).toHaveLength(3));

      vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible');
      document.dispatchEvent(new Event('visibilitychange'));
      await vi.waitFor(() => expect(outcomes).toHaveLength(4));
      await vi.waitFor(() => expect(sync.status.value.lastSyncedAt).not.toBeNull());
      expect(sync.status.value).toMatchObject({ running: false, problem: null, rejected: 0 });
    } finally {
      stop();
      vi.restoreAllMocks();
    }
  });

  it('when the browser says it is offline, skips the network and tries again later', async () => {
    await harness.signedInLearner(device);
    await completeLesson('kurs', 'l1', device);
    const timers = manualTimers();
    const outcomes: SyncOutcome[] = [];
    let offline = true;
    const sync = harness.controller(device, {
      outcomes,
      timers,
      isOffline: () => offline,
      random: () => 0.5,
      now: () => 1_000_000,
    });
    await sync.syncNow();
    expect(outcomes).toEqual([{ kind: 'failed', problem: 'offline', retry: true }]);
    expect(harness.requests).toEqual([]);
    expect((await readSyncState(device)).problem).toBe('offline');
    expect(sync.status.value.nextRetryAt).toBe(1_001_000);
    offline = false;
    timers.fireNext();
    await vi.waitFor(() => expect(outcomes).toHaveLength(2));
    expect(outcomes[1]).toMatchObject({ kind: 'synced', pushed: 2 });
    expect((await readSyncState(device)).problem).toBeNull();
  });

  it('after a 429 on push, waits at least Retry-After before trying again; the outbox keeps the events', async () => {
    await harness.signedInLearner(device);
    await completeLesson('kurs', 'l1', device);
    const timers = manualTimers();
    const outcomes: SyncOutcome[] = [];
    const sync = harness.controller(device, {
      outcomes,
      timers,
      random: () => 0.5,
      now: () => 1_000_000,
    });
    // A 429 without Retry-After counts as a minute (api.ts); the backoff alone would be 1 s.
    harness.failNext('/api/v1/sync/push', { kind: 'status', status: 429 });
    await sync.syncNow();
    expect(outcomes).toEqual([
      { kind: 'failed', problem: 'server', retry: true, status: 429, retryAfterMs: 60_000 },
    ]);
    expect(await device.outbox.count()).toBe(2);
    expect(timers.pending()).toEqual([60_000]);
    expect(sync.status.value.nextRetryAt).toBe(1_060_000);
    timers.fireNext();
    await vi.waitFor(() => expect(outcomes).toHaveLength(2));
    expect(outcomes[1]).toMatchObject({ kind: 'synced', pushed: 2 });
  });

  it('never syncs without a session', async () => {
    await completeLesson('kurs', 'l1', device);
    const timers = manualTimers();
    const outcomes: SyncOutcome[] = [];
    const sync = harness.controller(device, { outcomes, timers });
    const stop = sync.start();
    try {
      await vi.waitFor(() => expect(outcomes).toEqual([{ kind: 'no-session' }]));
      await vi.waitFor(() => expect(sync.account.value).toBeNull());
      await sync.syncNow();
      expect(harness.requests).toEqual([]);
      expect(timers.pending()).toEqual([]);
      expect(sync.pending.value).toBe(1);
    } finally {
      stop();
    }
  });
});
