// Named queries of recovery and verification: the one-time mail tokens (stored as SHA-256
// hashes only) and the address's verified mark. Each takes the database first.
import type { Db } from '../db/schema';

/** What a mail token is for. */
export type MailPurpose = 'reset' | 'verify';

/** A stored mail token. */
export interface MailTokenRow {
  token_hash: string;
  user_id: string;
  purpose: MailPurpose;
  email: string;
  created_at: number;
  expires_at: number;
}

/** Stores a new token for `userId`, deleting the user's older token of the same purpose (a newer
 * link kills the older one) and every expired token of anyone. Run it in a transaction. */
export async function replaceMailToken(db: Db, token: MailTokenRow): Promise<void> {
  await db
    .deleteFrom('mail_tokens')
    .where('user_id', '=', token.user_id)
    .where('purpose', '=', token.purpose)
    .execute();
  await db.deleteFrom('mail_tokens').where('expires_at', '<=', token.created_at).execute();
  await db.insertInto('mail_tokens').values(token).execute();
}

/** The token with this hash and purpose, if stored (expired or not). */
export const findMailToken = (
  db: Db,
  tokenHash: string,
  purpose: MailPurpose,
): Promise<MailTokenRow | undefined> =>
  db
    .selectFrom('mail_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .executeTakeFirst();

/** Deletes the token with this hash and purpose and returns it; undefined when another request
 * took it first (so a token is used at most once, even by two requests at the same moment). */
export const takeMailToken = (
  db: Db,
  tokenHash: string,
  purpose: MailPurpose,
): Promise<MailTokenRow | undefined> =>
  db
    .deleteFrom('mail_tokens')
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .returningAll()
    .executeTakeFirst();

/** Deletes every token of `userId` for `purpose`. */
export async function deleteMailTokensOf(db: Db, userId: string, purpose: MailPurpose) {
  await db
    .deleteFrom('mail_tokens')
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .execute();
}

/** When the newest token of `userId` for `purpose` was made, if there is one. */
export async function lastMailTokenAt(
  db: Db,
  userId: string,
  purpose: MailPurpose,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('mail_tokens')
    .select('created_at')
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row?.created_at;
}

/** Marks the address of `userId` verified at `at`, if it is still `email` and not yet marked. */
export async function markEmailVerified(
  db: Db,
  userId: string,
  email: string,
  at: number,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ email_verified_at: at })
    .where('id', '=', userId)
    .where('email', '=', email)
    .where('email_verified_at', 'is', null)
    .execute();
}
