// A fast check of one pushed event, before zod: zod's parse of the event union is 10–35 µs an
// event on the server (1–3.5 ms of a 100-event push, issue 13), a plain check of the same rules
// well under 1 µs. It is a filter that only ever says "certainly valid": for anything else it says
// nothing (null) and the push handler asks the zod schema (src/shared/events.ts), which stays the
// one definition of an event and words every refusal. So an event this accepts must be one zod
// accepts, with the same data; test/server/event-fast-path.test.ts checks that on every event
// type and on values at and past each bound.
import {
  COMMENT_MAX_CHARACTERS,
  EVENT_VERSION,
  LESSON_RATINGS,
  WISHED_TOPICS_MAX,
  type LearnerEvent,
} from '../../shared/events';
import { isSafeText } from '../../shared/strings';
import { UUID_V7 } from '../../shared/uuid';

type Fields = Record<string, unknown>;

const ENVELOPE_KEYS = [
  'id',
  'clientId',
  'seq',
  'courseId',
  'lessonId',
  'at',
  'v',
  'type',
  'payload',
];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const RATINGS: ReadonlySet<unknown> = new Set(LESSON_RATINGS);

/** A plain object (as JSON.parse makes them) with exactly `keys` as its own keys. */
function exactly(value: unknown, keys: readonly string[]): value is Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((key) => Object.hasOwn(value, key));
}

const id = (value: unknown, min: number, max: number): boolean =>
  typeof value === 'string' && value.length >= min && value.length <= max && isSafeText(value);
const itemId = (value: unknown) => id(value, 1, 80);
const fraction = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;
const uuid = (value: unknown) => typeof value === 'string' && UUID_V7.test(value);
const boolean = (value: unknown) => typeof value === 'boolean';
const comment = (value: unknown) =>
  typeof value === 'string' && value.length <= COMMENT_MAX_CHARACTERS;
/** At most three topic ids, none twice. */
const topics = (value: unknown) =>
  Array.isArray(value) &&
  value.length <= WISHED_TOPICS_MAX &&
  value.every(itemId) &&
  new Set(value).size === value.length;

/** Each event type's payload rule; a type not listed is left to zod. */
const PAYLOADS: Record<string, (payload: unknown) => boolean> = {
  'lesson.opened': (p) => exactly(p, []),
  'lesson.completed': (p) => exactly(p, []),
  'lesson.reset': (p) => exactly(p, []),
  'lesson.progressed': (p) => exactly(p, ['position']) && fraction(p.position),
  'quiz.answered': (p) =>
    exactly(p, ['attemptId', 'questionId', 'chosen', 'correct', 'score']) &&
    uuid(p.attemptId) &&
    itemId(p.questionId) &&
    Array.isArray(p.chosen) &&
    p.chosen.length <= 20 &&
    p.chosen.every(itemId) &&
    boolean(p.correct) &&
    fraction(p.score),
  'review.answered': (p) =>
    exactly(p, ['questionId', 'chosen', 'correct']) &&
    itemId(p.questionId) &&
    Array.isArray(p.chosen) &&
    p.chosen.length <= 20 &&
    p.chosen.every(itemId) &&
    boolean(p.correct),
  'quiz.revealed': (p) => exactly(p, ['questionId']) && itemId(p.questionId),
  'checklist.toggled': (p) =>
    exactly(p, ['itemId', 'checked']) && itemId(p.itemId) && boolean(p.checked),
  'reflection.saved': (p) =>
    exactly(p, ['text']) && typeof p.text === 'string' && p.text.length <= 20_000,
  'reflection.shared': (p) => exactly(p, ['shared']) && boolean(p.shared),
  'lesson.rated': (p) => exactly(p, ['answer']) && RATINGS.has(p.answer),
  'lesson.commented': (p) =>
    exactly(p, ['text', 'forAuthors']) && comment(p.text) && boolean(p.forAuthors),
  'course.wished': (p) =>
    exactly(p, ['topics', 'text', 'forAuthors']) &&
    topics(p.topics) &&
    comment(p.text) &&
    boolean(p.forAuthors),
  'time.spent': (p) =>
    exactly(p, ['seconds']) &&
    Number.isSafeInteger(p.seconds) &&
    (p.seconds as number) >= 0 &&
    (p.seconds as number) <= 10_000_000,
  'lesson.change-seen': (p) =>
    exactly(p, ['changed']) && typeof p.changed === 'string' && ISO_DATE.test(p.changed),
};

/** `item` as an event when it is certainly one (what zod would return for it), else null: then
 * zod decides, and says why not. */
export function certainEvent(item: unknown): LearnerEvent | null {
  if (!exactly(item, ENVELOPE_KEYS)) return null;
  const payloadOk = typeof item.type === 'string' ? Object.hasOwn(PAYLOADS, item.type) : false;
  const valid =
    payloadOk &&
    uuid(item.id) &&
    id(item.clientId, 8, 64) &&
    Number.isSafeInteger(item.seq) &&
    (item.seq as number) > 0 &&
    itemId(item.courseId) &&
    itemId(item.lessonId) &&
    Number.isSafeInteger(item.at) &&
    (item.at as number) >= 0 &&
    item.v === EVENT_VERSION &&
    PAYLOADS[item.type as string]!(item.payload);
  return valid ? (item as unknown as LearnerEvent) : null;
}
