// The wire format of anonymous feedback (issue 15): a learner without an account who said yes to
// "Kan svarene dine sendes anonymt?" sends copies of their answers to POST
// /api/v1/feedback/anonymous. A copy carries no client id, no sequence number and no account, and
// its id is not the event's own: the event's UUIDv7 holds the exact moment it was made, and the
// same id would reappear in the account's synced events if the learner signs up later, linking
// the anonymous answer to them. So a copy's id is random-looking (a UUIDv4 the device derives
// from the event id and a secret it never sends, so a retry sends the same id again).
import { z } from 'zod/mini';
import { ANONYMOUS_EVENT_TYPES, type AnonymousEventType } from './anonymous-event-types';
import { eventEnvelope, eventPayloads, type EventDraft } from './events';
import { UUID_V4 } from './uuid';

export { ANONYMOUS_EVENT_TYPES, type AnonymousEventType } from './anonymous-event-types';

/** At most this many events in one anonymous request. */
export const MAX_ANONYMOUS_EVENTS = 50;

/** One anonymous copy of an answer: the event's place, time and payload under an id of its own. */
export type AnonymousEvent = Extract<EventDraft, { type: AnonymousEventType }> & {
  id: string;
  /** Milliseconds since the epoch on the device's clock; the server keeps only the month. */
  at: number;
};

const variant = (type: AnonymousEventType) =>
  z.strictObject({
    id: z.string().check(z.regex(UUID_V4)),
    type: z.literal(type),
    courseId: eventEnvelope.courseId,
    lessonId: eventEnvelope.lessonId,
    at: eventEnvelope.at,
    payload: eventPayloads[type],
  });

const [firstVariant, ...otherVariants] = ANONYMOUS_EVENT_TYPES.map(variant);
// The union is built from the list, so its inferred type pairs any type with any payload: the
// type below says what the variants check.
/** One anonymous event, validated with the same payload schemas as synced events. */
export const anonymousEventSchema = z.discriminatedUnion('type', [
  firstVariant,
  ...otherVariants,
]) as unknown as z.ZodMiniType<AnonymousEvent>;

/** POST /api/v1/feedback/anonymous. Events stay `unknown` here: the server checks each on its
 * own, so a refusal names the event by its index. */
export const anonymousFeedbackRequestSchema = z.strictObject({
  events: z.array(z.unknown()).check(z.minLength(1), z.maxLength(MAX_ANONYMOUS_EVENTS)),
});
export type AnonymousFeedbackRequest = z.infer<typeof anonymousFeedbackRequestSchema>;

/** 200 reply: every id of the request is stored, now or by an earlier request (a retry is
 * acknowledged the same way), each listed once. */
export const anonymousFeedbackResponseSchema = z.strictObject({
  accepted: z.array(z.string()),
});
export type AnonymousFeedbackResponse = z.infer<typeof anonymousFeedbackResponseSchema>;
