// Learner events: every learner action becomes one immutable event, written to the device's
// outbox in the same transaction as the progress it changes, and later pushed to the server.
// A type's payload shape never changes once shipped: a new shape gets a new `v` or a new type.
// Validated with zod on both sides of the wire.
import { z } from 'zod';
import { UUID_V7 } from './uuid';

/** Version of the event envelope and payload shapes this code writes. */
export const EVENT_VERSION = 1;

const fraction = z.number().min(0).max(1);
const itemId = z.string().min(1).max(80);

const payloads = {
  'lesson.opened': z.object({}).strict(),
  /** How far the learner has come, as a fraction of the lesson (0–1). */
  'lesson.progressed': z.object({ position: fraction }).strict(),
  'lesson.completed': z.object({}).strict(),
  /** One answer to one quiz question; `score` is 1 for all correct, else the share right. */
  'quiz.answered': z
    .object({
      attemptId: z.string().regex(UUID_V7),
      questionId: itemId,
      chosen: z.array(itemId).max(20),
      correct: z.boolean(),
      score: fraction,
    })
    .strict(),
  'checklist.toggled': z.object({ itemId, checked: z.boolean() }).strict(),
  'reflection.saved': z.object({ text: z.string().max(20_000) }).strict(),
  /** The running total of seconds this client has spent in the lesson (not an increment). */
  'time.spent': z.object({ seconds: z.number().int().min(0).max(10_000_000) }).strict(),
} as const;

export type EventType = keyof typeof payloads;
export const EVENT_TYPES = Object.keys(payloads) as EventType[];
export type EventPayload<T extends EventType> = z.infer<(typeof payloads)[T]>;

const envelope = {
  id: z.string().regex(UUID_V7),
  clientId: z.string().min(8).max(64),
  seq: z.number().int().positive(),
  courseId: z.string().min(1).max(80),
  lessonId: z.string().min(1).max(80),
  /** Milliseconds since the epoch, on the device's clock. */
  at: z.number().int().nonnegative(),
  v: z.literal(EVENT_VERSION),
};

const variant = <T extends EventType>(type: T) =>
  z.object({ ...envelope, type: z.literal(type), payload: payloads[type] }).strict();

export const learnerEventSchema = z.discriminatedUnion('type', [
  variant('lesson.opened'),
  variant('lesson.progressed'),
  variant('lesson.completed'),
  variant('quiz.answered'),
  variant('checklist.toggled'),
  variant('reflection.saved'),
  variant('time.spent'),
]);

export type LearnerEvent = z.infer<typeof learnerEventSchema>;

/** What an action supplies; the outbox adds `seq`, the recorder adds id, clientId, at and v. */
export type EventDraft = {
  [T in EventType]: { type: T; courseId: string; lessonId: string; payload: EventPayload<T> };
}[EventType];
