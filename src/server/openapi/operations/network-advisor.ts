// The advisor's view of a garden's learners in the contract (issue 14):
// src/server/network/advisor-routes.ts, mounted under /api/v1/network. Only consenting learners
// of gardens the caller advises (src/server/network/access.ts).
import { z } from 'zod/mini';
import {
  LEARNER_PAGE,
  learnerDetailSchema,
  learnerListSchema,
} from '../../../shared/network-protocol';
import { fail, json, type Operation } from '../registry';

const NO_STORE = {
  'Cache-Control': { description: '`no-store`', required: true },
};
const NOT_ADVISOR = fail(
  'You do not advise this garden (the same answer whether or not it exists; a network admin ' +
    'sees no learner data)',
  ['forbidden'],
);
const GARDEN_ID = { gardenId: { description: 'The garden id' } };

/** Routes of src/server/network/advisor-routes.ts. */
export const networkAdvisorOperations: Operation[] = [
  {
    operationId: 'listGardenLearners',
    method: 'get',
    path: '/api/v1/network/gardens/{gardenId}/learners',
    tag: 'network',
    summary: "The garden's consenting learners with their progress summed up, a page at a time",
    description:
      'Ordered by learner id. Never quiz answers or reflections; a learner who withdrew their ' +
      'consent is not listed.',
    auth: 'bearer',
    params: GARDEN_ID,
    query: {
      after: { description: 'The `next` of the previous page' },
      limit: {
        description: `Learners per page, 1–${LEARNER_PAGE} (default ${LEARNER_PAGE})`,
        schema: z.string().check(z.regex(/^\d+$/)),
      },
    },
    responses: {
      200: json('A page of learners', learnerListSchema, NO_STORE),
      400: fail('`after` is not the `next` of a page', ['invalid_request']),
      403: NOT_ADVISOR,
    },
  },
  {
    operationId: 'getGardenLearner',
    method: 'get',
    path: '/api/v1/network/gardens/{gardenId}/learners/{learnerId}',
    tag: 'network',
    summary: 'One consenting learner: lessons per course, and the reflections they share',
    auth: 'bearer',
    params: { ...GARDEN_ID, learnerId: { description: 'The `id` of a learner in the list' } },
    responses: {
      200: json('The learner', learnerDetailSchema, NO_STORE),
      403: NOT_ADVISOR,
      404: fail(
        'No learner of this garden you may see (not a member, consent withdrawn, or unknown)',
        ['learner_not_found'],
      ),
    },
  },
];
