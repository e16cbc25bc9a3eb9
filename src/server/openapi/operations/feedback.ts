// Anonymous feedback in the contract (issue 15): src/server/feedback/anonymous-routes.ts,
// mounted under /api/v1/feedback.
import { z } from 'zod/mini';
import {
  anonymousEventSchema,
  anonymousFeedbackResponseSchema,
  MAX_ANONYMOUS_EVENTS,
} from '../../../shared/anonymous-feedback';
import { invalidEventsResponseSchema } from '../../../shared/api-schemas';
import { ANONYMOUS_FEEDBACK_BODY_LIMIT } from '../../feedback/anonymous-routes';
import { ANONYMOUS_FEEDBACK_BUDGET } from '../../limits/anonymous-limits';
import { json, RATE_LIMITED, type Operation } from '../registry';

const NO_STORE = { 'Cache-Control': { description: '`no-store`', required: true } };

/** Routes of src/server/feedback/anonymous-routes.ts. */
export const feedbackOperations: Operation[] = [
  {
    operationId: 'sendAnonymousFeedback',
    method: 'post',
    path: '/api/v1/feedback/anonymous',
    tag: 'feedback',
    summary: 'Store answers of a learner without an account, anonymously, each id once',
    description:
      `At most ${MAX_ANONYMOUS_EVENTS} \`lesson.rated\`, \`lesson.commented\` and \`course.wished\` events, with the ` +
      "same payloads as synced events, each under a random id of the device's (a UUIDv4, not the " +
      "event's own UUIDv7). No session: an Authorization header is ignored. Stored in one " +
      'transaction, each id once (a repeated or already stored id changes nothing); nothing ' +
      'of the request is kept but the lesson, the answer or topics, a text only if `forAuthors`, and ' +
      'the months of the event and of its arrival. If any event is invalid nothing is stored.',
    auth: 'none',
    body: {
      schema: z.strictObject({
        events: z
          .array(anonymousEventSchema)
          .check(z.minLength(1), z.maxLength(MAX_ANONYMOUS_EVENTS)),
      }),
      maxBytes: ANONYMOUS_FEEDBACK_BODY_LIMIT,
    },
    responses: {
      200: json(
        'Every event is stored (now or before); `accepted` lists each id once',
        anonymousFeedbackResponseSchema,
        NO_STORE,
      ),
      400: {
        description:
          '`invalid_events` (with `rejected`: nothing stored), or a malformed body: not JSON, ' +
          `no \`events\`, none or more than ${MAX_ANONYMOUS_EVENTS}`,
        json: z.union([
          invalidEventsResponseSchema,
          z.strictObject({
            error: z.enum(['invalid_json', 'invalid_request']),
            message: z.string(),
          }),
        ]),
      },
      429: {
        ...RATE_LIMITED,
        description:
          `More than ${ANONYMOUS_FEEDBACK_BUDGET.points} events (a malformed request counts as ` +
          `one) in ${ANONYMOUS_FEEDBACK_BUDGET.seconds / 60} minutes from this address: wait ` +
          'for Retry-After seconds',
      },
    },
  },
];
