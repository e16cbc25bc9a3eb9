// Fair use of sync, per learner: a push rate and an event quota per day on POST
// /api/v1/sync/push, counted in the database (store.ts) so every server process shares them.
// Above either, 429 with Retry-After and a reason code; nothing of the push is stored, so its
// events stay in the app's outbox and go out again later. The numbers are far above what a
// learner does (about 200 events on a busy day, a push every few seconds while working) and far
// below what a script can do (issue 12: 40 pushes of 100 events in a few seconds).
import type { Context, MiddlewareHandler } from 'hono';
import type { SyncErrorCode } from '../../shared/sync-protocol';
import { apiError } from '../api-errors';
import type { Logger } from '../logger';
import type { AuthVariables } from '../sessions/sessions';
import { readPush } from '../sync/push-body';
import type { RateLimits } from './store';

/** The budgets of one learner's pushes. */
export interface PushRules {
  /** Pushes per minute (any outcome: a refused push costs the server work too). */
  pushesPerMinute: number;
  /** Events per day (24 hours from the first push of the window), as sent. */
  eventsPerDay: number;
}

/** 60 pushes a minute (an outbox of weeks drains at 100 events a push in seconds) and 5,000
 * events a day: 25 busy days, so even a month offline drains within a day or two. */
export const PUSH_RULES: PushRules = { pushesPerMinute: 60, eventsPerDay: 5_000 };

const DAY_SECONDS = 24 * 60 * 60;

/** Middleware for the push route, after the session check and body decoding: a 429
 * `too_many_pushes` or `event_quota_exceeded` (with Retry-After) above the learner's budgets. */
export function pushLimits({
  limits,
  logger,
  addressOf,
  rules = PUSH_RULES,
}: {
  limits: RateLimits;
  logger: Logger;
  /** The client address, for the log line of a refusal. */
  addressOf: (c: Context) => string;
  rules?: PushRules;
}): MiddlewareHandler<{ Variables: AuthVariables }> {
  const perMinute = limits.limiter('push-rate', { points: rules.pushesPerMinute, seconds: 60 });
  const perDay = limits.limiter('push-events', {
    points: rules.eventsPerDay,
    seconds: DAY_SECONDS,
  });

  const refuse = (c: Context, code: SyncErrorCode, retryAfter: number, message: string) => {
    logger.warn(
      { userId: c.get('userId') as string, address: addressOf(c), reason: code, retryAfter },
      'rate limited',
    );
    return apiError(c, 429, code, `${message}; try again in ${retryAfter} seconds`, {
      'Retry-After': String(retryAfter),
    });
  };

  return async (c, next) => {
    const learner = `user:${c.var.userId}`;
    // 1. The push rate: one point per push.
    const rate = await perMinute.take(learner);
    if (!rate.ok) return refuse(c, 'too_many_pushes', rate.retryAfter, 'Too many pushes');
    // 2. The day's events, of either protocol, from the body as the handler reads it (parsed
    // once: readPush). A body that is no push (the handler's 400, 413 or 426) is not counted.
    const body = await readPush(c);
    const events = body.ok ? body.value.events.length : 0;
    if (events > 0) {
      const quota = await perDay.take(learner, events);
      if (!quota.ok) {
        // A refused push stores nothing, so it does not use up the day's quota either.
        await perDay.giveBack(learner, events);
        return refuse(c, 'event_quota_exceeded', quota.retryAfter, 'Daily event quota reached');
      }
    }
    return next();
  };
}
