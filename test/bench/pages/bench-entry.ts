// The benchmark page's code: bundled by test/bench/bench-page.ts into one script and evaluated in
// a Chromium page of the app's origin. It runs the app's own storage and sync modules (the same
// Dexie database 'lommekurs', the same sync engine and API client) next to plain IndexedDB writes
// of the same rows into a separate database, so both are timed in one page, in one run.
// Loops run here, inside the page, so no DevTools round trip is counted in a figure.
import type { EventDraft, LearnerEvent } from '../../../src/shared/events';
import { SYNC_SCHEMA_VERSION } from '../../../src/shared/sync-protocol';
import { readClientId } from '../../../src/client-core/db/client-id';
import { db } from '../../../src/client-core/db/db';
import {
  completeLesson,
  openLesson,
  recordPosition,
} from '../../../src/client-core/db/learner-actions';
import { peekOutbox } from '../../../src/client-core/db/outbox';
import { recordAction } from '../../../src/client-core/db/record';
import { getSession, storeSession } from '../../../src/client-core/db/sync-state';
import { createApi } from '../../../src/client-core/sync/api';
import { syncOnce } from '../../../src/client-core/sync/engine';

const api = createApi({});

/**
 * The raw baselines, plain IndexedDB in the same page:
 * - 'action' (the one the targets compare with) does what a learner action must do, in one
 *   transaction: read the client id and the lesson's progress (a plan depends on it and the fold
 *   starts from it), then add the events and put the progress, into stores with the app's keys and
 *   indexes (db.ts: outbox `++seq, &id, [courseId+lessonId]`, progress `[courseId+lessonId],
 *   courseId, updatedAt`; Chromium extracts every index key from a value as it is written);
 * - 'bare' is the bench's first baseline, kept as a reported row: the same rows added and put
 *   with no read, into stores without indexes.
 */
export type RawKind = 'action' | 'bare';
const RAW_CLIENT_ID = 'bench-raw-client';
const raw = new Map<RawKind, Promise<IDBDatabase>>();

function rawDatabase(kind: RawKind): Promise<IDBDatabase> {
  let opened = raw.get(kind);
  if (opened) return opened;
  opened = new Promise((resolve, reject) => {
    const open = indexedDB.open(`bench-raw-${kind}`, 1);
    open.onupgradeneeded = () => {
      const database = open.result;
      const events = database.createObjectStore('events', { keyPath: 'seq', autoIncrement: true });
      const progress = database.createObjectStore('progress', {
        keyPath: ['courseId', 'lessonId'],
      });
      if (kind === 'bare') return;
      events.createIndex('id', 'id', { unique: true });
      events.createIndex('[courseId+lessonId]', ['courseId', 'lessonId']);
      progress.createIndex('courseId', 'courseId');
      progress.createIndex('updatedAt', 'updatedAt');
      database.createObjectStore('meta', { keyPath: 'key' }).add({
        key: 'clientId',
        value: RAW_CLIENT_ID,
      });
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  raw.set(kind, opened);
  return opened;
}

/** One plain IndexedDB transaction, resolved on commit: for 'action', read the client id and the
 * progress row first (both requests at once), then add `events` and put `progress`. */
async function rawWrite(
  kind: RawKind,
  events: readonly object[],
  progress: { courseId: string; lessonId: string } | null,
): Promise<void> {
  const database = await rawDatabase(kind);
  await new Promise<void>((resolve, reject) => {
    const stores = kind === 'action' ? ['events', 'progress', 'meta'] : ['events', 'progress'];
    const tx = database.transaction(stores, 'readwrite');
    const write = () => {
      const store = tx.objectStore('events');
      for (const event of events) store.add(event);
      if (progress) tx.objectStore('progress').put(progress);
    };
    if (kind === 'action' && progress) {
      let pending = 2;
      const read = (request: IDBRequest) => {
        request.onsuccess = () => {
          if (--pending === 0) write();
        };
      };
      read(tx.objectStore('meta').get('clientId'));
      read(tx.objectStore('progress').get([progress.courseId, progress.lessonId]));
    } else write();
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** Events as the outbox stores them, without `seq` (the raw store assigns its own). */
const rowsOf = (events: readonly LearnerEvent[]) =>
  events.map(({ seq: _seq, ...row }) => row as object);

/** The outbox rows of one course, oldest first (primary-key order). */
const outboxOf = (courseId: string) =>
  db.outbox
    .toCollection()
    .filter((event) => event.courseId === courseId)
    .toArray();

const progressOf = (courseId: string, lessonId: string) => db.progress.get([courseId, lessonId]);

/** Time `work` from call to commit, in ms. */
async function timed(work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
}

/** Rows captured from our own path, replayed by the raw baseline. */
interface Captured {
  events: object[];
  progress: { courseId: string; lessonId: string };
}
let lastCompletion: Captured | undefined;
let captured: Captured[] = [];

const bench = {
  /** Open the app's database (and the raw one) before anything is timed. */
  async ready(): Promise<string> {
    await Promise.all([rawDatabase('action'), rawDatabase('bare')]);
    return readClientId(db);
  },

  /** One lesson completion through the app's module (a fresh lesson: two events + progress);
   * its rows are kept for `rawCompletion` to write the same data. */
  async completion(courseId: string, lessonId: string): Promise<number> {
    const t0 = performance.now();
    const events = await completeLesson(courseId, lessonId);
    const ms = performance.now() - t0;
    lastCompletion = { events: rowsOf(events), progress: (await progressOf(courseId, lessonId))! };
    return ms;
  },

  /** The same rows as the last completion, written with plain IndexedDB in one transaction. */
  rawCompletion(kind: RawKind = 'action'): Promise<number> {
    const { events, progress } = lastCompletion!;
    return timed(() => rawWrite(kind, events, progress));
  },

  /** 1,000 single-event actions through recordPosition, each its own transaction (as the app
   * records them): 10 lessons × 100 positions. Keeps the rows for the raw replays. */
  async actions(courseId: string, count: number): Promise<number> {
    captured = [];
    const perLesson = 100;
    const t0 = performance.now();
    for (let i = 0; i < count; i += 1) {
      const lessonId = `l${Math.floor(i / perLesson)}`;
      await recordPosition(courseId, lessonId, ((i % perLesson) + 1) / perLesson);
    }
    const ms = performance.now() - t0;
    const events = await outboxOf(courseId);
    for (const event of events) {
      const progress = (await progressOf(courseId, event.lessonId))!;
      captured.push({ events: rowsOf([event]), progress });
    }
    return ms;
  },

  /** The rows of the last `actions` run, each event with its lesson's progress in its own plain
   * IndexedDB transaction. */
  rawActions(kind: RawKind = 'action'): Promise<number> {
    return timed(async () => {
      for (const { events, progress } of captured) await rawWrite(kind, events, progress);
    });
  },

  /** `count` events in ONE transaction through the app's recordAction (validated, folded into
   * the lesson's progress, appended to the outbox). */
  async batch(courseId: string, count: number): Promise<number> {
    const drafts: EventDraft[] = Array.from({ length: count }, (_, i) => ({
      type: 'lesson.progressed',
      courseId,
      lessonId: 'batch',
      payload: { position: (i + 1) / count },
    }));
    const ms = await timed(() => recordAction(courseId, 'batch', () => drafts));
    const events = await outboxOf(courseId);
    captured = [{ events: rowsOf(events), progress: (await progressOf(courseId, 'batch'))! }];
    return ms;
  },

  /** The rows of the last `batch` run in one plain IndexedDB transaction. */
  rawBatch(kind: RawKind = 'action'): Promise<number> {
    const { events, progress } = captured[0]!;
    return timed(() => rawWrite(kind, events, progress));
  },

  /** Empty the outbox (nothing is synced in local-writes) and the raw stores between runs. */
  async clear(): Promise<void> {
    await db.outbox.clear();
    for (const kind of ['action', 'bare'] as const) {
      const database = await rawDatabase(kind);
      await new Promise<void>((resolve, reject) => {
        const tx = database.transaction(['events', 'progress'], 'readwrite');
        tx.objectStore('events').clear();
        tx.objectStore('progress').clear();
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    }
  },

  /** Register an account through the app's API client and store its session as sign-up does. */
  async signUp(email: string, password: string): Promise<void> {
    const result = await api.register({ email, password });
    if (result.kind !== 'ok') throw new Error(`register: ${JSON.stringify(result)}`);
    const { token, user, expiresAt } = result.body;
    await storeSession(db, { token, user, expiresAt });
  },

  /** 24 events per lesson through the real actions: open, 22 positions, complete. The lessons
   * must be the served catalogue's: the server refuses events of unknown ones (issue 12). */
  async study(lessons: readonly (readonly [string, string])[]): Promise<number> {
    for (const [courseId, lessonId] of lessons) {
      await openLesson(courseId, lessonId);
      for (let p = 1; p <= 22; p += 1) await recordPosition(courseId, lessonId, p / 25);
      await completeLesson(courseId, lessonId);
    }
    return db.outbox.count();
  },

  /** One sync by the app's engine (push every waiting event, then pull). */
  async sync(): Promise<{ ms: number; outcome: string; pending: number }> {
    const t0 = performance.now();
    const outcome = await syncOnce({ database: db, api });
    const ms = performance.now() - t0;
    return { ms, outcome: JSON.stringify(outcome), pending: await db.outbox.count() };
  },

  /** The naive pattern: each waiting event in a POST of its own, one after another, as
   * workbox-background-sync replays its queue; acknowledged events leave the outbox. */
  async pushOneByOne(count: number, token: string): Promise<number> {
    const clientId = await readClientId(db);
    const events = await peekOutbox(count, db);
    return timed(async () => {
      for (const event of events) {
        const result = await api.push(token, {
          clientId,
          schemaVersion: SYNC_SCHEMA_VERSION,
          events: [event],
        });
        if (result.kind !== 'ok') throw new Error(`push: ${JSON.stringify(result)}`);
        await db.outbox.delete(event.seq);
      }
    });
  },

  /** The stored session's token. */
  async token(): Promise<string> {
    const token = (await getSession(db))?.token;
    if (!token) throw new Error('not signed in');
    return token;
  },
};

/** What the bench page offers the Node side (through page.evaluate). */
export type BenchPage = typeof bench;

(globalThis as unknown as { lommekursBench: BenchPage }).lommekursBench = bench;
