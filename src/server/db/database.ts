// Opening the server database: SQLite in DATA_DIR by default (better-sqlite3, WAL), PostgreSQL
// when DATABASE_URL is set. Migrations run on open; several server processes may open the same
// database at once (Kysely's migrator takes a lock, and the migrations are idempotent by name).
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations';
import type { Db, Schema } from './schema';

/** Which engine a Database runs on. */
export type DialectName = 'sqlite' | 'postgres';

/** An open, migrated database. */
export interface Database {
  db: Db;
  dialect: DialectName;
  /** Where it is, for the start-up log (a file path, or the URL without its password). */
  location: string;
  close(): Promise<void>;
}

/** Where to find the database: a PostgreSQL URL, or else a SQLite file (or `:memory:`). */
export type DatabaseTarget = { postgresUrl: string } | { sqliteFile: string };

/** The SQLite file under DATA_DIR. */
export const sqliteFileIn = (dataDir: string): string => join(dataDir, 'lommekurs.sqlite');

/** PostgreSQL when DATABASE_URL is set, else the SQLite file in DATA_DIR. */
export const databaseTargetOf = (config: {
  databaseUrl: string | null;
  dataDir: string;
}): DatabaseTarget =>
  config.databaseUrl
    ? { postgresUrl: config.databaseUrl }
    : { sqliteFile: sqliteFileIn(config.dataDir) };

// pg returns BIGINT as a string (it may not fit a double). Ours are millisecond times and
// per-learner versions, far below 2^53, so numbers are exact.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

function openSqlite(file: string): Kysely<Schema> {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // Another process may hold the write lock for a moment; wait instead of failing at once.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  return new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
}

function openPostgres(url: string, poolSize: number): Kysely<Schema> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  return new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
}

/** The URL with its password replaced, safe for a log line. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

/** Opens the database and brings its schema to the latest migration. */
export async function openDatabase(
  target: DatabaseTarget,
  { poolSize = 10 }: { poolSize?: number } = {},
): Promise<Database> {
  const [db, dialect, location] =
    'postgresUrl' in target
      ? ([
          openPostgres(target.postgresUrl, poolSize),
          'postgres',
          redactUrl(target.postgresUrl),
        ] as const)
      : ([openSqlite(target.sqliteFile), 'sqlite', target.sqliteFile] as const);
  try {
    await migrate(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, dialect, location, close: () => db.destroy() };
}

/** Runs every migration not yet applied; throws with the failing migration's name. */
export async function migrate(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Database migration ${failed} failed: ${String(error)}`, { cause: error });
  }
}
