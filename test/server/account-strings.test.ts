// Issue 12, "Strings", for e-mail addresses, on SQLite and PostgreSQL: a NUL (which PostgreSQL
// refuses in text) or an unpaired surrogate (which a driver turns into U+FFFD, making two
// addresses one) is a 400 with a reason, never a 500 or someone else's account; and an address is
// NFKC-normalised before it is lower-cased, so a ligature, NFD and fullwidth letters name the
// same account as their plain spelling.
import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database';
import type { InvalidCredentialsResponse } from '../../src/shared/sync-protocol';
import { openTestDatabase } from '../utils/test-database';
import { accountTestApp, call, login, PASSWORD, register } from './account-support';

let database: Database;
let app: Hono;

beforeAll(async () => {
  database = await openTestDatabase();
  ({ app } = accountTestApp(database));
});
afterAll(() => database.close());

/** A fresh local part, so each test has its own accounts. */
const fresh = () => `k${randomBytes(4).toString('hex')}`;

const post = (path: 'register' | 'login', email: string, password = PASSWORD) =>
  call(app, 'POST', `/api/v1/auth/${path}`, { body: { email, password } });

describe('e-mail strings', () => {
  it.each([
    ['NUL', (local: string) => `${local}\u0000@firma.no`],
    ['a control character', (local: string) => `${local}\u001b@firma.no`],
    ['a lone high surrogate', (local: string) => `sur\ud800.${local}@firma.no`],
    ['a lone low surrogate', (local: string) => `sur\udc00.${local}@firma.no`],
  ])('an address with %s is 400 invalid_email at register and login', async (_, make) => {
    const email = make(fresh());
    for (const path of ['register', 'login'] as const) {
      const response = await post(path, email);
      expect(response.status, `${path}: ${await response.clone().text()}`).toBe(400);
      const body = (await response.json()) as InvalidCredentialsResponse;
      expect(body.error).toBe('invalid_request');
      expect(body.fields.email).toBe('invalid_email');
    }
  });

  it('sur\\ud800.x@… and sur\\ud801.x@… are not one account', async () => {
    const local = fresh();
    expect((await post('register', `sur\ud800.${local}@firma.no`)).status).toBe(400);
    expect((await post('login', `sur\ud801.${local}@firma.no`)).status).toBe(400);
    const stored = await database.db
      .selectFrom('users')
      .select('email')
      .where('email', 'like', `%${local}%`)
      .execute();
    expect(stored).toEqual([]);
  });

  it.each([
    ['a ligature (ﬁ)', (local: string) => [`ﬁ.${local}@firma.no`, `fi.${local}@firma.no`]],
    [
      'NFD and NFC',
      (local: string) => [`cafe\u0301.${local}@firma.no`, `caf\u00e9.${local}@firma.no`],
    ],
    [
      'fullwidth letters',
      (local: string) => [`ｋａｒｉ.${local}@ｆｉｒｍａ.ｎｏ`, `kari.${local}@firma.no`],
    ],
    [
      'capitals and spaces',
      (local: string) => [` KARI.${local}@Firma.NO `, `kari.${local}@firma.no`],
    ],
  ])('%s: one account, whichever spelling signs in', async (_, make) => {
    const [odd, plain] = make(fresh()) as [string, string];
    const made = await register(app, odd);
    expect(made.user.email).toBe(plain.trim());
    expect((await login(app, plain)).user.id).toBe(made.user.id);
    expect((await login(app, odd)).user.id).toBe(made.user.id);
    const again = await post('register', plain);
    expect(again.status).toBe(409);
  });
});
