// The learner_sync row: one per learner, made at registration. A push bumps its version first,
// which is the per-learner lock that makes pushes of one learner commit in version order; a pull
// reads its epoch and version to tell whether a cursor is still meaningful.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema';

/** A fresh random epoch for a new learner_sync row. */
export const newEpoch = (): string => randomBytes(16).toString('base64url');

// Registration creates the row; should it be missing anyway, make it rather than fail the sync.
async function insertMissingRow(db: Kysely<Schema>, userId: string): Promise<void> {
  await db
    .insertInto('learner_sync')
    .values({ user_id: userId, version: 0, epoch: newEpoch() })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
}

// Runs `read`; if the row was missing, creates it and reads once more.
async function withRow<T>(
  db: Kysely<Schema>,
  userId: string,
  read: () => Promise<T | undefined>,
): Promise<T> {
  const found = await read();
  if (found !== undefined) return found;
  await insertMissingRow(db, userId);
  const created = await read();
  if (created === undefined) throw new Error(`No learner_sync row for ${userId}`);
  return created;
}

/** Increments the learner's sync version and returns it. Run inside the push transaction and
 * before anything else there: the row lock it takes is held until commit (PostgreSQL), so the
 * learner's pushes are serialised and their versions become visible in order. */
export const bumpVersion = (trx: Kysely<Schema>, userId: string): Promise<number> =>
  withRow(trx, userId, async () => {
    const row = await trx
      .updateTable('learner_sync')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('user_id', '=', userId)
      .returning('version')
      .executeTakeFirst();
    return row?.version;
  });

/** The learner's sync epoch and current version (creating the row if it is missing). */
export const learnerSyncState = (
  db: Kysely<Schema>,
  userId: string,
): Promise<{ epoch: string; version: number }> =>
  withRow(db, userId, () =>
    db
      .selectFrom('learner_sync')
      .select(['epoch', 'version'])
      .where('user_id', '=', userId)
      .executeTakeFirst(),
  );
