// Applying a pulled page: the server's merged progress rows and the cursor after them, in one
// transaction, so a crash leaves either the whole page and its cursor or neither.
//
// Each row becomes  server row ⊔ (this lesson's events still in the outbox), replacing the local
// record. The server row already holds every event the server acknowledged, with timestamps as
// the server clamped them; merging it with the old local record instead would keep a device-clock
// timestamp the server clamped, and the devices would never agree. What is not yet pushed is
// folded back in, so nothing recorded on this device disappears before the server has it.
import { applyEvent, emptyProgress, mergeProgress } from '../../shared/progress';
import type { PulledRow } from '../../shared/sync-protocol';
import { db, type LommekursDB } from './db';
import { isSessionOf, setCursor } from './sync-state';

/** The signed-in learner changed while a pull was on its way: the page is not theirs. */
export class SessionChangedError extends Error {
  constructor() {
    super('The session changed during the sync');
    this.name = 'SessionChangedError';
  }
}

/** One page of a pull, as applied. */
export interface PulledPage {
  rows: readonly PulledRow[];
  cursor: string;
}

/**
 * Apply a page pulled for `userId` and store its cursor, all or nothing. Throws
 * SessionChangedError (and changes nothing) if that learner is no longer signed in.
 */
export function applyPulledPage(
  page: PulledPage,
  userId: string,
  database: LommekursDB = db,
): Promise<void> {
  return database.transaction('rw', database.progress, database.outbox, database.meta, async () => {
    if (!(await isSessionOf(database, userId))) throw new SessionChangedError();
    for (const { progress: server } of page.rows) {
      const { courseId, lessonId } = server;
      // Joining with the empty record checks the row's shape on the way: a row missing one of
      // its parts throws here and the whole page is rolled back.
      const base = mergeProgress(emptyProgress(courseId, lessonId), server);
      const pending = await database.outbox
        .where('[courseId+lessonId]')
        .equals([courseId, lessonId])
        .toArray();
      await database.progress.put(pending.reduce(applyEvent, base));
    }
    await setCursor(database, page.cursor);
  });
}
