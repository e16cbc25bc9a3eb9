// Changing the password of a signed-in learner: the current password proves it is them (a
// stolen token alone cannot take the account over), the new one must pass the password policy,
// and every OTHER session ends, so a device someone else signed in on is out at its next request.
import type { Db } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { endSessionsOf } from '../sessions/sessions';
import { passwordProblem, type PasswordProblem } from './password-policy';
import { hashPassword, verifyPassword } from './passwords';
import { findUserById, setPasswordHash } from './queries';

/** What a password change needs from the server. */
export interface PasswordChangeDeps {
  db: Db;
  passwordCost: number;
}

/** The change made (with how many other sessions ended), or why not. */
export type PasswordChangeResult =
  | { ok: true; ended: number }
  | { ok: false; reason: 'no_account' }
  | { ok: false; reason: 'wrong_password' }
  | { ok: false; reason: 'weak_password'; problem: PasswordProblem };

/** Replaces the password of `userId`, keeping only the session of `keepToken`. */
export async function changePassword(
  { db, passwordCost }: PasswordChangeDeps,
  userId: string,
  keepToken: string,
  { currentPassword, newPassword }: { currentPassword: string; newPassword: string },
): Promise<PasswordChangeResult> {
  // 1. The account (it may have been deleted from another device a moment ago).
  const user = await findUserById(db, userId);
  if (!user) return { ok: false, reason: 'no_account' };
  // 2. The current password.
  if (!(await verifyPassword(currentPassword, user.password_hash))) {
    return { ok: false, reason: 'wrong_password' };
  }
  // 3. The new one against the policy.
  const problem = await passwordProblem(newPassword, { email: user.email });
  if (problem) return { ok: false, reason: 'weak_password', problem };
  // 4. Hash outside the transaction (slow), then store it and end the other sessions at once.
  const passwordHash = await hashPassword(newPassword, passwordCost);
  const ended = await inTransaction(db, async (trx) => {
    await setPasswordHash(trx, userId, passwordHash);
    return endSessionsOf(trx, userId, { exceptToken: keepToken });
  });
  return { ok: true, ended };
}
