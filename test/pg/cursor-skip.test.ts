// Issue test 6, on PostgreSQL: two server instances (two connection pools on one database) push
// for the same learner at once while pulls run in between, and no pull ever skips a row. The
// learner_sync row lock makes a push wait for the one before it, so versions commit in order
// and a cursor can never pass a version that commits later.
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/server/db/database';
import { createLogger } from '../../src/server/logger';
import { syncRoutes } from '../../src/server/sync/routes';
import type { LearnerEvent } from '../../src/shared/events';
import type { PulledRow, PushResponse } from '../../src/shared/sync-protocol';
import {
  createTestLearner,
  makeEvent,
  newClientId,
  pullAll,
  pullPage,
  push,
  pushBody,
  type Requester,
  type TestLearner,
} from '../utils/learners';
import { acceptAnyLesson } from '../utils/sync-catalogue';
import { createPostgresDatabase, testPostgresUrl } from '../utils/test-database';

/** A push held inside its transaction, just before commit, until the test lets it go. */
class Gate {
  private open!: () => void;
  private arrived!: () => void;
  private readonly opened = new Promise<void>((resolve) => (this.open = resolve));
  /** Resolves when a push has reached the gate (its version taken, its rows written). */
  readonly reached = new Promise<void>((resolve) => (this.arrived = resolve));
  readonly hold = async (): Promise<void> => {
    this.arrived();
    await this.opened;
  };
  release(): void {
    this.open();
  }
}

/** One server instance: its own pool, and a beforeCommit hook the test can change. */
interface Instance {
  database: Database;
  app: Requester;
  beforeCommit: () => Promise<void>;
}

let drop: () => Promise<void>;
let one: Instance;
let two: Instance;

async function startInstance(url: string): Promise<Instance> {
  const database = await openDatabase({ postgresUrl: url }, { poolSize: 10 });
  const instance: Instance = {
    database,
    app: { request: () => Promise.reject(new Error('not ready')) },
    beforeCommit: () => Promise.resolve(),
  };
  instance.app = syncRoutes({
    db: database.db,
    logger: createLogger('silent'),
    now: Date.now,
    catalogue: acceptAnyLesson,
    beforeCommit: () => instance.beforeCommit(),
  });
  return instance;
}

beforeAll(async () => {
  const url = testPostgresUrl();
  if (!url) throw new Error('test/pg runs only under npm run test:pg (DATABASE_URL)');
  const created = await createPostgresDatabase(url);
  drop = created.drop;
  one = await startInstance(created.url);
  two = await startInstance(created.url);
});
afterAll(async () => {
  await one?.database.close();
  await two?.database.close();
  await drop?.();
});

async function pushOk(
  instance: Instance,
  learner: TestLearner,
  clientId: string,
  events: LearnerEvent[],
) {
  const response = await push(instance.app, learner.token, pushBody(clientId, events));
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as PushResponse;
}

const opened = (clientId: string, ...lessonIds: string[]) =>
  lessonIds.map((lessonId) => makeEvent('lesson.opened', {}, { clientId, lessonId }));

/** Waits until some session of this database is blocked on a lock in learner_sync. */
async function untilWaitingForLearnerLock(instance: Instance): Promise<void> {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'
        AND query ILIKE '%learner_sync%'`.execute(instance.database.db);
    if (rows[0].n > 0) return;
    await sleep(10);
  }
  throw new Error('the second push never waited for the learner lock');
}

/** The learner's rows as the table has them, by course/lesson. */
async function finalRows(learner: TestLearner): Promise<Map<string, number>> {
  const rows = await one.database.db
    .selectFrom('progress')
    .select(['course_id', 'lesson_id', 'version'])
    .where('user_id', '=', learner.userId)
    .execute();
  return new Map(rows.map((row) => [`${row.course_id}/${row.lesson_id}`, row.version]));
}

const keyOf = (row: PulledRow) => `${row.progress.courseId}/${row.progress.lessonId}`;

describe('cursor skip (issue test 6)', () => {
  it('a pull between two concurrent pushes on two instances skips nothing', async () => {
    const learner = await createTestLearner(one.database.db);
    const phone = newClientId();
    const laptop = newClientId();
    await pushOk(two, learner, laptop, opened(laptop, 'before'));
    const { cursor: start, rows: seenFirst } = await pullAll(two.app, learner.token);
    expect(seenFirst.map(keyOf)).toEqual(['kurs/before']);

    // Instance one's push takes version 2 and stops just before its commit…
    const gate = new Gate();
    one.beforeCommit = gate.hold;
    const slow = pushOk(one, learner, phone, opened(phone, 'from-one'));
    await gate.reached;
    // …instance two's push must now wait for the learner's lock…
    const fast = pushOk(two, learner, laptop, opened(laptop, 'from-two'));
    await untilWaitingForLearnerLock(one);
    // …and a pull in between sees neither, and does not move its cursor.
    const between = await pullPage(two.app, learner.token, { cursor: start });
    expect(between.rows).toEqual([]);
    expect(between.cursor).toBe(start);
    const elsewhere = await pullPage(one.app, learner.token, { cursor: start });
    expect(elsewhere.rows).toEqual([]);

    gate.release();
    const [first, second] = await Promise.all([slow, fast]);
    one.beforeCommit = () => Promise.resolve();
    expect(first.version).toBe(2);
    expect(second.version).toBeGreaterThan(first.version);

    const after = await pullAll(two.app, learner.token, { cursor: between.cursor, limit: 1 });
    expect(after.rows.map((row) => [keyOf(row), row.version])).toEqual([
      ['kurs/from-one', first.version],
      ['kurs/from-two', second.version],
    ]);
  });

  it('many concurrent pushes across both instances, with pulls running meanwhile, skip nothing', async () => {
    const learner = await createTestLearner(one.database.db);
    const clients = [newClientId(), newClientId()];
    // Stretch every transaction a little at random so pushes overlap and commit out of step.
    const jitter = () => sleep(Math.random() * 15);
    one.beforeCommit = jitter;
    two.beforeCommit = jitter;

    let pushing = true;
    const pushes = Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const instance = i % 2 ? two : one;
        const clientId = clients[i % 2];
        // Distinct lessons per push; every fourth push also changes one shared lesson again.
        const lessons = [`p${i}-a`, `p${i}-b`, ...(i % 4 === 0 ? ['shared'] : [])];
        return pushOk(instance, learner, clientId, opened(clientId, ...lessons));
      }),
    ).finally(() => (pushing = false));

    const pulled: PulledRow[] = [];
    let cursor: string | undefined;
    let turn = 0;
    while (pushing) {
      const instance = turn++ % 2 ? two : one;
      const page = await pullPage(instance.app, learner.token, { cursor, limit: 3 });
      pulled.push(...page.rows);
      cursor = page.cursor;
    }
    const replies = await pushes;
    one.beforeCommit = () => Promise.resolve();
    two.beforeCommit = () => Promise.resolve();
    const rest = await pullAll(one.app, learner.token, { cursor, limit: 3 });
    pulled.push(...rest.rows);

    // Every push got its own version, one after another.
    const versions = replies.map((reply) => reply.version).sort((x, y) => x - y);
    expect(versions).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // The pulls walked forward in version order…
    const pulledVersions = pulled.map((row) => row.version);
    expect(pulledVersions).toEqual([...pulledVersions].sort((x, y) => x - y));
    // …and saw every row of the final table at its final version: nothing skipped.
    const table = await finalRows(learner);
    expect(table.size).toBe(41);
    const seen = new Map(pulled.map((row) => [keyOf(row), row.version]));
    expect(seen).toEqual(table);
  });
});
