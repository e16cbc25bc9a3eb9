// The insight page's route under /api/v1/insight (issue 15), a thin adapter: parse the filters,
// ask access.ts which gardens the caller may see, read the atoms, apply the privacy rule, reply.
// A caller who is neither an analyst nor an advisor gets 403; an advisor asking for a garden they
// do not advise gets 403 too, whether or not it exists.
import { Hono } from 'hono';
import { insightQuerySchema, MIN_GROUP, type CourseInsight } from '../../shared/insight-protocol';
import { apiError, methodNotAllowed } from '../api-errors';
import { NO_STORE } from '../auth/deps';
import type { Db } from '../db/schema';
import type { CourseLessons } from '../network/learner-view';
import { insightGardensOf } from '../network/access';
import { requireLearner, type AuthVariables } from '../sessions/sessions';
import { atomLessons, gardensInCounty } from './queries';
import { lessonInsights } from './suppression';

/** What the insight routes need. */
export interface InsightRouteOptions {
  db: Db;
  now: () => number;
  /** The lessons of each served course, in course order. */
  served: CourseLessons;
}

/** Routes mounted at /api/v1/insight. */
export function insightRoutes({
  db,
  now,
  served,
}: InsightRouteOptions): Hono<{ Variables: AuthVariables }> {
  const app = new Hono<{ Variables: AuthVariables }>();
  const session = requireLearner(db, now);
  const forbidden = (c: Parameters<typeof apiError>[0], what: string) =>
    apiError(c, 403, 'forbidden', what);

  app.get('/courses/:courseId', session, async (c) => {
    const courseId = c.req.param('courseId');
    const allowed = await insightGardensOf(db, c.var.userId);
    if (allowed === null) {
      return forbidden(c, 'Only an analyst or a business-garden advisor may see insight');
    }
    const parsed = insightQuerySchema.safeParse(c.req.query());
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      return apiError(c, 400, 'invalid_request', `${where}${issue.message}`);
    }
    const query = parsed.data;
    const lessonIds = served.get(courseId);
    if (!lessonIds) return apiError(c, 404, 'course_not_found', 'No course has this id');
    if (query.garden !== undefined && allowed !== 'network' && !allowed.includes(query.garden)) {
      return forbidden(c, 'Only an advisor of the garden may see its insight');
    }
    // The filters narrow what the caller may see; they never widen it.
    let gardens: readonly string[] | null = allowed === 'network' ? null : allowed;
    if (query.county !== undefined) {
      const inCounty = await gardensInCounty(db, query.county);
      gardens = gardens === null ? inCounty : gardens.filter((id) => inCounty.includes(id));
    }
    if (query.garden !== undefined) {
      gardens = gardens === null || gardens.includes(query.garden) ? [query.garden] : [];
    }
    const rows = await atomLessons(db, { courseId, gardens, from: query.from, to: query.to });
    const reply: CourseInsight = {
      courseId,
      query,
      minGroup: MIN_GROUP,
      lessons: lessonInsights(lessonIds, rows),
    };
    return c.json(reply, 200, NO_STORE);
  });

  app.all('/courses/:courseId', (c) => methodNotAllowed(c));
  return app;
}
