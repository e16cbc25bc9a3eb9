// The one way a learner action changes data: its events go into the outbox and its progress
// change into `progress`, in a single IndexedDB transaction — both or neither.
// The transaction makes two round trips to IndexedDB, however many events the action has: one
// that reads the client id and every lesson's progress together, and one that appends every
// event and writes every changed progress record together. Everything in
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
import { Dexie, type DBCoreMutateResponse, type DBCoreTransaction } from 'dexie';
import { CLIENT_ID_KEY, clientIdOf, createClientId } from './client-id';
import { db, type LommekursDB, type MetaRow } from './db';
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

// The transaction talks to Dexie's DBCore (each table's `core`: the middleware stack under the
// Table API) with plain Dexie promises and no native `await`, because what an action costs is
// mostly per-call overhead: each Table call opens its own promise scope in the transaction's
// zone, and each native `await` inside a Dexie transaction makes Dexie echo its zone over the
// following microtasks (dexie/Dexie.js#1161). The middleware still runs — table hooks, and the
// observability middleware that records what changed, from which Dexie notifies liveQuery
// observers (in this tab and others) when the transaction commits — and it still is one Dexie
// transaction, aborted when anything in it throws.

/** Dexie's promise: it keeps the transaction's zone across `then`, as native promises do not. */
const DexiePromise = Dexie.Promise;

/** The client id and the stored progress of each step's lesson (undefined where there is none). */
function readForAction(
  database: LommekursDB,
  trans: DBCoreTransaction,
  steps: readonly LessonStep[],
): PromiseLike<[string, (LessonProgress | undefined)[]]> {
  const keys = steps.map(({ courseId, lessonId }) => [courseId, lessonId]);
  const progress: PromiseLike<(LessonProgress | undefined)[]> =
    keys.length === 1
      ? database.progress.core.get({ trans, key: keys[0] }).then((row) => [row])
      : database.progress.core.getMany({ trans, keys });
  // The id is read inside the transaction: a sign-out in another tab renews it, and an event
  // must never carry the id of the account that signed out.
  const clientId = database.meta.core
    .get({ trans, key: CLIENT_ID_KEY })
    .then((row: MetaRow | undefined) => clientIdOf(database, row) ?? createClientId(database));
  return DexiePromise.all([clientId, progress]);
}

/** Throw the first failure of a DBCore write (the Table API does the same; the throw aborts the
 * transaction). */
function succeeded(response: DBCoreMutateResponse): DBCoreMutateResponse {
  if (response.numFailures > 0) throw Object.values(response.failures)[0];
  return response;
}

/** Append the events to the outbox and write the changed progress records, together; resolves to
 * the `seq` the outbox gave each event, in order. */
const writeAction = (
  database: LommekursDB,
  trans: DBCoreTransaction,
  rows: readonly OutboxDraft[],
  records: readonly LessonProgress[],
): PromiseLike<number[]> =>
  DexiePromise.all([
    database.outbox.core.mutate({ type: 'add', trans, values: rows }),
    database.progress.core.mutate({ type: 'put', trans, values: records }),
  ]).then(([added, put]) => {
    succeeded(put);
    return succeeded(added).results as number[];
  });

/**
 * Run one learner action that spans several lessons (resetting a course): every lesson's events
 * and progress change in ONE transaction, so the action lands whole or not at all. Plans see the
 * progress as the learner does (`currentProgress`, after any reset).
 */
export function recordLessonsAction(
  steps: readonly LessonStep[],
  { now = Date.now, database = db }: RecordOptions = {},
): Promise<LearnerEvent[]> {
  return database.transaction('rw', database.outbox, database.progress, database.meta, (tx) => {
    const trans = tx.idbtrans;
    // 1. Read the client id and every lesson's progress in one round trip.
    return readForAction(database, trans, steps).then(([clientId, stored]) => {
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
          // After a reset on this device, what the learner does next is after it, even within
          // the same millisecond (a reset hides everything stamped at or before its time).
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
      const records = [...changed].map((key) => working.get(key)!);
      return writeAction(database, trans, rows, records).then((seqs) =>
        rows.map((row, i) => ({ ...row, seq: seqs[i] }) as LearnerEvent),
      );
    });
  });
}
