// The learner's routes of the business-garden network under /api/v1/network, thin adapters:
// parse, authorise, call memberships.ts, reply. What a join code shows (no session; a guesser's
// misses are limited per address), joining with consent, the caller's place in the network, and
// withdrawal.
import { Hono } from 'hono';
import { isServerId, joinCodeSchema, joinRequestSchema } from '../../shared/network-protocol';
import { apiBodyLimit, apiError, methodNotAllowed } from '../api-errors';
import { ACCOUNT_BODY_LIMIT, NO_STORE } from '../auth/deps';
import { readJson } from '../json-body';
import type { JoinCodeLimit } from '../limits/join-limits';
import { requireLearner, type AuthVariables } from '../sessions/sessions';
import type { NetworkDeps } from './gardens';
import { joinGarden, networkMe, previewJoin, withdrawMembership } from './memberships';

/** Options of the membership routes. */
export interface MembershipOptions extends NetworkDeps {
  /** The budget of join-code lookups per client address (limits/join-limits.ts). */
  joinCodeLimit: JoinCodeLimit;
}

const JOIN_REFUSAL = {
  consent_outdated: [409, 'The consent text has changed since it was shown: show the new one'],
  join_code_not_found: [404, 'No live join code like this (unknown, revoked or expired)'],
  firm_not_found: [404, 'The garden has no firm with this id'],
} as const;

/** Routes mounted at /api/v1/network. */
export function membershipRoutes(options: MembershipOptions): Hono<{ Variables: AuthVariables }> {
  const { db, logger, now, joinCodeLimit } = options;
  const app = new Hono<{ Variables: AuthVariables }>();
  const session = requireLearner(db, now);

  app.get('/join/:code', async (c) => {
    // A malformed code is never looked up, and costs no try.
    const code = joinCodeSchema.safeParse(c.req.param('code'));
    if (!code.success) {
      return apiError(c, 400, 'invalid_request', 'code: not a join code like NH-7K3P-Q2');
    }
    const attempt = await joinCodeLimit.attempt(c);
    if ('response' in attempt) return attempt.response;
    const preview = await previewJoin(db, code.data, now());
    if (!preview) {
      return apiError(c, 404, 'join_code_not_found', JOIN_REFUSAL.join_code_not_found[1]);
    }
    await attempt.found();
    return c.json(preview, 200, NO_STORE);
  });

  app.post('/join', session, apiBodyLimit(ACCOUNT_BODY_LIMIT), async (c) => {
    const body = await readJson(c, joinRequestSchema);
    if (!body.ok) return body.response;
    const attempt = await joinCodeLimit.attempt(c);
    if ('response' in attempt) return attempt.response;
    const userId = c.var.userId;
    const result = await joinGarden(options, { userId, request: body.value });
    if (!result.ok) {
      if (result.reason !== 'join_code_not_found') await attempt.found();
      const [status, message] = JOIN_REFUSAL[result.reason];
      return apiError(c, status, result.reason, message);
    }
    await attempt.found();
    logger.info({ userId, gardenId: result.membership.garden.id }, 'joined garden with consent');
    return c.json(result.membership, 200, NO_STORE);
  });

  app.get('/me', session, async (c) => c.json(await networkMe(db, c.var.userId), 200, NO_STORE));

  app.delete('/memberships/:gardenId', session, async (c) => {
    const gardenId = c.req.param('gardenId');
    const userId = c.var.userId;
    // An id the server never made names no membership, and reaches no query.
    if (!isServerId(gardenId) || !(await withdrawMembership(options, userId, gardenId))) {
      return apiError(c, 404, 'membership_not_found', 'You are not a member of this garden');
    }
    logger.info({ userId, gardenId }, 'consent withdrawn');
    return c.body(null, 204, NO_STORE);
  });

  app.all('/join/:code', (c) => methodNotAllowed(c));
  app.all('/join', (c) => methodNotAllowed(c, 'POST'));
  app.all('/me', (c) => methodNotAllowed(c));
  app.all('/memberships/:gardenId', (c) => methodNotAllowed(c, 'DELETE'));
  return app;
}
