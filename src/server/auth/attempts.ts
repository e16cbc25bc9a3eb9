// The attempt budgets of the account routes: per normalised address and per client address,
// shared by registration, sign-in and erasure. A spent budget is a 429 with Retry-After.
import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { apiError } from '../api-errors';
import type { Logger } from '../logger';
import {
  clientAddress,
  EMAIL_RULE,
  FixedWindowLimiter,
  giveBackAttempt,
  IP_RULE,
  takeAttempt,
  type LimitCheck,
} from './rate-limit';

/** Counts attempts; `attempt` answers the 429 itself when a budget is spent. */
export interface AttemptGuard {
  /** Counts an attempt on the account and the client address; a 429 reply when either is spent. */
  attempt(c: Context, email: string): { account: LimitCheck } | { response: Response };
  /** Gives the account's attempt back after a success. */
  succeeded(account: LimitCheck): void;
}

/** The budgets of one server process, on its clock. */
export function attemptGuard({
  logger,
  now,
  trustProxy,
}: {
  logger: Logger;
  now: () => number;
  trustProxy: boolean;
}): AttemptGuard {
  const perEmail = new FixedWindowLimiter(EMAIL_RULE);
  const perAddress = new FixedWindowLimiter(IP_RULE);
  return {
    attempt(c, email) {
      const account: LimitCheck = [perEmail, email];
      const retryAfter = takeAttempt([account, [perAddress, clientAddress(c, trustProxy)]], now());
      if (retryAfter === 0) return { account };
      logger.warn({ path: c.req.path, retryAfter }, 'too many account attempts');
      return {
        response: apiError(
          c,
          429,
          'rate_limited',
          `Too many attempts; try again in ${retryAfter} seconds`,
          { 'Retry-After': String(retryAfter) },
        ),
      };
    },
    // Only the account's budget comes back: it is not the attacker's to refill without the
    // password. The address's stays spent, or one's own account could refill it between guesses.
    succeeded: (account) => giveBackAttempt([account], now()),
  };
}

/** A random password's hash, so an unknown address costs the same scrypt work as a wrong
 * password and the reply time does not tell which addresses have accounts. */
export const makeDummyHash = (hash: (password: string) => Promise<string>): Promise<string> =>
  hash(randomBytes(16).toString('base64url'));
