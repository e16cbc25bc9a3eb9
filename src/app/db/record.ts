// The one way a learner action changes data: its events go into the outbox and its progress
// change into `progress`, in a single IndexedDB transaction — both or neither.
import {
  EVENT_VERSION,
  learnerEventSchema,
  type EventDraft,
  type LearnerEvent,
} from '../../shared/events';
import { applyEvent, emptyProgress, type LessonProgress } from '../../shared/progress';
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

/**
 * Run one learner action on one lesson: read its progress, plan the events, validate them, append
 * them to the outbox and fold them into the progress, all in one transaction. Returns the events.
 */
export async function recordAction(
  courseId: string,
  lessonId: string,
  plan: ActionPlan,
  { now = Date.now, database = db }: RecordOptions = {},
): Promise<LearnerEvent[]> {
  return database.transaction('rw', database.outbox, database.progress, database.meta, async () => {
    // Read inside the transaction: a sign-out in another tab renews the id, and an event must
    // never carry the id of the account that signed out.
    const clientId = await readClientId(database);
    let progress =
      (await database.progress.get([courseId, lessonId])) ?? emptyProgress(courseId, lessonId);
    const drafts = plan(progress, clientId);
    const recorded: LearnerEvent[] = [];
    for (const draft of drafts) {
      const at = now();
      // seq is a placeholder for validation; the outbox's auto-increment assigns the real one.
      const candidate = { ...draft, id: uuidv7(at), clientId, at, v: EVENT_VERSION, seq: 1 };
      const { seq: _placeholder, ...row } = learnerEventSchema.parse(candidate);
      const seq = await database.outbox.add(row as LearnerEvent);
      const event = { ...row, seq } as LearnerEvent;
      progress = applyEvent(progress, event);
      recorded.push(event);
    }
    if (recorded.length > 0) await database.progress.put(progress);
    return recorded;
  });
}
