// Every schema version the server has shipped, in order. Portable SQL only, so the same
// migrations run on SQLite and PostgreSQL. Never edit a shipped migration; add the next one.
import type { Kysely, Migration, MigrationProvider } from 'kysely';

// Kysely keeps `any` here on purpose: a migration must not depend on today's Schema type.
/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyDb = Kysely<any>;

const accountsAndSync: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

    await db.schema
      .createTable('clients')
      .addColumn('client_id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('clients_user').on('clients').column('user_id').execute();

    await db.schema
      .createTable('learner_sync')
      .addColumn('user_id', 'text', (c) =>
        c.primaryKey().references('users.id').onDelete('cascade'),
      )
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('epoch', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('events')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('course_id', 'text', (c) => c.notNull())
      .addColumn('lesson_id', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('received_at', 'bigint', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('events_pk', ['user_id', 'id'])
      .execute();

    await db.schema
      .createTable('progress')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('course_id', 'text', (c) => c.notNull())
      .addColumn('lesson_id', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('progress_pk', ['user_id', 'course_id', 'lesson_id'])
      .execute();
    // The pull's keyset: WHERE user_id = ? AND (version, course_id, lesson_id) > (…) ORDER BY …
    await db.schema
      .createIndex('progress_pull')
      .on('progress')
      .columns(['user_id', 'version', 'course_id', 'lesson_id'])
      .execute();
  },
  async down(db: AnyDb) {
    for (const table of ['progress', 'events', 'learner_sync', 'clients', 'sessions', 'users']) {
      await db.schema.dropTable(table).execute();
    }
  },
};

// The sessions of deleted accounts, so a device still holding one of their tokens is told that
// the account was deleted (not that it must sign in again). Only the SHA-256 of a token and when
// the account was deleted: no user id, no email. Rows older than 90 days are purged.
const deletedAccountSessions: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('deleted_sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('deleted_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('deleted_sessions_deleted_at')
      .on('deleted_sessions')
      .column('deleted_at')
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('deleted_sessions').execute();
  },
};

// Accounts a learner can keep (issue 12): a verified-address time, session metadata and an
// absolute lifetime, single-use mail tokens (password reset, address verification), passkeys and
// their ceremony challenges, and the devices that have signed in before (OWASP device cookies).
const recoverableAccounts: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('users').addColumn('email_verified_at', 'bigint').execute();

    await db.schema.alterTable('sessions').addColumn('absolute_expires_at', 'bigint').execute();
    await db.schema.alterTable('sessions').addColumn('last_used_at', 'bigint').execute();
    await db.schema.alterTable('sessions').addColumn('user_agent', 'text').execute();
    // Sessions made before this migration get the absolute cap counted from their creation.
    await db
      .updateTable('sessions')
      .set((eb) => ({
        absolute_expires_at: eb('created_at', '+', 90 * 24 * 60 * 60_000),
        last_used_at: eb.ref('created_at'),
      }))
      .execute();

    await db.schema
      .createTable('mail_tokens')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('mail_tokens_user')
      .on('mail_tokens')
      .columns(['user_id', 'purpose'])
      .execute();

    await db.schema
      .createTable('passkeys')
      .addColumn('credential_id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('public_key', 'text', (c) => c.notNull())
      .addColumn('counter', 'bigint', (c) => c.notNull())
      .addColumn('transports', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('last_used_at', 'bigint')
      .execute();
    await db.schema.createIndex('passkeys_user').on('passkeys').column('user_id').execute();

    await db.schema
      .createTable('passkey_challenges')
      .addColumn('challenge', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text')
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('passkey_challenges_expires')
      .on('passkey_challenges')
      .column('expires_at')
      .execute();

    await db.schema
      .createTable('known_devices')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('last_used_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('known_devices_user')
      .on('known_devices')
      .column('user_id')
      .execute();
  },
  async down(db: AnyDb) {
    for (const table of ['known_devices', 'passkey_challenges', 'passkeys', 'mail_tokens']) {
      await db.schema.dropTable(table).execute();
    }
    for (const column of ['absolute_expires_at', 'last_used_at', 'user_agent']) {
      await db.schema.alterTable('sessions').dropColumn(column).execute();
    }
    await db.schema.alterTable('users').dropColumn('email_verified_at').execute();
  },
};

// Rate-limit counters shared by every server process (src/server/limits/): one row per key, in
// the layout rate-limiter-flexible's SQLite and PostgreSQL stores read and write (columns in this
// order: its PostgreSQL upsert inserts positionally). Made here, once, by the migrator's lock,
// rather than by the library at start-up in each process (its own CREATE TABLE races between
// processes and reports failure only through a callback).
const rateLimits: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('rate_limits')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('expire', 'bigint')
      .execute();
    await db.schema.createIndex('rate_limits_expire').on('rate_limits').column('expire').execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('rate_limits').execute();
  },
};

/** Migration names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '0001-accounts-and-sync': accountsAndSync,
  '0002-deleted-account-sessions': deletedAccountSessions,
  '0003-recoverable-accounts': recoverableAccounts,
  '0005-rate-limits': rateLimits,
};

/** The migrations above, for Kysely's Migrator. */
export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
