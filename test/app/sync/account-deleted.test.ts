// Issue 11, item 2, on the device: an account deleted on the phone reaches the laptop at its next
// sync as 'account-deleted' (not "sign in again"), with its progress and waiting events kept and no
// retry; the learner then keeps the progress without an account (nothing more is sent) or wipes it.
// Real server in process, two devices.
import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import { readClientId } from '../../../src/client-core/db/client-id';
import type { LommekursDB } from '../../../src/client-core/db/db';
import { completeLesson } from '../../../src/client-core/db/learner-actions';
import { readSyncState } from '../../../src/client-core/db/sync-state';
import type { SyncOutcome } from '../../../src/client-core/sync/engine';
import { createSyncHarness, manualTimers, type SyncHarness } from '../../utils/sync-harness';

const EMAIL = 'slettet@example.test';
const PASSWORD = 'riktig hest batteri';

let harness: SyncHarness;
beforeEach(async () => {
  harness = await createSyncHarness();
});
afterEach(() => harness.close());

/** Phone and laptop on one account, both synced; the laptop then has a lesson waiting; the phone
 * deletes the account; the laptop syncs. */
async function deletedOnThePhone() {
  const phoneDb = await harness.newClientDb();
  const laptopDb = await harness.newClientDb();
  const phone = harness.controller(phoneDb, { timers: manualTimers() });
  await phone.register(EMAIL, PASSWORD);
  await completeLesson('kurs', 'l1', phoneDb);
  await phone.syncNow();
  const timers = manualTimers();
  const outcomes: SyncOutcome[] = [];
  const laptop = harness.controller(laptopDb, { timers, outcomes });
  await laptop.signIn(EMAIL, PASSWORD);
  await laptop.syncNow();
  await completeLesson('kurs', 'l2', laptopDb);
  await phone.deleteAccount(PASSWORD);
  const progress = await laptopDb.progress.toArray();
  const outbox = await laptopDb.outbox.toArray();
  const clientId = await readClientId(laptopDb);
  outcomes.length = 0;
  await laptop.syncNow();
  return { laptopDb, laptop, timers, outcomes, progress, outbox, clientId };
}

const apiRequests = () => harness.requests.length;

describe('an account deleted on another device', () => {
  it('is reported as deleted, keeps everything on the device, and is not retried', async () => {
    const { laptopDb, laptop, timers, outcomes, progress, outbox } = await deletedOnThePhone();
    expect(progress.map((p) => p.lessonId).sort()).toEqual(['l1', 'l2']);
    expect(outcomes).toEqual([{ kind: 'failed', problem: 'account-deleted', retry: false }]);
    const state = await readSyncState(laptopDb);
    expect(state.problem).toBe('account-deleted');
    expect(state.session?.token).toBeNull();
    expect(await laptopDb.progress.toArray()).toEqual(progress);
    expect(await laptopDb.outbox.toArray()).toEqual(outbox);
    expect(timers.pending()).toEqual([]);
    // Syncing again asks nothing of the server and keeps saying so.
    const before = apiRequests();
    await laptop.syncNow();
    expect(outcomes.at(-1)).toEqual({ kind: 'failed', problem: 'account-deleted', retry: false });
    expect(apiRequests()).toBe(before);
  });

  it('keep: the progress and waiting events stay, the account is forgotten, nothing is sent', async () => {
    const { laptopDb, laptop, outcomes, progress, outbox, clientId } = await deletedOnThePhone();
    await laptop.leaveDeletedAccount({ keepProgress: true });
    const state = await readSyncState(laptopDb);
    expect(state).toMatchObject({ session: null, problem: null, cursor: null });
    expect(await laptopDb.progress.toArray()).toEqual(progress);
    expect(await laptopDb.outbox.toArray()).toEqual(outbox);
    // The waiting events carry this id: a new account made here later can still take them.
    expect(await readClientId(laptopDb)).toBe(clientId);
    const before = apiRequests();
    await laptop.syncNow();
    expect(outcomes.at(-1)).toEqual({ kind: 'no-session' });
    expect(apiRequests()).toBe(before);
  });

  it("wipe: the learner's data on the device is gone, and the device gets a new client id", async () => {
    const { laptopDb, laptop, clientId } = await deletedOnThePhone();
    await laptop.leaveDeletedAccount({ keepProgress: false });
    expect(await readSyncState(laptopDb)).toMatchObject({ session: null, problem: null });
    expect(await laptopDb.progress.count()).toBe(0);
    expect(await laptopDb.outbox.count()).toBe(0);
    expect(await readClientId(laptopDb)).not.toBe(clientId);
  });

  it('does nothing on a device whose account is alive (a late answer from another tab)', async () => {
    const device: LommekursDB = await harness.newClientDb();
    const sync = harness.controller(device, { timers: manualTimers() });
    await sync.register('levende@example.test', PASSWORD);
    await completeLesson('kurs', 'l1', device);
    await sync.leaveDeletedAccount({ keepProgress: false });
    expect(await device.progress.count()).toBe(1);
    expect((await readSyncState(device)).session?.token).toEqual(expect.any(String));
  });
});
