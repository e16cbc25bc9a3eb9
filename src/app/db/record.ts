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
import { getClientId } from './client-id';
import { db } from './db';

/** Decides, from the lesson's current progress, which events an action produces. */
export type ActionPlan = (current: LessonProgress, clientId: string) => EventDraft[];

/**
 * Run one learner action on one lesson: read its progress, plan the events, validate them, append
 * them to the outbox and fold them into the progress, all in one transaction. Returns the events.
 */
export async function recordAction(
  courseId: string,
  lessonId: string,
  plan: ActionPlan,
  now: () => number = Date.now,
): Promise<LearnerEvent[]> {
  const clientId = await getClientId();
  return db.transaction('rw', db.outbox, db.progress, async () => {
    let progress =
      (await db.progress.get([courseId, lessonId])) ?? emptyProgress(courseId, lessonId);
    const drafts = plan(progress, clientId);
    const recorded: LearnerEvent[] = [];
    for (const draft of drafts) {
      const at = now();
      // seq is a placeholder for validation; the outbox's auto-increment assigns the real one.
      const candidate = { ...draft, id: uuidv7(at), clientId, at, v: EVENT_VERSION, seq: 1 };
      const { seq: _placeholder, ...row } = learnerEventSchema.parse(candidate);
      const seq = await db.outbox.add(row as LearnerEvent);
      const event = { ...row, seq } as LearnerEvent;
      progress = applyEvent(progress, event);
      recorded.push(event);
    }
    if (recorded.length > 0) await db.progress.put(progress);
    return recorded;
  });
}
