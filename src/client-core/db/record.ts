// The one way a learner action changes data: its events go into the outbox and its progress
// change into `progress`, in a single IndexedDB transaction — both or neither.
import {
  EVENT_VERSION,
  learnerEventSchema,
  type EventDraft,
  type LearnerEvent,
} from '../../shared/events';
import {
  applyEvent,
  currentProgress,
  emptyProgress,
  type LessonProgress,
} from '../../shared/progress';
import { uuidv7 } from '../../shared/uuid';
import { readClientId } from './client-id';
import { db, type LommekursDB } from './db';

/** Decides, from the lesson's current progress, which events an action produces. */
export type ActionPlan = (current: LessonProgress, clientId: string) => EventDraft[];

/** Where and when an action is recorded; the app's database and clock unless a test says else. */
export interface RecordOptions {
  now?: () => number;
  database?: LommekursDB;
}

/** One lesson's part of an action: which lesson, and how to plan its events. */
export interface LessonStep {
  courseId: string;
  lessonId: string;
  plan: ActionPlan;
}

/**
 * Run one learner action on one lesson: read its progress, plan the events, validate them, append
 * them to the outbox and fold them into the progress, all in one transaction. Returns the events.
 */
export const recordAction = (
  courseId: string,
  lessonId: string,
  plan: ActionPlan,
  options: RecordOptions = {},
): Promise<LearnerEvent[]> => recordLessonsAction([{ courseId, lessonId, plan }], options);

/**
 * Run one learner action that spans several lessons (resetting a course): every lesson's events
 * and progress change in ONE transaction, so the action lands whole or not at all. Plans see the
 * progress as the learner does (`currentProgress`, after any reset).
 */
export async function recordLessonsAction(
  steps: readonly LessonStep[],
  { now = Date.now, database = db }: RecordOptions = {},
): Promise<LearnerEvent[]> {
  return database.transaction('rw', database.outbox, database.progress, database.meta, async () => {
    // Read inside the transaction: a sign-out in another tab renews the id, and an event must
    // never carry the id of the account that signed out.
    const clientId = await readClientId(database);
    const recorded: LearnerEvent[] = [];
    for (const { courseId, lessonId, plan } of steps) {
      let progress =
        (await database.progress.get([courseId, lessonId])) ?? emptyProgress(courseId, lessonId);
      const drafts = plan(currentProgress(progress), clientId);
      const before = recorded.length;
      for (const draft of drafts) {
        // After a reset on this device, what the learner does next is after it, even within the
        // same millisecond (a reset hides everything stamped at or before its time).
        const at = Math.max(now(), (progress.resetAt ?? -1) + 1);
        // seq is a placeholder for validation; the outbox's auto-increment assigns the real one.
        const candidate = { ...draft, id: uuidv7(at), clientId, at, v: EVENT_VERSION, seq: 1 };
        const { seq: _placeholder, ...row } = learnerEventSchema.parse(candidate);
        const seq = await database.outbox.add(row as LearnerEvent);
        const event = { ...row, seq } as LearnerEvent;
        progress = applyEvent(progress, event);
        recorded.push(event);
      }
      if (recorded.length > before) await database.progress.put(progress);
    }
    return recorded;
  });
}
