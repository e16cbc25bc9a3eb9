// The one way a learner action changes data: its events go into the outbox and its progress
// change into `progress`, in a single IndexedDB transaction — both or neither.
// The transaction makes two round trips to IndexedDB, however many events the action has: one
// that reads the client id and every lesson's progress together, and one that appends every
// event (bulkAdd) and writes every changed progress record (bulkPut) together. Everything in
// between — planning, validating every event, folding them into progress — is plain JavaScript,
// so an invalid event throws before anything is written.
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
import { readClientId } from './client-id';
import { db, type LommekursDB } from './db';
import { eventIds } from './event-ids';

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

/** An event as the outbox stores it before the auto-increment gives it its `seq`. */
type OutboxDraft = Omit<LearnerEvent, 'seq'>;

/** Validate one event of the action (with a placeholder seq: the outbox assigns the real one). */
function validated(draft: EventDraft, id: string, clientId: string, at: number): OutboxDraft {
  const candidate = { ...draft, id, clientId, at, v: EVENT_VERSION, seq: 1 };
  const { seq: _placeholder, ...row } = learnerEventSchema.parse(candidate);
  return row;
}

// Most actions touch one lesson with one event: they use Dexie's single-row calls, which did a
// little better than its bulk calls for 1,000 single-event actions (a noisy comparison).

/** The stored progress of each step's lesson (undefined where there is none). */
const readProgress = (database: LommekursDB, steps: readonly LessonStep[]) =>
  steps.length === 1
    ? database.progress.get([steps[0]!.courseId, steps[0]!.lessonId]).then((row) => [row])
    : database.progress.bulkGet(steps.map(({ courseId, lessonId }) => [courseId, lessonId]));

/** Append the events to the outbox; resolves to the `seq` each was given, in order. */
const appendEvents = (database: LommekursDB, rows: readonly OutboxDraft[]): Promise<number[]> =>
  rows.length === 1
    ? database.outbox.add(rows[0] as LearnerEvent).then((seq) => [seq])
    : database.outbox.bulkAdd(rows as LearnerEvent[], { allKeys: true });

/** Write the changed progress records. */
const writeProgress = (database: LommekursDB, records: readonly LessonProgress[]) =>
  records.length === 1 ? database.progress.put(records[0]!) : database.progress.bulkPut(records);

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
    // 1. Read the client id and every lesson's progress in one round trip. The id is read inside
    // the transaction: a sign-out in another tab renews it, and an event must never carry the id
    // of the account that signed out.
    const [clientId, stored] = await Promise.all([
      readClientId(database),
      readProgress(database, steps),
    ]);
    // 2. Plan, stamp, validate and fold every event, writing nothing yet. A lesson named twice
    // plans its second step on what its first one did.
    const working = new Map<string, LessonProgress>();
    const changed = new Set<string>();
    const rows: OutboxDraft[] = [];
    steps.forEach(({ courseId, lessonId, plan }, i) => {
      const key = JSON.stringify([courseId, lessonId]);
      let progress = working.get(key) ?? stored[i] ?? emptyProgress(courseId, lessonId);
      const drafts = plan(currentProgress(progress), clientId);
      const ats: number[] = [];
      let resetAt = progress.resetAt ?? -1;
      for (const draft of drafts) {
        // After a reset on this device, what the learner does next is after it, even within the
        // same millisecond (a reset hides everything stamped at or before its time).
        const at = Math.max(now(), resetAt + 1);
        if (draft.type === 'lesson.reset') resetAt = Math.max(resetAt, at);
        ats.push(at);
      }
      const ids = eventIds(ats);
      drafts.forEach((draft, d) => {
        const row = validated(draft, ids[d]!, clientId, ats[d]!);
        // The fold reads no `seq`; the event returned to the caller gets its own below.
        progress = applyEvent(progress, row as LearnerEvent);
        rows.push(row);
      });
      working.set(key, progress);
      if (drafts.length > 0) changed.add(key);
    });
    if (rows.length === 0) return [];
    // 3. Append the events and write the changed progress in one round trip.
    const [seqs] = await Promise.all([
      appendEvents(database, rows),
      writeProgress(
        database,
        [...changed].map((key) => working.get(key)!),
      ),
    ]);
    return rows.map((row, i) => ({ ...row, seq: seqs[i] }) as LearnerEvent);
  });
}
