// Queries whose SQL text depends only on their shape (the dialect and a row count): Kysely builds
// and compiles such a query once, and every later call runs the kept text with its own parameters
// (and on SQLite the kept prepared statement: database.ts). Building and compiling is a large share
// of a small query's time (issue 13: a push's statements). The first call checks that the
// parameters the caller lists are the ones Kysely compiled, in the same order.
import { CompiledQuery, type Compilable, type Kysely, type QueryResult } from 'kysely';
import type { DialectAdapter } from 'kysely';
import type { Schema } from './schema';

/** SQL text by dialect and shape. */
const texts = new WeakMap<DialectAdapter, Map<string, string>>();

/** Runs the query `build()` makes, as text kept per dialect and `shape` (a name and whatever
 * changes its text, e.g. a row count). `parameters` are the query's parameters in Kysely's order;
 * `build` is called only when the shape is new. */
export async function runKept<R>(
  db: Kysely<Schema>,
  shape: string,
  build: () => Compilable<R>,
  parameters: readonly unknown[],
): Promise<QueryResult<R>> {
  const { adapter } = db.getExecutor();
  let kept = texts.get(adapter);
  if (kept === undefined) {
    kept = new Map();
    texts.set(adapter, kept);
  }
  let text = kept.get(shape);
  if (text === undefined) {
    const compiled = build().compile();
    const same =
      compiled.parameters.length === parameters.length &&
      compiled.parameters.every((value, i) => Object.is(value, parameters[i]));
    if (!same) throw new Error(`kept query ${shape}: the parameters are not Kysely's`);
    text = compiled.sql;
    kept.set(shape, text);
  }
  return db.executeQuery<R>(CompiledQuery.raw(text, [...parameters]));
}
