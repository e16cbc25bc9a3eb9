// An account deleted on one device is reported as deleted to the others: after DELETE
// /api/v1/me, every other session of the account is answered `401 account_deleted` on every
// endpoint that takes a token (an expired or unknown token stays `unauthorized`), for 90 days.
// What the server remembers for that holds no personal data: a token hash and a time. The
// migration that adds it keeps the rows already stored.
import { createHash } from 'node:crypto';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSession,
  DELETED_SESSION_MEMORY_MS,
  SESSION_LIFETIME_MS,
} from '../../src/server/sessions/sessions';
import type { Database } from '../../src/server/db/database';
import { migrate } from '../../src/server/db/database';
import { migrations } from '../../src/server/db/migrations';
import type { Db } from '../../src/server/db/schema';
import { newClientId } from '../utils/learners';
import { openTestDatabase } from '../utils/test-database';
import {
  accountTestApp,
  call,
  insertLearnerData,
  login,
  PASSWORD,
  register,
  T0,
} from './account-support';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const DAY = 24 * 60 * 60_000;
let seq = 0;

// Every endpoint that takes a token, with a request that would succeed for a live session.
const AUTHENTICATED: { method: string; path: string; body?: unknown }[] = [
  { method: 'GET', path: '/api/v1/me' },
  { method: 'GET', path: '/api/v1/me/export' },
  { method: 'POST', path: '/api/v1/auth/logout' },
  { method: 'DELETE', path: '/api/v1/me', body: { password: PASSWORD } },
  { method: 'GET', path: '/api/v1/sync/pull' },
  {
    method: 'POST',
    path: '/api/v1/sync/push',
    body: { clientId: newClientId(), schemaVersion: 1, events: [] },
  },
];

/** A learner on a phone, a laptop and a tablet, with synced data; and another learner. */
async function learnerOnThreeDevices() {
  const world = accountTestApp(database);
  const n = ++seq;
  const email = `tre-enheter-${n}@firma.no`;
  const phone = await register(world.app, email);
  const laptop = await login(world.app, email);
  const tablet = await login(world.app, email);
  await insertLearnerData(database.db, phone.user.id);
  const other = await register(world.app, `annen-${n}@firma.no`);
  return { ...world, email, phone, laptop, tablet, other };
}

const deleteAccount = (app: Parameters<typeof call>[0], token: string) =>
  call(app, 'DELETE', '/api/v1/me', { token, body: { password: PASSWORD } });

const errorOf = async (response: Response) => ((await response.json()) as { error: string }).error;

describe('the other devices of a deleted account', () => {
  it('are answered 401 account_deleted on every endpoint; other learners and dead tokens are not', async () => {
    const { app, phone, laptop, tablet, other } = await learnerOnThreeDevices();
    // A session of the account that had expired before the deletion is not remembered.
    const expired = await createSession(
      database.db,
      phone.user.id,
      T0 - SESSION_LIFETIME_MS - 60_000,
    );
    expect((await deleteAccount(app, phone.token)).status).toBe(204);

    for (const endpoint of AUTHENTICATED) {
      for (const [device, token] of [
        ['laptop', laptop.token],
        ['tablet', tablet.token],
        ['phone', phone.token],
      ] as const) {
        const response = await call(app, endpoint.method, endpoint.path, {
          token,
          body: endpoint.body,
        });
        const label = `${endpoint.method} ${endpoint.path} from the ${device}`;
        expect(response.status, label).toBe(401);
        expect(response.headers.get('WWW-Authenticate'), label).toBe('Bearer');
        expect(response.headers.get('Cache-Control'), label).toBe('no-store');
        expect(await errorOf(response), label).toBe('account_deleted');
      }
      const stale = await call(app, endpoint.method, endpoint.path, {
        token: expired.token,
        body: endpoint.body,
      });
      expect(await errorOf(stale), `${endpoint.path}, expired session`).toBe('unauthorized');
    }
    // The other learner is untouched.
    expect((await call(app, 'GET', '/api/v1/me', { token: other.token })).status).toBe(200);
  });

  it('remembers only token hashes and the time, for 90 days, then answers as for any dead token', async () => {
    const { app, clock, email, phone, laptop, tablet } = await learnerOnThreeDevices();
    const deletedAt = clock.now;
    expect((await deleteAccount(app, laptop.token)).status).toBe(204);

    const hashes = [phone, laptop, tablet].map((s) =>
      createHash('sha256').update(s.token).digest('hex'),
    );
    const remembered = await database.db
      .selectFrom('deleted_sessions')
      .selectAll()
      .where('token_hash', 'in', hashes)
      .orderBy('token_hash')
      .execute();
    expect(remembered).toEqual(
      [...hashes].sort().map((token_hash) => ({ token_hash, deleted_at: deletedAt })),
    );
    // Nothing that names the learner: no id, no email, no token.
    const text = JSON.stringify(remembered);
    for (const personal of [phone.user.id, email, phone.token, laptop.token, tablet.token]) {
      expect(text).not.toContain(personal);
    }

    clock.now = deletedAt + DELETED_SESSION_MEMORY_MS - 1;
    const late = await call(app, 'GET', '/api/v1/sync/pull', { token: tablet.token });
    expect(await errorOf(late)).toBe('account_deleted');
    clock.now = deletedAt + DELETED_SESSION_MEMORY_MS;
    const tooLate = await call(app, 'GET', '/api/v1/sync/pull', { token: tablet.token });
    expect(tooLate.status).toBe(401);
    expect(await errorOf(tooLate)).toBe('unauthorized');

    // The next deletion purges what is older than 90 days.
    const next = await register(app, `neste-${seq}@firma.no`);
    expect((await deleteAccount(app, next.token)).status).toBe(204);
    const left = await database.db
      .selectFrom('deleted_sessions')
      .select('token_hash')
      .where('token_hash', 'in', hashes)
      .execute();
    expect(left).toEqual([]);
  });

  it('a push that was waiting behind the deletion is answered account_deleted', async () => {
    const { app, phone, laptop } = await learnerOnThreeDevices();
    // Both requests start together; whichever order they take, the push ends in 204 + 401
    // account_deleted or in 200 + 204 (it ran first). Never a 401 unauthorized.
    const [push, deletion] = await Promise.all([
      call(app, 'POST', '/api/v1/sync/push', {
        token: laptop.token,
        body: { clientId: newClientId(), schemaVersion: 1, events: [] },
      }),
      deleteAccount(app, phone.token),
    ]);
    expect(deletion.status).toBe(204);
    if (push.status !== 200) {
      expect(push.status).toBe(401);
      expect(await errorOf(push)).toBe('account_deleted');
    }
  });
});

/** The two tables as migration 0001 made them. */
interface OldSchema {
  users: { id: string; email: string; password_hash: string; created_at: number };
  sessions: { token_hash: string; user_id: string; created_at: number; expires_at: number };
}

describe('migrations after 0001 on a database with rows', () => {
  it('add their tables and columns and keep every row stored before them', async () => {
    const db = new Kysely<unknown>({
      dialect: new SqliteDialect({ database: new SQLite(':memory:') }),
    }) as unknown as Db;
    try {
      const first = new Migrator({
        db,
        provider: {
          getMigrations: () =>
            Promise.resolve({ '0001-accounts-and-sync': migrations['0001-accounts-and-sync'] }),
        },
      });
      expect((await first.migrateToLatest()).error).toBeUndefined();
      await (db as unknown as Kysely<OldSchema>)
        .insertInto('users')
        .values({ id: 'u1', email: 'gammel@firma.no', password_hash: 'x', created_at: T0 })
        .execute();
      // The rows as 0001 knew them: the newer columns do not exist yet.
      await (db as unknown as Kysely<OldSchema>)
        .insertInto('sessions')
        .values({ token_hash: 'h1', user_id: 'u1', created_at: T0, expires_at: T0 + DAY })
        .execute();
      await db
        .insertInto('learner_sync')
        .values({ user_id: 'u1', version: 3, epoch: 'e1' })
        .execute();
      await migrate(db);
      expect(await db.selectFrom('users').select(['id', 'email']).execute()).toEqual([
        { id: 'u1', email: 'gammel@firma.no' },
      ]);
      // 0003 caps the old session 90 days after its creation and counts it as last used then.
      expect(
        await db
          .selectFrom('sessions')
          .select(['token_hash', 'absolute_expires_at', 'last_used_at', 'user_agent'])
          .execute(),
      ).toEqual([
        {
          token_hash: 'h1',
          absolute_expires_at: T0 + 90 * DAY,
          last_used_at: T0,
          user_agent: null,
        },
      ]);
      expect(await db.selectFrom('users').select('email_verified_at').execute()).toEqual([
        { email_verified_at: null },
      ]);
      expect(await db.selectFrom('learner_sync').select('version').execute()).toEqual([
        { version: 3 },
      ]);
      expect(await db.selectFrom('deleted_sessions').selectAll().execute()).toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});
