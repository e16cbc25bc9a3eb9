// The start of most sync tests: the real server behind the harness's network, one device (a
// Dexie database over fake-indexeddb) and a learner signed in on it — fresh for each test.
import { afterEach, beforeEach } from 'vitest';
import type { LommekursDB } from '../../src/client-core/db/db';
import { createSyncHarness, type SyncHarness } from './sync-harness';

/** What each test gets. */
export interface SignedInDevice {
  harness: SyncHarness;
  device: LommekursDB;
  userId: string;
}

/** Before each test: a new harness, a new device and a learner signed in on it, handed to `use`;
 * after each test the harness is closed. */
export function withSignedInDevice(use: (setup: SignedInDevice) => void): void {
  let harness: SyncHarness | undefined;
  beforeEach(async () => {
    harness = await createSyncHarness();
    const device = await harness.newClientDb();
    const { userId } = await harness.signedInLearner(device);
    use({ harness, device, userId });
  });
  afterEach(() => harness?.close());
}
