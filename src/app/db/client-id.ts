// This device's client id, created with the database (see db.ts), read once and kept in memory.
import { uuidv7 } from '../../shared/uuid';
import { db } from './db';

let cached: string | undefined;

/** The random id of this device's copy of the database. Call inside or outside a transaction. */
export async function getClientId(): Promise<string> {
  if (cached) return cached;
  const row = await db.meta.get('clientId');
  if (typeof row?.value === 'string') return (cached = row.value);
  // Only reachable if the populate step was interrupted; create the id once.
  const id = uuidv7();
  await db.meta.put({ key: 'clientId', value: id });
  return (cached = id);
}

/** Forget the cached id (tests that delete the database). */
export function resetClientIdCache(): void {
  cached = undefined;
}
