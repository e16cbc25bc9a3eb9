// The advisor's offline copy leaves the device with the account's data (issue 14: "removed at
// sign-out"): signing out, deleting the account, and leaving an account deleted elsewhere each
// delete the copy's database, against the real account routes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gardenSource, loadWithCopy, type Request } from '../../src/app/advisor/advisor-data';
import { forgetAdvisorCopy } from '../../src/app/advisor/forget-copy';
import {
  openAdvisorCopy,
  readGardenView,
  saveGardenView,
} from '../../src/app/advisor/offline-copy';
import type { SyncController } from '../../src/app/sync/controller';
import { ADVISOR_DB_NAME } from '../../src/client-core/db/db-names';
import { markSignedOut, getSession } from '../../src/client-core/db/sync-state';
import type { LommekursDB } from '../../src/client-core/db/db';
import { ADVISOR_ID, GARDEN_ID, gardenDetail, learner } from '../utils/advisor-network';
import { createSyncHarness, type SyncHarness } from '../utils/sync-harness';

const PASSWORD = 'riktig hest batteri';

let harness: SyncHarness;
let device: LommekursDB;
let sync: SyncController;
beforeEach(async () => {
  await forgetAdvisorCopy();
  harness = await createSyncHarness();
  device = await harness.newClientDb();
  sync = harness.controller(device);
  await sync.register('radgiver@example.test', PASSWORD);
  await sync.syncNow();
});
afterEach(() => harness.close());

async function storeCopy() {
  const copy = await openAdvisorCopy();
  await saveGardenView(copy, ADVISOR_ID, {
    value: { detail: gardenDetail(), learners: [learner({ displayName: 'Kari Nordmann' })] },
    fetchedAt: Date.now(),
  });
  copy.close();
}

async function copyExists(): Promise<boolean> {
  const names = (await indexedDB.databases()).map((info) => info.name);
  if (!names.includes(ADVISOR_DB_NAME)) return false;
  const copy = await openAdvisorCopy();
  try {
    return (await readGardenView(copy, ADVISOR_ID, GARDEN_ID)) !== null;
  } finally {
    copy.close();
  }
}

describe('the advisor copy goes with the account', () => {
  it('at sign-out', async () => {
    await storeCopy();
    expect(await copyExists()).toBe(true);
    await sync.signOut();
    expect(await copyExists()).toBe(false);
  });

  it('at account deletion', async () => {
    await storeCopy();
    await sync.deleteAccount(PASSWORD);
    expect(await copyExists()).toBe(false);
  });

  it('when leaving an account deleted on another device', async () => {
    await storeCopy();
    const token = (await getSession(device))?.token ?? '';
    await markSignedOut(device, token, 'account-deleted');
    await sync.leaveDeletedAccount({ keepProgress: true });
    expect(await copyExists()).toBe(false);
  });

  it('even while a screen holds the copy open (the open connection yields)', async () => {
    await storeCopy();
    const held = await openAdvisorCopy();
    await sync.signOut();
    expect(await copyExists()).toBe(false);
    held.close();
  });
});

describe('a fetch that lands after the sign-out', () => {
  it('does not write the copy back', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const request = (async (_method: string, path: string) => {
      await held;
      return path.includes('/learners?')
        ? { learners: [learner({ displayName: 'Kari Nordmann' })], next: null, fetchedAt: 1 }
        : gardenDetail();
    }) as Request;
    const loading = loadWithCopy(gardenSource(GARDEN_ID), request, ADVISOR_ID);
    await sync.signOut();
    release();
    await loading;
    expect(await copyExists()).toBe(false);
  });
});
