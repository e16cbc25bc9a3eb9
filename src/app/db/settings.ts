// Learner preferences kept on the device (in IndexedDB with the rest of the learner's data).
import { db } from './db';

/** A stored preference, or the fallback. */
export async function getSetting<T>(key: string, fallback: T): Promise<T> {
  const row = await db.meta.get(`setting:${key}`);
  return row === undefined ? fallback : (row.value as T);
}

/** Store a preference. */
export async function setSetting<T>(key: string, value: T): Promise<void> {
  await db.meta.put({ key: `setting:${key}`, value });
}
