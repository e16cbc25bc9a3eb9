// Learner events: every learner action becomes one immutable event, written to the device's
// outbox in the same transaction as the progress it changes, and later pushed to the server.
// A type's payload shape never changes once shipped: a new shape gets a new `v` or a new type.
// Validated with zod on both sides of the wire.
// zod/mini: the same schemas as zod with a fraction of the size in the app's lesson chunk.
import { z } from 'zod/mini';
import { safeId } from './strings';
import { UUID_V7 } from './uuid';

/** Version of the event envelope and payload shapes this code writes. */
export const EVENT_VERSION = 1;

const fraction = z.number().check(z.minimum(0), z.maximum(1));
const text = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max));
// Ids are checked for control characters and broken UTF-16 (src/shared/strings.ts).
const itemId = safeId(1, 80);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The answers to "Var dette nyttig for deg?" (issue 15); `skipped` is "Hopp over". */
export const LESSON_RATINGS = ['yes', 'some', 'no', 'skipped'] as const;
export type LessonRating = (typeof LESSON_RATINGS)[number];
/** The longest comment after a rating ("Hva manglet?"), in UTF-16 code units like `maxlength`. */
export const COMMENT_MAX_CHARACTERS = 280;
/** The most topics a learner may tick under "Hva vil du lære mer om?" (issue 15). */
export const WISHED_TOPICS_MAX = 3;

/** Topic ids (courses/topics.yml), at most three and none twice. Any safe id is taken: the list
 * may change between versions of the app, and an old answer stays readable. */
const wishedTopics = z.array(itemId).check(
  z.maxLength(WISHED_TOPICS_MAX),
  z.refine<string[]>((ids) => new Set(ids).size === ids.length, {
    message: 'must not repeat a topic',
  }),
);

/** Each event type's payload schema; also what the anonymous feedback route validates with
 * (src/shared/anonymous-feedback.ts). */
export const eventPayloads = {
  'lesson.opened': z.strictObject({}),
  /** How far the learner has come, as a fraction of the lesson (0–1). */
  'lesson.progressed': z.strictObject({ position: fraction }),
  'lesson.completed': z.strictObject({}),
  /** One answer to one quiz question; `score` is 1 for all correct, else the share right. */
  'quiz.answered': z.strictObject({
    attemptId: z.string().check(z.regex(UUID_V7)),
    questionId: itemId,
    chosen: z.array(itemId).check(z.maxLength(20)),
    correct: z.boolean(),
    score: fraction,
  }),
  /** The learner asked to see the right answer to a quiz question. A first attempt made after
   * this scores nothing; the answer stays shown on every device. */
  'quiz.revealed': z.strictObject({ questionId: itemId }),
  'checklist.toggled': z.strictObject({ itemId, checked: z.boolean() }),
  'reflection.saved': z.strictObject({ text: text(0, 20_000) }),
  /** The learner turned "Del med rådgiveren" on or off for a reflection lesson: whether the
   * advisors of their business garden may read its text (issue 14). Off until the first one. */
  'reflection.shared': z.strictObject({ shared: z.boolean() }),
  /** The learner's answer to "Var dette nyttig for deg?" after completing the lesson, or
   * `skipped` when they tapped "Hopp over" (issue 15): asked once per lesson, last answer wins. */
  'lesson.rated': z.strictObject({ answer: z.enum(LESSON_RATINGS) }),
  /** The learner's optional comment after rating ("Hva manglet?", at most 280 characters), and
   * whether the course authors may read it (off unless ticked). Last comment wins. */
  'lesson.commented': z.strictObject({
    text: text(0, COMMENT_MAX_CHARACTERS),
    forAuthors: z.boolean(),
  }),
  /** The learner's answer to "Hva vil du lære mer om?" when the course was finished (issue 15):
   * up to three topics, an optional text (at most 280 characters) and whether the course authors
   * may read it. Carried by the lesson whose completion finished the course; "Hopp over" is an
   * answer with no topic and no text. Asked once per course, last answer wins. */
  'course.wished': z.strictObject({
    topics: wishedTopics,
    text: text(0, COMMENT_MAX_CHARACTERS),
    forAuthors: z.boolean(),
  }),
  /** One answer in spaced review ("Repetisjon", issue 16) to a question of this quiz lesson: what
   * was chosen and whether it was fully right. The question's schedule is a pure function of the
   * set of these events (src/shared/review-schedule.ts). */
  'review.answered': z.strictObject({
    questionId: itemId,
    chosen: z.array(itemId).check(z.maxLength(20)),
    correct: z.boolean(),
  }),
  /** The running total of seconds this client has spent in the lesson (not an increment). */
  'time.spent': z.strictObject({ seconds: z.int().check(z.minimum(0), z.maximum(10_000_000)) }),
  /** The learner opened a lesson after it changed: `changed` is the date (`YYYY-MM-DD`) of the
   * newest change they have now seen, which ends its "updated" notice on every device. */
  'lesson.change-seen': z.strictObject({ changed: z.string().check(z.regex(ISO_DATE)) }),
  /** The learner reset the course this lesson belongs to: everything recorded in the lesson up to
   * this event's time is hidden on every device (time spent and the reflection text stay). One
   * per lesson of the course, all recorded in one transaction. */
  'lesson.reset': z.strictObject({}),
} as const;

export type EventType = keyof typeof eventPayloads;
export const EVENT_TYPES = Object.keys(eventPayloads) as EventType[];
export type EventPayload<T extends EventType> = z.infer<(typeof eventPayloads)[T]>;

/** The fields every event carries besides its type and payload. */
export const eventEnvelope = {
  id: z.string().check(z.regex(UUID_V7)),
  clientId: safeId(8, 64),
  seq: z.int().check(z.positive()),
  courseId: safeId(1, 80),
  lessonId: safeId(1, 80),
  /** Milliseconds since the epoch, on the device's clock. */
  at: z.int().check(z.nonnegative()),
  v: z.literal(EVENT_VERSION),
};

const variant = <T extends EventType>(type: T) =>
  z.strictObject({ ...eventEnvelope, type: z.literal(type), payload: eventPayloads[type] });

export const learnerEventSchema = z.discriminatedUnion('type', [
  variant('lesson.opened'),
  variant('lesson.progressed'),
  variant('lesson.completed'),
  variant('quiz.answered'),
  variant('quiz.revealed'),
  variant('checklist.toggled'),
  variant('reflection.saved'),
  variant('reflection.shared'),
  variant('lesson.rated'),
  variant('lesson.commented'),
  variant('course.wished'),
  variant('review.answered'),
  variant('time.spent'),
  variant('lesson.change-seen'),
  variant('lesson.reset'),
]);

export type LearnerEvent = z.infer<typeof learnerEventSchema>;

/** What an action supplies; the outbox adds `seq`, the recorder adds id, clientId, at and v. */
export type EventDraft = {
  [T in EventType]: { type: T; courseId: string; lessonId: string; payload: EventPayload<T> };
}[EventType];
