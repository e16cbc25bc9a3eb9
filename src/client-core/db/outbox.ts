// The outbox as the sync engine sees it: events waiting for the server, oldest first. A row
// leaves the outbox only when the server has acknowledged it (after a 2xx that names its id) or
// refused it for good — never because a request was sent.
import type { LearnerEvent } from '../../shared/events';
import { db, type LommekursDB } from './db';
import { countLearnerActions } from './pending-actions';
import { addRejected, type RejectedRecord } from './sync-state';

/** The oldest `limit` events waiting to be pushed, in the order they were recorded. */
export const peekOutbox = (limit: number, database: LommekursDB = db): Promise<LearnerEvent[]> =>
  database.outbox.orderBy('seq').limit(limit).toArray();

/** The server has stored these events: remove them from the outbox, all or none. */
export function acknowledge(ids: readonly string[], database: LommekursDB = db): Promise<void> {
  return database.transaction('rw', database.outbox, async () => {
    if (ids.length > 0) await database.outbox.where('id').anyOf(ids).delete();
  });
}

/** An event the server will never accept, and why. */
export interface Rejection {
  event: LearnerEvent;
  reason: string;
}

/** Drop refused events from the outbox and remember them for the learner, in one transaction.
 * Only events still in the outbox are remembered: after a sign-out in another tab, the refusals
 * of the previous learner's events are not theirs to keep on the device. */
export function reject(
  rejections: readonly Rejection[],
  database: LommekursDB = db,
): Promise<void> {
  return database.transaction('rw', database.outbox, database.meta, async () => {
    const rows = await database.outbox.bulkGet(rejections.map(({ event }) => event.seq));
    const present = rejections.filter(({ event }, i) => rows[i]?.id === event.id);
    await database.outbox.bulkDelete(present.map(({ event }) => event.seq));
    const records: RejectedRecord[] = present.map(({ event, reason }) => ({
      id: event.id,
      type: event.type,
      courseId: event.courseId,
      lessonId: event.lessonId,
      reason,
    }));
    await addRejected(database, records);
  });
}

/** How many events are waiting for the server. */
export const countPending = (database: LommekursDB = db): Promise<number> =>
  database.outbox.count();

/** What waits for the server: how many events (a sync is due when they grow) and how many
 * learner actions they stand for (what the learner is shown; the rule is in pending-actions.ts). */
export async function summarizePending(
  database: LommekursDB = db,
): Promise<{ events: number; actions: number }> {
  const events = await database.outbox.toArray();
  return { events: events.length, actions: countLearnerActions(events) };
}

/** Which of these event ids are still waiting for the server (a completion's receipt shows
 * "Lagret på enheten" until this is empty, then "Synkronisert"). */
export async function pendingAmong(
  ids: readonly string[],
  database: LommekursDB = db,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await database.outbox.where('id').anyOf(ids).toArray();
  return rows.map((row) => row.id);
}
