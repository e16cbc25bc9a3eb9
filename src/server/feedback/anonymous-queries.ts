// Queries of anonymous feedback (issue 15): the table `anonymous_feedback` (migration 0007).
import type { Insertable } from 'kysely';
import type { AnonymousFeedbackTable, Db } from '../db/schema';
import { inTransaction } from '../db/transaction';

/** A row as written. */
export type AnonymousFeedbackRow = Insertable<AnonymousFeedbackTable>;

/** Inserts the rows whose event id is not stored yet, all in one transaction; a stored id is
 * left as it is (the first copy wins), so a retry or a duplicate changes nothing. */
export async function insertAnonymousFeedback(
  db: Db,
  rows: readonly AnonymousFeedbackRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await inTransaction(db, (trx) =>
    trx
      .insertInto('anonymous_feedback')
      .values([...rows])
      .onConflict((oc) => oc.column('event_id').doNothing())
      .execute(),
  );
}
