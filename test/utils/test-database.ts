// A fresh, migrated server database for one test file: in-memory SQLite by default; under
// `npm run test:pg` (LOMMEKURS_TEST_PG set to a server URL) a new PostgreSQL database, dropped
// again by `close()`. Tests written against this run unchanged on both.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/server/db/database';

/** The PostgreSQL server the test:pg run uses, if any. */
export const testPostgresUrl = (): string | undefined => process.env.LOMMEKURS_TEST_PG || undefined;

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A new PostgreSQL database on the test server; returns its URL and a function that drops it. */
export async function createPostgresDatabase(
  serverUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `lommekurs_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** Opens a fresh test database (SQLite in memory, or PostgreSQL under test:pg). */
export async function openTestDatabase(): Promise<Database> {
  const serverUrl = testPostgresUrl();
  if (!serverUrl) return openDatabase({ sqliteFile: ':memory:' });
  const created = await createPostgresDatabase(serverUrl);
  const database = await openDatabase({ postgresUrl: created.url }, { poolSize: 20 });
  return {
    ...database,
    close: async () => {
      await database.close();
      await created.drop();
    },
  };
}
