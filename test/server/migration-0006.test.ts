// Issue 14, acceptance 3: a database filled by the release before the business-garden network
// (migrations 0001–0005: accounts, sessions, devices, events, progress, passkeys, mail tokens,
// rate limits, deleted-account sessions) migrates to 0006 with every row of every table intact,
// count and content; the new tables start empty and work, on SQLite here and on PostgreSQL under
// `npm run test:pg`. And migration 0008 (issue 15) fills the insight facts of the rows it finds.
import { randomBytes } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { eraseAccount } from '../../src/server/auth/erasure';
import { migrate } from '../../src/server/db/database';
import { migrations } from '../../src/server/db/migrations';
import type { Db } from '../../src/server/db/schema';
import { emptyProgress } from '../../src/shared/progress';
import { createPostgresDatabase, testPostgresUrl } from '../utils/test-database';

const T0 = Date.UTC(2026, 10, 27, 9);
const DAY = 24 * 60 * 60_000;

/** The migrations the release before issue 14 shipped. */
const RELEASED = [
  '0001-accounts-and-sync',
  '0002-deleted-account-sessions',
  '0003-recoverable-accounts',
  '0005-rate-limits',
];

/** Every table of the released schema with its primary key (the snapshot's order). */
const RELEASED_TABLES: Record<string, string[]> = {
  users: ['id'],
  sessions: ['token_hash'],
  clients: ['client_id'],
  learner_sync: ['user_id'],
  events: ['user_id', 'id'],
  progress: ['user_id', 'course_id', 'lesson_id'],
  deleted_sessions: ['token_hash'],
  mail_tokens: ['token_hash'],
  passkeys: ['credential_id'],
  passkey_challenges: ['challenge'],
  known_devices: ['token_hash'],
  rate_limits: ['key'],
};

const NEW_TABLES = [
  'gardens',
  'firms',
  'network_roles',
  'advisors',
  'invites',
  'join_codes',
  'memberships',
  'consents',
  'consent_log',
];

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

/** An empty database of the test's engine, opened as the server opens it (foreign keys on). */
async function emptyDatabase(): Promise<Db> {
  const serverUrl = testPostgresUrl();
  if (!serverUrl) {
    const sqlite = new SQLite(':memory:');
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<unknown>({
      dialect: new SqliteDialect({ database: sqlite }),
    }) as unknown as Db;
    cleanup = () => db.destroy();
    return db;
  }
  const created = await createPostgresDatabase(serverUrl);
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: created.url, max: 2 }) }),
  }) as unknown as Db;
  cleanup = async () => {
    await db.destroy();
    await created.drop();
  };
  return db;
}

/** Brings `db` to the released schema (0001–0005) and no further. */
async function migrateToRelease(db: Db): Promise<void> {
  const released = Object.fromEntries(RELEASED.map((name) => [name, migrations[name]!]));
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(released) },
  });
  const { error } = await migrator.migrateToLatest();
  expect(error).toBeUndefined();
}

const key = () => randomBytes(16).toString('hex');

/** Rows in every released table, as the release writes them: two learners with sessions,
 * devices, events, progress and sign-in rows (nulls where the release leaves them null, text
 * with non-ASCII letters and quotes, and times beyond 2^32), a deleted account's session and
 * rate-limit counters. */
async function fillAsReleased(db: Db): Promise<void> {
  // The row types of today's Schema include columns 0006 adds to no released table, so the
  // released tables are written through Kysely as they are.
  for (const [n, userId] of ['u-kari', 'u-ola'].entries()) {
    const at = T0 + n * DAY;
    await db
      .insertInto('users')
      .values({
        id: userId,
        email: `${userId}@firma.no`,
        password_hash: `scrypt$10$8$1$${key()}$${key()}`,
        created_at: at,
        email_verified_at: n === 0 ? at + 5 : null,
      })
      .execute();
    await db
      .insertInto('sessions')
      .values({
        token_hash: key(),
        user_id: userId,
        created_at: at,
        expires_at: at + 180 * DAY,
        absolute_expires_at: at + 90 * DAY,
        last_used_at: at + 1,
        user_agent: n === 0 ? 'Mozilla/5.0 (Android 14) Chrome/131' : null,
      })
      .execute();
    const clientId = `c-${userId}`;
    await db
      .insertInto('clients')
      .values({ client_id: clientId, user_id: userId, created_at: at })
      .execute();
    await db
      .insertInto('learner_sync')
      .values({ user_id: userId, version: 2 + n, epoch: key() })
      .execute();
    for (let seq = 1; seq <= 3; seq++) {
      const body = {
        id: `e-${userId}-${seq}`,
        type: 'reflection.saved',
        payload: { text: `«Æ øy å» "${seq}"` },
      };
      await db
        .insertInto('events')
        .values({
          user_id: userId,
          id: body.id,
          client_id: clientId,
          seq,
          type: body.type,
          course_id: 'baerekraft',
          lesson_id: `l-${seq}`,
          at: at + seq,
          received_at: at + seq + 10,
          version: seq,
          body: JSON.stringify(body),
        })
        .execute();
      await db
        .insertInto('progress')
        .values({
          user_id: userId,
          course_id: 'baerekraft',
          lesson_id: `l-${seq}`,
          data: JSON.stringify({ lessonId: `l-${seq}`, reflection: { value: `Tanke ${seq}`, at } }),
          version: seq,
          updated_at: at + seq,
        })
        .execute();
    }
    await db
      .insertInto('mail_tokens')
      .values({
        token_hash: key(),
        user_id: userId,
        purpose: 'verify',
        email: `${userId}@firma.no`,
        created_at: at,
        expires_at: at + 7 * DAY,
      })
      .execute();
    await db
      .insertInto('passkeys')
      .values({
        credential_id: key(),
        user_id: userId,
        public_key: key(),
        counter: 4_294_967_296 + n,
        transports: '["internal","hybrid"]',
        name: 'Telefonen',
        created_at: at,
        last_used_at: n === 0 ? at + 3 : null,
      })
      .execute();
    await db
      .insertInto('passkey_challenges')
      .values({
        challenge: key(),
        user_id: n === 0 ? userId : null,
        purpose: n === 0 ? 'register' : 'sign-in',
        expires_at: at + 300_000,
      })
      .execute();
    await db
      .insertInto('known_devices')
      .values({ token_hash: key(), user_id: userId, created_at: at, last_used_at: at + 2 })
      .execute();
  }
  await db
    .insertInto('deleted_sessions')
    .values({ token_hash: key(), deleted_at: T0 - DAY })
    .execute();
  await sql`INSERT INTO rate_limits (key, points, expire) VALUES ('login:1.2.3.4', 3, ${T0 + 60_000}), ('push:u-kari', 1, NULL)`.execute(
    db,
  );
}

/** Every row of every released table, in primary-key order. */
async function snapshot(db: Db): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const [table, keyColumns] of Object.entries(RELEASED_TABLES)) {
    const { rows } =
      await sql`SELECT * FROM ${sql.table(table)} ORDER BY ${sql.join(keyColumns.map((c) => sql.ref(c)))}`.execute(
        db,
      );
    // Columns a later migration adds (0008's insight facts) are that migration's test's.
    tables[table] = rows.map((row) =>
      Object.fromEntries(
        Object.entries(row as object).filter(([column]) => !column.startsWith('insight_')),
      ),
    );
  }
  return tables;
}

describe('migration 0006-business-gardens', () => {
  it('keeps every row of every released table, and adds empty network tables', async () => {
    const db = await emptyDatabase();
    await migrateToRelease(db);
    await fillAsReleased(db);
    const before = await snapshot(db);
    // Every released table holds rows, so "intact" is checked on each.
    for (const [table, rows] of Object.entries(before))
      expect(rows.length, table).toBeGreaterThan(0);

    await migrate(db);

    expect(await snapshot(db)).toEqual(before);
    for (const table of NEW_TABLES) {
      const { rows } = await sql`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db);
      expect(Number((rows[0] as { n: number | string }).n), table).toBe(0);
    }
    // Running the migrator again changes nothing.
    await migrate(db);
    expect(await snapshot(db)).toEqual(before);
  });

  it('lets a migrated learner join a garden, and erases them with every network row', async () => {
    const db = await emptyDatabase();
    await migrateToRelease(db);
    await fillAsReleased(db);
    await migrate(db);

    await db
      .insertInto('gardens')
      .values({
        id: 'g1',
        name: 'Kunnskapsparken',
        county: 'Vestland',
        municipality: 'Bergen',
        created_at: T0,
      })
      .execute();
    await db
      .insertInto('firms')
      .values({
        id: 'f1',
        garden_id: 'g1',
        name: 'Fjord AS',
        org_number: '974760673',
        created_at: T0,
      })
      .execute();
    await db
      .insertInto('firms')
      .values({
        id: 'f2',
        garden_id: 'g1',
        name: 'Uten nummer AS',
        org_number: null,
        created_at: T0,
      })
      .execute();
    // Many firms may have no number; a number is unique within the garden.
    await db
      .insertInto('firms')
      .values({ id: 'f3', garden_id: 'g1', name: 'Også uten AS', org_number: null, created_at: T0 })
      .execute();
    await expect(
      db
        .insertInto('firms')
        .values({
          id: 'f4',
          garden_id: 'g1',
          name: 'Kopi AS',
          org_number: '974760673',
          created_at: T0,
        })
        .execute(),
    ).rejects.toThrow();
    await db
      .insertInto('advisors')
      .values({ garden_id: 'g1', user_id: 'u-ola', added_at: T0, added_by: null })
      .execute();
    await db
      .insertInto('join_codes')
      .values({
        code: 'NH-7K3P-Q2',
        garden_id: 'g1',
        created_by: 'u-ola',
        created_at: T0,
        expires_at: null,
        revoked_at: null,
      })
      .execute();
    await db
      .insertInto('invites')
      .values({
        token_hash: key(),
        garden_id: 'g1',
        email: 'ny@firma.no',
        invited_by: 'u-ola',
        created_at: T0,
        expires_at: T0 + 7 * DAY,
        used_at: null,
        used_by: null,
      })
      .execute();
    await db
      .insertInto('memberships')
      .values({
        user_id: 'u-kari',
        garden_id: 'g1',
        firm_id: 'f1',
        display_name: 'Kari',
        joined_at: T0,
      })
      .execute();
    await db
      .insertInto('consents')
      .values({
        user_id: 'u-kari',
        garden_id: 'g1',
        text_version: '2026-12-02',
        given_at: T0,
        withdrawn_at: null,
      })
      .execute();
    await db
      .insertInto('consent_log')
      .values({
        id: 'log-1',
        user_id: 'u-kari',
        garden_id: 'g1',
        kind: 'given',
        text_version: '2026-12-02',
        at: T0,
      })
      .execute();
    await db
      .insertInto('network_roles')
      .values({ user_id: 'u-ola', role: 'network_admin', granted_at: T0 })
      .execute();

    // The advisor's account goes: their rows go, the garden's rows stay with the user unnamed.
    await eraseAccount(db, 'u-ola', T0 + DAY);
    expect(await db.selectFrom('advisors').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('network_roles').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('join_codes').select(['code', 'created_by']).execute()).toEqual([
      { code: 'NH-7K3P-Q2', created_by: null },
    ]);
    expect(await db.selectFrom('invites').select(['email', 'invited_by']).execute()).toEqual([
      { email: 'ny@firma.no', invited_by: null },
    ]);
    // The learner's account goes: membership, consent and log go, and the firm only they were in
    // (its name may be theirs); the garden and its other firms stay.
    await eraseAccount(db, 'u-kari', T0 + DAY);
    for (const table of ['memberships', 'consents', 'consent_log'] as const) {
      expect(await db.selectFrom(table).selectAll().execute(), table).toEqual([]);
    }
    expect(await db.selectFrom('firms').select('id').orderBy('id').execute()).toEqual([
      { id: 'f2' },
      { id: 'f3' },
    ]);
    // Deleting a garden takes its firms, codes and invites with it.
    await db.deleteFrom('gardens').where('id', '=', 'g1').execute();
    for (const table of ['firms', 'join_codes', 'invites'] as const) {
      expect(await db.selectFrom(table).selectAll().execute(), table).toEqual([]);
    }
  });
});

describe('migration 0008-lesson-insight', () => {
  it('fills the insight facts of every stored progress row, of any age', async () => {
    const db = await emptyDatabase();
    const through0006 = Object.fromEntries(
      [...RELEASED, '0006-business-gardens'].map((name) => [name, migrations[name]!]),
    );
    const migrator = new Migrator({
      db,
      provider: { getMigrations: () => Promise.resolve(through0006) },
    });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    await db
      .insertInto('users')
      .values({ id: 'u', email: 'u@x.no', password_hash: 'x', created_at: T0 })
      .execute();
    const opened = Date.UTC(2026, 2, 31, 22, 30); // 1 April 00:30 in Oslo: the second quarter
    const full = {
      ...emptyProgress('kurs', 'full'),
      openedAt: opened,
      completedAt: opened + 1,
      rating: { value: 'no', at: opened, clientId: 'c', eventId: 'e' },
      time: { a: 100, b: 95 },
    };
    const rows = [
      { lesson_id: 'full', data: JSON.stringify(full) },
      // A row from before ratings and last-completed times existed, never opened.
      { lesson_id: 'old', data: JSON.stringify({ lessonId: 'old', reflection: null }) },
    ];
    await db
      .insertInto('progress')
      .values(
        rows.map((row) => ({
          ...row,
          user_id: 'u',
          course_id: 'kurs',
          version: 1,
          updated_at: T0,
        })),
      )
      .execute();
    await migrate(db);
    const facts = await db
      .selectFrom('progress')
      .select([
        'lesson_id',
        'insight_quarter',
        'insight_completed',
        'insight_rating',
        'insight_minutes',
      ])
      .orderBy('lesson_id')
      .execute();
    expect(
      facts.map((row) => ({
        ...row,
        insight_completed: Number(row.insight_completed),
        insight_minutes: Number(row.insight_minutes),
      })),
    ).toEqual([
      {
        lesson_id: 'full',
        insight_quarter: '2026-Q2',
        insight_completed: 1,
        insight_rating: 'no',
        insight_minutes: 3,
      },
      {
        lesson_id: 'old',
        insight_quarter: null,
        insight_completed: 0,
        insight_rating: null,
        insight_minutes: 0,
      },
    ]);
  });
});
