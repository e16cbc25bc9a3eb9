// Rate limits kept in the database, so every server process (WORKERS) and every machine on the
// same database counts the same attempts: rate-limiter-flexible's SQLite store over our
// better-sqlite3 connection, its PostgreSQL store over our pg Pool, all limiters in one table,
// `rate_limits` (migration 0005), told apart by a key prefix. Keys are SHA-256 digests, so the
// table holds no email, token, account id or address in clear; rows end with their window and are
// swept an hour later.
//
// On SQLite a take (the counter every request pays) is not the library's own transaction but a
// unit of the database's group commit (db/group-commit.ts): the same upsert, committed together
// with the pushes and takes of other requests (issue 13). The rarer calls stay the library's.
// On SQLite the library writes through the same connection as Kysely. better-sqlite3 is
// synchronous, but a Kysely transaction stays open across awaits: a counter written in that gap
// would join someone else's transaction (and vanish with its rollback). So every call holds
// Kysely's connection (its mutex) while it runs.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import {
  RateLimiterPostgres,
  RateLimiterRes,
  RateLimiterSQLite,
  type RateLimiterStoreAbstract,
} from 'rate-limiter-flexible';
import type { Database } from '../db/database';
import { unitRunner } from '../db/group-commit';
import type { Db } from '../db/schema';

/** The table every limiter shares (migration 0005). */
export const RATE_LIMIT_TABLE = 'rate_limits';

/** At most `points` per window of `seconds` (a fixed window, opened by the key's first use). */
export interface Budget {
  points: number;
  seconds: number;
}

/** A budget's answer: go ahead, or wait `retryAfter` seconds (for the Retry-After header). */
export type Verdict = { ok: true; used: number } | { ok: false; retryAfter: number };

/** One budget over many keys. */
export interface Limiter {
  /** Takes `points` from `key`'s budget, atomically across processes; refused when that would
   * pass the budget. `seconds` replaces the budget's window for a key whose window opens now. */
  take(key: string, points?: number, seconds?: number): Promise<Verdict>;
  /** Counts `points` without refusing (a failure, counted after the fact); the window's total. */
  add(key: string, points?: number): Promise<number>;
  /** Returns points taken in the current window. */
  giveBack(key: string, points?: number): Promise<void>;
  /** Points used in `key`'s current window (0 when none is open) and ms until it ends. */
  peek(key: string): Promise<{ used: number; msLeft: number }>;
  /** Closes `key`'s window (e.g. after a successful sign-in). */
  forget(key: string): Promise<void>;
}

/** Makes limiters over one database. */
export interface RateLimits {
  /** A limiter named `name` (unique per budget: it prefixes the stored keys). */
  limiter(name: string, budget: Budget): Limiter;
}

/** How often a process deletes rows whose window ended over an hour ago. */
const SWEEP_EVERY_MS = 5 * 60_000;
const SWEEP_AFTER_MS = 60 * 60_000;

/** A key as stored: its SHA-256, so emails and tokens are not kept in clear. */
export const digestKey = (key: string): string =>
  createHash('sha256').update(key).digest('base64url');

const secondsUntil = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

/** rate-limiter-flexible's upsert (RateLimiterSQLite `_upsertTransaction`), the same rows and the
 * same window rule: a key's points add up until its window ends, and the first take after that
 * opens a new window. */
const upsertPoints = (db: Db, key: string, points: number, expire: number | null, now: number) =>
  sql<{ points: number; expire: number | null }>`
    INSERT INTO ${sql.table(RATE_LIMIT_TABLE)} (key, points, expire) VALUES (${key}, ${points}, ${expire})
    ON CONFLICT(key) DO UPDATE SET
      points = CASE WHEN expire IS NULL OR expire > ${now} THEN points + excluded.points ELSE excluded.points END,
      expire = CASE WHEN expire IS NULL OR expire > ${now} THEN expire ELSE excluded.expire END
    RETURNING points, expire`.execute(db);

/** SQLite: a take as a unit of the database's group commit (db/group-commit.ts), so a push's two
 * counters share the commit of other requests' work instead of committing twice on their own
 * (issue 13). The verdict comes after the counter is committed, as the library's does. */
async function takeInGroup(
  db: Db,
  rlKey: string,
  points: number,
  budget: Budget,
  windowSeconds: number | undefined,
): Promise<Verdict> {
  const now = Date.now();
  const seconds = windowSeconds ?? budget.seconds;
  const expire = seconds > 0 ? now + seconds * 1000 : null;
  const row = await unitRunner(db).run(async (trx) => {
    const { rows } = await upsertPoints(trx, rlKey, points, expire, now);
    return rows[0]!;
  });
  if (row.points <= budget.points) return { ok: true, used: row.points };
  return { ok: false, retryAfter: secondsUntil(row.expire === null ? 0 : row.expire - now) };
}

/** Rate limits over `database`. `namespace` prefixes every key: processes that share limits use
 * the same one (the default ''); tests give each app its own, as separate servers would have. */
export function databaseLimits(database: Database, { namespace = '' } = {}): RateLimits {
  const { driver, db } = database;
  // SQLite: one connection shared with Kysely; hold its mutex for the call (see above).
  const exclusive =
    'sqlite' in driver
      ? <T>(work: () => Promise<T>) => db.connection().execute(() => work())
      : <T>(work: () => Promise<T>) => work();
  let nextSweepAt = 0;
  const sweep = async () => {
    const now = Date.now();
    if (now < nextSweepAt) return;
    nextSweepAt = now + SWEEP_EVERY_MS;
    await sql`DELETE FROM rate_limits WHERE expire < ${now - SWEEP_AFTER_MS}`.execute(db);
  };

  return {
    limiter(name, { points, seconds }) {
      const options = {
        keyPrefix: `${namespace}${name}`,
        points,
        duration: seconds,
        tableName: RATE_LIMIT_TABLE,
        tableCreated: true,
        clearExpiredByTimeout: false,
      };
      const store: RateLimiterStoreAbstract =
        'sqlite' in driver
          ? new RateLimiterSQLite({
              ...options,
              storeClient: driver.sqlite,
              storeType: 'better-sqlite3',
            })
          : new RateLimiterPostgres({ ...options, storeClient: driver.pool, storeType: 'pool' });
      return {
        async take(key, amount = 1, windowSeconds) {
          await sweep();
          if ('sqlite' in driver) {
            const rlKey = store.getKey(digestKey(key));
            return takeInGroup(db, rlKey, amount, { points, seconds }, windowSeconds);
          }
          const custom = windowSeconds === undefined ? {} : { customDuration: windowSeconds };
          try {
            const res = await exclusive(() => store.consume(digestKey(key), amount, custom));
            return { ok: true, used: res.consumedPoints };
          } catch (error) {
            // The library refuses with its result object; anything else is a database error.
            if (!(error instanceof RateLimiterRes)) throw error;
            return { ok: false, retryAfter: secondsUntil(error.msBeforeNext) };
          }
        },
        async add(key, amount = 1) {
          const res = await exclusive(() => store.penalty(digestKey(key), amount));
          return res.consumedPoints;
        },
        async giveBack(key, amount = 1) {
          await exclusive(() => store.reward(digestKey(key), amount));
        },
        async peek(key) {
          const res = await exclusive(() => store.get(digestKey(key)));
          return res
            ? { used: res.consumedPoints, msLeft: res.msBeforeNext }
            : { used: 0, msLeft: 0 };
        },
        async forget(key) {
          await exclusive(() => store.delete(digestKey(key)));
        },
      };
    },
  };
}
