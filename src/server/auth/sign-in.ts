// Signing in with a password: the same work for an unknown address as for a wrong password, so
// neither the reply nor its timing tells which addresses have accounts.
import type { AccountInfo } from '../../shared/sync-protocol';
import type { Db } from '../db/schema';
import { createSession, type NewSession } from '../sessions/sessions';
import { hashPassword, needsRehash, verifyPassword } from './passwords';
import { findUserByEmail, setPasswordHash, toAccountInfo } from './queries';

/** What a password sign-in needs from the server. */
export interface SignInDeps {
  db: Db;
  passwordCost: number;
  now: () => number;
  /** A hash of a random password, verified against when the address is unknown. */
  dummyHash: Promise<string>;
  /** The absolute lifetime of new sessions (SESSION_MAX_DAYS). */
  sessionMaxAgeMs: number;
}

/** A new session, or the address or password was wrong (deliberately not saying which). */
export type SignInResult =
  | { ok: true; user: AccountInfo; session: NewSession }
  | { ok: false; reason: 'invalid_credentials'; userId: string | null };

/** Checks the password of a normalised address and opens a session. */
export async function signInWithPassword(
  { db, passwordCost, now, dummyHash, sessionMaxAgeMs }: SignInDeps,
  { email, password, userAgent }: { email: string; password: string; userAgent?: string },
): Promise<SignInResult> {
  // 1. The account, if the address has one.
  const user = await findUserByEmail(db, email);
  // 2. The password, against a dummy hash when there is no account (same scrypt work).
  const matches = await verifyPassword(password, user?.password_hash ?? (await dummyHash));
  if (!user || !matches)
    return { ok: false, reason: 'invalid_credentials', userId: user?.id ?? null };
  // 3. A hash made at a lower cost is upgraded now that the password is at hand.
  if (needsRehash(user.password_hash, passwordCost)) {
    await setPasswordHash(db, user.id, await hashPassword(password, passwordCost));
  }
  // 4. The session.
  const session = await createSession(db, user.id, now(), {
    userAgent,
    maxAgeMs: sessionMaxAgeMs,
  });
  return { ok: true, user: toAccountInfo(user), session };
}
