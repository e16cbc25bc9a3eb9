// Erasure of an account (GDPR art. 17): every row of the learner, in one transaction.
import { sql } from 'kysely';
import type { Db, Schema, UserTable } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { deleteEmptyFirms } from '../network/membership-queries';
import { rememberDeletedSessions } from '../sessions/sessions';

/** The column holding the user's id in each table, in the order erasure deletes them:
 * learner_sync first — it is the row every push locks, so a push in flight commits before the
 * erasure goes on, and none writes after it — users last. Typed over every table of Schema, so
 * a new table does not compile until it says how its rows belong to a user (or is unowned,
 * schema.ts). */
export const USER_COLUMN = {
  learner_sync: 'user_id',
  sessions: 'user_id',
  events: 'user_id',
  progress: 'user_id',
  clients: 'user_id',
  mail_tokens: 'user_id',
  passkeys: 'user_id',
  passkey_challenges: 'user_id',
  known_devices: 'user_id',
  consent_log: 'user_id',
  consents: 'user_id',
  memberships: 'user_id',
  advisors: 'user_id',
  network_roles: 'user_id',
  users: 'id',
} as const satisfies { [T in UserTable]: keyof Schema[T] & string };

/** Deletes every row of `userId`, remembering its live sessions as a deleted account's. */
export async function eraseAccount(db: Db, userId: string, deletedAt: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    // 1. Before the sessions go: the other devices' tokens are then answered `account_deleted`.
    await rememberDeletedSessions(trx, userId, deletedAt);
    // 2. Invitations to advise a garden sent to the account's address hold the address.
    const user = await trx
      .selectFrom('users')
      .select('email')
      .where('id', '=', userId)
      .executeTakeFirst();
    if (user) await trx.deleteFrom('invites').where('email', '=', user.email).execute();
    // 3. Explicit deletes, not ON DELETE CASCADE alone: SQLite ignores foreign keys unless told.
    //    (The user columns of a garden's rows — who invited, who made a join code — are set to
    //    null by their foreign keys.)
    const firms = await trx
      .selectFrom('memberships')
      .select('firm_id')
      .where('user_id', '=', userId)
      .execute();
    for (const table of Object.keys(USER_COLUMN) as (keyof typeof USER_COLUMN)[]) {
      await trx.deleteFrom(table).where(sql.ref(USER_COLUMN[table]), '=', userId).execute();
    }
    // 4. A firm of the garden network no one else is in goes too (its name may be the person's).
    await deleteEmptyFirms(
      trx,
      firms.map((row) => row.firm_id),
    );
  });
}
