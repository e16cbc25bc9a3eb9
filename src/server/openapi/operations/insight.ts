// The insight page's routes in the contract (issue 15): src/server/insight/routes.ts, mounted
// under /api/v1/insight. Counts only, each over at least five learners.
import { COUNTY_NAMES } from '../../../shared/counties';
import { insightAccessSchema } from '../../../shared/insight-access';
import {
  authorTextsSchema,
  courseInsightSchema,
  MIN_GROUP,
} from '../../../shared/insight-protocol';
import { fail, json, type Operation } from '../registry';

const NO_STORE = {
  'Cache-Control': { description: '`no-store`', required: true },
};

/** Routes of src/server/insight/routes.ts. */
export const insightOperations: Operation[] = [
  {
    operationId: 'getInsightAccess',
    method: 'get',
    path: '/api/v1/insight',
    tag: 'insight',
    summary: 'Whether the caller may see insight, over what, and the gardens to filter by',
    description:
      '`scope` is `network` for an analyst (every garden listed, and learners outside any garden ' +
      'counted) and `gardens` for an advisor (the gardens they advise). The app offers the ' +
      'insight page only after a 200 here.',
    auth: 'bearer',
    responses: {
      200: json('What the caller may see', insightAccessSchema, NO_STORE),
      403: fail('Neither an analyst nor an advisor', ['forbidden']),
    },
  },
  {
    operationId: 'getCourseInsight',
    method: 'get',
    path: '/api/v1/insight/courses/{courseId}',
    tag: 'insight',
    summary: "A course's completion funnel, usefulness answers and median minutes per lesson",
    description:
      `Every count rests on at least ${MIN_GROUP} learners, and so does every difference of two ` +
      'counts over nested groups; a smaller one is `null` ("færre enn 5"). An analyst sees the ' +
      'whole network, an advisor the gardens they advise.',
    auth: 'bearer',
    params: { courseId: { description: 'The course id' } },
    query: {
      garden: { description: 'Only this garden (an id)' },
      county: { description: `Only gardens in this county (${COUNTY_NAMES.join(', ')})` },
      from: { description: 'From this quarter, e.g. `2026-Q1`' },
      to: { description: 'To this quarter, inclusive' },
    },
    responses: {
      200: json('The insight', courseInsightSchema, NO_STORE),
      400: fail('A filter is malformed (the reason says which)', ['invalid_request']),
      403: fail(
        'Neither an analyst nor an advisor, or an advisor asking for a garden they do not advise',
        ['forbidden'],
      ),
      404: fail('No course has this id', ['course_not_found']),
    },
  },
  {
    operationId: 'getCourseAuthorTexts',
    method: 'get',
    path: '/api/v1/insight/courses/{courseId}/texts',
    tag: 'insight',
    summary: 'What learners let the course authors read: comments and "learn more about" texts',
    description:
      'Only texts whose learner ticked "Kan leses av kursforfatterne", from accounts and ' +
      'anonymous answers; never with a learner, garden, county or time, sorted by lesson and ' +
      'text. The whole network only, so an analyst’s alone.',
    auth: 'bearer',
    params: { courseId: { description: 'The course id' } },
    responses: {
      200: json('The texts', authorTextsSchema, NO_STORE),
      403: fail('Not an analyst', ['forbidden']),
      404: fail('No course has this id', ['course_not_found']),
    },
  },
];
