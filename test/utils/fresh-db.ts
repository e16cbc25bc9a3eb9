// Gives each test an empty database (fake-indexeddb) and a new client id.
import { db } from '../../src/client-core/db/db';
import { resetClientIdCache } from '../../src/client-core/db/client-id';

/** Delete and reopen the app database. */
export async function freshDb(): Promise<void> {
  db.close();
  await db.delete();
  resetClientIdCache();
  await db.open();
}
