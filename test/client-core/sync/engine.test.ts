// One sync against the real server: pushes in batches the server accepts (≤ 1,000 events in
// protocol 2, ≤ 100 in protocol 1, and ≤ 256 KiB each), pulls page after page, folds still-waiting events into pulled rows, ends with
// the device holding exactly the server's rows (device-clock timestamps as the server clamped
// them), and two devices of one learner converge.
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyPulledPage } from '../../../src/client-core/db/apply-pull';
import type { LommekursDB } from '../../../src/client-core/db/db';
import {
  completeLesson,
  openLesson,
  recordPosition,
  submitReflection,
  toggleChecklistItem,
} from '../../../src/client-core/db/learner-actions';
import { readClientId } from '../../../src/client-core/db/client-id';
import { peekOutbox } from '../../../src/client-core/db/outbox';
import { getLessonProgress } from '../../../src/client-core/db/progress';
import { recordAction } from '../../../src/client-core/db/record';
import { readSyncState, storeSession } from '../../../src/client-core/db/sync-state';
import { createApi, pushWireBody } from '../../../src/client-core/sync/api';
import { syncOnce } from '../../../src/client-core/sync/engine';
import { emptyProgress } from '../../../src/shared/progress';
import { expandPushBatch, type CompactPushRequest } from '../../../src/shared/push-batch';
import {
  MAX_COMPACT_PUSH_EVENTS,
  MAX_PUSH_BYTES,
  MAX_PUSH_EVENTS,
  SYNC_SCHEMA_VERSION,
} from '../../../src/shared/sync-protocol';
import { countSyncRows, dumpSyncTables } from '../../utils/learners';
import { withSignedInDevice } from '../../utils/signed-in-device';
import { BASE_URL, type SyncHarness } from '../../utils/sync-harness';

const PUSH = '/api/v1/sync/push';
const PULL = '/api/v1/sync/pull';

let harness: SyncHarness;
let device: LommekursDB;
let userId: string;
withSignedInDevice((setup) => ({ harness, device, userId } = setup));

const pushes = () => harness.requests.filter((r) => r.path === PUSH);
/** A push body's events as protocol 1 carries them (protocol 2 sends them compacted). */
const wireEvents = (body: unknown) =>
  (body as object) && 'groups' in (body as object)
    ? (expandPushBatch(body as CompactPushRequest).events as { id: string }[])
    : (body as { events: { id: string }[] }).events;

describe('push batches', () => {
  it.each([
    ['MAX_COMPACT_PUSH_EVENTS', SYNC_SCHEMA_VERSION, MAX_COMPACT_PUSH_EVENTS],
    ['MAX_PUSH_EVENTS in protocol 1', 1, MAX_PUSH_EVENTS],
  ])(
    'sends at most %s events per push, oldest first',
    async (_, schemaVersion, limit) => {
      const total = 2 * limit + 50;
      // A few actions of many events keep the test quick; the outbox cannot tell the difference.
      // Three lessons, so no progress row grows past the server's row cap.
      for (let lesson = 0; lesson < 3; lesson++) {
        const from = Math.floor((lesson * total) / 3);
        const to = Math.floor(((lesson + 1) * total) / 3);
        await recordAction(
          'kurs',
          `l${lesson}`,
          () =>
            Array.from({ length: to - from }, (_, i) => ({
              type: 'checklist.toggled' as const,
              courseId: 'kurs',
              lessonId: `l${lesson}`,
              payload: { itemId: `p${i}`, checked: true },
            })),
          { database: device },
        );
      }
      const order = (await device.outbox.orderBy('seq').toArray()).map((e) => e.id);
      const outcome = await syncOnce({ database: device, api: harness.api(), schemaVersion });
      expect(outcome).toMatchObject({ kind: 'synced', pushed: total, rejected: 0 });
      // One push at a time, oldest first: consecutive slices of the outbox, in order.
      const batches = pushes().map((p) => wireEvents(p.body).map((e) => e.id));
      expect(batches.map((batch) => batch.length)).toEqual([limit, limit, 50]);
      expect(batches.flat()).toEqual(order);
      expect((await countSyncRows(harness.server.db)).events).toBe(total);
    },
    60_000,
  );

  it('keeps each push under MAX_PUSH_BYTES, so the server never answers 413', async () => {
    // Long reflections in a two-byte script: about 40 KB of JSON each.
    for (let i = 0; i < 20; i++) {
      await submitReflection('kurs', `l${i}`, `${i} ${'æ'.repeat(19_990)}`, device);
    }
    const outcome = await syncOnce({ database: device, api: harness.api() });
    expect(outcome).toMatchObject({ kind: 'synced', pushed: 40, rejected: 0 });
    expect(pushes().length).toBeGreaterThan(3);
    // The limit holds for the JSON before gzip, so it means the same whatever the encoding.
    for (const push of pushes()) {
      expect(push.jsonBytes).toBeLessThanOrEqual(MAX_PUSH_BYTES);
      expect(push.encoding).toBe('gzip');
      expect(push.fault).toBeNull();
    }
    // Each batch is as full as the limit allows: one more event would not have fit.
    expect(pushes()[0]!.jsonBytes).toBeGreaterThan(MAX_PUSH_BYTES - 41_000);
    expect(await device.outbox.count()).toBe(0);
  });
});

describe('gzip-encoded pushes', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the push gzipped, and the server reads exactly the plain JSON', async () => {
    for (let i = 0; i < 30; i++) await toggleChecklistItem('kurs', 'l1', `p${i}`, true, device);
    const events = await peekOutbox(100, device);
    const body = {
      clientId: await readClientId(device),
      schemaVersion: SYNC_SCHEMA_VERSION,
      events,
    };
    // What leaves the client, before the harness's network decodes anything.
    const sent: RequestInit[] = [];
    const api = createApi({
      baseUrl: BASE_URL,
      fetch: (input, init = {}) => {
        sent.push(init);
        return harness.fetch(input, init);
      },
    });
    const token = (await readSyncState(device)).session!.token!;
    const result = await api.push(token, body);
    expect(result).toMatchObject({ kind: 'ok', body: { acked: events.map((e) => e.id) } });

    expect(sent).toHaveLength(1);
    const headers = new Headers(sent[0]!.headers);
    expect(headers.get('Content-Encoding')).toBe('gzip');
    expect(headers.get('Content-Type')).toBe('application/json');
    const wire = sent[0]!.body as Uint8Array;
    // Protocol 2: the batch with its shared fields once; the server expands it to `events`.
    expect(gunzipSync(wire).toString('utf8')).toBe(JSON.stringify(pushWireBody(body)));
    expect(expandPushBatch(JSON.parse(gunzipSync(wire).toString('utf8')))).toEqual(body);
    expect(wire.length).toBeLessThan(JSON.stringify(body).length / 4);
    expect((await countSyncRows(harness.server.db)).events).toBe(30);
  });

  it('acknowledges gzipped pushes end to end', async () => {
    // A full batch first (one action keeps it quick), so the 120 after it are a second push.
    await recordAction(
      'kurs',
      'l2',
      () =>
        Array.from({ length: MAX_COMPACT_PUSH_EVENTS }, (_, i) => ({
          type: 'checklist.toggled' as const,
          courseId: 'kurs',
          lessonId: 'l2',
          payload: { itemId: `p${i}`, checked: true },
        })),
      { database: device },
    );
    for (let i = 0; i < 120; i++) await toggleChecklistItem('kurs', 'l1', `p${i}`, true, device);
    const total = MAX_COMPACT_PUSH_EVENTS + 120;
    const outcome = await syncOnce({ database: device, api: harness.api() });
    expect(outcome).toMatchObject({ kind: 'synced', pushed: total, rejected: 0 });
    expect(pushes().map((p) => p.encoding)).toEqual(['gzip', 'gzip']);
    // Against the batch's protocol-1 JSON (what compression alone was measured on before).
    for (const push of pushes()) {
      expect(push.bytes).toBeLessThan(JSON.stringify(wireEvents(push.body)).length / 4);
    }
    expect(await device.outbox.count()).toBe(0);
    expect((await countSyncRows(harness.server.db)).events).toBe(total);
  });

  it('sends plain JSON where the browser has no CompressionStream', async () => {
    vi.stubGlobal('CompressionStream', undefined);
    await completeLesson('kurs', 'l1', device);
    const outcome = await syncOnce({ database: device, api: harness.api() });
    expect(outcome).toMatchObject({ kind: 'synced', pushed: 2, rejected: 0 });
    expect(pushes().map((p) => [p.encoding, p.bytes === p.jsonBytes])).toEqual([[null, true]]);
  });

  it('falls back to plain JSON for good when the server refuses the encoding (415)', async () => {
    await completeLesson('kurs', 'l1', device);
    const api = harness.api();
    harness.failNext(PUSH, { kind: 'status', status: 415 });
    expect(await syncOnce({ database: device, api })).toMatchObject({ kind: 'synced', pushed: 2 });
    await completeLesson('kurs', 'l2', device);
    expect(await syncOnce({ database: device, api })).toMatchObject({ kind: 'synced', pushed: 2 });
    expect(pushes().map((p) => [p.encoding, p.fault?.kind ?? null])).toEqual([
      ['gzip', 'status'],
      [null, null],
      [null, null],
    ]);
    expect(await device.outbox.count()).toBe(0);
  });
});

describe('pull', () => {
  it('pages until the server has no more, and keeps the last cursor', async () => {
    for (let i = 0; i < 7; i++) await completeLesson('kurs', `l${i}`, device);
    const outcome = await syncOnce({ database: device, api: harness.api(), pullLimit: 3 });
    expect(outcome).toEqual({ kind: 'synced', pushed: 14, rejected: 0, pulled: 7 });
    expect(harness.requests.filter((r) => r.path === PULL)).toHaveLength(3);
    expect((await readSyncState(device)).cursor).toEqual(expect.any(String));
    const server = await dumpSyncTables(harness.server.db);
    expect(await device.progress.toArray()).toEqual(
      server.progress.map((row) => JSON.parse(row.data) as unknown),
    );
  });

  it('folds the events still waiting in the outbox into a pulled row', async () => {
    await toggleChecklistItem('kurs', 'l1', 'mine', true, device);
    const waiting = await device.outbox.toArray();
    // What the server knows from another device: a completion and another checklist item.
    const server = {
      ...emptyProgress('kurs', 'l1'),
      completedAt: 1_000,
      furthest: 1,
      checklist: { theirs: { value: true, at: 900, clientId: 'laptop-1234', eventId: 'e-1' } },
      updatedAt: 1_000,
    };
    await applyPulledPage(
      { rows: [{ progress: server, version: 3 }], cursor: 'c-3' },
      userId,
      device,
    );
    const local = (await getLessonProgress('kurs', 'l1', device))!;
    expect(local.completedAt).toBe(1_000);
    expect(Object.keys(local.checklist).sort()).toEqual(['mine', 'theirs']);
    expect(local.checklist['mine']!.eventId).toBe(waiting[0]!.id);
    expect(await device.outbox.count()).toBe(1);
    expect((await readSyncState(device)).cursor).toBe('c-3');
  });

  it('ends with the server’s timestamps where the device clock ran ahead', async () => {
    const hourAhead = () => Date.now() + 60 * 60_000;
    await recordAction(
      'kurs',
      'l1',
      () => [
        { type: 'lesson.progressed', courseId: 'kurs', lessonId: 'l1', payload: { position: 0.4 } },
      ],
      { database: device, now: hourAhead },
    );
    const local = (await getLessonProgress('kurs', 'l1', device))!;
    await syncOnce({ database: device, api: harness.api() });
    const synced = (await getLessonProgress('kurs', 'l1', device))!;
    // The server clamped the device's time to its own + 5 minutes, and the device took that.
    expect(synced.resume!.at).toBeLessThan(local.resume!.at);
    const [row] = (await dumpSyncTables(harness.server.db)).progress;
    expect(synced).toEqual(JSON.parse(row!.data));
  });
});

describe('two devices of one learner', () => {
  it('converge on the same progress after each has synced', async () => {
    const laptop = await harness.newClientDb();
    const { token, user, expiresAt } = (await readSyncState(device)).session!;
    await storeSession(laptop, { token, user, expiresAt });

    await openLesson('kurs', 'l1', device);
    await recordPosition('kurs', 'l1', 0.3, device);
    await toggleChecklistItem('kurs', 'l2', 'backup', true, device);
    await recordPosition('kurs', 'l1', 0.6, laptop);
    await toggleChecklistItem('kurs', 'l2', 'backup', false, laptop);
    await completeLesson('kurs', 'l3', laptop);

    await syncOnce({ database: device, api: harness.api() });
    await syncOnce({ database: laptop, api: harness.api() });
    await syncOnce({ database: device, api: harness.api() });

    const phoneRows = await device.progress.toArray();
    expect(await laptop.progress.toArray()).toEqual(phoneRows);
    expect(phoneRows.map((p) => p.lessonId)).toEqual(['l1', 'l2', 'l3']);
    const server = await dumpSyncTables(harness.server.db);
    expect(phoneRows).toEqual(server.progress.map((row) => JSON.parse(row.data) as unknown));
  });
});
