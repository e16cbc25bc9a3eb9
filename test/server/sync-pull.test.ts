// GET /api/v1/sync/pull against the real app and database: keyset pages return every row exactly
// once in version order, a row changed again comes back at the end, unknown cursors restart from
// the beginning with `reset`, and the page size is checked.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database';
import type { LessonProgress } from '../../src/shared/progress';
import { DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT, type PulledRow } from '../../src/shared/sync-protocol';
import { encodeCursor } from '../../src/server/sync/cursor';
import {
  createSyncTestApp,
  createTestLearner,
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
let database: Database;
let app: Hono;

beforeAll(async () => {
  database = await openTestDatabase();
  app = createSyncTestApp(database, () => NOW);
});
afterAll(() => database.close());

/** Pushes one `lesson.opened` per lesson id, in one push; returns the push's version. */
async function openLessons(
  learner: TestLearner,
  clientId: string,
  lessonIds: string[],
  courseId = 'kurs',
): Promise<number> {
  const events = lessonIds.map((lessonId) =>
    makeEvent('lesson.opened', {}, { clientId, courseId, lessonId, at: NOW - 1000 }),
  );
  const response = await push(app, learner.token, pushBody(clientId, events));
  expect(response.status).toBe(200);
  return ((await response.json()) as { version: number }).version;
}

/** The learner's progress rows as the table has them, in pull order. */
async function tableRows(userId: string): Promise<PulledRow[]> {
  const rows = await database.db
    .selectFrom('progress')
    .select(['data', 'version'])
    .where('user_id', '=', userId)
    .orderBy('version')
    .orderBy('course_id')
    .orderBy('lesson_id')
    .execute();
  return rows.map((row) => ({
    progress: JSON.parse(row.data) as LessonProgress,
    version: row.version,
  }));
}

const keyOf = (row: PulledRow) => `${row.progress.courseId}/${row.progress.lessonId}`;

/** A learner with 27 rows over 12 pushes: some pushes touch several lessons (so one version
 * holds several rows), and two courses interleave. */
async function learnerWithManyRows(): Promise<{ learner: TestLearner; clientId: string }> {
  const learner = await createTestLearner(database.db);
  const clientId = newClientId();
  let lesson = 0;
  for (let pushNo = 0; pushNo < 12; pushNo++) {
    const ids = Array.from({ length: Math.min((pushNo % 4) + 1, 3) }, () => `leksjon-${++lesson}`);
    await openLessons(learner, clientId, ids, pushNo % 2 ? 'b-kurs' : 'a-kurs');
  }
  return { learner, clientId };
}

describe('paging', () => {
  it('returns every row exactly once, in version order, whatever the page size', async () => {
    const { learner } = await learnerWithManyRows();
    const expected = await tableRows(learner.userId);
    expect(expected.length).toBeGreaterThan(20);
    for (const limit of [1, 2, 3, 7, 500]) {
      const { rows, pages } = await pullAll(app, learner.token, { limit });
      expect(rows).toEqual(expected);
      expect(new Set(rows.map(keyOf)).size).toBe(rows.length);
      expect(pages.every((page) => page.rows.length <= limit && !page.reset)).toBe(true);
      expect(pages.slice(0, -1).every((page) => page.hasMore)).toBe(true);
      expect(pages.at(-1)?.hasMore).toBe(false);
    }
  });

  it('ends on a full last page without an empty one after it', async () => {
    const learner = await createTestLearner(database.db);
    await openLessons(learner, newClientId(), ['1', '2', '3', '4', '5', '6']);
    const { pages } = await pullAll(app, learner.token, { limit: 3 });
    expect(pages.map((page) => [page.rows.length, page.hasMore])).toEqual([
      [3, true],
      [3, false],
    ]);
  });

  it('answers an empty page with the same cursor, for a learner with rows and one without', async () => {
    const { learner } = await learnerWithManyRows();
    const { cursor } = await pullAll(app, learner.token, { limit: 10 });
    const again = await pullPage(app, learner.token, { cursor });
    expect(again).toEqual({ rows: [], cursor, hasMore: false, reset: false });

    const empty = await createTestLearner(database.db);
    const first = await pullPage(app, empty.token);
    expect(first).toMatchObject({ rows: [], hasMore: false, reset: false });
    expect(await pullPage(app, empty.token, { cursor: first.cursor })).toEqual(first);
  });

  it('brings a row changed again back at the end, with its new version', async () => {
    const { learner, clientId } = await learnerWithManyRows();
    const { cursor } = await pullAll(app, learner.token, { limit: 4 });
    const version = await openLessons(learner, clientId, ['leksjon-2'], 'b-kurs');
    await push(
      app,
      learner.token,
      pushBody(clientId, [
        makeEvent('lesson.completed', {}, { clientId, courseId: 'a-kurs', lessonId: 'leksjon-1' }),
      ]),
    );

    const { rows } = await pullAll(app, learner.token, { cursor, limit: 1 });
    expect(rows.map((row) => [keyOf(row), row.version])).toEqual([
      ['b-kurs/leksjon-2', version],
      ['a-kurs/leksjon-1', version + 1],
    ]);
    expect(rows[1].progress.completedAt).not.toBeNull();

    const full = await pullAll(app, learner.token, { limit: 5 });
    expect(full.rows.slice(-2)).toEqual(rows);
    expect(full.rows).toEqual(await tableRows(learner.userId));
  });

  it('sends Cache-Control: no-store', async () => {
    const learner = await createTestLearner(database.db);
    const response = await pull(app, learner.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
  });
});

describe('unknown cursors', () => {
  it.each([
    ['garbage', 'not a cursor at all!'],
    ['base64url of garbage', Buffer.from('{"half": ').toString('base64url')],
    ['base64url of null', Buffer.from('null').toString('base64url')],
    ['a cursor of another shape', Buffer.from('{"v":3}').toString('base64url')],
    ['a very long string', 'A'.repeat(5000)],
  ])('restarts from the beginning with reset: true for %s', async (_name, cursor) => {
    const { learner } = await learnerWithManyRows();
    const expected = await tableRows(learner.userId);
    const first = await pullPage(app, learner.token, { cursor, limit: 5 });
    expect(first.reset).toBe(true);
    expect(first.rows).toEqual(expected.slice(0, 5));
    const rest = await pullAll(app, learner.token, { cursor: first.cursor, limit: 5 });
    expect([...first.rows, ...rest.rows]).toEqual(expected);
    expect(rest.pages.every((page) => !page.reset)).toBe(true);
  });

  it("restarts with reset: true for a cursor from another learner's epoch", async () => {
    const { learner } = await learnerWithManyRows();
    const other = await learnerWithManyRows();
    const { cursor: othersCursor } = await pullAll(app, other.learner.token, { limit: 50 });
    const page = await pullPage(app, learner.token, { cursor: othersCursor, limit: 500 });
    expect(page.reset).toBe(true);
    expect(page.rows).toEqual(await tableRows(learner.userId));
  });

  it('restarts for a cursor from an earlier epoch of the same learner', async () => {
    const { learner } = await learnerWithManyRows();
    const { cursor } = await pullAll(app, learner.token, { limit: 500 });
    await database.db
      .updateTable('learner_sync')
      .set({ epoch: 'a-new-epoch' })
      .where('user_id', '=', learner.userId)
      .execute();
    const page = await pullPage(app, learner.token, { cursor, limit: 500 });
    expect(page.reset).toBe(true);
    expect(page.rows).toEqual(await tableRows(learner.userId));
  });

  it('restarts for a cursor ahead of the learner (a database restored from a backup)', async () => {
    const { learner } = await learnerWithManyRows();
    const { cursor } = await pullAll(app, learner.token, { limit: 500 });
    // The backup predates the last three pushes: same epoch, lower version, fewer rows.
    await database.db
      .updateTable('learner_sync')
      .set((eb) => ({ version: eb('version', '-', 3) }))
      .where('user_id', '=', learner.userId)
      .execute();
    await database.db
      .deleteFrom('progress')
      .where('user_id', '=', learner.userId)
      .where('version', '>', 9)
      .execute();
    const page = await pullPage(app, learner.token, { cursor, limit: 500 });
    expect(page.reset).toBe(true);
    expect(page.rows).toEqual(await tableRows(learner.userId));
    expect(page.rows.length).toBeGreaterThan(0);
  });

  it('continues after a hand-made cursor of the right epoch', async () => {
    const { learner } = await learnerWithManyRows();
    const expected = await tableRows(learner.userId);
    const middle = expected[10];
    const cursor = encodeCursor({
      epoch: learner.epoch,
      version: middle.version,
      courseId: middle.progress.courseId,
      lessonId: middle.progress.lessonId,
    });
    const { rows, pages } = await pullAll(app, learner.token, { cursor, limit: 4 });
    expect(rows).toEqual(expected.slice(11));
    expect(pages[0].reset).toBe(false);
  });
});

describe('limit', () => {
  it.each(['0', '-1', String(MAX_PULL_LIMIT + 1), 'abc', '1.5', '', '1e2', '  3', '0x10'])(
    'refuses limit=%j with 400 invalid_request',
    async (limit) => {
      const learner = await createTestLearner(database.db);
      const response = await pull(app, learner.token, { limit });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        error: 'invalid_request',
        message: expect.stringContaining(String(MAX_PULL_LIMIT)),
      });
    },
  );

  it(`pages by ${DEFAULT_PULL_LIMIT} without a limit and by at most ${MAX_PULL_LIMIT}`, async () => {
    const learner = await createTestLearner(database.db);
    const clientId = newClientId();
    const lessons = Array.from({ length: DEFAULT_PULL_LIMIT + 20 }, (_, i) => `l-${i}`);
    for (let start = 0; start < lessons.length; start += 100) {
      await openLessons(learner, clientId, lessons.slice(start, start + 100));
    }
    const byDefault = await pullPage(app, learner.token);
    expect(byDefault.rows).toHaveLength(DEFAULT_PULL_LIMIT);
    expect(byDefault.hasMore).toBe(true);
    const largest = await pullPage(app, learner.token, { limit: MAX_PULL_LIMIT });
    expect(largest.rows).toHaveLength(lessons.length);
    expect(largest.hasMore).toBe(false);
  });
});
