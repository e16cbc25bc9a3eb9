// The insight page's routes under /api/v1/insight (issue 15), thin adapters: `/` says what the
// caller may see (the network, or the gardens they advise, with the gardens' names for the
// filter); `/courses/:courseId` parses the filters, asks access.ts which gardens the caller may
// see, reads the atoms, applies the privacy rule and replies. A caller who is neither an analyst
// nor an advisor gets 403; an advisor asking for a garden they do not advise gets 403 too,
// whether or not it exists.
import { Hono } from 'hono';
import type { InsightAccess } from '../../shared/insight-access';
import {
  insightQuerySchema,
  MIN_GROUP,
  type AuthorTexts,
  type CourseInsight,
} from '../../shared/insight-protocol';
import { apiError, methodNotAllowed } from '../api-errors';
import { NO_STORE } from '../auth/deps';
import type { Db } from '../db/schema';
import type { CourseLessons } from '../network/learner-view';
import { insightGardensOf } from '../network/access';
import { requireLearner, type AuthVariables } from '../sessions/sessions';
import {
  anonymousAnswers,
  anonymousWishes,
  atomLessons,
  authorTexts,
  gardensInCounty,
  namedGardens,
  wishRows,
} from './queries';
import { anonymousInsights, lessonInsights, topicInsights } from './suppression';

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
  const NEITHER = 'Only an analyst or a business-garden advisor may see insight';

  app.get('/', session, async (c) => {
    const allowed = await insightGardensOf(db, c.var.userId);
    if (allowed === null) return forbidden(c, NEITHER);
    const reply: InsightAccess = {
      scope: allowed === 'network' ? 'network' : 'gardens',
      gardens: await namedGardens(db, allowed === 'network' ? null : allowed),
    };
    return c.json(reply, 200, NO_STORE);
  });

  app.all('/', (c) => methodNotAllowed(c));

  app.get('/courses/:courseId', session, async (c) => {
    const courseId = c.req.param('courseId');
    const allowed = await insightGardensOf(db, c.var.userId);
    if (allowed === null) return forbidden(c, NEITHER);
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
    const scope = { courseId, gardens, from: query.from, to: query.to };
    // Anonymous answers have no garden: only the whole network shows them.
    const network = gardens === null;
    const [rows, wishes, anonymousRows, anonymousWished] = await Promise.all([
      atomLessons(db, scope),
      wishRows(db, scope),
      network ? anonymousAnswers(db, courseId, query) : null,
      network ? anonymousWishes(db, courseId, query) : [],
    ]);
    const anonymous = anonymousRows && anonymousInsights(lessonIds, anonymousRows);
    const reply: CourseInsight = {
      courseId,
      query,
      minGroup: MIN_GROUP,
      lessons: lessonInsights(lessonIds, rows).map((lesson) => ({
        ...lesson,
        anonymous: anonymous?.get(lesson.lessonId) ?? null,
      })),
      topics: topicInsights([...wishes, ...anonymousWished]),
    };
    return c.json(reply, 200, NO_STORE);
  });

  // The texts for the course authors: the whole network only, never next to a garden or county,
  // so an analyst's and no advisor's.
  app.get('/courses/:courseId/texts', session, async (c) => {
    if ((await insightGardensOf(db, c.var.userId)) !== 'network') {
      return forbidden(c, 'Only an analyst may read the texts for the course authors');
    }
    const courseId = c.req.param('courseId');
    const lessonIds = served.get(courseId);
    if (!lessonIds) return apiError(c, 404, 'course_not_found', 'No course has this id');
    const position = new Map(lessonIds.map((id, i) => [id, i]));
    const texts = (await authorTexts(db, courseId))
      .filter((text) => position.has(text.lessonId))
      .sort(
        (a, b) =>
          position.get(a.lessonId)! - position.get(b.lessonId)! ||
          (a.text < b.text ? -1 : a.text > b.text ? 1 : 0),
      );
    const reply: AuthorTexts = { courseId, texts };
    return c.json(reply, 200, NO_STORE);
  });

  app.all('/courses/:courseId', (c) => methodNotAllowed(c));
  app.all('/courses/:courseId/texts', (c) => methodNotAllowed(c));
  return app;
}
