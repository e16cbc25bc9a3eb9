// Recovery by e-mail and address verification, as algorithms with numbered steps. A mail link
// carries a random 256-bit token; only its SHA-256 is stored, with a purpose and an expiry, so a
// leaked database holds no usable link. A token is used once, and a newer link of the same
// purpose kills the older one. Routes call these; queries live in recovery-queries.ts.
import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import type { AccountInfo } from '../../shared/sync-protocol';
import { RESET_TOKEN_LIFETIME_MS, VERIFY_TOKEN_LIFETIME_MS } from '../../shared/recovery-protocol';
import type { Db } from '../db/schema';
import { inTransaction } from '../db/transaction';
import type { Logger } from '../logger';
import { mailLinkOrigin } from '../mail/link-origin';
import type { Mailer } from '../mail/mailer';
import { accountMail, mailLanguage, type MailLanguage } from '../mail/texts';
import { createSession, endSessionsOf, hashToken, type NewSession } from '../sessions/sessions';
import type { AccountDeps } from './deps';
import { hashPassword } from './passwords';
import { passwordProblem, type PasswordProblem } from './password-policy';
import { findUserByEmail, findUserById, setPasswordHash, toAccountInfo } from './queries';
import {
  findMailToken,
  lastMailTokenAt,
  markEmailVerified,
  replaceMailToken,
  takeMailToken,
  deleteMailTokensOf,
  type MailPurpose,
} from './recovery-queries';

/** What recovery and verification need from the server. */
export interface RecoveryDeps {
  db: Db;
  logger: Logger;
  /** Null: this app sends no mail (links are neither made nor sent). */
  mailer: Mailer | null;
  passwordCost: number;
  now: () => number;
  /** The absolute session lifetime (SESSION_MAX_DAYS), when configured. */
  sessionMaxAgeMs?: number;
}

/** Where a link points and in which language its mail is written. */
export interface MailContext {
  /** The app's origin, e.g. `https://lommekurs.no` (PUBLIC_URL, or the request's). */
  origin: string;
  lang: MailLanguage;
}

/** The app's screens the links open; the token rides in the fragment, which browsers never send
 * to a server, so it does not land in access logs or Referer headers. */
export const LINK_PATHS: Record<MailPurpose, string> = {
  reset: '/konto/nytt-passord',
  verify: '/konto/bekreft-epost',
};

const LIFETIME: Record<MailPurpose, number> = {
  reset: RESET_TOKEN_LIFETIME_MS,
  verify: VERIFY_TOKEN_LIFETIME_MS,
};

/** A fresh verification link is not sent more often than this. */
export const VERIFY_RESEND_INTERVAL_MS = 60_000;

/** Makes a token for `purpose`, stores its hash (replacing the older one) and mails the link. */
async function issueAndMail(
  { db, logger, mailer, now }: RecoveryDeps,
  user: { id: string; email: string },
  purpose: MailPurpose,
  { origin, lang }: MailContext,
): Promise<void> {
  if (!mailer) {
    logger.warn({ userId: user.id, purpose }, 'no mailer: account mail not sent');
    return;
  }
  // 1. 32 random bytes; only the hash is stored.
  const token = randomBytes(32).toString('base64url');
  const createdAt = now();
  // 2. Stored, replacing the user's older token of the same purpose, in one transaction.
  await inTransaction(db, (trx) =>
    replaceMailToken(trx, {
      token_hash: hashToken(token),
      user_id: user.id,
      purpose,
      email: user.email,
      created_at: createdAt,
      expires_at: createdAt + LIFETIME[purpose],
    }),
  );
  // 3. The mail. The log names the account and the purpose, never the link.
  const link = `${origin}${LINK_PATHS[purpose]}#token=${token}`;
  await mailer.send(accountMail(purpose, lang, user.email, link));
  logger.info({ userId: user.id, purpose }, 'account mail sent');
}

/** "Forgot my password": mails a reset link when the (normalised) address has an account, and
 * does nothing otherwise. Run it after replying, so the reply says and takes the same either way. */
export async function requestPasswordReset(
  deps: RecoveryDeps,
  email: string,
  context: MailContext,
): Promise<'sent' | 'unknown'> {
  // 1. The account, if the address has one.
  const user = await findUserByEmail(deps.db, email);
  if (!user) return 'unknown';
  // 2. A new link, killing any older one.
  await issueAndMail(deps, user, 'reset', context);
  return 'sent';
}

/** The outcome of setting a new password with a reset link. */
export type ResetResult =
  | { ok: true; user: AccountInfo; session: NewSession }
  | { ok: false; reason: 'invalid_token' }
  | { ok: false; reason: 'weak_password'; problem: PasswordProblem };

const isLive = (row: { expires_at: number } | undefined, now: number) =>
  row !== undefined && row.expires_at > now;

/** Sets a new password with a reset link's token: single use, ends every session of the
 * account, marks the address verified (the learner proved it) and opens one new session. */
export async function resetPassword(
  deps: RecoveryDeps,
  { token, password, userAgent }: { token: string; password: string; userAgent?: string },
): Promise<ResetResult> {
  const { db, passwordCost, now, sessionMaxAgeMs } = deps;
  const tokenHash = hashToken(token);
  // 1. The token must be stored and live; a weak password does not spend it (the learner tries
  //    another one with the same link).
  const found = await findMailToken(db, tokenHash, 'reset');
  if (!found || !isLive(found, now())) return { ok: false, reason: 'invalid_token' };
  // 2. The password policy of every new password.
  const problem = await passwordProblem(password, { email: found.email });
  if (problem) return { ok: false, reason: 'weak_password', problem };
  // 3. Hash before the transaction: no lock is held during the slow part.
  const passwordHash = await hashPassword(password, passwordCost);
  return inTransaction(db, async (trx): Promise<ResetResult> => {
    const at = now();
    // 4. Take the token: whoever deletes it uses it; a second request finds nothing.
    const taken = await takeMailToken(trx, tokenHash, 'reset');
    if (!taken || !isLive(taken, at)) return { ok: false, reason: 'invalid_token' };
    const user = await findUserById(trx, taken.user_id);
    if (!user) return { ok: false, reason: 'invalid_token' };
    // 5. The new password; the link proved the address (if it is still the account's).
    await setPasswordHash(trx, user.id, passwordHash);
    await markEmailVerified(trx, user.id, taken.email, at);
    // 6. Every session ends: whoever knew the old password is signed out everywhere.
    await endSessionsOf(trx, user.id);
    await deleteMailTokensOf(trx, user.id, 'reset');
    // 7. One new session for the device that set the password.
    const session = await createSession(trx, user.id, at, {
      userAgent,
      maxAgeMs: sessionMaxAgeMs,
    });
    const updated = await findUserById(trx, user.id);
    return { ok: true, user: toAccountInfo(updated ?? user), session };
  });
}

/** Why a fresh verification link was not sent. */
export type VerificationRequest =
  | { sent: true }
  | { sent: false; reason: 'verified' | 'gone' }
  | { sent: false; reason: 'too_soon'; retryAfterMs: number };

/** Mails a verification link for the account's address, unless it is verified already or a link
 * went out less than VERIFY_RESEND_INTERVAL_MS ago. */
export async function requestVerification(
  deps: RecoveryDeps,
  userId: string,
  context: MailContext,
): Promise<VerificationRequest> {
  // 1. The account, and whether there is anything to verify.
  const user = await findUserById(deps.db, userId);
  if (!user) return { sent: false, reason: 'gone' };
  if (user.email_verified_at !== null) return { sent: false, reason: 'verified' };
  // 2. Not a mail bomb: one link a minute.
  const last = await lastMailTokenAt(deps.db, userId, 'verify');
  const wait = last === undefined ? 0 : last + VERIFY_RESEND_INTERVAL_MS - deps.now();
  if (wait > 0) return { sent: false, reason: 'too_soon', retryAfterMs: wait };
  // 3. A new link, killing any older one.
  await issueAndMail(deps, user, 'verify', context);
  return { sent: true };
}

/** Confirms the address with a verification link's token (single use). */
export async function verifyEmail(
  { db, now }: RecoveryDeps,
  token: string,
): Promise<{ ok: true; email: string } | { ok: false; reason: 'invalid_token' }> {
  return inTransaction(db, async (trx) => {
    const at = now();
    // 1. Take the token; unknown, used, replaced or expired are all the same answer.
    const taken = await takeMailToken(trx, hashToken(token), 'verify');
    if (!taken || !isLive(taken, at)) return { ok: false, reason: 'invalid_token' } as const;
    // 2. It proves the address it was sent to, if the account still has that address.
    const user = await findUserById(trx, taken.user_id);
    if (!user || user.email !== taken.email) return { ok: false, reason: 'invalid_token' } as const;
    await markEmailVerified(trx, user.id, taken.email, at);
    return { ok: true, email: taken.email } as const;
  });
}

/** Runs mail work after the reply, so the reply's content and timing do not depend on it;
 * failures are logged (never with the link) and never thrown. */
export function runLater(logger: Logger, what: string, work: () => Promise<unknown>): void {
  void Promise.resolve()
    .then(work)
    .catch((error: unknown) => logger.error({ err: error, what }, 'account mail failed'));
}

/** Where links point and the language; null when the server cannot tell its own origin (no
 * PUBLIC_URL and a request to a non-loopback host: see mail/link-origin.ts): then no mail. */
export function mailContext(
  deps: AccountDeps,
  c: Context,
  lang: string | undefined,
): MailContext | null {
  const origin = mailLinkOrigin(deps.publicUrl ?? null, c.req.url);
  if (!origin) {
    deps.logger.error(
      { host: new URL(c.req.url).host },
      'PUBLIC_URL is not set: no mail with a link is sent for a request to a non-loopback host',
    );
    return null;
  }
  return { origin, lang: mailLanguage(lang, c.req.header('Accept-Language')) };
}

/** After a registration: mail the verification link, without holding up the reply. */
export function sendVerificationLater(deps: AccountDeps, c: Context, userId: string): void {
  if (!deps.mailer) return;
  const context = mailContext(deps, c, undefined);
  if (!context) return;
  runLater(deps.logger, 'verify', () => requestVerification(deps, userId, context));
}
