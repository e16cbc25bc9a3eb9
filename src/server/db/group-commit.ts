// Group commit on SQLite: units of work from concurrent requests (sync pushes) share one
// transaction and one COMMIT, each in a SAVEPOINT of its own. SQLite has one writer and one
// connection here, so these units would run one after another anyway; what a group saves is the
// commit of each (its WAL frames and, now and then, a checkpoint): the pages the units share (the
// learner_sync and index pages) are written once per group instead of once per unit (issue 13).
//
// The guarantees are those of a transaction per unit:
// - All or nothing per unit: a unit that throws is rolled back to its savepoint; the others of its
//   group are not touched and still commit.
// - Nothing is reported before it is durable: every unit's outcome (its value or its error) is
//   delivered only after its group committed, so a reply never acknowledges work a crash could
//   still lose. If the commit fails, every unit of the group gets that error: none of them is
//   stored, none is reported as stored.
// - A retryable failure (another process holds the write lock) runs the whole group again, as
//   inTransaction does for one unit; units must be safe to repeat, as inTransaction asks.
// - If SQLite rolled the whole transaction back by itself (it may on an I/O error or a full
//   disk), the savepoint is gone and undoing to it fails: the group then fails as a whole, so no
//   later unit ever runs outside the transaction.
// On PostgreSQL (a pool of connections, a row lock per learner) each unit is its own transaction.
import { sql, SqliteAdapter, type Transaction } from 'kysely';
import type { Db, Schema } from './schema';
import { inTransaction, isRetryable } from './transaction';

/** A unit of work: like inTransaction's, it may run more than once but commits at most once. It
 * must not wait for another unit (that one waits for this group to commit). */
export type Unit<T> = (trx: Transaction<Schema>) => Promise<T>;

/** The most units in one group: a group holds the connection until it commits, and every other
 * query of the server waits for it meanwhile. */
export const MAX_GROUP = 32;

/** What a group reports to an observer (tests, diagnostics). */
export interface GroupReport {
  units: number;
  failed: number;
}

interface Queued {
  work: Unit<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Runs units in shared transactions. */
export interface GroupCommitter {
  /** Runs `work` in a savepoint of the next group; settles after that group committed. */
  run<T>(work: Unit<T>): Promise<T>;
}

/** Runs one unit in a savepoint of `trx`: its value, or its error after undoing its writes. */
async function inSavepoint(trx: Transaction<Schema>, work: Unit<unknown>): Promise<Outcome> {
  await sql`SAVEPOINT unit`.execute(trx);
  try {
    const value = await work(trx);
    await sql`RELEASE unit`.execute(trx);
    return { ok: true, value };
  } catch (error) {
    // Throws when SQLite already rolled the whole transaction back: the group fails as a whole.
    await sql`ROLLBACK TO unit`.execute(trx);
    await sql`RELEASE unit`.execute(trx);
    return { ok: false, error };
  }
}

/** A group committer over a SQLite `db` (`observe` sees each group once it has settled). */
export function sqliteGroupCommitter(
  db: Db,
  {
    maxGroup = MAX_GROUP,
    observe,
  }: { maxGroup?: number; observe?: (group: GroupReport) => void } = {},
): GroupCommitter {
  const queue: Queued[] = [];
  let running = false;

  async function runGroup(group: Queued[]): Promise<void> {
    let outcomes: Outcome[];
    try {
      outcomes = await inTransaction(db, async (trx) => {
        const done: Outcome[] = [];
        for (const unit of group) done.push(await inSavepoint(trx, unit.work));
        // A unit that failed only because another process held the lock: the whole group again
        // (inTransaction retries it), as one unit's transaction would be.
        for (const outcome of done)
          if (!outcome.ok && isRetryable(outcome.error)) throw outcome.error;
        return done;
      });
    } catch (error) {
      outcomes = group.map(() => ({ ok: false, error }));
    }
    group.forEach((unit, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) unit.resolve(outcome.value);
      else unit.reject(outcome.error);
    });
    observe?.({ units: group.length, failed: outcomes.filter((o) => !o.ok).length });
  }

  async function drain(): Promise<void> {
    running = true;
    try {
      while (queue.length > 0) await runGroup(queue.splice(0, maxGroup));
    } finally {
      running = false;
    }
  }

  return {
    run<T>(work: Unit<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        // The first unit on an idle server starts at once; units that arrive while a group runs
        // form the next one.
        if (!running) void drain();
      });
    },
  };
}

const committers = new WeakMap<Db, GroupCommitter>();

/** How `db` runs units of work: in groups on SQLite (one committer per database), each in its own
 * transaction (inTransaction) on PostgreSQL. */
export function unitRunner(db: Db): GroupCommitter {
  let committer = committers.get(db);
  if (committer === undefined) {
    committer =
      db.getExecutor().adapter instanceof SqliteAdapter
        ? sqliteGroupCommitter(db)
        : { run: (work) => inTransaction(db, work) };
    committers.set(db, committer);
  }
  return committer;
}
