// Registration: a new account with its sync row and a first session, or "taken".
import { randomUUID } from 'node:crypto';
import type { AccountInfo } from '../../shared/sync-protocol';
import { createLearnerSync } from '../db/learner-sync';
import type { Db } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { createSession, type NewSession } from '../sessions/sessions';
import { hashPassword } from './passwords';
import { insertUser } from './queries';

/** What registration needs from the server. */
export interface RegisterDeps {
  db: Db;
  passwordCost: number;
  now: () => number;
}

/** A new account and its session, or the address was taken. */
export type RegisterResult =
  { ok: true; user: AccountInfo; session: NewSession } | { ok: false; reason: 'email_taken' };

/** Creates the account for a normalised, validated address and password. */
export async function register(
  { db, passwordCost, now }: RegisterDeps,
  { email, password }: { email: string; password: string },
): Promise<RegisterResult> {
  // 1. Hash before the transaction: no lock is held during the slow part.
  const passwordHash = await hashPassword(password, passwordCost);
  const createdAt = now();
  const id = randomUUID();
  return inTransaction(db, async (trx): Promise<RegisterResult> => {
    // 2. The user, unless the address already has an account.
    if (!(await insertUser(trx, { id, email, passwordHash, createdAt }))) {
      return { ok: false, reason: 'email_taken' };
    }
    // 3. Its sync row, in the same transaction: a session never exists without one.
    await createLearnerSync(trx, id);
    // 4. The first session.
    const session = await createSession(trx, id, createdAt);
    return { ok: true, user: { id, email, createdAt }, session };
  });
}
