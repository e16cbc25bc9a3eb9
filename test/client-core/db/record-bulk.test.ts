// recordAction writes an action's events in bulk (issue 13): every draft is validated and folded
// first, then the events are appended with one bulkAdd and the progress with one bulkPut, in the
// action's one transaction. These tests hold what that must keep: all events or none, one
// read-write transaction per action, and the same outbox and progress as recording the events
// one action at a time.
import fc from 'fast-check';
import type { DBCore, DBCoreTransaction } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readClientId } from '../../../src/client-core/db/client-id';
import { db, LommekursDB } from '../../../src/client-core/db/db';
import { eventIds, forgetNewestEventId } from '../../../src/client-core/db/event-ids';
import { recordAction, recordLessonsAction } from '../../../src/client-core/db/record';
import type { EventDraft, LearnerEvent } from '../../../src/shared/events';
import { applyEvent, emptyProgress } from '../../../src/shared/progress';
import { UUID_V7 } from '../../../src/shared/uuid';
import { eventPoolArbitrary } from '../../utils/event-arbitraries';
import { freshDb } from '../../utils/fresh-db';

beforeEach(freshDb);

const positions = (count: number, lessonId = 'l1'): EventDraft[] =>
  Array.from({ length: count }, (_, i) => ({
    type: 'lesson.progressed',
    courseId: 'c1',
    lessonId,
    payload: { position: (i + 1) / count },
  }));

const snapshot = async (database: LommekursDB = db) => ({
  outbox: await database.outbox.toArray(),
  progress: await database.progress.toArray(),
});

describe('one action with many events', () => {
  it('writes all 1,000 events and the folded progress, in order, with increasing seq', async () => {
    await recordAction('c1', 'l1', () => positions(3));
    const before = await db.progress.get(['c1', 'l1']);
    const events = await recordAction('c1', 'l1', () => positions(1000));
    expect(events).toHaveLength(1000);
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.slice(3)).toEqual(events);
    expect(outbox.map((e) => e.seq)).toEqual(Array.from({ length: 1003 }, (_, i) => i + 1));
    expect(new Set(outbox.map((e) => e.id)).size).toBe(1003);
    expect(await db.progress.get(['c1', 'l1'])).toEqual(events.reduce(applyEvent, before!));
  });

  it('writes nothing when one draft in the middle of 1,000 is invalid', async () => {
    await recordAction('c1', 'l1', () => positions(2));
    const before = await snapshot();
    const drafts = positions(1000);
    drafts[500] = { ...drafts[500]!, payload: { position: 2 } } as EventDraft;
    await expect(recordAction('c1', 'l1', () => drafts)).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });

  it('writes nothing when the outbox refuses the 500th of 1,000 events', async () => {
    await recordAction('c1', 'l1', () => positions(2));
    const before = await snapshot();
    let added = 0;
    const failOn500th = () => {
      if (++added === 500) throw new Error('disk said no');
    };
    db.outbox.hook('creating', failOn500th);
    try {
      await expect(recordAction('c1', 'l1', () => positions(1000))).rejects.toThrow('disk said no');
    } finally {
      db.outbox.hook('creating').unsubscribe(failOn500th);
    }
    expect(added).toBe(500);
    expect(await snapshot()).toEqual(before);
  });

  it('uses one read-write transaction per action, however many events or lessons', async () => {
    const database = new LommekursDB('record-bulk-transactions');
    const modes: string[] = [];
    database.use({
      stack: 'dbcore',
      name: 'count-transactions',
      create: (down: DBCore): DBCore => ({
        ...down,
        transaction(stores, mode, options): DBCoreTransaction {
          modes.push(mode);
          return down.transaction(stores, mode, options);
        },
      }),
    });
    try {
      await database.open();
      await readClientId(database);
      modes.length = 0;
      await recordAction('c1', 'l1', () => positions(1000), { database });
      expect(modes).toEqual(['readwrite']);
      modes.length = 0;
      await recordLessonsAction(
        ['l1', 'l2', 'l3'].map((lessonId) => ({
          courseId: 'c1',
          lessonId,
          plan: () => positions(10, lessonId),
        })),
        { database },
      );
      expect(modes).toEqual(['readwrite']);
      expect(await database.outbox.count()).toBe(1030);
    } finally {
      database.close();
      await database.delete();
    }
  });
});

describe('event ids made in bulk', () => {
  it('are UUIDv7 carrying each event time, and distinct', () => {
    // More than one getRandomValues call's worth (4,096 ids).
    const ats = Array.from({ length: 5000 }, (_, i) => 1_700_000_000_000 + Math.floor(i / 7));
    const ids = eventIds(ats);
    expect(ids).toHaveLength(5000);
    expect(new Set(ids).size).toBe(5000);
    expect(ids.filter((id) => !UUID_V7.test(id))).toEqual([]);
    expect(ids.map((id) => parseInt(id.replace('-', '').slice(0, 12), 16))).toEqual(ats);
    // Within one call too, ids sort in the order of their events.
    expect([...ids].sort()).toEqual(ids);
  });

  it('sort in the order they were made, also from actions in the same millisecond', () => {
    // Last writer wins compares times, then client ids, then event ids: two autosaves of a
    // reflection in one millisecond must keep their order, or the first text could win.
    const ids = Array.from({ length: 300 }, () => eventIds([1_700_000_000_000])[0]!);
    expect([...ids].sort()).toEqual(ids);
    // More ids in one millisecond than the 12-bit counter holds run on into the next one.
    const many = eventIds(Array.from({ length: 6000 }, () => 1_700_000_000_001));
    expect(new Set(many).size).toBe(6000);
    expect([...many].sort()).toEqual(many);
  });
});

describe('one action of n events = n actions of one event', () => {
  const databases: LommekursDB[] = [];
  afterEach(async () => {
    vi.restoreAllMocks();
    for (const database of databases.splice(0)) {
      database.close();
      await database.delete();
    }
  });

  /** A repeatable random source, so both recordings draw the same event ids in the same order
   * (ids break last-writer-wins ties, and reveals are kept under their event id). */
  const seededRandom = () => {
    let x = 12345;
    return <T extends ArrayBufferView | null>(array: T): T => {
      const bytes = new Uint8Array(array!.buffer, array!.byteOffset, array!.byteLength);
      for (let i = 0; i < bytes.length; i += 1) {
        x = (Math.imul(x, 1103515245) + 12345) >>> 0;
        bytes[i] = x >>> 24;
      }
      return array;
    };
  };

  /** A clock that gives every millisecond twice: events share a time, and an event right after
   * a reset in the same millisecond must still be stamped after it. */
  const clock = () => {
    let calls = 0;
    return () => 1_700_000_000_000 + Math.floor((calls += 1) / 2);
  };

  /** Record `prefix` one action per event, then `rest` as `restAs`, on a new database. */
  async function record(
    name: string,
    clientId: string,
    prefix: readonly EventDraft[],
    rest: readonly EventDraft[],
    restAs: 'one action' | 'one action each',
  ) {
    const database = new LommekursDB(name);
    databases.push(database);
    await database.open();
    await database.meta.put({ key: 'clientId', value: clientId });
    vi.spyOn(crypto, 'getRandomValues').mockImplementation(seededRandom());
    forgetNewestEventId();
    const options = { database, now: clock() };
    for (const draft of prefix) await recordAction('c', 'l', () => [draft], options);
    const recorded: LearnerEvent[] = [];
    if (restAs === 'one action')
      recorded.push(...(await recordAction('c', 'l', () => [...rest], options)));
    else
      for (const draft of rest)
        recorded.push(...(await recordAction('c', 'l', () => [draft], options)));
    vi.restoreAllMocks();
    return { recorded, ...(await snapshot(database)) };
  }

  it('gives the same events, outbox and progress, resets included', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        eventPoolArbitrary(40),
        fc.nat({ max: 40 }),
        async (pool: LearnerEvent[], split) => {
          const drafts = pool.map(
            ({ type, payload }) => ({ type, courseId: 'c', lessonId: 'l', payload }) as EventDraft,
          );
          const prefix = drafts.slice(0, Math.min(split, drafts.length));
          const rest = drafts.slice(prefix.length);
          n += 1;
          const clientId = 'client-of-both';
          const bulk = await record(`bulk-${n}`, clientId, prefix, rest, 'one action');
          const single = await record(`single-${n}`, clientId, prefix, rest, 'one action each');
          expect(bulk).toEqual(single);
          // And the stored progress is the plain fold of the outbox.
          if (bulk.outbox.length > 0) {
            expect(bulk.progress).toEqual([
              bulk.outbox.reduce(applyEvent, emptyProgress('c', 'l')),
            ]);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
