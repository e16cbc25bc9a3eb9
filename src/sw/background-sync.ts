// Background Sync (Chromium): an extra path for the learner's events, never the only one — Safari
// and Firefox lack the API, and the page's own sync loop covers them. When a page's sync fails
// for want of a network, it registers SYNC_TAG; the browser wakes this worker once it is online
// again, even with every tab closed, and the worker runs the same sync the page runs (the same
// engine over the same IndexedDB schema, inside the same Web Lock, so it never overlaps a tab's).
import { LommekursDB } from '../client-core/db/db';
import { createApi } from '../client-core/sync/api';
import { SYNC_TAG } from '../client-core/sync/background';
import { syncOnce } from '../client-core/sync/engine';
import { originLock } from '../client-core/sync/lock';

declare const self: ServiceWorkerGlobalScope;

/** The Background Sync event, which TypeScript's WebWorker library does not declare. */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
  readonly lastChance: boolean;
}

/** One sync from the worker. Rejects when trying again later can help, so the browser does. */
export async function syncInBackground(): Promise<void> {
  const database = new LommekursDB();
  try {
    const outcome = await originLock()(() => syncOnce({ database, api: createApi() }));
    if (outcome.kind === 'failed' && outcome.retry) {
      throw new Error(`Background sync failed (${outcome.problem}); the browser will retry`);
    }
  } finally {
    database.close();
  }
}

/** Listens for the browser's sync events. */
export function listenForBackgroundSync(): void {
  self.addEventListener('sync', (event) => {
    const sync = event as SyncEvent;
    if (sync.tag === SYNC_TAG) sync.waitUntil(syncInBackground());
  });
}
