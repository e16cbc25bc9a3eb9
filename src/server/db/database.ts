// Opening the server database: SQLite in DATA_DIR by default (better-sqlite3, WAL), PostgreSQL
// when DATABASE_URL is set. Migrations run on open; several server processes may open the same
// database at once (Kysely's migrator takes a lock, and the migrations are idempotent by name).
import { chmodSync, closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql, SqliteDialect, type SqliteDatabase } from 'kysely';
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
  /** The driver under `db`, for libraries that speak to it directly (the rate-limit stores in
   * src/server/limits/). Not for queries of our own: those go through `db`. */
  driver: DriverHandle;
  /** Call after an account's rows were deleted: on SQLite, moves the WAL into the database file
   * and truncates it, so the erased rows' old page images leave the disk (with secure_delete,
   * the database file already holds zeros in their place). True when the checkpoint completed;
   * false when another connection kept part of the WAL. A no-op (true) on PostgreSQL. */
  afterErasure(): Promise<boolean>;
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

/** The better-sqlite3 connection or the pg Pool under a Database's Kysely instance. */
export type DriverHandle = { sqlite: SQLite.Database } | { pool: pg.Pool };
const drivers = new WeakMap<Db, DriverHandle>();
function withDriver(db: Kysely<Schema>, driver: DriverHandle): Kysely<Schema> {
  drivers.set(db, driver);
  return db;
}
function driverOf(db: Db): DriverHandle {
  const driver = drivers.get(db);
  if (!driver) throw new Error('No driver recorded for this database');
  return driver;
}

/** Owner-only: the database holds e-mail addresses, password hashes and learners' own words. */
const OWNER_ONLY = 0o600;

/** Creates the database file owner-only before SQLite opens it (SQLite gives its -wal and -shm
 * files the database file's mode), and takes group/other access from files an older version
 * made 0644. */
function ownerOnlyFiles(file: string): void {
  if (file === ':memory:' || file === '') return;
  closeSync(openSync(file, 'a', OWNER_ONLY));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      chmodSync(path, OWNER_ONLY);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/** After an erasure: WAL into the database file, WAL truncated to 0 bytes (see afterErasure). */
async function checkpointWal(db: Db): Promise<boolean> {
  const { rows } = await sql<{ busy: number }>`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
  return rows[0]?.busy === 0;
}

function openSqlite(file: string): Kysely<Schema> {
  ownerOnlyFiles(file);
  const sqlite = new SQLite(file);
  // Deleted rows are overwritten with zeros, not just unlinked: an erased account leaves no
  // readable trace in the database file's free space (issue 12).
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma('journal_mode = WAL');
  // Another process may hold the write lock for a moment; wait instead of failing at once.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  return withDriver(
    new Kysely<Schema>({ dialect: new SqliteDialect({ database: keptStatements(sqlite) }) }),
    { sqlite },
  );
}

/** How many prepared statements one SQLite connection keeps (by SQL text, least recently used
 * dropped first): the queries of the server are a few dozen shapes. */
export const KEPT_STATEMENTS = 200;

/** better-sqlite3 as Kysely sees it, but a statement is prepared once per SQL text and reused:
 * Kysely prepares every query anew, and compiling SQL is a large share of a small query's time
 * (issue 13). Kysely runs one query at a time on the connection, so a kept statement is never
 * in use twice; `iterate` (a stream, which stays open) gets a statement of its own. */
export function keptStatements(sqlite: SQLite.Database, size = KEPT_STATEMENTS): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  const statement = (text: string): SQLite.Statement => {
    let found = kept.get(text);
    if (found) {
      kept.delete(text);
    } else {
      found = sqlite.prepare(text);
      if (kept.size >= size) kept.delete(kept.keys().next().value!);
    }
    kept.set(text, found);
    return found;
  };
  return {
    close: () => sqlite.close(),
    prepare(text) {
      const found = statement(text);
      return {
        reader: found.reader,
        all: (parameters) => found.all(parameters),
        run: (parameters) => found.run(parameters),
        iterate: (parameters) => sqlite.prepare(text).iterate(parameters),
      };
    },
  };
}

function openPostgres(url: string, poolSize: number): Kysely<Schema> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  return withDriver(new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) }), { pool });
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
  const afterErasure = dialect === 'sqlite' ? () => checkpointWal(db) : () => Promise.resolve(true);
  return {
    db,
    dialect,
    location,
    close: () => db.destroy(),
    afterErasure,
    driver: driverOf(db),
  };
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
