// Every schema version the server has shipped, in order. Portable SQL only, so the same
// migrations run on SQLite and PostgreSQL. Never edit a shipped migration; add the next one.
import type { ColumnDefinitionBuilder, Kysely, Migration, MigrationProvider } from 'kysely';
import { emptyProgress, type LessonProgress } from '../../shared/progress';
import { insightFacts } from '../insight/facts';

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

// The business-garden network (issue 14), the whole of it in one migration so later parts need
// no second one: gardens and their firms, network roles, advisors, single-use advisor invites,
// join codes, learners' memberships and consents, and the consent audit log. References to the
// user who did something (added_by, invited_by, used_by, created_by) are set to null when that
// user's account is erased: the garden's rows stay, the person leaves them.
const businessGardens: Migration = {
  async up(db: AnyDb) {
    const userRef = (c: ColumnDefinitionBuilder) => c.references('users.id').onDelete('set null');
    const gardenRef = (c: ColumnDefinitionBuilder) =>
      c.notNull().references('gardens.id').onDelete('cascade');
    const owner = (c: ColumnDefinitionBuilder) =>
      c.notNull().references('users.id').onDelete('cascade');

    await db.schema
      .createTable('gardens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('county', 'text', (c) => c.notNull())
      .addColumn('municipality', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('firms')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('garden_id', 'text', gardenRef)
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('org_number', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    // One firm per organisation number in a garden. A plain unique index is enough on both
    // databases: SQLite and PostgreSQL (NULLS DISTINCT, the default) let many rows hold null.
    await db.schema
      .createIndex('firms_garden_org_number')
      .on('firms')
      .columns(['garden_id', 'org_number'])
      .unique()
      .execute();

    await db.schema
      .createTable('network_roles')
      .addColumn('user_id', 'text', owner)
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('granted_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('network_roles_pk', ['user_id', 'role'])
      .execute();

    await db.schema
      .createTable('advisors')
      .addColumn('garden_id', 'text', gardenRef)
      .addColumn('user_id', 'text', owner)
      .addColumn('added_at', 'bigint', (c) => c.notNull())
      .addColumn('added_by', 'text', userRef)
      .addPrimaryKeyConstraint('advisors_pk', ['garden_id', 'user_id'])
      .execute();
    await db.schema.createIndex('advisors_user').on('advisors').column('user_id').execute();

    await db.schema
      .createTable('invites')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('garden_id', 'text', gardenRef)
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('invited_by', 'text', userRef)
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('used_at', 'bigint')
      .addColumn('used_by', 'text', userRef)
      .execute();
    await db.schema.createIndex('invites_garden').on('invites').column('garden_id').execute();
    await db.schema.createIndex('invites_expires').on('invites').column('expires_at').execute();

    await db.schema
      .createTable('join_codes')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('garden_id', 'text', gardenRef)
      .addColumn('created_by', 'text', userRef)
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint')
      .addColumn('revoked_at', 'bigint')
      .execute();
    await db.schema.createIndex('join_codes_garden').on('join_codes').column('garden_id').execute();

    await db.schema
      .createTable('memberships')
      .addColumn('user_id', 'text', owner)
      .addColumn('garden_id', 'text', gardenRef)
      .addColumn('firm_id', 'text', (c) => c.references('firms.id').onDelete('set null'))
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('joined_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('memberships_pk', ['user_id', 'garden_id'])
      .execute();
    await db.schema
      .createIndex('memberships_garden')
      .on('memberships')
      .columns(['garden_id', 'user_id'])
      .execute();
    await db.schema.createIndex('memberships_firm').on('memberships').column('firm_id').execute();

    await db.schema
      .createTable('consents')
      .addColumn('user_id', 'text', owner)
      .addColumn('garden_id', 'text', gardenRef)
      .addColumn('text_version', 'text', (c) => c.notNull())
      .addColumn('given_at', 'bigint', (c) => c.notNull())
      .addColumn('withdrawn_at', 'bigint')
      .addPrimaryKeyConstraint('consents_pk', ['user_id', 'garden_id'])
      .execute();
    await db.schema
      .createIndex('consents_garden')
      .on('consents')
      .columns(['garden_id', 'user_id'])
      .execute();

    // The learner's audit log: kept when the garden is deleted (no reference to gardens), gone
    // with the learner's account.
    await db.schema
      .createTable('consent_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', owner)
      .addColumn('garden_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('text_version', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('consent_log_user')
      .on('consent_log')
      .columns(['user_id', 'at'])
      .execute();
  },
  async down(db: AnyDb) {
    for (const table of [
      'consent_log',
      'consents',
      'memberships',
      'join_codes',
      'invites',
      'advisors',
      'network_roles',
      'firms',
      'gardens',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};

/** Insight facts (issue 15) beside each progress row, backfilled from the rows' data: the columns
 * the insight page groups by (src/server/insight/facts.ts), and an index covering its per-course
 * queries. */
const lessonInsight: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('progress').addColumn('insight_quarter', 'text').execute();
    for (const column of ['insight_completed', 'insight_minutes']) {
      await db.schema
        .alterTable('progress')
        .addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    }
    for (const column of [
      'insight_rating',
      'insight_comment',
      'insight_topics',
      'insight_wish_text',
    ]) {
      await db.schema.alterTable('progress').addColumn(column, 'text').execute();
    }
    // Backfill in pages along the primary key. (The one migration that calls today's code: the
    // facts are a cache of `data`, and a later change to them comes with its own backfill.)
    let after: [string, string, string] | null = null;
    for (;;) {
      let page = db
        .selectFrom('progress')
        .select(['user_id', 'course_id', 'lesson_id', 'data'])
        .orderBy('user_id')
        .orderBy('course_id')
        .orderBy('lesson_id')
        .limit(BACKFILL_PAGE);
      if (after) {
        const [u, c, l] = after;
        page = page.where(({ eb, refTuple, tuple }) =>
          eb(refTuple('user_id', 'course_id', 'lesson_id'), '>', tuple(u, c, l)),
        );
      }
      const rows: { user_id: string; course_id: string; lesson_id: string; data: string }[] =
        await page.execute();
      for (const row of rows) {
        await db
          .updateTable('progress')
          .set(
            insightFacts({
              // A row of any age: what it lacks reads as the empty record's.
              ...emptyProgress(row.course_id, row.lesson_id),
              ...(JSON.parse(row.data) as Partial<LessonProgress>),
            }),
          )
          .where('user_id', '=', row.user_id)
          .where('course_id', '=', row.course_id)
          .where('lesson_id', '=', row.lesson_id)
          .execute();
      }
      if (rows.length < BACKFILL_PAGE) break;
      const last = rows[rows.length - 1]!;
      after = [last.user_id, last.course_id, last.lesson_id];
    }
    // Covering: the insight queries read a course's rows from the index alone, never the rows'
    // progress JSON.
    await db.schema
      .createIndex('progress_insight')
      .on('progress')
      .columns([
        'course_id',
        'insight_quarter',
        'user_id',
        'lesson_id',
        'insight_completed',
        'insight_rating',
        'insight_minutes',
        'insight_topics',
      ])
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropIndex('progress_insight').execute();
    for (const column of [
      'insight_wish_text',
      'insight_topics',
      'insight_comment',
      'insight_rating',
      'insight_minutes',
      'insight_completed',
      'insight_quarter',
    ]) {
      await db.schema.alterTable('progress').dropColumn(column).execute();
    }
  },
};

const BACKFILL_PAGE = 1000;

// Anonymous answers of learners without an account (issue 15): one row per event id, which the
// device makes random for this copy (src/shared/anonymous-feedback.ts). Deliberately no account,
// client id, address, user agent or exact time: the event's month and the month it arrived are
// all the insight page needs. A comment's text is kept only when the learner let the course
// authors read it.
const anonymousFeedback: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('anonymous_feedback')
      .addColumn('event_id', 'text', (c) => c.primaryKey())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('course_id', 'text', (c) => c.notNull())
      .addColumn('lesson_id', 'text', (c) => c.notNull())
      .addColumn('answer', 'text')
      .addColumn('topics', 'text')
      .addColumn('text', 'text')
      .addColumn('for_authors', 'integer')
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('received_month', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('anonymous_feedback_lesson')
      .on('anonymous_feedback')
      .columns(['course_id', 'lesson_id', 'month'])
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('anonymous_feedback').execute();
  },
};

/** Migration names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '0001-accounts-and-sync': accountsAndSync,
  '0002-deleted-account-sessions': deletedAccountSessions,
  '0003-recoverable-accounts': recoverableAccounts,
  '0005-rate-limits': rateLimits,
  '0006-business-gardens': businessGardens,
  '0007-anonymous-feedback': anonymousFeedback,
  '0008-lesson-insight': lessonInsight,
};

/** The migrations above, for Kysely's Migrator. */
export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
