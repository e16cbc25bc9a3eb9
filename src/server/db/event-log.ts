// Appending a push's events to the events table in one statement whose text is made once: Kysely
// builds and compiles a 100-row INSERT (1,100 parameters) anew for every query, a large share of a
// push's time (issue 13). Here Kysely writes the statement once per dialect and row count, and
// every push after that reuses the text (and on SQLite the prepared statement: database.ts).
import { CompiledQuery, type Kysely } from 'kysely';
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

const PLACEHOLDER: EventsTable = {
  user_id: '',
  id: '',
  client_id: '',
  seq: 0,
  type: '',
  course_id: '',
  lesson_id: '',
  at: 0,
  received_at: 0,
  version: 0,
  body: '',
};

/** Statement text by dialect (told apart by how Kysely writes a parameter) and row count. */
const texts = new Map<string, string>();

function insertText(trx: Kysely<Schema>, rows: number): string {
  const probe = trx.selectFrom('events').select('id').where('id', '=', '').compile().sql;
  const key = `${probe}\n${rows}`;
  let text = texts.get(key);
  if (text === undefined) {
    text = trx
      .insertInto('events')
      .values(Array.from({ length: rows }, () => PLACEHOLDER))
      .onConflict((oc) => oc.columns(['user_id', 'id']).doNothing())
      .returning('id')
      .compile().sql;
    texts.set(key, text);
  }
  return text;
}

/** Inserts `rows` in one statement, skipping any whose (user_id, id) is stored already; returns
 * the ids that were new. */
export async function appendEventRows(
  trx: Kysely<Schema>,
  rows: readonly EventsTable[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const parameters: unknown[] = [];
  for (const row of rows) for (const column of EVENT_COLUMNS) parameters.push(row[column]);
  const { rows: inserted } = await trx.executeQuery<{ id: string }>(
    CompiledQuery.raw(insertText(trx, rows.length), parameters),
  );
  return inserted.map((row) => row.id);
}
