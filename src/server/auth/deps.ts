// What the account routes share: the database, the log, the clock, the password cost and the
// attempt budgets. Made once per app in accountDeps, passed to each route group.
import type { Context } from 'hono';
import type { AccountInfo, SessionResponse } from '../../shared/sync-protocol';
import type { Db } from '../db/schema';
import type { Logger } from '../logger';
import { requireLearner, type NewSession } from '../sessions/sessions';
import type { MiddlewareHandler } from 'hono';
import type { AuthVariables } from '../sessions/sessions';
import { attemptGuard, makeDummyHash, type AttemptGuard } from './attempts';
import { DEFAULT_PASSWORD_COST, hashPassword } from './passwords';

/** Options of the account routes. */
export interface AccountOptions {
  db: Db;
  logger: Logger;
  /** log2 of scrypt's N for new hashes; see passwords.ts. */
  passwordCost?: number;
  now: () => number;
  /** Take the client address for rate limits from X-Forwarded-For. Only behind a reverse proxy
   * that sets it: otherwise any client could claim any address. */
  trustProxy?: boolean;
}

/** The options resolved, with the per-app state the routes share. */
export interface AccountDeps {
  db: Db;
  logger: Logger;
  passwordCost: number;
  now: () => number;
  guard: AttemptGuard;
  dummyHash: Promise<string>;
  requireSession: MiddlewareHandler<{ Variables: AuthVariables }>;
}

/** Resolves the options once per app. */
export function accountDeps({
  db,
  logger,
  passwordCost = DEFAULT_PASSWORD_COST,
  now,
  trustProxy = false,
}: AccountOptions): AccountDeps {
  return {
    db,
    logger,
    passwordCost,
    now,
    guard: attemptGuard({ logger, now, trustProxy }),
    dummyHash: makeDummyHash((password) => hashPassword(password, passwordCost)),
    requireSession: requireLearner(db, now),
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
): Response {
  const body: SessionResponse = { token: session.token, user, expiresAt: session.expiresAt };
  return c.json(body, status, NO_STORE);
}
