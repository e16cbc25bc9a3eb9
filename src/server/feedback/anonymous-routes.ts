// POST /api/v1/feedback/anonymous (issue 15), a thin adapter: answers of a learner without an
// account who said yes to sending them anonymously. No session: an Authorization header is never
// read, and nothing of the request (address, user agent, headers) reaches the database; the
// address only counts against its budget, in memory (limits/anonymous-limits.ts).
import { Hono } from 'hono';
import {
  anonymousFeedbackRequestSchema,
  type AnonymousFeedbackResponse,
} from '../../shared/anonymous-feedback';
import type { InvalidEventsResponse } from '../../shared/sync-protocol';
import { apiBodyLimit, methodNotAllowed } from '../api-errors';
import type { Db } from '../db/schema';
import { readJson } from '../json-body';
import type { AnonymousFeedbackLimit } from '../limits/anonymous-limits';
import type { SyncCatalogue } from '../sync/lesson-index';
import { checkAnonymousEvents, storeAnonymousFeedback } from './anonymous-feedback';

/** The largest body: 50 events of a 280-character comment (at most 6 bytes a character, as
 * JSON escapes) with their envelopes fit well within it. */
export const ANONYMOUS_FEEDBACK_BODY_LIMIT = 128 * 1024;

const NO_STORE = { 'Cache-Control': 'no-store' };

/** Options of the anonymous feedback route. */
export interface AnonymousFeedbackOptions {
  db: Db;
  now: () => number;
  /** Which courses and lessons exist. */
  catalogue: SyncCatalogue;
  /** The budget per client address. */
  limit: AnonymousFeedbackLimit;
}

/** Routes mounted at /api/v1/feedback. */
export function anonymousFeedbackRoutes({
  db,
  now,
  catalogue,
  limit,
}: AnonymousFeedbackOptions): Hono {
  const app = new Hono();

  app.post('/anonymous', apiBodyLimit(ANONYMOUS_FEEDBACK_BODY_LIMIT), async (c) => {
    const body = await readJson(c, anonymousFeedbackRequestSchema);
    // A malformed body costs a point too; a request costs one per event it carries.
    const refused = await limit(c, body.ok ? body.value.events.length : 1);
    if (refused) return refused;
    if (!body.ok) return body.response;
    const { events } = body.value;
    const checked = checkAnonymousEvents(events, catalogue);
    if (!checked.ok) {
      const reply: InvalidEventsResponse = {
        error: 'invalid_events',
        message: `${checked.rejected.length} of ${events.length} events are invalid; nothing was stored`,
        acked: [],
        rejected: checked.rejected,
      };
      return c.json(reply, 400, NO_STORE);
    }
    const reply: AnonymousFeedbackResponse = {
      accepted: await storeAnonymousFeedback(db, checked.events, now()),
    };
    return c.json(reply, 200, NO_STORE);
  });

  app.all('/anonymous', (c) => methodNotAllowed(c, 'POST'));
  return app;
}
