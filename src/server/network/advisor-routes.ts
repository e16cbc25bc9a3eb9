// The advisor's view of a garden's learners under /api/v1/network, thin adapters: parse, ask
// access.ts (the one privacy rule), call learner-view.ts, reply. A caller who does not advise the
// garden gets 403 whether or not it exists — a network admin too: the admin role sees no learner
// data. A learner the advisor may not see (not a member, withdrawn, unknown) is 404, one answer
// for all. Ids and cursors the server never made reach no query.
import { Hono } from 'hono';
import { isServerId, LEARNER_PAGE } from '../../shared/network-protocol';
import { apiError, methodNotAllowed } from '../api-errors';
import { NO_STORE } from '../auth/deps';
import type { Db } from '../db/schema';
import { requireLearner, type AuthVariables } from '../sessions/sessions';
import { mayViewLearnersOf } from './access';
import {
  detailOf,
  findVisibleLearner,
  summariesOf,
  visibleLearnerPage,
  type CourseLessons,
} from './learner-view';

/** What the advisor routes need. */
export interface AdvisorRouteOptions {
  db: Db;
  now: () => number;
  /** The lessons of each served course (`courseLessonsOf(catalogue)`). */
  served: CourseLessons;
}

/** Routes mounted at /api/v1/network. */
export function advisorRoutes({
  db,
  now,
  served,
}: AdvisorRouteOptions): Hono<{ Variables: AuthVariables }> {
  const app = new Hono<{ Variables: AuthVariables }>();
  const session = requireLearner(db, now);
  const notAdvisor = (c: Parameters<typeof apiError>[0]) =>
    apiError(c, 403, 'forbidden', 'Only an advisor of the garden may see its learners');

  app.get('/gardens/:gardenId/learners', session, async (c) => {
    const gardenId = c.req.param('gardenId');
    if (!(await mayViewLearnersOf(db, c.var.userId, gardenId))) return notAdvisor(c);
    const after = c.req.query('after') || undefined;
    if (after !== undefined && !isServerId(after)) {
      return apiError(c, 400, 'invalid_request', 'after: not a page cursor (the `next` of a page)');
    }
    const asked = Number(c.req.query('limit') ?? LEARNER_PAGE);
    const limit =
      Number.isInteger(asked) && asked >= 1 ? Math.min(asked, LEARNER_PAGE) : LEARNER_PAGE;
    const fetchedAt = now();
    const rows = await visibleLearnerPage(db, {
      advisorId: c.var.userId,
      gardenId,
      after,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const next = rows.length > limit ? page[page.length - 1]!.user_id : null;
    const learners = await summariesOf(db, page, { served, now: fetchedAt });
    return c.json({ learners, next, fetchedAt }, 200, NO_STORE);
  });

  app.get('/gardens/:gardenId/learners/:learnerId', session, async (c) => {
    const { gardenId, learnerId } = c.req.param();
    if (!(await mayViewLearnersOf(db, c.var.userId, gardenId))) return notAdvisor(c);
    const learner = isServerId(learnerId)
      ? await findVisibleLearner(db, c.var.userId, gardenId, learnerId)
      : undefined;
    if (!learner) {
      return apiError(c, 404, 'learner_not_found', 'No learner of this garden you may see');
    }
    const fetchedAt = now();
    const detail = await detailOf(db, learner, { served, now: fetchedAt });
    return c.json({ ...detail, fetchedAt }, 200, NO_STORE);
  });

  app.all('/gardens/:gardenId/learners', (c) => methodNotAllowed(c));
  app.all('/gardens/:gardenId/learners/:learnerId', (c) => methodNotAllowed(c));
  return app;
}
