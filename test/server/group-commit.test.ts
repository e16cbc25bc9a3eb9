// Group commit on SQLite (src/server/db/group-commit.ts): concurrent units share a commit, each
// in its own savepoint; a unit's outcome is delivered only once it is durable (a second connection
// already sees it); a failing unit loses only its own writes; a failed commit fails every unit of
// its group and stores none; a unit that found the database busy runs its whole group again. Then
// through the push route: concurrent pushes of many learners, one of them refused, each stored
// exactly once.
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/server/db/database';
import { sqliteGroupCommitter, type GroupReport } from '../../src/server/db/group-commit';
import type { PushResponse } from '../../src/shared/sync-protocol';
import { makeTemp, removeTemp } from './support';
import {
  countSyncRows,
  createSyncTestApp,
  createTestLearner,
  newClientId,
  push,
  pushBody,
  sampleEvents,
} from '../utils/learners';

let dir: string;
let database: Database;
let reader: SQLite.Database;
let groups: GroupReport[];

beforeEach(async () => {
  dir = await makeTemp('group-commit');
  const file = `${dir}/db.sqlite`;
  database = await openDatabase({ sqliteFile: file });
  await sql`CREATE TABLE t (id TEXT PRIMARY KEY, owner TEXT REFERENCES owners(id) DEFERRABLE INITIALLY DEFERRED)`.execute(
    database.db,
  );
  await sql`CREATE TABLE owners (id TEXT PRIMARY KEY)`.execute(database.db);
  await sql`INSERT INTO owners (id) VALUES ('o')`.execute(database.db);
  // A second connection, as another process would have: it sees only what was committed.
  reader = new SQLite(file, { readonly: true });
  groups = [];
});

afterEach(async () => {
  reader.close();
  await database.close();
  await removeTemp(dir);
});

const committed = (id: string): boolean =>
  reader.prepare('SELECT 1 FROM t WHERE id = ?').get(id) !== undefined;

const committer = () =>
  sqliteGroupCommitter(database.db, { observe: (group) => groups.push(group) });

/** A unit that holds its group open until `release` is called: the units run after it queue up. */
function blocker() {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  return { release, unit: () => held };
}

const insert =
  (id: string, owner = 'o') =>
  (trx: Database['db']) =>
    sql`INSERT INTO t (id, owner) VALUES (${id}, ${owner})`.execute(trx).then(() => id);

describe('group commit', () => {
  it('commits concurrent units together and reports each only once it is committed', async () => {
    const run = committer();
    const hold = blocker();
    const first = run.run(hold.unit);
    const seenAtDelivery: boolean[] = [];
    const units = Array.from({ length: 10 }, (_, i) =>
      run.run(insert(`u${i}`)).then((id) => {
        seenAtDelivery.push(committed(id));
        return id;
      }),
    );
    hold.release();
    await first;
    expect(await Promise.all(units)).toEqual(Array.from({ length: 10 }, (_, i) => `u${i}`));
    expect(seenAtDelivery).toEqual(Array(10).fill(true));
    expect(groups).toEqual([
      { units: 1, failed: 0 },
      { units: 10, failed: 0 },
    ]);
  });

  it('undoes only the failing unit: the others of its group commit', async () => {
    const run = committer();
    const hold = blocker();
    const first = run.run(hold.unit);
    const a = run.run(insert('a'));
    const bad = run.run(async (trx) => {
      await insert('half')(trx);
      throw new Error('refused halfway');
    });
    const c = run.run(insert('c'));
    hold.release();
    await first;
    await expect(bad).rejects.toThrow('refused halfway');
    expect([await a, await c]).toEqual(['a', 'c']);
    expect([committed('a'), committed('half'), committed('c')]).toEqual([true, false, true]);
    expect(groups[1]).toEqual({ units: 3, failed: 1 });
  });

  it('fails every unit of a group whose commit fails, and stores none of them', async () => {
    const run = committer();
    const hold = blocker();
    const first = run.run(hold.unit);
    const a = run.run(insert('a'));
    // A deferred foreign key is checked at COMMIT: the statement succeeds, the commit does not.
    const orphan = run.run(insert('orphan', 'nobody'));
    hold.release();
    await first;
    await expect(a).rejects.toThrow(/FOREIGN KEY/);
    await expect(orphan).rejects.toThrow(/FOREIGN KEY/);
    expect([committed('a'), committed('orphan')]).toEqual([false, false]);
    // The next group is a new transaction.
    expect(await run.run(insert('after'))).toBe('after');
    expect(committed('after')).toBe(true);
  });

  it('fails the whole group when SQLite rolled the transaction back by itself', async () => {
    const run = committer();
    const hold = blocker();
    const first = run.run(hold.unit);
    const a = run.run(insert('a'));
    // As SQLite does on an I/O error or a full disk: the transaction is gone, savepoints too.
    const broken = run.run(async (trx) => {
      await sql`ROLLBACK`.execute(trx);
      throw new Error('disk full');
    });
    const later = run.run(insert('later'));
    hold.release();
    await first;
    await Promise.allSettled([a, broken, later]);
    for (const unit of [a, broken, later]) await expect(unit).rejects.toThrow();
    // `later` never ran outside a transaction: nothing of the group is stored.
    expect([committed('a'), committed('later')]).toEqual([false, false]);
  });

  it('runs the whole group again when a unit found the database busy', async () => {
    const run = committer();
    const hold = blocker();
    const first = run.run(hold.unit);
    let tries = 0;
    const busyOnce = run.run(async (trx) => {
      tries++;
      await insert(`busy${tries}`)(trx);
      if (tries === 1)
        throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
      return tries;
    });
    const other = run.run(insert('other'));
    hold.release();
    await first;
    expect(await busyOnce).toBe(2);
    expect(await other).toBe('other');
    // The first try's writes went with the retried group; the second try's were committed once.
    expect([committed('busy1'), committed('busy2'), committed('other')]).toEqual([
      false,
      true,
      true,
    ]);
  });
});

describe('concurrent pushes on SQLite', () => {
  it('stores every event of every acknowledged push once, and nothing of a refused one', async () => {
    const app = createSyncTestApp(database);
    const learners = await Promise.all(
      Array.from({ length: 12 }, () => createTestLearner(database.db)),
    );
    const clients = learners.map(() => newClientId());
    // The last learner pushes with the first learner's clientId: refused (403), in the same burst.
    const thief = await createTestLearner(database.db);
    await push(
      app,
      learners[0]!.token,
      pushBody(clients[0]!, sampleEvents(1, { clientId: clients[0]! })),
    );
    const batches = learners.map((_, i) =>
      sampleEvents(30, { clientId: clients[i]!, at: Date.now() - 60_000 }),
    );
    const replies = await Promise.all([
      ...learners.map((learner, i) => push(app, learner.token, pushBody(clients[i]!, batches[i]!))),
      push(app, thief.token, pushBody(clients[0]!, sampleEvents(5, { clientId: clients[0]! }))),
    ]);
    expect(replies.map((reply) => reply.status)).toEqual([...learners.map(() => 200), 403]);
    const bodies = (await Promise.all(replies.slice(0, -1).map((r) => r.json()))) as PushResponse[];
    for (const [i, body] of bodies.entries()) {
      expect(new Set(body.acked)).toEqual(new Set(batches[i]!.map((event) => event.id)));
    }
    // Pushed again, all at once: nothing new is stored.
    const again = await Promise.all(
      learners.map((learner, i) => push(app, learner.token, pushBody(clients[i]!, batches[i]!))),
    );
    expect(again.map((reply) => reply.status)).toEqual(learners.map(() => 200));
    const stored = await database.db
      .selectFrom('events')
      .select(['user_id', 'version'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .groupBy(['user_id', 'version'])
      .execute();
    const byLearner = (userId: string) =>
      stored.filter((row) => row.user_id === userId).map((row) => [row.version, Number(row.n)]);
    // Learner 0: the first event (version 1), then the batch (version 2); the others one version.
    expect(byLearner(learners[0]!.userId)).toEqual([
      [1, 1],
      [2, 30],
    ]);
    for (const learner of learners.slice(1)) expect(byLearner(learner.userId)).toEqual([[1, 30]]);
    expect(byLearner(thief.userId)).toEqual([]);
    expect((await countSyncRows(database.db)).events).toBe(learners.length * 30 + 1);
  });
});
