// Named queries on the account table; each takes the database first. The algorithms (register,
// sign-in, recovery, erasure) compose them; route files never query.
import type { AccountInfo } from '../../shared/sync-protocol';
import type { Db } from '../db/schema';

/** The columns of a user that the account algorithms read. */
export interface UserRow {
  id: string;
  email: string;
  password_hash: string;
  created_at: number;
  email_verified_at: number | null;
}

const USER_COLUMNS = ['id', 'email', 'password_hash', 'created_at', 'email_verified_at'] as const;

/** The user with this id, if the account exists. */
export const findUserById = (db: Db, userId: string): Promise<UserRow | undefined> =>
  db.selectFrom('users').select(USER_COLUMNS).where('id', '=', userId).executeTakeFirst();

/** The user with this (already normalised) address, if any. */
export const findUserByEmail = (db: Db, email: string): Promise<UserRow | undefined> =>
  db.selectFrom('users').select(USER_COLUMNS).where('email', '=', email).executeTakeFirst();

/** Inserts a user unless the address is taken; true when inserted. ON CONFLICT DO NOTHING: two
 * registrations of one address at once give one account, on either database, without a
 * unique-violation error to interpret. */
export async function insertUser(
  db: Db,
  user: { id: string; email: string; passwordHash: string; createdAt: number },
): Promise<boolean> {
  const inserted = await db
    .insertInto('users')
    .values({
      id: user.id,
      email: user.email,
      password_hash: user.passwordHash,
      created_at: user.createdAt,
      email_verified_at: null,
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Replaces the stored password hash of a user. */
export async function setPasswordHash(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash })
    .where('id', '=', userId)
    .execute();
}

/** The account as the API shows it to its owner. */
export const toAccountInfo = (row: UserRow): AccountInfo => ({
  id: row.id,
  email: row.email,
  createdAt: row.created_at,
  emailVerified: row.email_verified_at !== null,
});
