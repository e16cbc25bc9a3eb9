// Fault matrix 2: a Dexie transaction that fails part way leaves nothing behind — no progress,
// no cursor, no sync metadata, no outbox change. (A learner action failing half-way is covered in
// test/app/db/record.test.ts.) Failures are provoked from inside the transaction: a row that
// cannot be applied, Dexie.currentTransaction.abort(), or a table hook that throws on a later row.
import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyPulledPage, SessionChangedError } from '../../../src/client-core/db/apply-pull';
import { readClientId } from '../../../src/client-core/db/client-id';
import type { LommekursDB } from '../../../src/client-core/db/db';
import { completeLesson, toggleChecklistItem } from '../../../src/client-core/db/learner-actions';
import { acknowledge, reject } from '../../../src/client-core/db/outbox';
import {
  readSyncState,
  removeLearnerData,
  setCursor,
} from '../../../src/client-core/db/sync-state';
import { syncOnce } from '../../../src/client-core/sync/engine';
import { emptyProgress, type LessonProgress } from '../../../src/shared/progress';
import type { PulledRow } from '../../../src/shared/sync-protocol';
import { withSignedInDevice } from '../../utils/signed-in-device';
import type { SyncHarness } from '../../utils/sync-harness';

let harness: SyncHarness;
let device: LommekursDB;
let userId: string;
withSignedInDevice((setup) => ({ harness, device, userId } = setup));

/** Everything a failed write must leave as it was. */
const snapshot = async () => ({
  progress: await device.progress.toArray(),
  outbox: await device.outbox.toArray(),
  meta: await device.meta.toArray(),
});

const serverRow = (lessonId: string, furthest: number): PulledRow => ({
  progress: { ...emptyProgress('kurs', lessonId), furthest, updatedAt: 1 },
  version: 1,
});

describe('crash mid-write', () => {
  beforeEach(async () => {
    await completeLesson('kurs', 'l1', device);
    await toggleChecklistItem('kurs', 'l2', 'backup', true, device);
    await device.transaction('rw', device.meta, () => setCursor(device, 'cursor-before'));
  });

  it('applying a pulled page: a row that cannot be applied leaves progress and cursor as they were', async () => {
    const before = await snapshot();
    const broken = {
      progress: { courseId: 'kurs', lessonId: 'l3', attempts: null } as unknown as LessonProgress,
      version: 2,
    };
    const page = {
      rows: [serverRow('l1', 0.5), serverRow('l4', 1), broken],
      cursor: 'cursor-after',
    };
    await expect(applyPulledPage(page, userId, device)).rejects.toThrow(TypeError);
    expect(await snapshot()).toEqual(before);
  });

  it('applying a pulled page: an abort after the rows leaves progress and cursor as they were', async () => {
    const before = await snapshot();
    const page = { rows: [serverRow('l1', 0.5), serverRow('l4', 1)], cursor: 'cursor-after' };
    const crashed = device.transaction(
      'rw',
      device.progress,
      device.outbox,
      device.meta,
      async () => {
        await applyPulledPage(page, userId, device);
        // Everything of the page is written inside the transaction by now.
        expect(await device.progress.get(['kurs', 'l4'])).toBeDefined();
        Dexie.currentTransaction.abort();
      },
    );
    await expect(crashed).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
    expect((await readSyncState(device)).cursor).toBe('cursor-before');
  });

  it('a page pulled for a learner who has since signed out changes nothing', async () => {
    const before = await snapshot();
    const page = { rows: [serverRow('l4', 1)], cursor: 'cursor-after' };
    await expect(applyPulledPage(page, 'someone-else', device)).rejects.toThrow(
      SessionChangedError,
    );
    expect(await snapshot()).toEqual(before);
  });

  it('acknowledging a batch: a failure on a later row leaves the outbox unchanged', async () => {
    const before = await snapshot();
    const ids = before.outbox.map((e) => e.id);
    let deleted = 0;
    const failOnSecond = () => {
      if (++deleted === 2) throw new Error('disk said no');
    };
    device.outbox.hook('deleting', failOnSecond);
    try {
      await expect(acknowledge(ids, device)).rejects.toThrow('disk said no');
    } finally {
      device.outbox.hook('deleting').unsubscribe(failOnSecond);
    }
    expect(deleted).toBe(2);
    expect(await snapshot()).toEqual(before);
  });

  it('refusing events: the outbox and the refused list change together or not at all', async () => {
    const before = await snapshot();
    const [first] = before.outbox;
    const crashed = device.transaction('rw', device.outbox, device.meta, async () => {
      await reject([{ event: first!, reason: 'invalid_event' }], device);
      Dexie.currentTransaction.abort();
    });
    await expect(crashed).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
    expect((await readSyncState(device)).rejected).toEqual([]);
  });

  it('removing the learner: a failure part way removes nothing and keeps the client id', async () => {
    const before = await snapshot();
    const clientId = await readClientId(device);
    const failOnMeta = () => {
      throw new Error('disk said no');
    };
    // The new client id is the last write of the removal.
    device.meta.hook('updating', failOnMeta);
    try {
      await expect(removeLearnerData(device, { discardUnsynced: true })).rejects.toThrow(
        'disk said no',
      );
    } finally {
      device.meta.hook('updating').unsubscribe(failOnMeta);
    }
    expect(await snapshot()).toEqual(before);
    expect(await readClientId(device)).toBe(clientId);
  });

  it('a whole sync whose pull cannot be stored changes neither cursor nor sync status', async () => {
    const failOnProgress = () => {
      throw new Error('disk said no');
    };
    device.progress.hook('creating', failOnProgress);
    device.progress.hook('updating', failOnProgress);
    let outcome;
    try {
      outcome = await syncOnce({ database: device, api: harness.api() });
    } finally {
      device.progress.hook('creating').unsubscribe(failOnProgress);
      device.progress.hook('updating').unsubscribe(failOnProgress);
    }
    expect(outcome).toMatchObject({ kind: 'failed', problem: 'server', retry: true });
    const state = await readSyncState(device);
    expect(state.cursor).toBe('cursor-before');
    expect(state.lastSyncedAt).toBeNull();
    // The push itself went through and was acknowledged before the pull.
    expect(await device.outbox.count()).toBe(0);
  });
});
