// `npm run test:pg`: the whole server suite again, on PostgreSQL instead of in-memory SQLite,
// plus the tests that only make sense there (several server instances on one database).
// Needs DATABASE_URL pointing at a PostgreSQL server where the user may create databases; each
// test file gets a database of its own (test/utils/test-database.ts) and drops it afterwards.
import { defineConfig } from 'vitest/config';

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl?.startsWith('postgres')) {
  throw new Error(
    'npm run test:pg needs DATABASE_URL=postgres://user@host:port/db of a PostgreSQL server ' +
      '(README § PostgreSQL shows how to start a throwaway one)',
  );
}

export default defineConfig({
  test: {
    name: 'pg',
    include: ['test/server/**/*.test.ts', 'test/pg/**/*.test.ts'],
    environment: 'node',
    // Checks every reply of the server tests against the OpenAPI contract.
    setupFiles: ['test/utils/contract-recorder.ts'],
    env: { LOMMEKURS_TEST_PG: serverUrl },
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
