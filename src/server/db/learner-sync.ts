// The learner_sync row: one per learner, made at registration (createLearnerSync). A push bumps its version first,
// which is the per-learner lock that makes pushes of one learner commit in version order; a pull
// reads its epoch and version to tell whether a cursor is still meaningful.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { runKept } from './kept-query';
import type { Schema } from './schema';

/** A fresh random epoch for a new learner_sync row. */
export const newEpoch = (): string => randomBytes(16).toString('base64url');

/** The learner_sync row is gone: the account was deleted after the request was authenticated
 * (registration makes the row in the same transaction as the user). The route answers 401. */
export class LearnerGoneError extends Error {
  constructor(readonly userId: string) {
    super(`No learner_sync row for ${userId}: the account no longer exists`);
    this.name = 'LearnerGoneError';
  }
}

async function found<T>(userId: string, read: Promise<T | undefined>): Promise<T> {
  const row = await read;
  if (row === undefined) throw new LearnerGoneError(userId);
  return row;
}

/** Increments the learner's sync version and returns it, and in the same statement (one round
 * trip fewer per push) the learner that `clientId` is bound to, null when it is bound to nobody
 * yet. Run inside the push transaction and before anything else there: the row lock it takes is
 * held until commit (PostgreSQL), so the learner's pushes are serialised and their versions become
 * visible in order. A binding never changes once made, so reading it beside the lock is as good as
 * reading it after. */
export const bumpVersionReadingClient = async (
  trx: Kysely<Schema>,
  userId: string,
  clientId: string,
): Promise<{ version: number; owner: string | null }> => {
  // Kept text (kept-query.ts): one statement per push, built once.
  const row = await found(
    userId,
    runKept(
      trx,
      'bump version reading client',
      () =>
        trx
          .updateTable('learner_sync')
          .set((eb) => ({ version: eb('version', '+', 1) }))
          .where('user_id', '=', userId)
          .returning((eb) => [
            'version',
            eb
              .selectFrom('clients')
              .select('user_id')
              .where('client_id', '=', clientId)
              .as('owner'),
          ]),
      [1, userId, clientId],
    ).then(({ rows }) => rows[0]),
  );
  return { version: row.version, owner: row.owner ?? null };
};

/** The learner's sync epoch and current version. */
export const learnerSyncState = (
  db: Kysely<Schema>,
  userId: string,
): Promise<{ epoch: string; version: number }> =>
  found(
    userId,
    db
      .selectFrom('learner_sync')
      .select(['epoch', 'version'])
      .where('user_id', '=', userId)
      .executeTakeFirst(),
  );

/** Makes the learner_sync row of a new account (inside registration's transaction). */
export async function createLearnerSync(db: Kysely<Schema>, userId: string): Promise<void> {
  await db
    .insertInto('learner_sync')
    .values({ user_id: userId, version: 0, epoch: newEpoch() })
    .execute();
}
