// Sessions a learner can see and end (issue 12, part 3): the absolute lifetime on top of the
// sliding one, the device list with browser and platform, ending one or all other sessions, and
// the password change that ends every other session. Through the real app and database (SQLite
// here, PostgreSQL under test/pg).
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database';
import { hashToken, SESSION_LIFETIME_MS } from '../../src/server/sessions/sessions';
import type { SessionInfo, SessionList } from '../../src/shared/session-protocol';
import { openTestDatabase } from '../utils/test-database';
import { accountTestApp, call, login, PASSWORD, register, T0 } from './account-support';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

let seq = 0;
const uniqueEmail = (name: string) => `${name}-${++seq}@firma.no`;
const DAY = 24 * 60 * 60_000;
const HOUR = 60 * 60_000;

const FIREFOX_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const CHROME_ANDROID =
  'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

const me = (app: Hono, token: string) => call(app, 'GET', '/api/v1/me', { token });

async function signIn(app: Hono, email: string, userAgent: string, password = PASSWORD) {
  const response = await call(app, 'POST', '/api/v1/auth/login', {
    body: { email, password },
    headers: { 'User-Agent': userAgent },
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

async function sessionsOf(app: Hono, token: string): Promise<SessionInfo[]> {
  const response = await call(app, 'GET', '/api/v1/me/sessions', { token });
  expect(response.status, await response.clone().text()).toBe(200);
  expect(response.headers.get('Cache-Control')).toBe('no-store');
  return ((await response.json()) as SessionList).sessions;
}

describe('the absolute lifetime', { timeout: 60_000 }, () => {
  it('ends a session used every day after 90 days (the default cap), however it slides', async () => {
    const { app, clock } = accountTestApp(database);
    const { token, expiresAt } = await register(app, uniqueEmail('daglig'));
    // The reply says when it ends: the cap comes before the sliding expiry.
    expect(expiresAt).toBe(T0 + 90 * DAY);
    for (let day = 1; day < 90; day++) {
      clock.now = T0 + day * DAY;
      expect((await me(app, token)).status, `day ${day}`).toBe(200);
    }
    clock.now = T0 + 90 * DAY;
    expect((await me(app, token)).status).toBe(401);
    // Gone for good, even if the clock went back.
    clock.now = T0 + DAY;
    expect((await me(app, token)).status).toBe(401);
  });

  it('follows SESSION_MAX_DAYS (sessionMaxDays) and still slides within it', async () => {
    const { app, clock } = accountTestApp(database, { now: T0 }, undefined, { sessionMaxDays: 10 });
    const email = uniqueEmail('ti-dager');
    const { token, user } = await register(app, email);
    const row = await database.db
      .selectFrom('sessions')
      .select(['absolute_expires_at', 'expires_at'])
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(Number(row.absolute_expires_at)).toBe(T0 + 10 * DAY);
    expect(Number(row.expires_at)).toBe(T0 + SESSION_LIFETIME_MS);
    clock.now = T0 + 10 * DAY - 1;
    expect((await me(app, token)).status).toBe(200);
    clock.now = T0 + 10 * DAY;
    expect((await me(app, token)).status).toBe(401);
    // A new sign-in gets a new cap of its own.
    const again = await signIn(app, email, FIREFOX_WINDOWS);
    clock.now += 9 * DAY;
    expect((await me(app, again)).status).toBe(200);
  });
});

describe('GET /api/v1/me/sessions', { timeout: 60_000 }, () => {
  it('lists each signed-in device with browser, platform, times and which is this one', async () => {
    const { app, clock } = accountTestApp(database);
    const email = uniqueEmail('enheter');
    const phoneResponse = await call(app, 'POST', '/api/v1/auth/register', {
      body: { email, password: PASSWORD },
      headers: { 'User-Agent': SAFARI_IPHONE },
    });
    expect(phoneResponse.status).toBe(201);
    const phone = ((await phoneResponse.json()) as { token: string }).token;
    clock.now = T0 + 2 * HOUR;
    const laptop = await signIn(app, email, FIREFOX_WINDOWS);

    clock.now = T0 + 3 * HOUR;
    const seenByLaptop = await sessionsOf(app, laptop);
    expect(seenByLaptop).toHaveLength(2);
    expect(seenByLaptop[0]).toMatchObject({
      browser: 'Firefox',
      platform: 'Windows',
      createdAt: T0 + 2 * HOUR,
      current: true,
    });
    expect(seenByLaptop[1]).toMatchObject({
      browser: 'Safari',
      platform: 'iOS',
      createdAt: T0,
      lastUsedAt: T0,
      current: false,
    });
    // The id is opaque: neither the token nor what the database stores.
    for (const session of seenByLaptop) {
      expect(session.id).toMatch(/^[0-9a-f]{32}$/);
      expect(session.id).not.toBe(hashToken(phone).slice(0, 32));
      expect(session.id).not.toBe(hashToken(laptop).slice(0, 32));
      expect(JSON.stringify(session)).not.toContain(hashToken(phone));
    }
    // The phone sees the same two, itself first; its use (an hour after the last) is recorded.
    const seenByPhone = await sessionsOf(app, phone);
    expect(seenByPhone.map((s) => s.id)).toEqual([seenByLaptop[1].id, seenByLaptop[0].id]);
    expect(seenByPhone[0]).toMatchObject({ current: true, lastUsedAt: T0 + 3 * HOUR });
  });

  it('writes last_used_at at most once an hour', async () => {
    const { app, clock } = accountTestApp(database);
    const { token, user } = await register(app, uniqueEmail('time'));
    const lastUsed = async () =>
      Number(
        (
          await database.db
            .selectFrom('sessions')
            .select('last_used_at')
            .where('user_id', '=', user.id)
            .executeTakeFirstOrThrow()
        ).last_used_at,
      );
    clock.now = T0 + 59 * 60_000;
    await me(app, token);
    expect(await lastUsed()).toBe(T0);
    clock.now = T0 + HOUR;
    await me(app, token);
    expect(await lastUsed()).toBe(T0 + HOUR);
  });

  it('keeps only a short, printable User-Agent', async () => {
    const { app } = accountTestApp(database);
    const email = uniqueEmail('lang-ua');
    const { user } = await register(app, email);
    await signIn(app, email, `${CHROME_ANDROID} ${'x'.repeat(2000)}`);
    const rows = await database.db
      .selectFrom('sessions')
      .select('user_agent')
      .where('user_id', '=', user.id)
      .execute();
    const agents = rows.map((r) => r.user_agent);
    expect(agents).toContain(null); // registered without a User-Agent header
    const long = agents.find((a) => a !== null);
    expect(long?.length).toBe(256);
    expect(long?.startsWith(CHROME_ANDROID)).toBe(true);
  });

  it('needs a session', async () => {
    const { app } = accountTestApp(database);
    const response = await call(app, 'GET', '/api/v1/me/sessions');
    expect(response.status).toBe(401);
  });
});

describe('ending sessions', { timeout: 60_000 }, () => {
  it('ends one other session by its id; that device is refused at its next request', async () => {
    const { app } = accountTestApp(database);
    const email = uniqueEmail('avslutt');
    const { token: phone } = await register(app, email);
    const laptop = await signIn(app, email, FIREFOX_WINDOWS);
    const other = (await sessionsOf(app, laptop)).find((s) => !s.current);
    expect(other).toBeDefined();
    const response = await call(app, 'DELETE', `/api/v1/me/sessions/${other?.id}`, {
      token: laptop,
    });
    expect(response.status).toBe(204);
    expect((await me(app, phone)).status).toBe(401);
    expect((await me(app, laptop)).status).toBe(200);
    expect(await sessionsOf(app, laptop)).toHaveLength(1);
    // Ending it again: it is not found any more.
    const again = await call(app, 'DELETE', `/api/v1/me/sessions/${other?.id}`, { token: laptop });
    expect(again.status).toBe(404);
  });

  it("answers 404 for another learner's session id, and ends nothing", async () => {
    const { app } = accountTestApp(database);
    const { token: kari } = await register(app, uniqueEmail('kari'));
    const { token: ola } = await register(app, uniqueEmail('ola'));
    const [olasSession] = await sessionsOf(app, ola);
    for (const id of [olasSession.id, '0'.repeat(32), 'not-an-id', hashToken(ola)]) {
      const response = await call(app, 'DELETE', `/api/v1/me/sessions/${id}`, { token: kari });
      expect(response.status, id).toBe(404);
      expect(await response.json()).toMatchObject({ error: 'not_found' });
    }
    expect((await me(app, ola)).status).toBe(200);
  });

  it('ends every other session with end-others and keeps this one', async () => {
    const { app } = accountTestApp(database);
    const email = uniqueEmail('alle-andre');
    const { token: first } = await register(app, email);
    const second = await signIn(app, email, SAFARI_IPHONE);
    const third = await signIn(app, email, CHROME_ANDROID);
    const { token: someoneElse } = await register(app, uniqueEmail('nabo'));
    const response = await call(app, 'POST', '/api/v1/me/sessions/end-others', { token: third });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ended: 2 });
    expect((await me(app, first)).status).toBe(401);
    expect((await me(app, second)).status).toBe(401);
    expect((await me(app, third)).status).toBe(200);
    expect((await me(app, someoneElse)).status).toBe(200);
    expect(await sessionsOf(app, third)).toHaveLength(1);
  });
});

describe('POST /api/v1/me/password', { timeout: 60_000 }, () => {
  const NEW_PASSWORD = 'blå fjord sykkel lampe';

  it('changes the password, ends the other sessions and keeps this one', async () => {
    const { app } = accountTestApp(database);
    const email = uniqueEmail('bytt');
    const { token: phone } = await register(app, email);
    const laptop = await signIn(app, email, FIREFOX_WINDOWS);
    const response = await call(app, 'POST', '/api/v1/me/password', {
      token: laptop,
      body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.json()).toEqual({ ended: 1 });
    expect((await me(app, phone)).status).toBe(401);
    expect((await me(app, laptop)).status).toBe(200);
    // The new password signs in; the old one does not.
    await login(app, email, NEW_PASSWORD);
    const old = await call(app, 'POST', '/api/v1/auth/login', {
      body: { email, password: PASSWORD },
    });
    expect(old.status).toBe(401);
  });

  it('refuses a wrong current password (403) and a weak new one (400 with the reason)', async () => {
    const { app } = accountTestApp(database);
    const email = uniqueEmail('feil');
    const { token } = await register(app, email);
    const wrong = await call(app, 'POST', '/api/v1/me/password', {
      token,
      body: { currentPassword: 'ikke mitt passord', newPassword: NEW_PASSWORD },
    });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_credentials' });
    const cases: [string, string][] = [
      ['1qaz2wsx3edc', 'password_too_common'],
      [email, 'password_like_email'],
    ];
    for (const [newPassword, code] of cases) {
      const response = await call(app, 'POST', '/api/v1/me/password', {
        token,
        body: { currentPassword: PASSWORD, newPassword },
      });
      expect(response.status, newPassword).toBe(400);
      expect(await response.json()).toMatchObject({
        error: 'invalid_request',
        fields: { newPassword: code },
      });
    }
    const short = await call(app, 'POST', '/api/v1/me/password', {
      token,
      body: { currentPassword: PASSWORD, newPassword: 'elleve tegn' },
    });
    expect(short.status).toBe(400);
    // Nothing changed: the old password still signs in.
    await login(app, email, PASSWORD);
  });
});
