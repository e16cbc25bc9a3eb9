// Registration: a new account with its sync row and a first session, or "taken".
import { randomUUID } from 'node:crypto';
import type { AccountInfo } from '../../shared/sync-protocol';
import { createLearnerSync } from '../db/learner-sync';
import type { Db } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { createSession, type NewSession } from '../sessions/sessions';
import { passwordProblem, type PasswordProblem } from './password-policy';
import { hashPassword } from './passwords';
import { insertUser } from './queries';

/** What registration needs from the server. */
export interface RegisterDeps {
  db: Db;
  passwordCost: number;
  now: () => number;
  /** The absolute lifetime of new sessions (SESSION_MAX_DAYS). */
  sessionMaxAgeMs: number;
}

/** A new account and its session, or the address was taken. */
export type RegisterResult =
  | { ok: true; user: AccountInfo; session: NewSession }
  | { ok: false; reason: 'email_taken' }
  | { ok: false; reason: 'weak_password'; problem: PasswordProblem };

/** Creates the account for a normalised, validated address and password. */
export async function register(
  { db, passwordCost, now, sessionMaxAgeMs }: RegisterDeps,
  { email, password, userAgent }: { email: string; password: string; userAgent?: string },
): Promise<RegisterResult> {
  // 1. The password policy (length, common/breached list, not the address itself).
  const problem = await passwordProblem(password, { email });
  if (problem) return { ok: false, reason: 'weak_password', problem };
  // 2. Hash before the transaction: no lock is held during the slow part.
  const passwordHash = await hashPassword(password, passwordCost);
  const createdAt = now();
  const id = randomUUID();
  return inTransaction(db, async (trx): Promise<RegisterResult> => {
    // 3. The user, unless the address already has an account.
    if (!(await insertUser(trx, { id, email, passwordHash, createdAt }))) {
      return { ok: false, reason: 'email_taken' };
    }
    // 4. Its sync row, in the same transaction: a session never exists without one.
    await createLearnerSync(trx, id);
    // 5. The first session.
    const session = await createSession(trx, id, createdAt, {
      userAgent,
      maxAgeMs: sessionMaxAgeMs,
    });
    return { ok: true, user: { id, email, createdAt, emailVerified: false }, session };
  });
}
