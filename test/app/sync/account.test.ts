// Account flows on a device, against the real account routes: registering adopts the work done
// without an account; signing out refuses while events are unsynced and otherwise removes the
// learner from the device and gives it a new client id; deleting the account does the same after
// the server has erased it; failures arrive as typed errors the UI can translate.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getClientId, readClientId } from '../../../src/client-core/db/client-id';
import type { LommekursDB, StoredCourse } from '../../../src/client-core/db/db';
import {
  answerQuestion,
  completeLesson,
  openLesson,
} from '../../../src/client-core/db/learner-actions';
import { getSession, readSyncState } from '../../../src/client-core/db/sync-state';
import { AccountError, UnsyncedError, type SyncController } from '../../../src/app/sync/controller';
import { quizLesson } from '../../utils/bundles';
import { countSyncRows, dumpSyncTables } from '../../utils/learners';
import { createSyncHarness, type SyncHarness } from '../../utils/sync-harness';

const EMAIL = 'kari@example.test';
const PASSWORD = 'riktig hest batteri';

let harness: SyncHarness;
let device: LommekursDB;
let sync: SyncController;
beforeEach(async () => {
  harness = await createSyncHarness();
  device = await harness.newClientDb();
  sync = harness.controller(device);
});
afterEach(() => harness.close());

const quiz = quizLesson('quiz', 1);

/** The error a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject');
}

/** Register Kari on the device and let the sync that follows finish, so later steps do not race
 * with it. */
async function register(email = EMAIL): Promise<void> {
  await sync.register(email, PASSWORD);
  await sync.syncNow();
}

const meStatus = async (token: string) =>
  (await harness.app.request('/api/v1/me', { headers: { Authorization: `Bearer ${token}` } }))
    .status;

describe('register and sign in', () => {
  it('registering adopts the progress made without an account: the outbox pushes it', async () => {
    await openLesson('kurs', 'l1', device);
    await completeLesson('kurs', 'l1', device);
    await answerQuestion('kurs', quiz, 'q1', ['b'], device);
    await answerQuestion('kurs', quiz, 'q1', ['a'], device);
    const localEvents = await device.outbox.count();
    const localProgress = await device.progress.toArray();

    await register();

    expect(await device.outbox.count()).toBe(0);
    const server = await dumpSyncTables(harness.server.db);
    expect(server.events).toHaveLength(localEvents);
    expect(server.clients.map((c) => c.client_id)).toEqual([await readClientId(device)]);
    // Nothing of the local progress is lost; the server's rows are the device's rows.
    const serverProgress = server.progress.map((row) => JSON.parse(row.data) as unknown);
    expect(await device.progress.toArray()).toEqual(serverProgress);
    expect(serverProgress).toEqual(localProgress);
    const state = await readSyncState(device);
    expect(state.session?.user.email).toBe(EMAIL);
    expect(state.lastSyncedAt).not.toBeNull();
  });

  it('signing in on a second device brings the progress there', async () => {
    await completeLesson('kurs', 'l1', device);
    await register();

    const laptop = await harness.newClientDb();
    const laptopSync = harness.controller(laptop);
    await laptopSync.signIn(EMAIL.toUpperCase(), PASSWORD);
    await laptopSync.syncNow();
    expect(await laptop.progress.toArray()).toEqual(await device.progress.toArray());
    expect(await readClientId(laptop)).not.toBe(await readClientId(device));
  });

  it('reports credential problems as codes, checked before anything is sent', async () => {
    const short = await failure(sync.register(EMAIL, 'kort'));
    expect(short).toBeInstanceOf(AccountError);
    expect(short).toMatchObject({ code: 'password_too_short' });
    expect(await failure(sync.register('ikke-en-adresse', PASSWORD))).toMatchObject({
      code: 'invalid_email',
    });
    expect(await failure(sync.register(EMAIL, 'x'.repeat(2_000)))).toMatchObject({
      code: 'password_too_long',
    });
    expect(harness.requests).toEqual([]);
  });

  it('reports a taken address, wrong credentials, no connection and too many attempts', async () => {
    await register();
    await sync.signOut();
    expect(await failure(sync.register(EMAIL, PASSWORD))).toMatchObject({ code: 'email_taken' });
    expect(await failure(sync.signIn(EMAIL, 'galt passord her'))).toMatchObject({
      code: 'invalid_credentials',
    });
    harness.failNext('/api/v1/auth/login', { kind: 'network' });
    expect(await failure(sync.signIn(EMAIL, PASSWORD))).toMatchObject({ code: 'offline' });
    harness.failNext('/api/v1/auth/login', { kind: 'status', status: 502 });
    expect(await failure(sync.signIn(EMAIL, PASSWORD))).toMatchObject({ code: 'server' });
    let limited: unknown;
    for (let i = 0; i < 20 && !limited; i++) {
      const error = await failure(sync.signIn(EMAIL, 'galt passord her'));
      if (error instanceof AccountError && error.code === 'rate_limited') limited = error;
    }
    expect(limited).toBeInstanceOf(AccountError);
    expect((limited as AccountError).retryAfter).toBeGreaterThan(0);
    expect(await getSession(device)).toBeNull();
  });
});

describe('sign out', () => {
  it('refuses while events are unsynced, and removes nothing', async () => {
    await register();
    await completeLesson('kurs', 'l1', device);
    const error = await failure(sync.signOut());
    expect(error).toBeInstanceOf(UnsyncedError);
    expect((error as UnsyncedError).pending).toBe(2);
    expect(await device.outbox.count()).toBe(2);
    expect(await device.progress.count()).toBe(1);
    expect((await getSession(device))?.token).toEqual(expect.any(String));
  });

  it('after a sync removes progress, outbox and session, ends the server session and renews the client id', async () => {
    await register();
    await completeLesson('kurs', 'l1', device);
    await sync.syncNow();
    const course = { id: 'kurs', title: 'Kurs' } as StoredCourse;
    await device.courses.put(course);
    await device.meta.put({ key: 'setting:language', value: 'nn' });
    const clientId = await readClientId(device);
    const { token } = (await getSession(device))!;

    await sync.signOut();

    expect(await device.progress.count()).toBe(0);
    expect(await device.outbox.count()).toBe(0);
    expect(await readSyncState(device)).toEqual({
      session: null,
      cursor: null,
      lastSyncedAt: null,
      problem: null,
      rejected: [],
    });
    expect(await readClientId(device)).not.toBe(clientId);
    expect(await meStatus(token!)).toBe(401);
    // Downloaded courses and device settings are not personal: they stay.
    expect(await device.courses.toArray()).toEqual([course]);
    expect((await device.meta.get('setting:language'))?.value).toBe('nn');
  });

  it('an action in another tab after the sign-out carries the new client id', async () => {
    await register();
    const otherTab = await harness.newClientDb(device.name);
    const oldClientId = await getClientId(otherTab);
    await sync.signOut();
    const [event] = await openLesson('kurs', 'l1', otherTab);
    expect(event!.clientId).not.toBe(oldClientId);
    expect(event!.clientId).toBe(await readClientId(device));
  });

  it('with discardUnsynced removes even unsynced work, also without a connection', async () => {
    await register();
    await completeLesson('kurs', 'l1', device);
    harness.failNext('/api/v1/auth/logout', { kind: 'network' });
    await sync.signOut({ discardUnsynced: true });
    expect(await device.outbox.count()).toBe(0);
    expect(await device.progress.count()).toBe(0);
    expect(await getSession(device)).toBeNull();
  });

  it('lets another learner sign in on the device afterwards, under a new client id', async () => {
    await register();
    await completeLesson('kurs', 'l1', device);
    await sync.syncNow();
    await sync.signOut();

    await register('ola@example.test');
    await completeLesson('kurs', 'l2', device);
    await sync.syncNow();
    expect((await readSyncState(device)).problem).toBeNull();
    expect(await device.outbox.count()).toBe(0);
    // Ola's device has only Ola's progress.
    expect((await device.progress.toArray()).map((p) => p.lessonId)).toEqual(['l2']);
    const { clients } = await dumpSyncTables(harness.server.db);
    expect(clients).toHaveLength(2);
  });

  it('a different learner signing in where the session was refused takes the device only once the old work is settled', async () => {
    await register();
    await completeLesson('kurs', 'l1', device);
    // Kari's session ends on the server; her work is still on the device, unsynced.
    const { token } = (await getSession(device))!;
    await harness.app.request('/api/v1/auth/logout', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    await sync.syncNow();
    expect((await readSyncState(device)).problem).toBe('signed-out');
    // Ola has an account, made on another device.
    const olaPhone = harness.controller(await harness.newClientDb());
    await olaPhone.register('ola@example.test', PASSWORD);
    await olaPhone.syncNow();
    const olaSignIn = () => sync.signIn('ola@example.test', PASSWORD);

    expect(await failure(olaSignIn())).toBeInstanceOf(UnsyncedError);
    expect(await device.outbox.count()).toBe(2);
    expect((await getSession(device))?.user.email).toBe(EMAIL);

    await sync.signIn('ola@example.test', PASSWORD, { discardUnsynced: true });
    expect((await getSession(device))?.user.email).toBe('ola@example.test');
    expect(await device.outbox.count()).toBe(0);
    expect(await device.progress.count()).toBe(0);
  });
});

describe('export and delete', () => {
  it('exports the learner’s data from the server as a JSON file', async () => {
    await register();
    await completeLesson('kurs', 'l1', device);
    await sync.syncNow();
    const blob = await sync.exportData();
    expect(blob.type).toBe('application/json');
    const data = JSON.parse(await blob.text()) as { account: { email: string }; events: unknown[] };
    expect(data.account.email).toBe(EMAIL);
    expect(data.events).toHaveLength(2);
  });

  it('a wrong password deletes nothing, here or there', async () => {
    await register();
    await completeLesson('kurs', 'l1', device);
    await sync.syncNow();
    const error = await failure(sync.deleteAccount('feil passord'));
    expect(error).toMatchObject({ code: 'invalid_credentials' });
    expect(await device.progress.count()).toBe(1);
    expect((await countSyncRows(harness.server.db)).events).toBe(2);
  });

  it('deleting the account erases it on the server, then the learner’s data on the device', async () => {
    await register();
    await completeLesson('kurs', 'l1', device);
    await sync.syncNow();
    await openLesson('kurs', 'l2', device);
    const clientId = await readClientId(device);
    const { token } = (await getSession(device))!;

    await sync.deleteAccount(PASSWORD);

    expect(await device.progress.count()).toBe(0);
    expect(await device.outbox.count()).toBe(0);
    expect(await getSession(device)).toBeNull();
    expect(await readClientId(device)).not.toBe(clientId);
    expect(await meStatus(token!)).toBe(401);
    expect(await countSyncRows(harness.server.db)).toEqual({ events: 0, progress: 0, clients: 0 });
  });
});
