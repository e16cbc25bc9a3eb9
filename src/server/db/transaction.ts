// Transactions that survive contention: PostgreSQL may abort a transaction with a serialization failure or a deadlock, and SQLite may report the database
// busy when another process holds the write lock. Both mean "try again"; nothing was committed.
import type { Transaction } from 'kysely';
import type { Db, Schema } from './schema';

/** How many times a transaction is tried before its error is thrown. */
export const TRANSACTION_ATTEMPTS = 6;

// 40001 serialization_failure, 40P01 deadlock_detected (PostgreSQL SQLSTATEs).
const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);
const RETRYABLE_SQLITE = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED']);

/** Whether an error from the database means the transaction may simply be run again. */
export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (RETRYABLE_SQLSTATES.has(code) || RETRYABLE_SQLITE.has(code));
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` in one transaction, again (after a short random pause) on a retryable failure.
 * `work` must be safe to repeat: it may run more than once, but commits at most once. */
export async function inTransaction<T>(
  db: Db,
  work: (trx: Transaction<Schema>) => Promise<T>,
  attempts = TRANSACTION_ATTEMPTS,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await pause(Math.random() * 10 * 2 ** attempt);
    }
  }
}
