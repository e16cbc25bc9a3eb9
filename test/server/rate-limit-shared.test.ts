// The limits hold across processes and machines: two app instances, each with its own database
// connection(s), on one database — a SQLite file in a temp folder, or one PostgreSQL database
// under test:pg — count the same tries (before, each process kept its own counters in memory,
// so WORKERS=4 allowed four times as many).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ATTEMPT_RULES } from '../../src/server/auth/attempts';
import { openDatabase, type Database } from '../../src/server/db/database';
import { PUSH_RULES } from '../../src/server/limits/push-limits';
import { createTestLearner, makeEvent, newClientId, push, pushBody } from '../utils/learners';
import { createPostgresDatabase, testPostgresUrl } from '../utils/test-database';
import {
  limitTestApp,
  newNamespace,
  registerFrom,
  START,
  uniqueEmail,
  useFakeClock,
  wrongLogin,
} from './rate-limit-support';
import { makeTemp, removeTemp } from './support';

// The first registration loads the common-password list (seconds); hundreds of tries follow.
vi.setConfig({ testTimeout: 60_000 });

let first: Database;
let second: Database;
let cleanUp: () => Promise<void>;

beforeAll(async () => {
  const serverUrl = testPostgresUrl();
  if (serverUrl) {
    const created = await createPostgresDatabase(serverUrl);
    first = await openDatabase({ postgresUrl: created.url }, { poolSize: 4 });
    second = await openDatabase({ postgresUrl: created.url }, { poolSize: 4 });
    cleanUp = created.drop;
  } else {
    const dir = await makeTemp('rate-limits');
    first = await openDatabase({ sqliteFile: join(dir, 'lommekurs.sqlite') });
    second = await openDatabase({ sqliteFile: join(dir, 'lommekurs.sqlite') });
    cleanUp = () => removeTemp(dir);
  }
});
afterAll(async () => {
  await first.close();
  await second.close();
  await cleanUp();
});

useFakeClock();

/** Two servers as a load balancer would see them: same database, same (default) limits. */
function twoInstances() {
  const namespace = newNamespace();
  return [limitTestApp(first, namespace).app, limitTestApp(second, namespace).app] as const;
}

describe('two app instances on one database', () => {
  it('share the slowdown of an email', async () => {
    const [a, b] = twoInstances();
    const email = uniqueEmail('delt');
    await registerFrom(a, email);
    // The free tries, spread over both instances, then one more: all counted together.
    for (let i = 0; i <= ATTEMPT_RULES.freeFailures; i++) {
      expect((await wrongLogin(i % 2 === 0 ? a : b, email)).status).toBe(401);
    }
    for (const instance of [a, b]) {
      const refused = await wrongLogin(instance, email);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('Retry-After')).toBe('30');
    }
  });

  it('share the client address budget', async () => {
    const [a, b] = twoInstances();
    for (let i = 0; i < ATTEMPT_RULES.address.points; i++) {
      expect(
        (await wrongLogin(i % 2 === 0 ? a : b, uniqueEmail('nat'), '203.0.113.50')).status,
      ).toBe(401);
    }
    expect((await wrongLogin(a, uniqueEmail('nat'), '203.0.113.50')).status).toBe(429);
    expect((await wrongLogin(b, uniqueEmail('nat'), '203.0.113.50')).status).toBe(429);
  });

  it("share a learner's push rate", async () => {
    const [a, b] = twoInstances();
    const learner = await createTestLearner(first.db);
    const clientId = newClientId();
    for (let i = 0; i < PUSH_RULES.pushesPerMinute; i++) {
      const event = makeEvent('lesson.opened', {}, { clientId, at: START - 1000, seq: i + 1 });
      const response = await push(i % 2 === 0 ? a : b, learner.token, pushBody(clientId, [event]));
      expect(response.status).toBe(200);
    }
    const event = makeEvent('lesson.opened', {}, { clientId, at: START - 1000, seq: 1000 });
    for (const instance of [a, b]) {
      const refused = await push(instance, learner.token, pushBody(clientId, [event]));
      expect(refused.status).toBe(429);
      expect(await refused.json()).toMatchObject({ error: 'too_many_pushes' });
    }
  });
});
