// What the account routes share: the database, the log, the clock, the password cost and the
// attempt budgets. Made once per app in accountDeps, passed to each route group.
import type { Context } from 'hono';
import type { AccountInfo, SessionResponse } from '../../shared/sync-protocol';
import type { Db } from '../db/schema';
import type { RateLimits } from '../limits/store';
import type { Logger } from '../logger';
import type { Mailer } from '../mail/mailer';
import { DEFAULT_SESSION_MAX_DAYS, requireLearner, type NewSession } from '../sessions/sessions';
import type { MiddlewareHandler } from 'hono';
import type { AuthVariables } from '../sessions/sessions';
import { attemptGuard, makeDummyHash, type AttemptGuard } from './attempts';
import { DEFAULT_PASSWORD_COST, hashPassword } from './passwords';

/** Options of the account routes. */
export interface AccountOptions {
  db: Db;
  /** Run after an account's rows are deleted: clears their traces from the database's log
   * files (Database.afterErasure); true when it completed. */
  afterErasure?: () => Promise<boolean>;
  logger: Logger;
  /** log2 of scrypt's N for new hashes; see passwords.ts. */
  passwordCost?: number;
  /** The absolute lifetime of a session in days (SESSION_MAX_DAYS); default 90. */
  sessionMaxDays?: number;
  now: () => number;
  /** Take the client address for rate limits from X-Forwarded-For. Only behind a reverse proxy
   * that sets it: otherwise any client could claim any address. */
  trustProxy?: boolean;
  /** Rate-limit counters in the database, shared by every process (src/server/limits/). */
  limits: RateLimits;
  /** Sends the reset and verification mails; null: none are sent (tests of other parts). */
  mailer?: Mailer | null;
  /** The app's origin for links in mails (PUBLIC_URL); null: the request's own origin. */
  publicUrl?: string | null;
}

/** The options resolved, with the per-app state the routes share. */
export interface AccountDeps {
  db: Db;
  afterErasure: () => Promise<boolean>;
  logger: Logger;
  passwordCost: number;
  /** The absolute lifetime of new sessions, ms: pass it to createSession as `maxAgeMs`. */
  sessionMaxAgeMs: number;
  now: () => number;
  guard: AttemptGuard;
  dummyHash: Promise<string>;
  requireSession: MiddlewareHandler<{ Variables: AuthVariables }>;
  mailer: Mailer | null;
  publicUrl: string | null;
  /** Whether the client address comes from X-Forwarded-For (for log lines). */
  trustProxy: boolean;
}

/** Resolves the options once per app. */
export function accountDeps({
  db,
  afterErasure = () => Promise.resolve(true),
  logger,
  passwordCost = DEFAULT_PASSWORD_COST,
  sessionMaxDays = DEFAULT_SESSION_MAX_DAYS,
  now,
  trustProxy = false,
  limits,
  mailer = null,
  publicUrl = null,
}: AccountOptions): AccountDeps {
  return {
    db,
    afterErasure,
    logger,
    passwordCost,
    sessionMaxAgeMs: sessionMaxDays * 24 * 60 * 60_000,
    now,
    guard: attemptGuard({ db, limits, logger, now, trustProxy }),
    dummyHash: makeDummyHash((password) => hashPassword(password, passwordCost)),
    requireSession: requireLearner(db, now),
    mailer,
    publicUrl,
    trustProxy,
  };
}

/** Every account reply: never cached. */
export const NO_STORE = { 'Cache-Control': 'no-store' };

/** Account request bodies are a few hundred bytes; no reason to parse a megabyte. */
export const ACCOUNT_BODY_LIMIT = 16 * 1024;

/** The reply that hands a new session to the device. */
export function sessionReply(
  c: Context,
  user: AccountInfo,
  session: NewSession,
  status: 200 | 201,
  /** A new device token for the app to send with later logins (known-devices.ts). */
  deviceToken?: string,
): Response {
  const body: SessionResponse = { token: session.token, user, expiresAt: session.expiresAt };
  if (deviceToken !== undefined) body.deviceToken = deviceToken;
  return c.json(body, status, NO_STORE);
}
