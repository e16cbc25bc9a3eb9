// Issue test 10: bad input to the sync API — malformed JSON, wrong types, oversized bodies, too
// many events, unknown event types, far-future timestamps, missing tokens. Each gets a 4xx with a
// machine code and a message, nothing of the request is stored, and the server keeps serving.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database';
import {
  MAX_CLOCK_LEAD_MS,
  MAX_PUSH_BYTES,
  MAX_PUSH_EVENTS,
  type InvalidEventsResponse,
  type PushResponse,
} from '../../src/shared/sync-protocol';
import {
  countSyncRows,
  dumpSyncTables,
  makeEvent,
  newClientId,
  openSeededSyncApp,
  push,
  pushBody,
  sampleEvents,
  type TestLearner,
} from '../utils/learners';

const NOW = Date.now();
let database: Database;
let app: Hono;
let learner: TestLearner;
const clientId = newClientId();

beforeAll(async () => {
  ({ database, app, learner } = await openSeededSyncApp(clientId, 5, () => NOW));
});
afterAll(() => database.close());

/** Sends a push and checks it is refused with `status` and `code` and changed nothing. */
async function expectRefused(
  body: unknown,
  status: number,
  code: string,
  token: string | null = learner.token,
): Promise<Record<string, unknown>> {
  const before = await dumpSyncTables(database.db);
  const counts = await countSyncRows(database.db);
  const response = await push(app, token, body);
  expect(response.status).toBe(status);
  expect(response.headers.get('Cache-Control')).toBe('no-store');
  const reply = (await response.json()) as Record<string, unknown>;
  expect(reply).toMatchObject({ error: code, message: expect.stringMatching(/\w/) });
  expect(await countSyncRows(database.db)).toEqual(counts);
  expect(await dumpSyncTables(database.db)).toEqual(before);
  return reply;
}

const valid = (at = NOW - 1000) => makeEvent('lesson.opened', {}, { clientId, at });

describe('the push envelope', () => {
  it('refuses malformed JSON with invalid_json', async () => {
    await expectRefused('{"clientId": "abc", "events": [', 400, 'invalid_json');
    await expectRefused('', 400, 'invalid_json');
  });

  it.each([
    ['null', null],
    ['an array', [valid()]],
    ['a string', 'just text'],
    ['a numeric clientId', { clientId: 12345678, schemaVersion: 1, events: [] }],
    ['a string schemaVersion', { clientId, schemaVersion: '1', events: [] }],
    ['events as an object', { clientId, schemaVersion: 1, events: { 0: valid() } }],
    ['no events', { clientId, schemaVersion: 1 }],
    ['an unknown field', { ...pushBody(clientId, [valid()]), extra: true }],
    ['a too short clientId', pushBody('short', [])],
  ])('refuses %s with invalid_request', async (_name, body) => {
    await expectRefused(
      typeof body === 'string' ? JSON.stringify(body) : body,
      400,
      'invalid_request',
    );
  });

  it(`refuses a body over ${MAX_PUSH_BYTES} bytes with 413 payload_too_large`, async () => {
    // Fifteen long reflections: few events, but far more bytes than a push may carry.
    const events = Array.from({ length: 15 }, (_, i) =>
      makeEvent('reflection.saved', { text: `${i} ${'å'.repeat(19_000)}` }, { clientId }),
    );
    expect(JSON.stringify(pushBody(clientId, events)).length).toBeGreaterThan(MAX_PUSH_BYTES);
    const reply = await expectRefused(pushBody(clientId, events), 413, 'payload_too_large');
    expect(reply.message).toContain(String(MAX_PUSH_BYTES));
  });

  it(`refuses ${MAX_PUSH_EVENTS + 1} events with 413 naming the limit`, async () => {
    const events = sampleEvents(MAX_PUSH_EVENTS + 1, { clientId });
    const reply = await expectRefused(pushBody(clientId, events), 413, 'payload_too_large');
    expect(reply.message).toContain(String(MAX_PUSH_EVENTS));
  });

  it('accepts exactly the event limit', async () => {
    const events = sampleEvents(MAX_PUSH_EVENTS, { clientId, at: NOW - 5000 });
    const response = await push(app, learner.token, pushBody(clientId, events));
    expect(response.status).toBe(200);
    expect(((await response.json()) as PushResponse).acked).toHaveLength(MAX_PUSH_EVENTS);
  });

  it('refuses a 10,000-event batch with 413', async () => {
    const events = Array.from({ length: 10_000 }, () => valid());
    await expectRefused(pushBody(clientId, events), 413, 'payload_too_large');
  });

  it('refuses 10,000 small items by their number, before looking at any of them', async () => {
    // Small enough for the byte limit, and every item invalid: a 413 (not a list of 10,000
    // rejections) shows the count was checked before any event was validated.
    const body = pushBody(
      clientId,
      Array.from({ length: 10_000 }, () => 0),
    );
    expect(JSON.stringify(body).length).toBeLessThan(MAX_PUSH_BYTES);
    const reply = await expectRefused(body, 413, 'payload_too_large');
    expect(reply.message).toContain(String(MAX_PUSH_EVENTS));
  });
});

describe('events', () => {
  it('rejects every invalid event by index and reason, storing none of the batch', async () => {
    const foreign = makeEvent('lesson.opened', {}, { clientId: newClientId() });
    const events = [
      valid(),
      { ...valid(), type: 'lesson.deleted' },
      makeEvent('lesson.opened', {}, { clientId, at: NOW + MAX_CLOCK_LEAD_MS + 60_000 }),
      foreign,
      {
        ...makeEvent('lesson.progressed', { position: 0.5 }, { clientId }),
        payload: { position: 2 },
      },
      { ...valid(), id: 'not-a-uuid' },
      { ...valid(), at: 1.5 },
      { ...valid(), v: 99 },
      { ...valid(), extra: 'field' },
      'not an event',
      valid(),
    ];
    const reply = (await expectRefused(
      pushBody(clientId, events),
      400,
      'invalid_events',
    )) as unknown as InvalidEventsResponse;
    expect(reply.acked).toEqual([]);
    expect(reply.rejected.map(({ index, reason }) => [index, reason])).toEqual([
      [1, 'unknown_event_type'],
      [2, 'timestamp_in_future'],
      [3, 'client_mismatch'],
      [4, 'invalid_event'],
      [5, 'invalid_event'],
      [6, 'invalid_event'],
      [7, 'invalid_event'],
      [8, 'invalid_event'],
      [9, 'invalid_event'],
    ]);
    expect(reply.rejected[0].id).toBe((events[1] as { id: string }).id);
    expect(reply.rejected[2].id).toBe(foreign.id);
    expect(reply.rejected[4].id).toBe('not-a-uuid');
    expect(reply.rejected[8].id).toBeNull();
    for (const rejection of reply.rejected) expect(rejection.message).toMatch(/\w/);
    expect(reply.rejected[0].message).toContain('lesson.deleted');
    expect(reply.rejected[3].message).toMatch(/position/);
  });

  it('rejects an unknown event type alone the same way', async () => {
    const reply = (await expectRefused(
      pushBody(clientId, [{ ...valid(), type: 'lesson.liked', payload: { stars: 5 } }]),
      400,
      'invalid_events',
    )) as unknown as InvalidEventsResponse;
    expect(reply.rejected).toMatchObject([{ index: 0, reason: 'unknown_event_type' }]);
  });

  it('rejects a timestamp far in the future, and one the schema cannot hold', async () => {
    for (const at of [NOW + 365 * 24 * 60 * 60_000, 1e20]) {
      const reply = (await expectRefused(
        pushBody(clientId, [{ ...valid(), at }]),
        400,
        'invalid_events',
      )) as unknown as InvalidEventsResponse;
      expect(reply.rejected).toHaveLength(1);
    }
  });

  it('accepts an event just inside the clock lead, clamped', async () => {
    const event = valid(NOW + MAX_CLOCK_LEAD_MS - 60_000);
    const response = await push(app, learner.token, pushBody(clientId, [event]));
    expect(response.status).toBe(200);
    const stored = await database.db
      .selectFrom('events')
      .select('at')
      .where('id', '=', event.id)
      .executeTakeFirstOrThrow();
    expect(stored.at).toBe(NOW + 5 * 60_000);
  });
});

describe('authentication and methods', () => {
  it('refuses a push without a token, or with a bad one, with 401 and WWW-Authenticate', async () => {
    const body = pushBody(clientId, [valid()]);
    for (const token of [null, 'x'.repeat(43), 'not a token']) {
      await expectRefused(body, 401, 'unauthorized', token);
    }
    const response = await push(app, null, body);
    expect(response.headers.get('WWW-Authenticate')).toBe('Bearer');
  });

  it('answers 405 for a wrong method on a sync path', async () => {
    const get = await app.request('/api/v1/sync/push', {
      headers: { Authorization: `Bearer ${learner.token}` },
    });
    expect(get.status).toBe(405);
    expect(get.headers.get('Allow')).toBe('POST');
    const post = await app.request('/api/v1/sync/pull', { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(await post.json()).toMatchObject({ error: 'method_not_allowed' });
  });
});

describe('after all that', () => {
  it('still stores a valid push', async () => {
    const events = [valid(), makeEvent('lesson.completed', {}, { clientId, at: NOW })];
    const response = await push(app, learner.token, pushBody(clientId, events));
    expect(response.status).toBe(200);
    const reply = (await response.json()) as PushResponse;
    expect(reply.acked).toEqual(events.map((e) => e.id));
    const stored = await database.db
      .selectFrom('events')
      .select('id')
      .where('id', 'in', reply.acked)
      .execute();
    expect(stored).toHaveLength(2);
  });
});
