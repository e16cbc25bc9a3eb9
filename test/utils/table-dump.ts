// Every row of every table of a server database, as the database returns them: what a test that
// proves "nothing of this is stored" searches (issue 15's anonymous feedback). The tables are
// listed by the database itself (SQLite's sqlite_master, PostgreSQL's information_schema), so a
// table added later is searched too. Kysely's own migration tables are included.
import { sql } from 'kysely';
import type { Database } from '../../src/server/db/database';

/** Table name → its rows. */
export type TableDump = Record<string, Record<string, unknown>[]>;

/** The names of every table of `database`. */
async function tableNames({ db, dialect }: Database): Promise<string[]> {
  const query =
    dialect === 'sqlite'
      ? sql<{
          name: string;
        }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`
      : sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
          WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`;
  const { rows } = await query.execute(db);
  return rows.map((row) => row.name).sort();
}

/** All rows of all tables. */
export async function dumpAllTables(database: Database): Promise<TableDump> {
  const dump: TableDump = {};
  for (const name of await tableNames(database)) {
    const { rows } = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(name)}`.execute(
      database.db,
    );
    dump[name] = rows;
  }
  return dump;
}

/** Every value of the dump as text (numbers and booleans too), with where it was found. */
export function valuesOf(dump: TableDump): { table: string; column: string; value: string }[] {
  return Object.entries(dump).flatMap(([table, rows]) =>
    rows.flatMap((row) =>
      Object.entries(row)
        .filter(([, value]) => value !== null && value !== undefined)
        .map(([column, value]) => ({ table, column, value: String(value) })),
    ),
  );
}
