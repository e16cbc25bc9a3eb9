// The budget of anonymous feedback (issue 15) per client address: a request costs one point per
// event it carries (at least one). Counted in memory only (memory-store.ts), so the address is
// never written to the database, and the refusal's log line names the rule, never the address.
// 1,000 events an hour lets a course evening of 40 learners behind one address rate every lesson
// several times over; a script gets 1,000 rows an hour per address.
import type { Context } from 'hono';
import { apiError } from '../api-errors';
import type { Logger } from '../logger';
import type { Budget, RateLimits } from './store';

/** Events per address and hour. */
export const ANONYMOUS_FEEDBACK_BUDGET: Budget = { points: 1_000, seconds: 60 * 60 };

/** Takes a request's cost from its address's budget: the 429 to send, or null to go ahead. */
export type AnonymousFeedbackLimit = (c: Context, events: number) => Promise<Response | null>;

/** The anonymous feedback budget over `limits` (memoryLimits: never the database's). */
export function anonymousFeedbackLimit({
  limits,
  logger,
  addressOf,
  budget = ANONYMOUS_FEEDBACK_BUDGET,
}: {
  limits: RateLimits;
  logger: Logger;
  addressOf: (c: Context) => string;
  budget?: Budget;
}): AnonymousFeedbackLimit {
  const events = limits.limiter('anonymous-feedback', budget);
  return async (c, count) => {
    const verdict = await events.take(`address:${addressOf(c)}`, Math.max(1, count));
    if (verdict.ok) return null;
    const { retryAfter } = verdict;
    logger.warn({ rule: 'anonymous-feedback', retryAfter }, 'rate limited');
    return apiError(
      c,
      429,
      'rate_limited',
      `Too many anonymous answers from this address; try again in ${retryAfter} seconds`,
      { 'Retry-After': String(retryAfter) },
    );
  };
}
