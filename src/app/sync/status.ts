// What the UI shows about syncing, and whether the device syncs for an account. Apart from the
// controller (./controller.ts, loaded after the first paint) so that the header and the sync
// status line of the first chunk can read it without the sync engine.
import type { AccountInfo } from '../../shared/sync-protocol';
import type { SyncProblem } from '../../client-core/db/sync-state';

/** What the UI shows about syncing. */
export interface SyncStatus {
  /** A sync is running in this tab. */
  running: boolean;
  /** When a sync last finished without a problem (this device's clock), or null. */
  lastSyncedAt: number | null;
  problem: SyncProblem | null;
  /** Events the server refused, still to be shown to the learner (see dismissRejected). */
  rejected: number;
  /** When this tab retries after a failure, or null. */
  nextRetryAt: number | null;
}

/** Whether the device syncs for an account: someone is signed in and the server has not refused
 * the session (expired, or the account deleted). */
export const hasLiveSession = (
  account: AccountInfo | null | undefined,
  problem: SyncProblem | null,
): account is AccountInfo =>
  account !== null &&
  account !== undefined &&
  problem !== 'signed-out' &&
  problem !== 'account-deleted';
