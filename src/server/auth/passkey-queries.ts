// Named queries on the passkey tables (`passkeys`, `passkey_challenges`); each takes the database
// (or a transaction) first. The ceremonies in passkeys.ts compose them; routes never query.
import type { Db, PasskeyChallengesTable, PasskeysTable } from '../db/schema';

/** A stored passkey row. */
export type PasskeyRow = PasskeysTable;

/** Every passkey of a user, newest first. */
export const passkeysOfUser = (db: Db, userId: string): Promise<PasskeyRow[]> =>
  db
    .selectFrom('passkeys')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('credential_id')
    .execute();

/** The passkey with this credential id, whoever owns it. */
export const findPasskey = (db: Db, credentialId: string): Promise<PasskeyRow | undefined> =>
  db
    .selectFrom('passkeys')
    .selectAll()
    .where('credential_id', '=', credentialId)
    .executeTakeFirst();

/** Stores a new passkey unless its credential id is already registered; true when stored. */
export async function insertPasskey(db: Db, row: PasskeyRow): Promise<boolean> {
  const inserted = await db
    .insertInto('passkeys')
    .values(row)
    .onConflict((oc) => oc.column('credential_id').doNothing())
    .returning('credential_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Records a sign-in with a passkey: the authenticator's new counter and the time. */
export async function markPasskeyUsed(
  db: Db,
  credentialId: string,
  counter: number,
  usedAt: number,
): Promise<void> {
  await db
    .updateTable('passkeys')
    .set({ counter, last_used_at: usedAt })
    .where('credential_id', '=', credentialId)
    .execute();
}

/** Deletes one of the user's own passkeys; false when the user has no passkey of that id. */
export async function deletePasskeyOf(
  db: Db,
  userId: string,
  credentialId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('passkeys')
    .where('credential_id', '=', credentialId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Forgets every challenge that expired at or before `now`. */
export async function purgeExpiredChallenges(db: Db, now: number): Promise<void> {
  await db.deleteFrom('passkey_challenges').where('expires_at', '<=', now).execute();
}

/** How many challenges are waiting (not yet expired) for a purpose. */
export async function countOpenChallenges(
  db: Db,
  purpose: PasskeyChallengesTable['purpose'],
  now: number,
): Promise<number> {
  const row = await db
    .selectFrom('passkey_challenges')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('purpose', '=', purpose)
    .where('expires_at', '>', now)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Stores a challenge handed out with ceremony options. */
export async function insertChallenge(db: Db, row: PasskeyChallengesTable): Promise<void> {
  await db.insertInto('passkey_challenges').values(row).execute();
}

/** Takes a live challenge out of the table (single use): the row if it was there, for this
 * purpose and user (null for a sign-in) and not expired; deleted either way it is found. */
export async function consumeChallenge(
  db: Db,
  challenge: string,
  purpose: PasskeyChallengesTable['purpose'],
  userId: string | null,
  now: number,
): Promise<boolean> {
  let query = db
    .deleteFrom('passkey_challenges')
    .where('challenge', '=', challenge)
    .where('purpose', '=', purpose);
  query =
    userId === null ? query.where('user_id', 'is', null) : query.where('user_id', '=', userId);
  const taken = await query.returning('expires_at').executeTakeFirst();
  return taken !== undefined && taken.expires_at > now;
}
