// Issue test 9, the account half: learner A's token reads and changes only A's data on every
// account endpoint, nothing without a live token gets in, and after DELETE /api/v1/me nothing
// of A remains in any table while B's rows are untouched. (The sync half — a clientId bound to
// A is refused for B — is in the sync tests.)
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountRoutes } from '../../src/server/auth/account-api';
import type { AccountExport } from '../../src/server/auth/export';
import { createSession, SESSION_LIFETIME_MS } from '../../src/server/sessions/sessions';
import type { Database } from '../../src/server/db/database';
import { databaseLimits } from '../../src/server/limits/store';
import { createLogger } from '../../src/server/logger';
import type { AccountInfo, SessionResponse } from '../../src/shared/sync-protocol';
import { openTestDatabase } from '../utils/test-database';
import {
  accountTestApp,
  call,
  insertLearnerData,
  login,
  PASSWORD,
  register,
  rowsOfUser,
  rowsOfUserIn,
  snapshotOfUser,
  T0,
} from './account-support';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const B_PASSWORD = 'bs eget lange passord';
let seq = 0;

/** Two learners with sessions on two devices each and synced data in every table. */
async function twoLearners() {
  const world = accountTestApp(database);
  const n = ++seq;
  const aEmail = `a-${n}@firma.no`;
  const bEmail = `b-${n}@firma.no`;
  const a = await register(world.app, aEmail);
  const b = await register(world.app, bEmail, B_PASSWORD);
  const aLaptop = await login(world.app, aEmail);
  const bLaptop = await login(world.app, bEmail, B_PASSWORD);
  const aData = await insertLearnerData(database.db, a.user.id, { lessonId: 'a-leksjon' });
  const bData = await insertLearnerData(database.db, b.user.id, { lessonId: 'b-leksjon' });
  return { ...world, a, b, aLaptop, bLaptop, aData, bData, aEmail, bEmail };
}

/** Every identifying string of a learner's data that an export could leak. */
const tracesOf = (
  learner: SessionResponse,
  data: { clientId: string; eventIds: string[] },
  lessonId: string,
) => [learner.user.id, learner.user.email, data.clientId, ...data.eventIds, lessonId];

// Every account endpoint that takes a token, with a request that would succeed for A.
const AUTHENTICATED: { method: string; path: string; body?: unknown }[] = [
  { method: 'GET', path: '/api/v1/me' },
  { method: 'GET', path: '/api/v1/me/export' },
  { method: 'POST', path: '/api/v1/auth/logout' },
  { method: 'DELETE', path: '/api/v1/me', body: { password: PASSWORD } },
  // Signed-in devices and the password change (helper C).
  { method: 'GET', path: '/api/v1/me/sessions' },
  { method: 'POST', path: '/api/v1/me/sessions/end-others' },
  { method: 'DELETE', path: '/api/v1/me/sessions/:id' },
  {
    method: 'POST',
    path: '/api/v1/me/password',
    body: { currentPassword: PASSWORD, newPassword: 'blå fjord sykkel lampe' },
  },
  // Passkeys (the ceremony bodies are checked by test/server/passkeys.test.ts).
  { method: 'GET', path: '/api/v1/me/passkeys' },
  { method: 'POST', path: '/api/v1/me/passkeys/options' },
  { method: 'POST', path: '/api/v1/me/passkeys', body: { name: 'Telefonen', response: {} } },
  { method: 'DELETE', path: '/api/v1/me/passkeys/:id' },
  // A fresh verification link for the signed-in learner's own address.
  { method: 'POST', path: '/api/v1/me/verify-email', body: {} },
];
const PUBLIC = [
  'POST /api/v1/auth/register',
  'POST /api/v1/auth/login',
  // Recovery and verification: the mailed token is the proof (test/server/recovery.test.ts).
  'POST /api/v1/auth/forgot',
  'POST /api/v1/auth/reset',
  'POST /api/v1/auth/verify-email',
  // Passkey sign-in: the signed challenge is the proof (test/server/passkeys.test.ts).
  'POST /api/v1/auth/passkey/options',
  'POST /api/v1/auth/passkey',
];

describe('account endpoints', () => {
  it('are all covered here: the table above lists every route the account API serves', () => {
    const routes = accountRoutes({
      db: database.db,
      limits: databaseLimits(database),
      logger: createLogger('silent'),
      now: Date.now,
      passwordCost: 10,
    }).routes.filter((route) => route.method !== 'ALL');
    const served = new Set(routes.map((route) => `${route.method} ${route.path}`));
    const covered = [...AUTHENTICATED.map((e) => `${e.method} ${e.path}`), ...PUBLIC];
    expect([...served].sort()).toEqual(covered.sort());
  });
});

describe("A's token", () => {
  it("GET /api/v1/me shows A's account only", async () => {
    const { app, a, b } = await twoLearners();
    const response = await call(app, 'GET', '/api/v1/me', { token: a.token });
    expect(await response.json()).toEqual(a.user satisfies AccountInfo);
    const other = await call(app, 'GET', '/api/v1/me', { token: b.token });
    expect(await other.json()).toEqual(b.user);
  });

  it("GET /api/v1/me/export holds A's data and nothing of B's, and the other way round", async () => {
    const { app, a, b, aData, bData } = await twoLearners();
    const aTraces = tracesOf(a, aData, 'a-leksjon');
    const bTraces = tracesOf(b, bData, 'b-leksjon');
    const exportOf = async (token: string) => {
      const response = await call(app, 'GET', '/api/v1/me/export', { token });
      expect(response.status).toBe(200);
      return response.text();
    };
    const aText = await exportOf(a.token);
    const bText = await exportOf(b.token);
    for (const trace of aTraces) {
      expect(aText).toContain(trace);
      expect(bText).not.toContain(trace);
    }
    for (const trace of bTraces) {
      expect(bText).toContain(trace);
      expect(aText).not.toContain(trace);
    }
    const aExport = JSON.parse(aText) as AccountExport;
    expect(aExport.account).toEqual(a.user);
    expect(aExport.sessions).toHaveLength(2);
    expect(aExport.clients.map((client) => client.clientId)).toEqual([aData.clientId]);
    expect(aExport.events).toHaveLength(aData.eventIds.length);
    expect(aExport.progress.map((p) => p.lessonId)).toEqual(['a-leksjon']);
  });

  it("POST /api/v1/auth/logout ends A's session and leaves every row of B as it was", async () => {
    const { app, a, b, aLaptop, bLaptop } = await twoLearners();
    const bBefore = await snapshotOfUser(database.db, b.user.id);
    const aBefore = await snapshotOfUser(database.db, a.user.id);
    expect((await call(app, 'POST', '/api/v1/auth/logout', { token: a.token })).status).toBe(204);
    expect(await snapshotOfUser(database.db, b.user.id)).toEqual(bBefore);
    const aAfter = await snapshotOfUser(database.db, a.user.id);
    expect(aAfter.sessions).toHaveLength(1);
    expect({ ...aAfter, sessions: [] }).toEqual({ ...aBefore, sessions: [] });
    for (const token of [b.token, bLaptop.token, aLaptop.token]) {
      expect((await call(app, 'GET', '/api/v1/me', { token })).status).toBe(200);
    }
  });

  it("DELETE /api/v1/me with B's password deletes nobody", async () => {
    const { app, a, b } = await twoLearners();
    const aBefore = await snapshotOfUser(database.db, a.user.id);
    const bBefore = await snapshotOfUser(database.db, b.user.id);
    const response = await call(app, 'DELETE', '/api/v1/me', {
      token: a.token,
      body: { password: B_PASSWORD },
    });
    expect(response.status).toBe(403);
    expect(await snapshotOfUser(database.db, a.user.id)).toEqual(aBefore);
    expect(await snapshotOfUser(database.db, b.user.id)).toEqual(bBefore);
  });

  it('DELETE /api/v1/me erases every row of A in every table, and none of B', async () => {
    const { app, a, b, bLaptop, aData } = await twoLearners();
    // A second lesson, so A has several rows in each sync table.
    await insertLearnerData(database.db, a.user.id, { at: T0 + 10_000, lessonId: 'a-leksjon-2' });
    const aBefore = await rowsOfUser(database.db, a.user.id);
    for (const [table, count] of Object.entries(aBefore)) {
      expect(count, `A's rows in ${table} before`).toBeGreaterThan(0);
    }
    const bBefore = await snapshotOfUser(database.db, b.user.id);

    const response = await call(app, 'DELETE', '/api/v1/me', {
      token: a.token,
      body: { password: PASSWORD },
    });
    expect(response.status).toBe(204);

    const aAfter = await rowsOfUser(database.db, a.user.id);
    expect(Object.keys(aAfter).sort()).toEqual(Object.keys(rowsOfUserIn).sort());
    for (const [table, count] of Object.entries(aAfter)) {
      expect(count, `A's rows left in ${table}`).toBe(0);
    }
    // Nothing of A under its other keys either: A's client id and event ids are gone too.
    const byClientId = await database.db
      .selectFrom('clients')
      .select('client_id')
      .where('client_id', '=', aData.clientId)
      .execute();
    const byEventId = await database.db
      .selectFrom('events')
      .select('id')
      .where((eb) => eb.or([eb('id', 'in', aData.eventIds), eb('client_id', '=', aData.clientId)]))
      .execute();
    expect(byClientId).toEqual([]);
    expect(byEventId).toEqual([]);
    expect(await snapshotOfUser(database.db, b.user.id)).toEqual(bBefore);
    for (const token of [b.token, bLaptop.token]) {
      expect((await call(app, 'GET', '/api/v1/me', { token })).status).toBe(200);
    }
  });
});

describe('without a live token', () => {
  it('every authenticated endpoint answers 401 and changes nothing', async () => {
    const { app, a, b } = await twoLearners();
    const unknown = randomBytes(32).toString('base64url');
    const invalid: [string, Record<string, string>][] = [
      ['no header', {}],
      ['empty bearer', { Authorization: 'Bearer ' }],
      ['garbage', { Authorization: 'Bearer not-a-token' }],
      ['unknown well-formed token', { Authorization: `Bearer ${unknown}` }],
      ['token with another scheme', { Authorization: `Basic ${a.token}` }],
      ['token without a scheme', { Authorization: a.token }],
      ['token and more', { Authorization: `Bearer ${a.token} ${a.token}` }],
    ];
    const aBefore = await snapshotOfUser(database.db, a.user.id);
    const bBefore = await snapshotOfUser(database.db, b.user.id);
    for (const endpoint of AUTHENTICATED) {
      // A's own session, but expired (made a lifetime and a minute ago); a fresh one for each
      // endpoint, since an expired session is deleted when it is first presented.
      const expired = await createSession(
        database.db,
        a.user.id,
        T0 - SESSION_LIFETIME_MS - 60_000,
      );
      const expiredHeader = { Authorization: `Bearer ${expired.token}` };
      for (const [name, headers] of [
        ...invalid,
        ['expired session of A', expiredHeader] as const,
      ]) {
        const response = await call(app, endpoint.method, endpoint.path, {
          headers,
          body: endpoint.body,
        });
        const label = `${endpoint.method} ${endpoint.path} with ${name}`;
        expect(response.status, label).toBe(401);
        expect(response.headers.get('WWW-Authenticate'), label).toBe('Bearer');
        expect(await response.json(), label).toMatchObject({ error: 'unauthorized' });
      }
    }
    // The expired sessions were removed when presented; everything else is as it was.
    expect(await snapshotOfUser(database.db, a.user.id)).toEqual(aBefore);
    expect(await snapshotOfUser(database.db, b.user.id)).toEqual(bBefore);
  });

  it('a token stops working everywhere once its session has expired on the app clock', async () => {
    const { app, clock, a, aEmail } = await twoLearners();
    // One session per endpoint, all made now; then a whole lifetime passes unused.
    const tokens: string[] = [];
    while (tokens.length < AUTHENTICATED.length) tokens.push((await login(app, aEmail)).token);
    clock.now = T0 + SESSION_LIFETIME_MS;
    for (const [i, endpoint] of AUTHENTICATED.entries()) {
      const response = await call(app, endpoint.method, endpoint.path, {
        token: tokens[i],
        body: endpoint.body,
      });
      expect(response.status, `${endpoint.method} ${endpoint.path}`).toBe(401);
    }
    expect((await rowsOfUser(database.db, a.user.id)).users).toBe(1);
  });
});

describe('public endpoints', () => {
  it("registering B's address again does not touch B, and A cannot sign in as B", async () => {
    const { app, b, bEmail } = await twoLearners();
    const bBefore = await snapshotOfUser(database.db, b.user.id);
    const taken = await call(app, 'POST', '/api/v1/auth/register', {
      body: { email: bEmail, password: PASSWORD },
    });
    expect(taken.status).toBe(409);
    const asB = await call(app, 'POST', '/api/v1/auth/login', {
      body: { email: bEmail, password: PASSWORD },
    });
    expect(asB.status).toBe(401);
    expect(await snapshotOfUser(database.db, b.user.id)).toEqual(bBefore);
  });
});
