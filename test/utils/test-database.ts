// A fresh, migrated server database for one test file: in-memory SQLite by default; under
// `npm run test:pg` (LOMMEKURS_TEST_PG set to a server URL) a new PostgreSQL database, dropped
// again by `close()`. Tests written against this run unchanged on both.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/server/db/database';

/** The PostgreSQL server the test:pg run uses, if any. */
export const testPostgresUrl = (): string | undefined => process.env.LOMMEKURS_TEST_PG || undefined;

async function withAdmin<T>(
  serverUrl: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// pg's Pool.end() resolves once it has asked its connections to close, not when they have; a
// DROP … WITH (FORCE) in that gap kills them, and their clients report an unhandled error that
// fails the test run. So wait (up to 5 s) for the database's last connection to go first.
async function dropWhenDisconnected(serverUrl: string, name: string): Promise<void> {
  await withAdmin(serverUrl, async (admin) => {
    for (let attempt = 0; attempt < 500; attempt++) {
      const { rows } = await admin.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
        [name],
      );
      if (rows[0].n === 0) break;
      await pause(10);
    }
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
}

/** A new PostgreSQL database on the test server; returns its URL and a function that drops it. */
export async function createPostgresDatabase(
  serverUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `lommekurs_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    /** Drops the database once its connections have closed (close every pool first). */
    drop: () => dropWhenDisconnected(serverUrl, name),
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
