// Protocol 2's push body (src/shared/push-batch.ts) against the real app and database: the same
// events pushed as protocol 1 and as protocol 2 store the same rows and get the same reply; a
// refused event is named by its position in the batch; a malformed protocol-2 body is a 4xx with
// a reason, never a 5xx; and the event and byte limits hold after expansion.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database';
import type { LearnerEvent } from '../../src/shared/events';
import { compactPushBatch } from '../../src/shared/push-batch';
import {
  MAX_COMPACT_PUSH_EVENTS,
  MAX_PUSH_BYTES,
  MAX_PUSH_EVENTS,
  type InvalidEventsResponse,
  type PushResponse,
} from '../../src/shared/sync-protocol';
import {
  createSyncTestApp,
  createTestLearner,
  dumpSyncTables,
  makeEvent,
  newClientId,
  push,
  pushBody,
  sampleEvents,
} from '../utils/learners';
import { withTestDatabases } from '../utils/file-databases';

const NOW = Date.now();
let v1Database: Database;
let v2Database: Database;
withTestDatabases(2, ([v1, v2]) => {
  [v1Database, v2Database] = [v1!, v2!];
});

/** An event with its fields in the order of docs/sync-protocol.md, which expansion writes. */
const documented = ({
  id,
  clientId,
  seq,
  type,
  courseId,
  lessonId,
  at,
  payload,
  v,
}: LearnerEvent) =>
  ({ id, clientId, seq, type, courseId, lessonId, at, payload, v }) as LearnerEvent;

/** A learner's outbox: runs of events per lesson, seq gaps, a clock that goes back once. */
function outbox(clientId: string): LearnerEvent[] {
  const at = NOW - 3_600_000;
  const events = [
    ...sampleEvents(30, { clientId, lessons: 1, at }),
    ...sampleEvents(12, { clientId, lessons: 3, at: at + 60_000 }),
    ...sampleEvents(20, { clientId, courseId: 'kurs-2', lessons: 2, at: at - 5_000 }),
  ];
  return events
    .map((event, i) => ({ ...event, seq: i + 1 + Math.floor(i / 7) }))
    .filter((_, i) => i % 11 !== 5)
    .map(documented);
}

const withoutUser = <T extends { user_id: string }>(rows: T[]) =>
  rows.map(({ user_id: _user, ...row }) => row);

describe('protocol 1 and protocol 2', () => {
  it('store the same events and progress and give the same reply', async () => {
    const clientId = newClientId();
    const events = outbox(clientId);
    const results = [];
    for (const [database, body] of [
      [v1Database, pushBody(clientId, events, 1)],
      [v2Database, compactPushBatch(clientId, events)],
    ] as const) {
      const learner = await createTestLearner(database.db);
      const response = await push(
        createSyncTestApp(database, () => NOW),
        learner.token,
        body,
      );
      expect(response.status, await response.clone().text()).toBe(200);
      results.push({
        reply: (await response.json()) as PushResponse,
        tables: await dumpSyncTables(database.db),
      });
    }
    const [v1, v2] = results as [(typeof results)[0], (typeof results)[0]];
    expect(v2.reply).toEqual(v1.reply);
    expect(v1.reply.acked).toEqual(events.map((e) => e.id));
    expect(v1.tables.events).toHaveLength(events.length);
    // Row for row, column for column: the stored JSON bodies are the same text.
    expect(withoutUser(v2.tables.events)).toEqual(withoutUser(v1.tables.events));
    expect(withoutUser(v2.tables.progress)).toEqual(withoutUser(v1.tables.progress));
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect(v1.tables.events.map((row) => JSON.parse(row.body) as unknown)).toEqual(
      [...events].sort(byId),
    );
  });
});

describe('protocol 2 bodies', () => {
  let database: Database;
  let token: string;
  const clientId = newClientId();
  const send = async (body: unknown) =>
    push(
      createSyncTestApp(database, () => NOW),
      token,
      body,
    );

  beforeAll(async () => {
    database = v2Database;
    token = (await createTestLearner(database.db)).token;
  });

  it('names each refused event by its position in the batch and its id', async () => {
    const events = sampleEvents(9, { clientId, lessons: 2, at: NOW - 60_000 });
    const body = compactPushBatch(clientId, events);
    // The 5th event (index 4): a position out of range; the 8th (index 7): an unknown type.
    const tuples = body.groups.flatMap((group) => group.events);
    tuples[4]![1] = 'lesson.progressed';
    tuples[4]![2] = { position: 2 };
    tuples[7]![1] = 'lesson.teleported';
    const response = await send(body);
    expect(response.status).toBe(400);
    const reply = (await response.json()) as InvalidEventsResponse;
    expect(reply.error).toBe('invalid_events');
    expect(reply.rejected.map(({ index, id, reason }) => ({ index, id, reason }))).toEqual([
      { index: 4, id: events[4]!.id, reason: 'invalid_event' },
      { index: 7, id: events[7]!.id, reason: 'unknown_event_type' },
    ]);
  });

  it('refuses a group course id that is no id, for each of its events, by position', async () => {
    const events = sampleEvents(4, { clientId, lessons: 1, at: NOW - 60_000 });
    const body = compactPushBatch(clientId, events);
    body.groups[0]!.courseId = 'kurs\u0000';
    const response = await send(body);
    expect(response.status).toBe(400);
    const reply = (await response.json()) as InvalidEventsResponse;
    expect(reply.rejected.map((r) => [r.index, r.reason])).toEqual(
      events.map((_, i) => [i, 'invalid_event']),
    );
  });

  const valid = () => compactPushBatch(clientId, sampleEvents(3, { clientId, lessons: 1 }));
  const tuple = () => valid().groups[0]!.events[0]!;
  const withGroups = (groups: unknown) => ({ ...valid(), groups });
  const malformed: [string, unknown, number, string][] = [
    ['groups as an object', withGroups({ 0: valid().groups[0] }), 400, 'invalid_request'],
    [
      'a group without lessonId',
      withGroups([{ courseId: 'k', events: [tuple()] }]),
      400,
      'invalid_request',
    ],
    [
      'a numeric courseId',
      withGroups([{ courseId: 7, lessonId: 'l', events: [tuple()] }]),
      400,
      'invalid_request',
    ],
    [
      'a group with no events',
      withGroups([{ courseId: 'k', lessonId: 'l', events: [] }]),
      400,
      'invalid_request',
    ],
    [
      'an event as an object',
      withGroups([{ courseId: 'k', lessonId: 'l', events: [{ id: 'x' }] }]),
      400,
      'invalid_request',
    ],
    [
      'a tuple of three',
      withGroups([{ courseId: 'k', lessonId: 'l', events: [tuple().slice(0, 3)] }]),
      400,
      'invalid_request',
    ],
    [
      'a tuple of seven',
      withGroups([{ courseId: 'k', lessonId: 'l', events: [[...tuple(), 1, 1, 1]] }]),
      400,
      'invalid_request',
    ],
    [
      'a fractional at',
      withGroups([{ courseId: 'k', lessonId: 'l', events: [[...tuple().slice(0, 3), 1.5]] }]),
      400,
      'invalid_request',
    ],
    [
      'an at as text',
      withGroups([{ courseId: 'k', lessonId: 'l', events: [[...tuple().slice(0, 3), '1']] }]),
      400,
      'invalid_request',
    ],
    [
      'a seq as null',
      withGroups([{ courseId: 'k', lessonId: 'l', events: [[...tuple().slice(0, 4), null]] }]),
      400,
      'invalid_request',
    ],
    ['an unknown key', { ...valid(), events: [] }, 400, 'invalid_request'],
    ['no clientId', { schemaVersion: 2, groups: valid().groups }, 400, 'invalid_request'],
    ['groups under protocol 1', { ...valid(), schemaVersion: 1 }, 400, 'invalid_request'],
    ['a protocol newer than the server', { ...valid(), schemaVersion: 3 }, 400, 'invalid_request'],
    ['a protocol older than the oldest', { ...valid(), schemaVersion: 0 }, 426, 'client_too_old'],
  ];

  it.each(malformed)(
    'answers %s with a 4xx and a reason, never a 5xx',
    async (_name, body, status, code) => {
      const response = await send(body);
      expect(response.status, await response.clone().text()).toBe(status);
      const reply = (await response.json()) as { error: string; message: string };
      expect(reply.error).toBe(code);
      expect(reply.message.length).toBeGreaterThan(0);
    },
  );

  it('answers an event whose summed at is past the safe integers with invalid_events', async () => {
    const body = valid();
    body.groups[0]!.events[1]![3] = Number.MAX_SAFE_INTEGER;
    const response = await send(body);
    expect(response.status).toBe(400);
    const reply = (await response.json()) as InvalidEventsResponse;
    expect(reply.rejected.map((r) => r.index)).toEqual([1, 2]);
  });

  it(`counts events after expansion: more than ${MAX_COMPACT_PUSH_EVENTS} is 413`, async () => {
    const events = sampleEvents(MAX_COMPACT_PUSH_EVENTS + 1, { clientId, lessons: 4 });
    const response = await send(compactPushBatch(clientId, events));
    expect(response.status).toBe(413);
    const reply = (await response.json()) as { error: string; message: string };
    expect(reply.error).toBe('payload_too_large');
    expect(reply.message).toContain(`at most ${MAX_COMPACT_PUSH_EVENTS} events`);
  }, 30_000);

  it(`accepts ${MAX_COMPACT_PUSH_EVENTS} events in one push, where protocol 1's shape takes ${MAX_PUSH_EVENTS}`, async () => {
    const events = sampleEvents(MAX_COMPACT_PUSH_EVENTS, {
      clientId,
      lessons: 40,
      at: NOW - 600_000,
    });
    const response = await send(compactPushBatch(clientId, events));
    expect(response.status, await response.clone().text()).toBe(200);
    expect(((await response.json()) as PushResponse).acked).toHaveLength(MAX_COMPACT_PUSH_EVENTS);
    // In protocol 1's shape, one event over its limit is still 413, as it always was.
    const more = sampleEvents(MAX_PUSH_EVENTS + 1, { clientId, at: NOW - 600_000 });
    const refused = await send(pushBody(clientId, more));
    expect(refused.status).toBe(413);
    expect(((await refused.json()) as { message: string }).message).toContain(
      `at most ${MAX_PUSH_EVENTS} events`,
    );
  }, 30_000);

  it(`holds MAX_PUSH_BYTES for the expanded batch, though the body sent is within it`, async () => {
    // 100 events of long ids and a 2,300-character reflection each: about 250 KB sent, about
    // 280 KB once every event carries its client, course and lesson again.
    const longClient = `c${'x'.repeat(63)}`;
    const events = Array.from({ length: MAX_PUSH_EVENTS }, (_, i) =>
      makeEvent(
        'reflection.saved',
        { text: 'ø'.repeat(1_150) },
        {
          clientId: longClient,
          courseId: 'k'.repeat(80),
          lessonId: `${i}`.padEnd(80, 'l'),
          seq: i + 1,
          at: NOW - 1000,
        },
      ),
    );
    const body = JSON.stringify(compactPushBatch(longClient, events));
    expect(Buffer.byteLength(body)).toBeLessThan(MAX_PUSH_BYTES);
    const response = await send(body);
    expect(response.status, await response.clone().text()).toBe(413);
    expect(((await response.json()) as { message: string }).message).toMatch(/expanded/);
  });
});
