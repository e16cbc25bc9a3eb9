// Anonymous feedback (issue 15), the algorithm between the route and the queries: check every
// event of a request (its shape, with the same payload schemas as synced events, and its lesson
// against the catalogue), then store each event id once. All or nothing: one refused event and
// nothing is stored. What is stored is the least the insight page needs: the lesson, the answer,
// a comment's text only if the course authors may read it, and months instead of moments.
import {
  anonymousEventSchema,
  ANONYMOUS_EVENT_TYPES,
  type AnonymousEvent,
} from '../../shared/anonymous-feedback';
import { osloMonth } from '../../shared/oslo-date';
import type { RejectedEvent } from '../../shared/sync-protocol';
import type { Db } from '../db/schema';
import { describeIssues, withMessages } from '../json-body';
import type { SyncCatalogue } from '../sync/lesson-index';
import { insertAnonymousFeedback, type AnonymousFeedbackRow } from './anonymous-queries';

/** A request's events checked: all fit (one per id), or the refused ones with their reasons. */
export type CheckedFeedback =
  { ok: true; events: AnonymousEvent[] } | { ok: false; rejected: RejectedEvent[] };

// Echo an id or a type back only when it is a short string.
const shortString = (item: unknown, field: 'id' | 'type'): string | null => {
  const value = (item as Record<string, unknown> | null)?.[field];
  return typeof value === 'string' && value.length <= 64 ? value : null;
};

/** Checks each event; a repeated id counts once, as first sent. */
export function checkAnonymousEvents(
  raw: readonly unknown[],
  catalogue: SyncCatalogue,
): CheckedFeedback {
  const events = new Map<string, AnonymousEvent>();
  const rejected: RejectedEvent[] = [];
  raw.forEach((item, index) => {
    const reject = (reason: string, message: string) =>
      rejected.push({ index, id: shortString(item, 'id'), reason, message });
    const type = shortString(item, 'type');
    if (!(ANONYMOUS_EVENT_TYPES as readonly (string | null)[]).includes(type)) {
      reject('unknown_event_type', `Not an event type sent anonymously: ${JSON.stringify(type)}`);
      return;
    }
    const parsed = anonymousEventSchema.safeParse(item, withMessages);
    if (!parsed.success) {
      reject('invalid_event', describeIssues(parsed.error));
      return;
    }
    const unfit = catalogue.refusal(parsed.data);
    if (unfit) reject(unfit.reason, unfit.message);
    else if (!events.has(parsed.data.id)) events.set(parsed.data.id, parsed.data);
  });
  return rejected.length > 0 ? { ok: false, rejected } : { ok: true, events: [...events.values()] };
}

/** The row of one event: months instead of moments (an event dated after its arrival counts in
 * the month it arrived), a comment's or a wish's text only when the authors may read it. */
export function rowOf(event: AnonymousEvent, now: number): AnonymousFeedbackRow {
  const place = {
    event_id: event.id,
    type: event.type,
    course_id: event.courseId,
    lesson_id: event.lessonId,
    month: osloMonth(Math.min(event.at, now)),
    received_month: osloMonth(now),
  };
  if (event.type === 'lesson.rated') {
    return { ...place, answer: event.payload.answer, topics: null, text: null, for_authors: null };
  }
  const { text, forAuthors } = event.payload;
  const topics = event.type === 'course.wished' ? event.payload.topics : [];
  return {
    ...place,
    answer: null,
    topics: topics.length > 0 ? JSON.stringify(topics) : null,
    text: forAuthors ? text : null,
    for_authors: forAuthors ? 1 : 0,
  };
}

/** Stores the checked events, each id once; returns every id of them, all stored from now on. */
export async function storeAnonymousFeedback(
  db: Db,
  events: readonly AnonymousEvent[],
  now: number,
): Promise<string[]> {
  await insertAnonymousFeedback(
    db,
    events.map((event) => rowOf(event, now)),
  );
  return events.map((event) => event.id);
}
