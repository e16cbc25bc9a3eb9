// The account API through the real app and database: register, login, logout, me, export and
// delete; input validation with per-field codes; identical answers for unknown addresses and
// wrong passwords; session expiry on the app's clock. Rate limits: rate-limit*.test.ts.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountExport } from '../../src/server/auth/export';
import {
  SESSION_ABSOLUTE_LIFETIME_MS,
  SESSION_LIFETIME_MS,
} from '../../src/server/sessions/sessions';
import type { Database } from '../../src/server/db/database';
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
  T0,
  TEST_PASSWORD_COST,
} from './account-support';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

// Every test uses its own addresses, and most their own app (so their own rate limits).
let seq = 0;
const uniqueEmail = (name: string) => `${name}-${++seq}@firma.no`;

const me = (app: Hono, token: string) => call(app, 'GET', '/api/v1/me', { token });

async function expectUnauthorized(response: Response, error = 'unauthorized') {
  expect(response.status).toBe(401);
  expect(response.headers.get('WWW-Authenticate')).toBe('Bearer');
  expect(await response.json()).toMatchObject({ error });
}

describe('register', () => {
  it('creates the account, its sync row and a session; the address is trimmed and lower-cased', async () => {
    const { app } = accountTestApp(database);
    const email = uniqueEmail('kari');
    const response = await call(app, 'POST', '/api/v1/auth/register', {
      body: { email: `  ${email.toUpperCase()} `, password: PASSWORD },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const session = (await response.json()) as SessionResponse;
    expect(session.user).toEqual({
      id: session.user.id,
      email,
      createdAt: T0,
      emailVerified: false,
    });
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The absolute cap (90 days by default) comes before the sliding expiry (180).
    expect(session.expiresAt).toBe(
      T0 + Math.min(SESSION_LIFETIME_MS, SESSION_ABSOLUTE_LIFETIME_MS),
    );

    const user = await database.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', session.user.id)
      .executeTakeFirstOrThrow();
    expect(user.email).toBe(email);
    expect(user.password_hash).toMatch(/^scrypt\$10\$8\$1\$/);
    const sync = await database.db
      .selectFrom('learner_sync')
      .selectAll()
      .where('user_id', '=', session.user.id)
      .executeTakeFirstOrThrow();
    expect(sync.version).toBe(0);
    expect(sync.epoch.length).toBeGreaterThanOrEqual(16);

    const meResponse = await me(app, session.token);
    expect(meResponse.status).toBe(200);
    expect(await meResponse.json()).toEqual(session.user);
  });

  it('refuses an address that already has an account with 409 email_taken, in any case', async () => {
    const { app } = accountTestApp(database);
    const email = uniqueEmail('ola');
    const first = await register(app, email);
    const again = await call(app, 'POST', '/api/v1/auth/register', {
      body: { email: email.toUpperCase(), password: 'et helt annet passord' },
    });
    expect(again.status).toBe(409);
    expect(again.headers.get('Cache-Control')).toBe('no-store');
    expect(await again.json()).toMatchObject({ error: 'email_taken' });
    // The first account's password still holds.
    expect((await login(app, email)).user.id).toBe(first.user.id);
  });

  it('makes exactly one account when the same address registers twice at once', async () => {
    const { app } = accountTestApp(database);
    const email = uniqueEmail('samtidig');
    const responses = await Promise.all(
      [1, 2, 3].map(() =>
        call(app, 'POST', '/api/v1/auth/register', { body: { email, password: PASSWORD } }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const users = await database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .execute();
    expect(users).toHaveLength(1);
    const syncRows = await database.db
      .selectFrom('learner_sync')
      .select('user_id')
      .where('user_id', '=', users[0].id)
      .execute();
    expect(syncRows).toHaveLength(1);
  });

  it('answers invalid credentials with 400 invalid_request and a code per field', async () => {
    const { app } = accountTestApp(database);
    const cases: [unknown, Record<string, string>][] = [
      [{ email: 'ikke-en-adresse', password: PASSWORD }, { email: 'invalid_email' }],
      [{ email: 'a@b', password: PASSWORD }, { email: 'invalid_email' }],
      [{ email: `${'x'.repeat(250)}@firma.no`, password: PASSWORD }, { email: 'invalid_email' }],
      [{ email: '   ', password: PASSWORD }, { email: 'email_missing' }],
      [{ password: PASSWORD }, { email: 'email_missing' }],
      [{ email: uniqueEmail('kort'), password: 'kort' }, { password: 'password_too_short' }],
      [
        { email: uniqueEmail('lang'), password: 'x'.repeat(1025) },
        { password: 'password_too_long' },
      ],
      [{ email: uniqueEmail('tom'), password: '' }, { password: 'password_missing' }],
      [
        { email: 'nei', password: 'kort' },
        { email: 'invalid_email', password: 'password_too_short' },
      ],
      [{}, { email: 'email_missing', password: 'password_missing' }],
    ];
    for (const [body, fields] of cases) {
      const response = await call(app, 'POST', '/api/v1/auth/register', { body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.headers.get('Cache-Control')).toBe('no-store');
      const reply = (await response.json()) as { error: string; message: string; fields: unknown };
      expect(reply.error).toBe('invalid_request');
      expect(reply.fields, JSON.stringify(body)).toEqual(fields);
      expect(reply.message.length).toBeGreaterThan(0);
    }
    const count = await database.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('email', 'in', ['ikke-en-adresse', 'a@b', 'nei'])
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('answers malformed JSON with invalid_json and wrong types with the reason', async () => {
    const { app } = accountTestApp(database);
    const malformed = await call(app, 'POST', '/api/v1/auth/register', {
      body: '{"email": "a@b.no",',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: 'invalid_json' });

    const empty = await call(app, 'POST', '/api/v1/auth/register', { body: '' });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ error: 'invalid_json' });

    const wrongType = await call(app, 'POST', '/api/v1/auth/register', {
      body: { email: 42, password: ['hemmelig'] },
    });
    expect(wrongType.status).toBe(400);
    const wrongTypeReply = (await wrongType.json()) as { error: string; message: string };
    expect(wrongTypeReply.error).toBe('invalid_request');
    expect(wrongTypeReply.message).toContain('email');
    expect(wrongTypeReply.message).toContain('expected string');

    const extraKey = await call(app, 'POST', '/api/v1/auth/register', {
      body: { email: uniqueEmail('ekstra'), password: PASSWORD, admin: true },
    });
    expect(extraKey.status).toBe(400);
    expect(((await extraKey.json()) as { message: string }).message).toContain('admin');

    for (const body of ['[]', '"tekst"', 'null', '17']) {
      const response = await call(app, 'POST', '/api/v1/auth/register', { body });
      expect(response.status, body).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_request' });
    }
  });

  it('refuses a body over the account limit with 413 before parsing it', async () => {
    const { app } = accountTestApp(database);
    const response = await call(app, 'POST', '/api/v1/auth/register', {
      body: { email: uniqueEmail('stor'), password: PASSWORD, padding: 'x'.repeat(20_000) },
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: 'payload_too_large' });
  });
});

describe('login', () => {
  it('gives a new session for the right password; the address is matched in any case', async () => {
    const { app } = accountTestApp(database);
    const email = uniqueEmail('laptop');
    const registered = await register(app, email);
    const session = await login(app, ` ${email.toUpperCase()}`);
    expect(session.user).toEqual(registered.user);
    expect(session.token).not.toBe(registered.token);
    // Both devices' sessions work.
    expect((await me(app, registered.token)).status).toBe(200);
    expect((await me(app, session.token)).status).toBe(200);
  });

  it('matches a password typed as other code points that NFKC makes equal', async () => {
    const { app } = accountTestApp(database);
    const email = uniqueEmail('nfkc');
    await register(app, email, 'blåbærsyltetøy\u00e5');
    await login(app, email, 'blåbærsyltetøya\u030a');
  });

  it('answers an unknown address and a wrong password identically', async () => {
    const { app } = accountTestApp(database);
    const email = uniqueEmail('finnes');
    await register(app, email);
    const wrongPassword = await call(app, 'POST', '/api/v1/auth/login', {
      body: { email, password: 'feil passord her' },
    });
    const unknownEmail = await call(app, 'POST', '/api/v1/auth/login', {
      body: { email: uniqueEmail('finnes-ikke'), password: 'feil passord her' },
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    const [a, b] = [await wrongPassword.text(), await unknownEmail.text()];
    expect(a).toBe(b);
    expect(JSON.parse(a)).toMatchObject({ error: 'invalid_credentials' });
    expect([...wrongPassword.headers].filter(([name]) => name !== 'content-length')).toEqual(
      [...unknownEmail.headers].filter(([name]) => name !== 'content-length'),
    );
  });

  it('does not apply the registration rules, and reports missing fields', async () => {
    const { app } = accountTestApp(database);
    // A short password cannot exist under today's rules, but login just says "wrong".
    const short = await call(app, 'POST', '/api/v1/auth/login', {
      body: { email: uniqueEmail('kort'), password: 'kort' },
    });
    expect(short.status).toBe(401);
    const missing = await call(app, 'POST', '/api/v1/auth/login', {
      body: { email: ' ', password: '' },
    });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      error: 'invalid_request',
      fields: { email: 'email_missing', password: 'password_missing' },
    });
  });

  it('re-hashes a password stored with a lower cost at the next login', async () => {
    const email = uniqueEmail('oppgradert');
    const cheap = accountTestApp(database, { now: T0 }, TEST_PASSWORD_COST);
    const { user } = await register(cheap.app, email);
    const dearer = accountTestApp(database, { now: T0 }, TEST_PASSWORD_COST + 1);
    await login(dearer.app, email);
    const row = await database.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$11\$/);
    // The new hash is a hash of the same password.
    await login(cheap.app, email);
  });
});

describe('logout', () => {
  it('ends that session only: its token is then 401, the other device stays signed in', async () => {
    const { app } = accountTestApp(database);
    const email = uniqueEmail('utlogging');
    const phone = await register(app, email);
    const laptop = await login(app, email);
    const response = await call(app, 'POST', '/api/v1/auth/logout', { token: phone.token });
    expect(response.status).toBe(204);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    await expectUnauthorized(await me(app, phone.token));
    await expectUnauthorized(
      await call(app, 'POST', '/api/v1/auth/logout', { token: phone.token }),
    );
    expect((await me(app, laptop.token)).status).toBe(200);
  });
});

describe('sessions on the app clock', () => {
  it('expires a session unused for the whole lifetime', async () => {
    // A cap beyond the sliding lifetime, so the sliding expiry is what ends it (sessions.test.ts
    // shows the cap).
    const { app, clock } = accountTestApp(database, undefined, undefined, { sessionMaxDays: 400 });
    const { token } = await register(app, uniqueEmail('utlopt'));
    clock.now = T0 + SESSION_LIFETIME_MS - 1;
    expect((await me(app, token)).status).toBe(200);
    // That use slid the expiry forward; a full lifetime without use ends it.
    clock.now += SESSION_LIFETIME_MS;
    await expectUnauthorized(await me(app, token));
    // Gone for good, even if the clock went back.
    clock.now = T0;
    await expectUnauthorized(await me(app, token));
  });

  it('slides the expiry forward with use, so a learner who comes back now and then stays in', async () => {
    const { app, clock } = accountTestApp(database, undefined, undefined, { sessionMaxDays: 400 });
    const { token, user } = await register(app, uniqueEmail('glidende'));
    const day = 24 * 60 * 60_000;
    for (let visit = 1; visit <= 3; visit++) {
      clock.now = T0 + visit * 100 * day; // 300 days: past one lifetime, within the 400-day cap
      expect((await me(app, token)).status, `visit ${visit}`).toBe(200);
    }
    const session = await database.db
      .selectFrom('sessions')
      .select('expires_at')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(session.expires_at).toBe(clock.now + SESSION_LIFETIME_MS);
  });
});

describe('export', () => {
  it('returns every stored thing about the learner as an attachment, and no secrets', async () => {
    const { app, clock } = accountTestApp(database);
    const email = uniqueEmail('eksport');
    const { user, token } = await register(app, email);
    clock.now = T0 + 1000;
    await login(app, email);
    const first = await insertLearnerData(database.db, user.id, { at: T0 + 2000, lessonId: 'a' });
    const second = await insertLearnerData(database.db, user.id, { at: T0 + 3000, lessonId: 'b' });
    clock.now = T0 + 5000;

    const response = await call(app, 'GET', '/api/v1/me/export', { token });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Disposition')).toBe(
      'attachment; filename="lommekurs-export.json"',
    );
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const text = await response.text();
    const exported = JSON.parse(text) as AccountExport;

    expect(exported.exportedAt).toBe(T0 + 5000);
    expect(exported.account).toEqual(user satisfies AccountInfo);
    expect(exported.clients).toEqual([
      { clientId: first.clientId, createdAt: T0 + 2000 },
      { clientId: second.clientId, createdAt: T0 + 3000 },
    ]);
    expect(exported.progress.map((p) => [p.lessonId, p.completedAt !== null])).toEqual([
      ['a', true],
      ['b', true],
    ]);
    expect(exported.events.map((e) => (e.event as { id: string }).id)).toEqual([
      ...first.eventIds,
      ...second.eventIds,
    ]);
    expect(exported.sessions.map(({ createdAt, expiresAt }) => ({ createdAt, expiresAt }))).toEqual(
      [
        { createdAt: T0, expiresAt: T0 + SESSION_LIFETIME_MS },
        { createdAt: T0 + 1000, expiresAt: T0 + 1000 + SESSION_LIFETIME_MS },
      ],
    );

    // No password hash, no token and no token hash anywhere in the file.
    const secrets = await database.db
      .selectFrom('users')
      .innerJoin('sessions', 'sessions.user_id', 'users.id')
      .select(['users.password_hash', 'sessions.token_hash'])
      .where('users.id', '=', user.id)
      .execute();
    expect(secrets).toHaveLength(2);
    for (const secret of [token, ...secrets.flatMap((s) => [s.password_hash, s.token_hash])]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain('scrypt$');
  });
});

describe('delete', () => {
  it('needs the password: a wrong one is 403 and changes nothing', async () => {
    const { app } = accountTestApp(database);
    const { user, token } = await register(app, uniqueEmail('angrer'));
    await insertLearnerData(database.db, user.id);
    const before = await rowsOfUser(database.db, user.id);
    const response = await call(app, 'DELETE', '/api/v1/me', {
      token,
      body: { password: 'ikke passordet mitt' },
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'invalid_credentials' });
    expect(await rowsOfUser(database.db, user.id)).toEqual(before);

    for (const body of [undefined, '{', { password: '' }, { password: 5 }, { passord: PASSWORD }]) {
      const bad = await call(app, 'DELETE', '/api/v1/me', { token, body });
      expect(bad.status, JSON.stringify(body)).toBe(400);
    }
    expect(await rowsOfUser(database.db, user.id)).toEqual(before);
  });

  it('erases the account: 204, every session ends, the address can register afresh', async () => {
    const { app } = accountTestApp(database);
    const email = uniqueEmail('slett');
    const { user, token } = await register(app, email);
    const other = await login(app, email);
    await insertLearnerData(database.db, user.id);
    const response = await call(app, 'DELETE', '/api/v1/me', {
      token,
      body: { password: PASSWORD },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    // The sessions are gone; their devices are told why (test/server/account-deleted.test.ts).
    await expectUnauthorized(await me(app, token), 'account_deleted');
    await expectUnauthorized(await me(app, other.token), 'account_deleted');
    const loginAgain = await call(app, 'POST', '/api/v1/auth/login', {
      body: { email, password: PASSWORD },
    });
    expect(loginAgain.status).toBe(401);
    const fresh = await register(app, email);
    expect(fresh.user.id).not.toBe(user.id);
  });
});

describe('methods', () => {
  it('answers a wrong method on an account path with 405 and Allow', async () => {
    const { app } = accountTestApp(database);
    const { token } = await register(app, uniqueEmail('metode'));
    const cases: [string, string, string][] = [
      ['GET', '/api/v1/auth/register', 'POST'],
      ['PUT', '/api/v1/auth/login', 'POST'],
      ['GET', '/api/v1/auth/logout', 'POST'],
      ['POST', '/api/v1/me', 'GET, HEAD, DELETE'],
      ['DELETE', '/api/v1/me/export', 'GET, HEAD'],
    ];
    for (const [method, path, allow] of cases) {
      const response = await call(app, method, path, { token });
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(response.headers.get('Allow')).toBe(allow);
      expect(await response.json()).toMatchObject({ error: 'method_not_allowed' });
    }
  });
});

describe('logging', () => {
  it('writes no password, token or address to the log', async () => {
    const { app, lines } = accountTestApp(database);
    const email = uniqueEmail('logg');
    const { token } = await register(app, email);
    await login(app, email);
    await call(app, 'POST', '/api/v1/auth/login', {
      body: { email, password: 'feil passord her' },
    });
    await call(app, 'DELETE', '/api/v1/me', { token, body: { password: PASSWORD } });
    const log = JSON.stringify(lines);
    expect(lines.map((line) => line.msg)).toEqual(
      expect.arrayContaining(['account created', 'signed in', 'account deleted']),
    );
    for (const secret of [PASSWORD, 'feil passord her', token, email]) {
      expect(log).not.toContain(secret);
    }
  });
});
