// A guesser's budget for join codes (issue 14), per client address: a code is 6 characters of
// 31 (about 887 million), so guessing one takes many tries, and this makes them slow. Only a
// try that finds no live code counts: a course evening where 40 learners behind one address
// open the same link is never refused, while a script guessing codes is stopped after 30 misses
// for 10 minutes (about 4,300 tries a day per address, so a code stays unguessed for years).
// Counted in the database (store.ts) so every server process shares the budget. The join preview
// (no session) and the join itself (a guesser may make an account) share it.
import type { Context } from 'hono';
import { apiError } from '../api-errors';
import type { Logger } from '../logger';
import type { Budget, RateLimits } from './store';

/** Misses (unknown, revoked or expired codes) per address and window. */
export const JOIN_CODE_MISSES: Budget = { points: 30, seconds: 10 * 60 };

/** A lookup let through: say whether it found a live code (a hit gives its point back). */
export interface JoinCodeTry {
  found(): Promise<void>;
}

/** The budget of join-code lookups. */
export interface JoinCodeLimit {
  /** One try from the request's address: a 429 (with Retry-After) when its misses are spent. */
  attempt(c: Context): Promise<JoinCodeTry | { response: Response }>;
}

/** The join-code budget over `limits`; `addressOf` gives the client address (limit key). */
export function joinCodeLimit({
  limits,
  logger,
  addressOf,
  budget = JOIN_CODE_MISSES,
}: {
  limits: RateLimits;
  logger: Logger;
  addressOf: (c: Context) => string;
  budget?: Budget;
}): JoinCodeLimit {
  const misses = limits.limiter('join-code-misses', budget);
  return {
    async attempt(c) {
      const address = addressOf(c);
      const key = `address:${address}`;
      // Taken before the lookup and given back after a hit, so tries at the same moment from
      // many processes cannot all slip through on one remaining point.
      const verdict = await misses.take(key);
      if (!verdict.ok) {
        const { retryAfter } = verdict;
        // Logged as the account limits' 429s are: the rule and the address.
        logger.warn({ rule: 'join-code-misses', address, retryAfter }, 'rate limited');
        return {
          response: apiError(
            c,
            429,
            'rate_limited',
            `Too many unknown join codes; try again in ${retryAfter} seconds`,
            { 'Retry-After': String(retryAfter) },
          ),
        };
      }
      return { found: () => misses.giveBack(key) };
    },
  };
}
