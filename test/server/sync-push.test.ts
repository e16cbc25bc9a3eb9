// POST /api/v1/sync/push against the real app and database: a re-sent batch changes nothing
// (issue test 1, server half), order and duplicates cannot change the merged progress (issue
// test 3), a clientId belongs to one learner, old clients get 426, and device clocks are clamped.
import type { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database';
import type { LearnerEvent } from '../../src/shared/events';
import { applyEvent, emptyProgress, type LessonProgress } from '../../src/shared/progress';
import {
  MIN_SYNC_SCHEMA_VERSION,
  SYNC_SCHEMA_VERSION,
  type PushResponse,
} from '../../src/shared/sync-protocol';
import {
  countSyncRows,
  createSyncTestApp,
  createTestLearner,
  dumpSyncTables,
  makeEvent,
  newClientId,
  push,
  pushBody,
  sampleEvents,
} from '../utils/learners';
import { withTestDatabases } from '../utils/file-databases';
import { openTestDatabase } from '../utils/test-database';

const NOW = Date.now();
let database: Database;
let app: Hono;
withTestDatabases(1, ([opened]) => {
  database = opened!;
  app = createSyncTestApp(database, () => NOW);
});

async function pushOk(
  target: Hono,
  token: string,
  clientId: string,
  events: LearnerEvent[],
): Promise<PushResponse> {
  const response = await push(target, token, pushBody(clientId, events));
  expect(response.status, await response.clone().text()).toBe(200);
  expect(response.headers.get('Cache-Control')).toBe('no-store');
  return (await response.json()) as PushResponse;
}

const lessonKey = (p: { courseId: string; lessonId: string }) => `${p.courseId}/${p.lessonId}`;

/** The learner's progress rows, parsed, by course/lesson. */
async function progressOf(db: Database['db'], userId: string) {
  const rows = await db
    .selectFrom('progress')
    .select(['data', 'version'])
    .where('user_id', '=', userId)
    .execute();
  return new Map(
    rows.map((row) => {
      const progress = JSON.parse(row.data) as LessonProgress;
      return [lessonKey(progress), { progress, version: row.version }];
    }),
  );
}

describe('ack lost after commit (issue test 1, server half)', () => {
  it('acknowledges a re-sent batch with the same ids and leaves every table unchanged', async () => {
    const learner = await createTestLearner(database.db);
    const clientId = newClientId();
    const events = sampleEvents(30, { clientId });

    // The first push commits; its response is lost on the way back.
    await push(app, learner.token, pushBody(clientId, events));
    const afterFirst = await dumpSyncTables(database.db);
    const countsAfterFirst = await countSyncRows(database.db);

    const again = await pushOk(app, learner.token, clientId, events);
    expect(again.acked).toEqual(events.map((e) => e.id));
    expect(again.rejected).toEqual([]);
    expect(again.version).toBe(1);
    expect(await dumpSyncTables(database.db)).toEqual(afterFirst);
    expect(await countSyncRows(database.db)).toEqual(countsAfterFirst);
  });

  it('stores only the new events of a batch that mixes re-sent and new ones', async () => {
    const learner = await createTestLearner(database.db);
    const clientId = newClientId();
    const events = sampleEvents(12, { clientId });
    await pushOk(app, learner.token, clientId, events.slice(0, 8));
    const stored = await database.db
      .selectFrom('events')
      .selectAll()
      .where('user_id', '=', learner.userId)
      .orderBy('id')
      .execute();

    const reply = await pushOk(app, learner.token, clientId, events.slice(4));
    expect(reply.acked).toEqual(events.slice(4).map((e) => e.id));
    expect(reply.version).toBe(2);
    const now = await database.db
      .selectFrom('events')
      .selectAll()
      .where('user_id', '=', learner.userId)
      .orderBy('id')
      .execute();
    expect(now).toHaveLength(12);
    // The eight stored first keep their version 1: a re-sent event is not written again.
    expect(now.filter((row) => row.version === 1)).toEqual(stored);
    expect(now.filter((row) => row.version === 2).map((row) => row.id)).toEqual(
      events
        .slice(8)
        .map((e) => e.id)
        .sort(),
    );
  });

  it('treats a repeated id inside one batch as one event', async () => {
    const learner = await createTestLearner(database.db);
    const clientId = newClientId();
    const event = makeEvent('lesson.completed', {}, { clientId, at: NOW - 1000 });
    const reply = await pushOk(app, learner.token, clientId, [event, event, event]);
    expect(reply.acked).toEqual([event.id]);
    const rows = await database.db
      .selectFrom('events')
      .select(['id', 'body'])
      .where('user_id', '=', learner.userId)
      .execute();
    expect(rows).toEqual([{ id: event.id, body: JSON.stringify(event) }]);
  });
});

describe('duplicates and reordering (issue test 3)', () => {
  const phone = 'client-phone-0001';
  const laptop = 'client-laptop-001';
  const events = [
    ...sampleEvents(40, { clientId: phone, lessons: 4, at: NOW - 3_600_000 }),
    ...sampleEvents(40, { clientId: laptop, lessons: 4, at: NOW - 3_600_000 }),
  ];

  type Batch = { clientId: string; events: LearnerEvent[] };
  const byClient = (list: LearnerEvent[]): Batch[] =>
    [phone, laptop]
      .map((clientId) => ({ clientId, events: list.filter((e) => e.clientId === clientId) }))
      .filter((batch) => batch.events.length > 0);
  const chunks = (list: LearnerEvent[], size: number, stride: number) => {
    const out: LearnerEvent[][] = [];
    for (let start = 0; start < list.length; start += stride) {
      out.push(list.slice(start, start + size));
    }
    return out;
  };
  // A fixed pseudo-random permutation, so a failure can be replayed.
  const shuffled = <T>(list: T[], seed: number): T[] => {
    const out = [...list];
    let state = seed;
    for (let i = out.length - 1; i > 0; i--) {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      const j = state % (i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };

  /** Pushes the batches in order for a new learner in a fresh database; its progress rows. */
  async function progressAfter(batches: Batch[]) {
    const fresh = await openTestDatabase();
    try {
      const freshApp = createSyncTestApp(fresh, () => NOW);
      const learner = await createTestLearner(fresh.db);
      for (const batch of batches) {
        await pushOk(freshApp, learner.token, batch.clientId, batch.events);
      }
      expect(await countSyncRows(fresh.db)).toMatchObject({ events: events.length });
      const rows = await progressOf(fresh.db, learner.userId);
      return new Map([...rows].map(([key, row]) => [key, row.progress]));
    } finally {
      await fresh.close();
    }
  }

  it('gives the same progress for one batch, the batch twice, and shuffled overlapping batches', async () => {
    const once = await progressAfter(byClient(events));
    const twice = await progressAfter([...byClient(events), ...byClient(events)]);
    const reversed = await progressAfter(
      chunks(events, 7, 7)
        .reverse()
        .flatMap((chunk) => byClient([...chunk].reverse())),
    );
    // Overlapping windows (every event in one or two batches), sent in a scrambled order.
    const overlapping = await progressAfter(
      shuffled(chunks(events, 10, 6), 42).flatMap((chunk) => byClient(shuffled(chunk, 7))),
    );

    // What the shared fold says the learner's progress is, lesson by lesson.
    const expected = new Map<string, LessonProgress>();
    for (const event of events) {
      const key = lessonKey(event);
      expected.set(
        key,
        applyEvent(expected.get(key) ?? emptyProgress(event.courseId, event.lessonId), event),
      );
    }
    expect(once.size).toBe(4);
    expect(once).toEqual(expected);
    expect(twice).toEqual(expected);
    expect(reversed).toEqual(expected);
    expect(overlapping).toEqual(expected);
  });
});

describe('clientId binding', () => {
  it('refuses a clientId bound to learner A for learner B, storing nothing of the batch', async () => {
    const a = await createTestLearner(database.db);
    const b = await createTestLearner(database.db);
    const clientId = newClientId();
    await pushOk(app, a.token, clientId, sampleEvents(3, { clientId }));
    const before = await dumpSyncTables(database.db);

    const response = await push(app, b.token, pushBody(clientId, sampleEvents(5, { clientId })));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      error: 'client_bound_to_other_user',
      message: expect.any(String),
    });
    expect(await dumpSyncTables(database.db)).toEqual(before);

    // B's own device still syncs.
    const own = newClientId();
    expect((await pushOk(app, b.token, own, sampleEvents(2, { clientId: own }))).version).toBe(1);
  });

  it('binds the clientId to the first learner that pushes with it', async () => {
    const learner = await createTestLearner(database.db);
    const clientId = newClientId();
    await pushOk(app, learner.token, clientId, sampleEvents(1, { clientId }));
    const bound = await database.db
      .selectFrom('clients')
      .selectAll()
      .where('client_id', '=', clientId)
      .execute();
    expect(bound).toEqual([{ client_id: clientId, user_id: learner.userId, created_at: NOW }]);
  });
});

describe('versions', () => {
  it('stamps only the rows a push touched with its version', async () => {
    const learner = await createTestLearner(database.db);
    const clientId = newClientId();
    const first = await pushOk(app, learner.token, clientId, [
      makeEvent('lesson.opened', {}, { clientId, lessonId: 'a' }),
      makeEvent('lesson.opened', {}, { clientId, lessonId: 'b' }),
    ]);
    const second = await pushOk(app, learner.token, clientId, [
      makeEvent('lesson.completed', {}, { clientId, lessonId: 'b' }),
    ]);
    expect([first.version, second.version]).toEqual([1, 2]);
    const rows = await progressOf(database.db, learner.userId);
    expect(rows.get('kurs/a')?.version).toBe(1);
    expect(rows.get('kurs/b')?.version).toBe(2);
    expect(rows.get('kurs/b')?.progress.completedAt).not.toBeNull();
    const sync = await database.db
      .selectFrom('learner_sync')
      .select('version')
      .where('user_id', '=', learner.userId)
      .executeTakeFirstOrThrow();
    expect(sync.version).toBe(2);
  });

  it('accepts an empty push without changing anything', async () => {
    const learner = await createTestLearner(database.db);
    const before = await dumpSyncTables(database.db);
    const reply = await pushOk(app, learner.token, newClientId(), []);
    expect(reply).toEqual({ acked: [], rejected: [], version: 0, serverTime: NOW });
    expect(await dumpSyncTables(database.db)).toEqual(before);
  });
});

describe('protocol versions', () => {
  it(`answers 426 client_too_old below schema version ${MIN_SYNC_SCHEMA_VERSION}`, async () => {
    const learner = await createTestLearner(database.db);
    const clientId = newClientId();
    const before = await dumpSyncTables(database.db);
    // An old client's body need not have today's shape.
    for (const body of [
      pushBody(clientId, sampleEvents(2, { clientId }), MIN_SYNC_SCHEMA_VERSION - 1),
      { schemaVersion: MIN_SYNC_SCHEMA_VERSION - 1, device: clientId, changes: [] },
    ]) {
      const response = await push(app, learner.token, body);
      expect(response.status).toBe(426);
      expect(await response.json()).toMatchObject({
        error: 'client_too_old',
        message: expect.any(String),
      });
    }
    expect(await dumpSyncTables(database.db)).toEqual(before);
  });

  it('refuses a schema version newer than the server speaks', async () => {
    const learner = await createTestLearner(database.db);
    const clientId = newClientId();
    const before = await dumpSyncTables(database.db);
    const body = pushBody(clientId, sampleEvents(2, { clientId }), SYNC_SCHEMA_VERSION + 1);
    const response = await push(app, learner.token, body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_request' });
    expect(await dumpSyncTables(database.db)).toEqual(before);
  });
});

describe('device clocks', () => {
  it('stores and merges an event 10 minutes ahead at server time + 5 minutes', async () => {
    const learner = await createTestLearner(database.db);
    const clientId = newClientId();
    const ahead = NOW + 10 * 60_000;
    const clamped = NOW + 5 * 60_000;
    const events = [
      makeEvent('lesson.opened', {}, { clientId, at: ahead }),
      makeEvent(
        'reflection.saved',
        { text: 'Skrevet med klokka for langt fram' },
        { clientId, at: ahead },
      ),
    ];
    await pushOk(app, learner.token, clientId, events);

    const stored = await database.db
      .selectFrom('events')
      .select(['at', 'received_at', 'body'])
      .where('user_id', '=', learner.userId)
      .execute();
    expect(stored.map((row) => row.at)).toEqual([clamped, clamped]);
    expect(stored.map((row) => row.received_at)).toEqual([NOW, NOW]);
    // The log keeps the event as the device sent it.
    expect(stored.map((row) => (JSON.parse(row.body) as LearnerEvent).at)).toEqual([ahead, ahead]);

    const progress = (await progressOf(database.db, learner.userId)).get('kurs/leksjon-1')!;
    expect(progress.progress.openedAt).toBe(clamped);
    expect(progress.progress.reflection?.at).toBe(clamped);
  });

  it('keeps an event from the past as it is', async () => {
    const learner = await createTestLearner(database.db);
    const clientId = newClientId();
    const at = NOW - 7 * 24 * 60 * 60_000;
    await pushOk(app, learner.token, clientId, [makeEvent('lesson.opened', {}, { clientId, at })]);
    const progress = (await progressOf(database.db, learner.userId)).get('kurs/leksjon-1')!;
    expect(progress.progress.openedAt).toBe(at);
  });
});

describe('an account deleted while its request is under way', () => {
  it('answers 401 to push and pull and stores nothing', async () => {
    const learner = await createTestLearner(database.db);
    const clientId = newClientId();
    // The session was checked; then the account's sync row went (DELETE /api/v1/me removes it
    // first, in the same transaction as the rest).
    await database.db.deleteFrom('learner_sync').where('user_id', '=', learner.userId).execute();
    const before = await countSyncRows(database.db);

    const pushed = await push(
      app,
      learner.token,
      pushBody(clientId, sampleEvents(3, { clientId })),
    );
    expect(pushed.status).toBe(401);
    expect(await pushed.json()).toMatchObject({ error: 'unauthorized' });
    const pulled = await app.request('/api/v1/sync/pull', {
      headers: { Authorization: `Bearer ${learner.token}` },
    });
    expect(pulled.status).toBe(401);
    expect(await countSyncRows(database.db)).toEqual(before);
  });
});
