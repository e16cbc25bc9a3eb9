// "Del med rådgiveren" on the server (issue 14): the `reflection.shared` event is taken only for a
// reflection lesson of a served course, is merged into the progress row last-writer-wins, comes
// back in the pull, and shows in the learner's data export with the event that set it.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountExport } from '../../src/server/auth/export';
import type { Database } from '../../src/server/db/database';
import { isReflectionShared } from '../../src/shared/progress';
import type { InvalidEventsResponse, PushResponse } from '../../src/shared/sync-protocol';
import {
  createSyncTestApp,
  createTestLearner,
  dumpSyncTables,
  makeEvent,
  newClientId,
  pullAll,
  push,
  pushBody,
} from '../utils/learners';
import { outlineCatalogue } from '../utils/sync-catalogue';
import { openTestDatabase } from '../utils/test-database';

const NOW = Date.now();

const catalogue = outlineCatalogue([
  [
    'kurs',
    [
      ['lesen', {}],
      ['quiz', { questions: { q1: ['a', 'b'] } }],
      ['sjekk', { items: ['i1'] }],
      ['tanker', { reflection: true }],
    ],
  ],
]);

let database: Database;
let app: Hono;

beforeAll(async () => {
  database = await openTestDatabase();
  app = createSyncTestApp(database, () => NOW, catalogue);
});
afterAll(() => database.close());

let seq = 0;
const share = (clientId: string, shared: boolean, at: number, lessonId = 'tanker') =>
  makeEvent(
    'reflection.shared',
    { shared },
    { clientId, courseId: 'kurs', lessonId, at, seq: ++seq },
  );

async function pushReply(token: string, clientId: string, events: readonly unknown[]) {
  const response = await push(app, token, pushBody(clientId, events));
  return { status: response.status, body: (await response.json()) as unknown };
}

describe('the share switch on the server', () => {
  it.each(['lesen', 'quiz', 'sjekk'])(
    'refuses it for the %s lesson (not a reflection) and stores nothing of the batch',
    async (lessonId) => {
      const learner = await createTestLearner(database.db);
      const clientId = newClientId();
      const before = await dumpSyncTables(database.db);
      const events = [
        share(clientId, true, NOW - 2000),
        share(clientId, true, NOW - 1000, lessonId),
      ];
      const { status, body } = await pushReply(learner.token, clientId, events);
      expect(status).toBe(400);
      const reply = body as InvalidEventsResponse & { error: string };
      expect(reply.error).toBe('invalid_events');
      expect(reply.rejected).toEqual([
        {
          index: 1,
          id: events[1]!.id,
          reason: 'not_a_reflection',
          message: expect.stringContaining('only a reflection can be shared') as string,
        },
      ]);
      expect(await dumpSyncTables(database.db)).toEqual(before);
    },
  );

  it('refuses it for a lesson or course the catalogue does not have', async () => {
    const learner = await createTestLearner(database.db);
    const clientId = newClientId();
    const { status, body } = await pushReply(learner.token, clientId, [
      share(clientId, true, NOW - 1000, 'ingen'),
    ]);
    expect(status).toBe(400);
    expect((body as InvalidEventsResponse).rejected.map((r) => r.reason)).toEqual([
      'unknown_lesson',
    ]);
  });

  it('takes it for a reflection, keeps the latest switch and returns it in the pull', async () => {
    const learner = await createTestLearner(database.db);
    const phone = newClientId();
    const laptop = newClientId();
    const text = makeEvent(
      'reflection.saved',
      { text: 'Jeg vil snakke med rådgiveren om prising.' },
      { clientId: phone, courseId: 'kurs', lessonId: 'tanker', at: NOW - 5000, seq: ++seq },
    );
    const on = share(phone, true, NOW - 4000);
    const off = share(laptop, false, NOW - 3000);
    // The laptop's later "off" arrives first; the phone's older "on" must not win after it.
    let reply = await pushReply(learner.token, laptop, [off]);
    expect(reply.status).toBe(200);
    reply = await pushReply(learner.token, phone, [text, on]);
    expect(reply.status).toBe(200);
    expect((reply.body as PushResponse).acked).toEqual([text.id, on.id]);
    const { rows } = await pullAll(app, learner.token);
    expect(rows).toHaveLength(1);
    const progress = rows[0]!.progress;
    expect(progress.reflectionShared).toEqual({
      value: false,
      at: off.at,
      clientId: laptop,
      eventId: off.id,
    });
    expect(isReflectionShared(progress)).toBe(false);
    expect(progress.reflection?.value).toBe('Jeg vil snakke med rådgiveren om prising.');
  });

  it('shows the switch and the event that set it in the data export', async () => {
    const learner = await createTestLearner(database.db);
    const clientId = newClientId();
    const on = share(clientId, true, NOW - 1000);
    expect((await pushReply(learner.token, clientId, [on])).status).toBe(200);
    const response = await app.request('/api/v1/me/export', {
      headers: { Authorization: `Bearer ${learner.token}` },
    });
    expect(response.status).toBe(200);
    const document = (await response.json()) as AccountExport;
    expect(document.progress).toHaveLength(1);
    expect(document.progress[0]!.reflectionShared?.value).toBe(true);
    expect(document.events.map((e) => e.event)).toEqual([on]);
  });
});
