// Fresh server databases for one test file: opened before its tests, closed after them, so a file
// declares what it needs in one line instead of its own beforeAll/afterAll pair.
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../src/server/db/database';
import { openTestDatabase } from './test-database';

/** Opens `count` test databases (openTestDatabase: SQLite, or PostgreSQL under test:pg) before
 * the file's tests and hands them to `use`, in order; closes them all after the file's tests. */
export function withTestDatabases(count: number, use: (databases: Database[]) => void): void {
  let databases: Database[] = [];
  beforeAll(async () => {
    databases = await Promise.all(Array.from({ length: count }, () => openTestDatabase()));
    use(databases);
  });
  afterAll(async () => {
    await Promise.all(databases.map((database) => database.close()));
  });
}
