// Fair use of sync per learner (src/server/limits/push-limits.ts): a push rate and an event quota
// per day. Above either, 429 with Retry-After and a reason code, logged with the account id and
// address; the refused push stores nothing (its events stay in the app's outbox).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/server/db/database';
import { PUSH_RULES } from '../../src/server/limits/push-limits';
import { compactPushBatch } from '../../src/shared/push-batch';
import { MAX_PUSH_EVENTS } from '../../src/shared/sync-protocol';
import {
  countSyncRows,
  createTestLearner,
  makeEvent,
  newClientId,
  push,
  pushBody,
  type Requester,
} from '../utils/learners';
import { openTestDatabase } from '../utils/test-database';
import { advance, limitTestApp, START, useFakeClock } from './rate-limit-support';

// The first registration loads the common-password list (seconds); hundreds of tries follow.
vi.setConfig({ testTimeout: 60_000 });

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

useFakeClock();

/** A push of `count` small events from a device of its own, in protocol 1's shape or, with
 * `compact`, protocol 2's (src/shared/push-batch.ts). */
function pushEvents(
  app: Requester,
  token: string,
  count: number,
  { clientId = newClientId(), compact = false } = {},
) {
  const at = START - 60_000;
  const events = Array.from({ length: count }, (_, i) =>
    makeEvent('lesson.progressed', { position: (i % 100) / 100 }, { clientId, at, seq: i + 1 }),
  );
  return push(
    app,
    token,
    compact ? compactPushBatch(clientId, events) : pushBody(clientId, events),
  );
}

async function expectRefused(response: Response, error: string) {
  expect(response.status, await response.clone().text()).toBe(429);
  expect(await response.json()).toMatchObject({ error });
  const retryAfter = Number(response.headers.get('Retry-After'));
  expect(retryAfter).toBeGreaterThan(0);
  return retryAfter;
}

describe('the push rate', () => {
  it(`allows ${PUSH_RULES.pushesPerMinute} pushes a minute per learner, then 429 too_many_pushes until the minute ends`, async () => {
    const { app, lines } = limitTestApp(database);
    const learner = await createTestLearner(database.db);
    const other = await createTestLearner(database.db);
    for (let i = 0; i < PUSH_RULES.pushesPerMinute; i++) {
      expect((await pushEvents(app, learner.token, 1)).status).toBe(200);
    }
    advance(20);
    const before = await countSyncRows(database.db);
    expect(await expectRefused(await pushEvents(app, learner.token, 1), 'too_many_pushes')).toBe(
      40,
    );
    // Nothing of the refused push was stored.
    expect(await countSyncRows(database.db)).toEqual(before);
    // Another learner is not affected.
    expect((await pushEvents(app, other.token, 1)).status).toBe(200);
    advance(40);
    expect((await pushEvents(app, learner.token, 1)).status).toBe(200);
    expect(lines.filter((line) => line.msg === 'rate limited')).toEqual([
      expect.objectContaining({
        userId: learner.userId,
        address: 'unknown',
        reason: 'too_many_pushes',
      }),
    ]);
  });
});

describe('the daily event quota', () => {
  it(`allows ${PUSH_RULES.eventsPerDay} events a day per learner, then 429 event_quota_exceeded until the day ends`, async () => {
    const { app } = limitTestApp(database);
    const learner = await createTestLearner(database.db);
    const pushes = PUSH_RULES.eventsPerDay / MAX_PUSH_EVENTS;
    for (let i = 0; i < pushes; i++) {
      expect((await pushEvents(app, learner.token, MAX_PUSH_EVENTS)).status).toBe(200);
    }
    advance(60 * 60);
    const before = await countSyncRows(database.db);
    const retryAfter = await expectRefused(
      await pushEvents(app, learner.token, 1),
      'event_quota_exceeded',
    );
    expect(retryAfter).toBe(23 * 60 * 60);
    expect(await countSyncRows(database.db)).toEqual(before);
    advance(retryAfter);
    expect((await pushEvents(app, learner.token, MAX_PUSH_EVENTS)).status).toBe(200);
  });

  it('counts the events of protocol-2 (compact) pushes too', async () => {
    const { app } = limitTestApp(database);
    const learner = await createTestLearner(database.db);
    const pushes = PUSH_RULES.eventsPerDay / MAX_PUSH_EVENTS;
    for (let i = 0; i < pushes; i++) {
      const response = await pushEvents(app, learner.token, MAX_PUSH_EVENTS, { compact: true });
      expect(response.status).toBe(200);
    }
    const before = await countSyncRows(database.db);
    await expectRefused(
      await pushEvents(app, learner.token, 1, { compact: true }),
      'event_quota_exceeded',
    );
    expect(await countSyncRows(database.db)).toEqual(before);
  });

  it('does not count a refused push against the quota', async () => {
    const { app } = limitTestApp(database);
    const learner = await createTestLearner(database.db);
    const pushes = PUSH_RULES.eventsPerDay / MAX_PUSH_EVENTS - 1;
    for (let i = 0; i < pushes; i++) {
      expect((await pushEvents(app, learner.token, MAX_PUSH_EVENTS)).status).toBe(200);
    }
    expect((await pushEvents(app, learner.token, MAX_PUSH_EVENTS - 10)).status).toBe(200);
    // 10 left: a push of 100 is refused, and does not use them up.
    await expectRefused(
      await pushEvents(app, learner.token, MAX_PUSH_EVENTS),
      'event_quota_exceeded',
    );
    expect((await pushEvents(app, learner.token, 10)).status).toBe(200);
    await expectRefused(await pushEvents(app, learner.token, 1), 'event_quota_exceeded');
  });
});
