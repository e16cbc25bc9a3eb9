// Issue test 9, sync half: learner A's token never reads learner B's progress through pull,
// whatever cursor A forges, and never writes into B's rows through push; requests without a live
// token are refused on both endpoints.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/server/sessions/sessions';
import type { Database } from '../../src/server/db/database';
import { encodeCursor } from '../../src/server/sync/cursor';
import type { PulledRow } from '../../src/shared/sync-protocol';
import {
  createSyncTestApp,
  createTestLearner,
  dumpSyncTables,
  makeEvent,
  newClientId,
  pull,
  pullAll,
  pullPage,
  push,
  pushBody,
  type TestLearner,
} from '../utils/learners';
import { openTestDatabase } from '../utils/test-database';

const NOW = Date.now();
const LESSONS = ['leksjon-1', 'leksjon-2', 'leksjon-3'];
let database: Database;
let app: Hono;
let a: TestLearner;
let b: TestLearner;
const clientOfA = newClientId();
const clientOfB = newClientId();

/** Each learner writes a reflection naming themselves in the same three lessons. */
async function reflect(learner: TestLearner, clientId: string, name: string, at: number) {
  const events = LESSONS.map((lessonId) =>
    makeEvent('reflection.saved', { text: `Skrevet av ${name}` }, { clientId, lessonId, at }),
  );
  const response = await push(app, learner.token, pushBody(clientId, events));
  expect(response.status).toBe(200);
}

const rowsOf = (learner: TestLearner) =>
  database.db
    .selectFrom('progress')
    .selectAll()
    .where('user_id', '=', learner.userId)
    .orderBy('lesson_id')
    .execute();

const authors = (rows: PulledRow[]) => new Set(rows.map((row) => row.progress.reflection?.value));

beforeAll(async () => {
  database = await openTestDatabase();
  app = createSyncTestApp(database, () => NOW);
  a = await createTestLearner(database.db);
  b = await createTestLearner(database.db);
  await reflect(b, clientOfB, 'B', NOW - 2000);
  await reflect(b, clientOfB, 'B igjen', NOW - 1000);
  await reflect(a, clientOfA, 'A', NOW - 3000);
});
afterAll(() => database.close());

describe('pull', () => {
  it("gives A only A's rows", async () => {
    const { rows } = await pullAll(app, a.token, { limit: 2 });
    expect(rows).toHaveLength(LESSONS.length);
    expect(authors(rows)).toEqual(new Set(['Skrevet av A']));
  });

  it("never gives A B's rows, whatever cursor A forges", async () => {
    const { cursor: cursorOfB } = await pullAll(app, b.token);
    const forged = [
      cursorOfB,
      encodeCursor({ epoch: b.epoch, version: 0, courseId: '', lessonId: '' }),
      encodeCursor({ epoch: b.epoch, version: 1, courseId: 'kurs', lessonId: 'leksjon-1' }),
      encodeCursor({ epoch: a.epoch, version: 0, courseId: '', lessonId: '' }),
      encodeCursor({ epoch: a.epoch, version: -1, courseId: '', lessonId: '' }),
      encodeCursor({ epoch: a.epoch, version: 1, courseId: "' OR 1=1 --", lessonId: '' }),
      encodeCursor({ epoch: "' OR user_id <> '", version: 0, courseId: '', lessonId: '' }),
    ];
    for (const cursor of forged) {
      const { rows, pages } = await pullAll(app, a.token, { cursor, limit: 1 });
      expect(authors(rows).has('Skrevet av B')).toBe(false);
      expect(authors(rows).has('Skrevet av B igjen')).toBe(false);
      // A cursor in another learner's epoch is unknown to A: A starts over from A's own rows.
      if (cursor === cursorOfB) {
        expect(pages[0].reset).toBe(true);
        expect(rows).toHaveLength(LESSONS.length);
      }
    }
  });

  it("gives B only B's rows", async () => {
    const { rows } = await pullAll(app, b.token);
    expect(authors(rows)).toEqual(new Set(['Skrevet av B igjen']));
  });
});

describe('push', () => {
  it("refuses A's push of events carrying B's clientId, leaving everything unchanged", async () => {
    const before = await dumpSyncTables(database.db);
    const events = LESSONS.map((lessonId) =>
      makeEvent('lesson.completed', {}, { clientId: clientOfB, lessonId, at: NOW }),
    );
    const response = await push(app, a.token, pushBody(clientOfB, events));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'client_bound_to_other_user' });
    expect(await dumpSyncTables(database.db)).toEqual(before);
  });

  it("refuses A's events carrying B's clientId inside A's own push", async () => {
    const before = await dumpSyncTables(database.db);
    const event = makeEvent('lesson.completed', {}, { clientId: clientOfB, at: NOW });
    const response = await push(app, a.token, pushBody(clientOfA, [event]));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: 'invalid_events',
      rejected: [{ index: 0, reason: 'client_mismatch' }],
    });
    expect(await dumpSyncTables(database.db)).toEqual(before);
  });

  it("lands A's events for the same lessons as B's in A's rows only", async () => {
    const rowsOfB = await rowsOf(b);
    const events = LESSONS.map((lessonId) =>
      makeEvent(
        'reflection.saved',
        { text: 'Skrevet av A, senere' },
        { clientId: clientOfA, lessonId, at: NOW },
      ),
    );
    const response = await push(app, a.token, pushBody(clientOfA, events));
    expect(response.status).toBe(200);

    expect(await rowsOf(b)).toEqual(rowsOfB);
    const { rows } = await pullAll(app, a.token);
    expect(authors(rows)).toEqual(new Set(['Skrevet av A, senere']));
    const { rows: ofB } = await pullAll(app, b.token);
    expect(authors(ofB)).toEqual(new Set(['Skrevet av B igjen']));
    const eventsOfB = await database.db
      .selectFrom('events')
      .select('id')
      .where('user_id', '=', b.userId)
      .where(
        'id',
        'in',
        events.map((e) => e.id),
      )
      .execute();
    expect(eventsOfB).toEqual([]);
  });

  it("stores A's re-send of an event id B also has as A's own event", async () => {
    // Event ids are unique per learner in the log: A cannot "claim" or overwrite B's event.
    const [eventOfB] = await database.db
      .selectFrom('events')
      .selectAll()
      .where('user_id', '=', b.userId)
      .limit(1)
      .execute();
    const copy = makeEvent('lesson.opened', {}, { id: eventOfB.id, clientId: clientOfA, at: NOW });
    const before = await rowsOf(b);
    const response = await push(app, a.token, pushBody(clientOfA, [copy]));
    expect(response.status).toBe(200);
    const stored = await database.db
      .selectFrom('events')
      .selectAll()
      .where('id', '=', eventOfB.id)
      .orderBy('user_id')
      .execute();
    expect(stored.find((row) => row.user_id === b.userId)).toEqual(eventOfB);
    expect(stored.find((row) => row.user_id === a.userId)?.client_id).toBe(clientOfA);
    expect(await rowsOf(b)).toEqual(before);
  });
});

describe('without a live token', () => {
  it('answers 401 on push and pull for a missing, unknown, malformed or expired token', async () => {
    const expired = await createSession(database.db, a.userId, NOW - 365 * 24 * 60 * 60_000);
    const before = await dumpSyncTables(database.db);
    for (const token of [null, 'A'.repeat(43), 'short', `${a.token}x`, expired.token]) {
      const responses = [
        await pull(app, token),
        await pull(app, token, {
          cursor: encodeCursor({ epoch: a.epoch, version: 0, courseId: '', lessonId: '' }),
        }),
        await push(
          app,
          token,
          pushBody(clientOfA, [makeEvent('lesson.opened', {}, { clientId: clientOfA })]),
        ),
      ];
      for (const response of responses) {
        expect(response.status).toBe(401);
        expect(response.headers.get('WWW-Authenticate')).toBe('Bearer');
        expect(await response.json()).toMatchObject({ error: 'unauthorized' });
      }
    }
    // The expired session is removed when presented; nothing else changed.
    expect(await dumpSyncTables(database.db)).toEqual(before);
  });

  it('still serves A with the live token afterwards', async () => {
    const page = await pullPage(app, a.token);
    expect(page.rows.length).toBeGreaterThan(0);
  });
});
