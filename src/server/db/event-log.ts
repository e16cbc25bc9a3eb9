// Appending a push's events to the events table in one statement whose text is made once: Kysely
// builds and compiles a 100-row INSERT (1,100 parameters) anew for every query, a large share of a
// push's time (issue 13). Here Kysely writes the statement once per dialect and row count
// (kept-query.ts), and every push after that reuses the text (and on SQLite the prepared
// statement: database.ts).
import type { Kysely } from 'kysely';
import { runKept } from './kept-query';
import type { EventsTable, Schema } from './schema';

/** The events table's columns, in the order each row's parameters are given (the ingest bench's
 * raw baselines write them in the same order). */
export const EVENT_COLUMNS = [
  'user_id',
  'id',
  'client_id',
  'seq',
  'type',
  'course_id',
  'lesson_id',
  'at',
  'received_at',
  'version',
  'body',
] as const satisfies readonly (keyof EventsTable)[];

const inColumnOrder = (row: EventsTable): EventsTable =>
  Object.fromEntries(
    EVENT_COLUMNS.map((column) => [column, row[column]]),
  ) as unknown as EventsTable;

/** Inserts `rows` in one statement, skipping any whose (user_id, id) is stored already; returns
 * the ids that were new. */
export async function appendEventRows(
  trx: Kysely<Schema>,
  rows: readonly EventsTable[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const parameters: unknown[] = [];
  for (const row of rows) for (const column of EVENT_COLUMNS) parameters.push(row[column]);
  const { rows: inserted } = await runKept(
    trx,
    `append events ${rows.length}`,
    () =>
      trx
        .insertInto('events')
        // Each row's keys in EVENT_COLUMNS order, the order of `parameters`.
        .values(rows.map((row) => inColumnOrder(row)))
        .onConflict((oc) => oc.columns(['user_id', 'id']).doNothing())
        .returning('id'),
    parameters,
  );
  return inserted.map((row) => row.id);
}
