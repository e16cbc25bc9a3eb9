// Fault matrix 1, the client's half: the server commits a push, then its answer is lost. The
// device must keep its outbox, send again, and the second delivery must change nothing on the
// server — the event log and the progress rows stay as one delivery left them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  addTimeSpent,
  completeLesson,
  openLesson,
} from '../../../src/client-core/db/learner-actions';
import { syncOnce, type SyncOutcome } from '../../../src/client-core/sync/engine';
import { dumpSyncTables } from '../../utils/learners';
import {
  createSyncHarness,
  manualTimers,
  type Fault,
  type SyncHarness,
} from '../../utils/sync-harness';

let harness: SyncHarness;
beforeEach(async () => {
  harness = await createSyncHarness();
});
afterEach(() => harness.close());

const PUSH = '/api/v1/sync/push';

const lostAnswers: [string, Fault, 'server' | 'offline'][] = [
  ['a 502 replaces the answer', { kind: 'status-after-commit', status: 502 }, 'server'],
  // The browser's network is up (isOffline false): the server stopped answering (issue 11, item 6).
  ['the connection drops after the commit', { kind: 'drop-after-commit' }, 'server'],
];

describe('ack lost after commit', () => {
  it.each(lostAnswers)(
    '%s: the outbox is kept, the re-send is acknowledged, the server is as after one delivery',
    async (_, fault, problem) => {
      const device = await harness.newClientDb();
      await harness.signedInLearner(device);
      await openLesson('kurs', 'l1', device);
      await completeLesson('kurs', 'l1', device);
      await addTimeSpent('kurs', 'l1', 30, device);
      const recorded = await device.outbox.orderBy('seq').toArray();

      harness.failNext(PUSH, fault);
      const first = await syncOnce({ database: device, api: harness.api() });
      expect(first).toMatchObject({ kind: 'failed', problem, retry: true });
      expect(await device.outbox.orderBy('seq').toArray()).toEqual(recorded);
      // The server did commit the lost push.
      const afterOneDelivery = await dumpSyncTables(harness.server.db);
      expect(afterOneDelivery.events.map((e) => e.id).sort()).toEqual(
        recorded.map((e) => e.id).sort(),
      );

      const second = await syncOnce({ database: device, api: harness.api() });
      expect(second).toEqual({ kind: 'synced', pushed: recorded.length, rejected: 0, pulled: 1 });
      expect(await device.outbox.count()).toBe(0);
      expect(await dumpSyncTables(harness.server.db)).toEqual(afterOneDelivery);
      // Both pushes carried the same events; the second was only acknowledged.
      const pushes = harness.requests.filter((r) => r.path === PUSH);
      expect(pushes).toHaveLength(2);
      expect(pushes[1]!.body).toEqual(pushes[0]!.body);
      // And the device agrees with the server.
      const [row] = afterOneDelivery.progress;
      expect(await device.progress.toArray()).toEqual([JSON.parse(row!.data)]);
    },
  );

  it('the scheduler retries on its own after the lost answer and then stops', async () => {
    const device = await harness.newClientDb();
    await harness.signedInLearner(device);
    await completeLesson('kurs', 'l1', device);
    const timers = manualTimers();
    const outcomes: SyncOutcome[] = [];
    const sync = harness.controller(device, { timers, outcomes, random: () => 0.5 });

    harness.failNext(PUSH, { kind: 'drop-after-commit' });
    await sync.syncNow();
    expect(outcomes.map((o) => o.kind)).toEqual(['failed']);
    expect(await device.outbox.count()).toBe(2);
    expect(timers.pending()).toEqual([1_000]);

    timers.fireNext();
    await vi.waitFor(() => expect(outcomes.map((o) => o.kind)).toEqual(['failed', 'synced']));
    expect(await device.outbox.count()).toBe(0);
    expect(timers.pending()).toEqual([]);
    const { events } = await dumpSyncTables(harness.server.db);
    expect(events).toHaveLength(2);
  });
});
