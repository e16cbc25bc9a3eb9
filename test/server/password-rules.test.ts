// The password rules of issue 12, part 9, through the real app and database: a new password
// needs 12 characters and may not be common or breached or the address (with the reason in the
// reply), login still accepts passwords made under the old rules, scrypt runs at N=2^17 by
// default with old hashes redone at the next login, and at most a few hashes compute at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_PASSWORD_COST,
  hashPassword,
  hashQueue,
  MAX_CONCURRENT_HASHES,
  verifyPassword,
} from '../../src/server/auth/passwords';
import type { Database } from '../../src/server/db/database';
import { openTestDatabase } from '../utils/test-database';
import { accountTestApp, call, login, register } from './account-support';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

let seq = 0;
const uniqueEmail = (name: string) => `${name}-${++seq}@firma.no`;
const registerWith = (app: Parameters<typeof call>[0], email: string, password: string) =>
  call(app, 'POST', '/api/v1/auth/register', { body: { email, password } });

describe('registration', { timeout: 60_000 }, () => {
  it('refuses an 11-character password with a reason, and takes 12', async () => {
    const { app } = accountTestApp(database);
    const response = await registerWith(app, uniqueEmail('kort'), 'elleve tegn');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: 'invalid_request',
      fields: { password: 'password_too_short' },
    });
    const twelve = await registerWith(app, uniqueEmail('tolv'), 'tolv tegn ja');
    expect(twelve.status).toBe(201);
  });

  it('refuses a common password and one that is the address, each with its reason', async () => {
    const { app } = accountTestApp(database);
    const common = await registerWith(app, uniqueEmail('vanlig'), 'Qwerty123456');
    expect(common.status).toBe(400);
    expect(await common.json()).toMatchObject({
      error: 'invalid_request',
      fields: { password: 'password_too_common' },
    });
    const email = uniqueEmail('adresse');
    const likeEmail = await registerWith(app, email, email);
    expect(likeEmail.status).toBe(400);
    expect(await likeEmail.json()).toMatchObject({ fields: { password: 'password_like_email' } });
  });

  it('still lets an account with an older, shorter password sign in', async () => {
    const { app } = accountTestApp(database);
    const email = uniqueEmail('gammel');
    const { user } = await register(app, email);
    // A password set under the old 10-character rule.
    await database.db
      .updateTable('users')
      .set({ password_hash: await hashPassword('ti tegn ok', 10) })
      .where('id', '=', user.id)
      .execute();
    await login(app, email, 'ti tegn ok');
  });
});

describe('scrypt cost', { timeout: 60_000 }, () => {
  it('is 2^17 by default', async () => {
    expect(DEFAULT_PASSWORD_COST).toBe(17);
    const stored = await hashPassword('blå fjord sykkel lampe');
    expect(stored.startsWith('scrypt$17$8$1$')).toBe(true);
    expect(await verifyPassword('blå fjord sykkel lampe', stored)).toBe(true);
  });

  it('redoes a 2^15 hash at 2^17 at the next login, and the password still works', async () => {
    // The app at the default cost (no passwordCost given).
    const { app } = accountTestApp(database, undefined, DEFAULT_PASSWORD_COST);
    const email = uniqueEmail('rehash');
    const password = 'blå fjord sykkel lampe';
    const { user } = await register(app, email, password);
    await database.db
      .updateTable('users')
      .set({ password_hash: await hashPassword(password, 15) })
      .where('id', '=', user.id)
      .execute();
    const stored = async () =>
      (
        await database.db
          .selectFrom('users')
          .select('password_hash')
          .where('id', '=', user.id)
          .executeTakeFirstOrThrow()
      ).password_hash;
    expect(await stored()).toMatch(/^scrypt\$15\$/);
    await login(app, email, password);
    expect(await stored()).toMatch(/^scrypt\$17\$8\$1\$/);
    await login(app, email, password);
  });

  it(`computes at most ${MAX_CONCURRENT_HASHES} hashes at once; the rest wait their turn`, async () => {
    expect(MAX_CONCURRENT_HASHES).toBeLessThanOrEqual(4);
    // Wait for hashes other tests' apps started (each app hashes a dummy password) to finish.
    while (hashQueue().running > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    const hashes = Array.from({ length: 6 }, (_, i) => hashPassword(`passord nummer ${i}`, 12));
    expect(hashQueue()).toEqual({
      running: MAX_CONCURRENT_HASHES,
      waiting: 6 - MAX_CONCURRENT_HASHES,
    });
    const done = await Promise.all(hashes);
    expect(new Set(done).size).toBe(6);
    expect(hashQueue()).toEqual({ running: 0, waiting: 0 });
  });
});
