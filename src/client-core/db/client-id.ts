// This device's client id: created with the database (see db.ts), kept per database in memory.
// Signing out gives the device a new id (renewClientId), because the server binds an id to the
// account that first pushed with it.
import { uuidv7 } from '../../shared/uuid';
import { db, type LommekursDB, type MetaRow } from './db';

/** The key of the client id's row in `meta`. */
export const CLIENT_ID_KEY = 'clientId';
const cache = new WeakMap<LommekursDB, string>();

/**
 * The id as stored, read inside the caller's transaction when there is one. Code that writes
 * events or pushes them reads it this way rather than from the cache: another tab may have signed
 * out and renewed the id since this tab cached it.
 */
export async function readClientId(database: LommekursDB = db): Promise<string> {
  return clientIdOf(database, await database.meta.get(CLIENT_ID_KEY)) ?? createClientId(database);
}

/** The id in its stored meta row (remembered for getClientId), or undefined when the row is
 * missing: for callers that read the row themselves, inside their own transaction. */
export function clientIdOf(database: LommekursDB, row: MetaRow | undefined): string | undefined {
  if (typeof row?.value !== 'string') return undefined;
  cache.set(database, row.value);
  return row.value;
}

/** Store a first id. Only reachable if the populate step was interrupted (the id is born with
 * the database); call inside a transaction that includes `meta`. */
export async function createClientId(database: LommekursDB = db): Promise<string> {
  const id = uuidv7();
  await database.meta.put({ key: CLIENT_ID_KEY, value: id });
  cache.set(database, id);
  return id;
}

/** The random id of this device's copy of the database, cached after the first read. */
export async function getClientId(database: LommekursDB = db): Promise<string> {
  return cache.get(database) ?? readClientId(database);
}

/** Store a new client id; call inside a transaction that includes `meta`. The cache is dropped
 * rather than set, so the next read sees whichever id the transaction really left behind. */
export async function renewClientId(database: LommekursDB = db): Promise<string> {
  const id = uuidv7();
  await database.meta.put({ key: CLIENT_ID_KEY, value: id });
  cache.delete(database);
  return id;
}

/** Forget the cached id (tests that delete the database). */
export function resetClientIdCache(database: LommekursDB = db): void {
  cache.delete(database);
}
