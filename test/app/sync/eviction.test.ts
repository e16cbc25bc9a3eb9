// Fault matrix 8: the browser evicts IndexedDB. The reopened app has a new client id and no
// session; after signing in again a full pull restores the progress, the new client's events are
// accepted (not taken for duplicates of the old client's), and nothing is counted twice.
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readClientId } from '../../../src/client-core/db/client-id';
import {
  addTimeSpent,
  answerQuestion,
  completeLesson,
  openLesson,
} from '../../../src/client-core/db/learner-actions';
import { getLessonProgress } from '../../../src/client-core/db/progress';
import { readSyncState } from '../../../src/client-core/db/sync-state';
import { quizLesson } from '../../utils/bundles';
import { secondsSpent } from '../../../src/shared/progress';
import { dumpSyncTables } from '../../utils/learners';
import { createSyncHarness, type SyncHarness } from '../../utils/sync-harness';

const EMAIL = 'kari@example.test';
const PASSWORD = 'riktig hest batteri';

const quiz = quizLesson('quiz', 1);

let harness: SyncHarness;
beforeEach(async () => {
  harness = await createSyncHarness();
});
afterEach(() => harness.close());

describe('eviction', () => {
  it('a new client id, a full pull restores the progress, new events count once and old ones are not counted twice', async () => {
    // Before: Kari works on the phone and syncs.
    const phone = await harness.newClientDb();
    const before = harness.controller(phone);
    await before.register(EMAIL, PASSWORD);
    await openLesson('kurs', 'quiz', phone);
    await answerQuestion('kurs', quiz, 'q1', ['b'], phone);
    await answerQuestion('kurs', quiz, 'q1', ['a'], phone);
    await addTimeSpent('kurs', 'quiz', 90, phone);
    await completeLesson('kurs', 'l1', phone);
    await addTimeSpent('kurs', 'l1', 30, phone);
    await before.syncNow();
    expect(await phone.outbox.count()).toBe(0);
    const oldClientId = await readClientId(phone);
    const synced = await phone.progress.toArray();

    // The browser evicts the database; the app reopens on an empty one of the same name.
    phone.close();
    await Dexie.delete(phone.name);
    const reopened = await harness.newClientDb(phone.name);
    const after = harness.controller(reopened);
    const newClientId = await readClientId(reopened);
    expect(newClientId).not.toBe(oldClientId);
    expect(await reopened.progress.count()).toBe(0);
    expect((await readSyncState(reopened)).session).toBeNull();

    // Kari keeps working before she notices she must sign in again.
    await addTimeSpent('kurs', 'quiz', 20, reopened);
    await answerQuestion('kurs', quiz, 'q1', ['a'], reopened);
    const newEvents = await reopened.outbox.toArray();
    // The new client starts its own sequence: its seq numbers repeat the old client's.
    expect(newEvents.map((e) => e.seq)).toEqual([1, 2, 3, 4]);

    await after.signIn(EMAIL, PASSWORD);
    await after.syncNow();

    // The new client's events were accepted, not dropped as duplicates.
    expect(await reopened.outbox.count()).toBe(0);
    const server = await dumpSyncTables(harness.server.db);
    expect(server.clients.map((c) => c.client_id).sort()).toEqual(
      [oldClientId, newClientId].sort(),
    );
    for (const event of newEvents) {
      expect(server.events.find((e) => e.id === event.id)?.client_id).toBe(newClientId);
    }
    // The full pull restored the lesson that saw no new work exactly as it was…
    expect(await getLessonProgress('kurs', 'l1', reopened)).toEqual(synced[0]);
    // …and joined the other: time per client (90 old + 20 new), every attempt once.
    const quizProgress = (await getLessonProgress('kurs', 'quiz', reopened))!;
    expect(quizProgress.time).toEqual({ [oldClientId]: 90, [newClientId]: 20 });
    expect(secondsSpent(quizProgress)).toBe(110);
    expect(Object.keys(quizProgress.attempts)).toHaveLength(3);
    expect(quizProgress.best).toEqual({ q1: 1 });
    expect(quizProgress.completedAt).toBe(synced[1]!.completedAt);
    // The device and the server agree.
    const serverRows = server.progress.map((row) => JSON.parse(row.data) as unknown);
    expect(await reopened.progress.toArray()).toEqual(serverRows);
  });
});
