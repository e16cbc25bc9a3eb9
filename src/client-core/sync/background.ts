// The page's half of Background Sync (the worker's half is src/sw/background-sync.ts): after a
// sync failed for want of a network, ask the browser to wake the service worker when it is
// online again. Where the API is missing (Safari, Firefox) this does nothing; the page's own
// loop retries anyway.

/** The tag the page registers and the worker listens for. */
export const SYNC_TAG = 'lommekurs-sync';

interface SyncManager {
  register(tag: string): Promise<void>;
}

/** Registers a one-off background sync, if this browser can; never throws. */
export async function requestBackgroundSync(): Promise<boolean> {
  try {
    if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return false;
    const registration = await navigator.serviceWorker.getRegistration();
    const sync = (registration as (ServiceWorkerRegistration & { sync?: SyncManager }) | undefined)
      ?.sync;
    if (!sync) return false;
    await sync.register(SYNC_TAG);
    return true;
  } catch {
    // Refused (permission, or no active worker yet): the page's loop still retries.
    return false;
  }
}
