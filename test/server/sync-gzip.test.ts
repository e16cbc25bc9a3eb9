// Gzip-encoded pushes (src/server/request-decoding.ts): stored exactly like the same push sent
// plain; a gzip bomb, a corrupt stream, an unknown encoding and gzipped non-JSON are refused
// with a 4xx and change nothing.
import { gzipSync } from 'node:zlib';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database';
import { MAX_PUSH_BYTES, type PushResponse } from '../../src/shared/sync-protocol';
import {
  countSyncRows,
  createSyncTestApp,
  createTestLearner,
  dumpSyncTables,
  makeEvent,
  newClientId,
  openSeededSyncApp,
  push,
  pushBody,
  sampleEvents,
  type TestLearner,
} from '../utils/learners';
import { openTestDatabase } from '../utils/test-database';

const NOW = Date.now();
let database: Database;
let app: Hono;
let learner: TestLearner;
const clientId = newClientId();

beforeAll(async () => {
  ({ database, app, learner } = await openSeededSyncApp(clientId, 3, () => NOW));
});
afterAll(() => database.close());

/** POST a push body as given bytes, with this Content-Encoding. */
const pushEncoded = (
  target: Hono,
  token: string,
  body: Uint8Array<ArrayBuffer>,
  encoding = 'gzip',
): Promise<Response> =>
  Promise.resolve(
    target.request('/api/v1/sync/push', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Content-Encoding': encoding,
        Authorization: `Bearer ${token}`,
      },
      body,
    }),
  );

const gzipJson = (value: unknown) => new Uint8Array(gzipSync(JSON.stringify(value)));

/** Sends `body` and checks it is refused with `status` and `code` and changed nothing. */
async function expectRefused(
  body: Uint8Array<ArrayBuffer>,
  status: number,
  code: string,
  encoding = 'gzip',
): Promise<Record<string, unknown>> {
  const before = await dumpSyncTables(database.db);
  const response = await pushEncoded(app, learner.token, body, encoding);
  expect(response.status).toBe(status);
  expect(response.headers.get('Cache-Control')).toBe('no-store');
  const reply = (await response.json()) as Record<string, unknown>;
  expect(reply).toMatchObject({ error: code, message: expect.stringMatching(/\w/) });
  expect(await dumpSyncTables(database.db)).toEqual(before);
  return reply;
}

describe('a gzipped push', () => {
  it('is stored exactly like the same push sent plain', async () => {
    // Two servers, one learner each, the same batch: plain to one, gzipped to the other.
    const other = await openTestDatabase();
    try {
      const otherApp = createSyncTestApp(other, () => NOW);
      const plainLearner = await createTestLearner(other.db);
      const gzipLearner = await createTestLearner(database.db);
      const device = newClientId();
      const events = [
        ...sampleEvents(20, { clientId: device, at: NOW - 60_000 }),
        makeEvent('reflection.saved', { text: 'Blåbær og æøå 🫐' }, { clientId: device, at: NOW }),
      ];
      const body = pushBody(device, events);

      const plain = await push(otherApp, plainLearner.token, body);
      const gzipped = await pushEncoded(app, gzipLearner.token, gzipJson(body));
      expect(plain.status).toBe(200);
      expect(gzipped.status).toBe(200);
      const plainReply = (await plain.json()) as PushResponse;
      const gzipReply = (await gzipped.json()) as PushResponse;
      expect(gzipReply.acked).toEqual(plainReply.acked);
      expect(gzipReply.acked).toEqual(events.map((e) => e.id));
      expect(gzipReply.rejected).toEqual([]);

      // The learner's rows, with the learner's id (the only intended difference) taken out.
      const rowsOf = async (db: Database, userId: string) => {
        const tables = await dumpSyncTables(db.db);
        const mine = <T extends { user_id: string }>(rows: T[]) =>
          rows.filter((row) => row.user_id === userId).map(({ user_id: _, ...rest }) => rest);
        return {
          events: mine(tables.events),
          progress: mine(tables.progress),
          clients: mine(tables.clients),
        };
      };
      const plainRows = await rowsOf(other, plainLearner.userId);
      const gzipRows = await rowsOf(database, gzipLearner.userId);
      expect(gzipRows.events).toHaveLength(events.length);
      expect(gzipRows).toEqual(plainRows);
    } finally {
      await other.close();
    }
  });

  it('refuses a gzip bomb with 413 without storing anything', async () => {
    // 10 MB of spaces inside a valid push envelope: about 10 KB on the wire.
    const bomb = new Uint8Array(
      gzipSync(`{"clientId":"${clientId}","schemaVersion":1,"events":[]${' '.repeat(10_000_000)}}`),
    );
    expect(bomb.length).toBeLessThan(MAX_PUSH_BYTES);
    const started = performance.now();
    const reply = await expectRefused(bomb, 413, 'payload_too_large');
    expect(reply.message).toContain(String(MAX_PUSH_BYTES));
    // Not a speed assertion in earnest: inflating all 10 MB would still be quick; the cap is
    // zlib's maxOutputLength, and the 413 itself shows the inflated body never reached a parse.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('accepts a body that inflates to exactly the limit', async () => {
    const envelope = JSON.stringify(pushBody(clientId, []));
    const padded = `${envelope.slice(0, -1)}${' '.repeat(MAX_PUSH_BYTES - envelope.length)}}`;
    expect(new TextEncoder().encode(padded).length).toBe(MAX_PUSH_BYTES);
    const response = await pushEncoded(app, learner.token, new Uint8Array(gzipSync(padded)));
    expect(response.status).toBe(200);
    const over = `${padded.slice(0, -1)} }`;
    await expectRefused(new Uint8Array(gzipSync(over)), 413, 'payload_too_large');
  });

  it('refuses a corrupt gzip stream with 400 invalid_request', async () => {
    const good = gzipJson(pushBody(clientId, sampleEvents(2, { clientId })));
    const corrupt = good.slice();
    corrupt.fill(0x55, 10, 30);
    const reply = await expectRefused(corrupt, 400, 'invalid_request');
    expect(reply.message).toMatch(/gzip/);
    // Truncated, and not gzip at all.
    await expectRefused(good.slice(0, good.length - 12), 400, 'invalid_request');
    await expectRefused(new TextEncoder().encode('{"plain": "json"}'), 400, 'invalid_request');
  });

  it('refuses another Content-Encoding with 415 unsupported_encoding', async () => {
    const body = gzipJson(pushBody(clientId, sampleEvents(2, { clientId })));
    await expectRefused(body, 415, 'unsupported_encoding', 'br');
    await expectRefused(body, 415, 'unsupported_encoding', 'gzip, br');
  });

  it('refuses gzipped text that is not JSON with 400 invalid_json', async () => {
    const body = new Uint8Array(gzipSync('{"clientId": "abc", "events": ['));
    await expectRefused(body, 400, 'invalid_json');
  });

  it('still limits the compressed bytes to the push limit', async () => {
    // Random bytes do not compress: the gzip stream itself is over the limit.
    const random = new Uint8Array(MAX_PUSH_BYTES + 1024).map(() => (Math.random() * 256) | 0);
    const counts = await countSyncRows(database.db);
    const response = await pushEncoded(app, learner.token, new Uint8Array(gzipSync(random)));
    expect(response.status).toBe(413);
    expect(await countSyncRows(database.db)).toEqual(counts);
  });
});
