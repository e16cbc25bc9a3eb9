// `npm run admin`: the real command, compiled as `npm run admin` runs it (dist-server/admin.js from
// src/server/admin.ts), in a child process against a temporary
// DATA_DIR (or, under test:pg, a fresh PostgreSQL database through DATABASE_URL), mailing
// through a real SMTP server started here. It creates a garden and prints an invite link that
// also arrives by mail; refuses a misspelt county listing the valid ones (exit 1); lists gardens;
// invites by garden name; removes an advisor; grants a network role.
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargetOf, openDatabase, type Database } from '../../src/server/db/database';
import { hashToken } from '../../src/server/sessions/sessions';
import { INVITE_PATH } from '../../src/shared/network-protocol';
import { buildCompiledServer, type CompiledServer } from '../utils/compiled-server';
import { startSmtpCatcher, type SmtpCatcher } from '../utils/smtp-catcher';
import { createPostgresDatabase, testPostgresUrl } from '../utils/test-database';
import { makeTemp, removeTemp } from './support';

const ORIGIN = 'https://lommekurs.test';
// Compiling the server and starting the command: seconds on a quiet machine, more on a busy one.
const SLOW = 180_000;

let catcher: SmtpCatcher;
let compiled: CompiledServer;
let dataDir: string;
let databaseUrl: string | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  compiled = await buildCompiledServer();
  catcher = await startSmtpCatcher();
  dataDir = await makeTemp('admin');
  const serverUrl = testPostgresUrl();
  if (serverUrl) {
    const created = await createPostgresDatabase(serverUrl);
    databaseUrl = created.url;
    dropDatabase = created.drop;
  }
}, SLOW);
afterAll(async () => {
  await compiled.remove();
  await catcher.close();
  await removeTemp(dataDir);
  await dropDatabase?.();
});

/** Runs `npm run admin -- …args` as the operator would; resolves with its exit code and output. */
function admin(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PUBLIC_URL: ORIGIN,
    SMTP_URL: catcher.url,
    MAIL_FROM: 'Lommekurs <noreply@lommekurs.test>',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [compiled.admin, ...args],
      { env, timeout: SLOW },
      (error, out, err) => resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }),
    );
  });
}

/** The database the command wrote, opened after it exited. */
async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(
    databaseTargetOf({ databaseUrl: databaseUrl ?? null, dataDir }),
  );
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

const LINK = new RegExp(`${ORIGIN}${INVITE_PATH}#token=([A-Za-z0-9_-]{22})`);

describe('npm run admin', () => {
  it(
    'creates a garden and prints a one-time invite link that is also mailed',
    async () => {
      const since = catcher.mails.length;
      const { code, out, err } = await admin(
        'garden',
        'create',
        '--name',
        'Kunnskapsparken Sogn',
        '--county',
        'vestland',
        '--municipality',
        'Sogndal',
        '--advisor-email',
        'Radgiver@Hage.no',
        '--lang',
        'nb',
      );
      expect(code, err).toBe(0);
      expect(out).toContain('Garden created: Kunnskapsparken Sogn (Vestland, Sogndal)');
      const printed = LINK.exec(out);
      expect(printed, out).not.toBeNull();
      const mail = await catcher.waitFor('radgiver@hage.no', { since, containing: INVITE_PATH });
      expect(mail.subject).toBe('Invitasjon: rådgiver for Kunnskapsparken Sogn i Lommekurs');
      expect(LINK.exec(mail.decoded)?.[0]).toBe(printed![0]);
      await withDatabase(async ({ db }) => {
        const invites = await db.selectFrom('invites').selectAll().execute();
        expect(invites).toHaveLength(1);
        expect(invites[0]).toMatchObject({
          token_hash: hashToken(printed![1]!),
          email: 'radgiver@hage.no',
          invited_by: null,
          used_at: null,
        });
        expect(invites[0]!.expires_at - invites[0]!.created_at).toBe(7 * 24 * 60 * 60_000);
      });
    },
    SLOW,
  );

  it(
    'refuses a misspelt county with exit code 1, naming the valid counties',
    async () => {
      const { code, out, err } = await admin(
        'garden',
        'create',
        '--name',
        'Feil',
        '--county',
        'Olso',
      );
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(err).toContain('Unknown county "Olso"');
      expect(err).toContain('Oslo (03)');
      expect(err).toContain('Finnmark (56)');
      const list = await admin('garden', 'list');
      expect(list.code, list.err).toBe(0);
      expect(list.out).toContain('Kunnskapsparken Sogn  (Vestland, Sogndal)');
      expect(list.out).not.toContain('Feil');
    },
    2 * SLOW,
  );

  it(
    'invites an advisor by garden name, removes an advisor, and grants a role',
    async () => {
      const invite = await admin(
        'advisor',
        'invite',
        '--garden',
        'Kunnskapsparken Sogn',
        '--email',
        'andre@hage.no',
      );
      expect(invite.code, invite.err).toBe(0);
      expect(invite.out).toMatch(LINK);

      // An account that advises the garden (as if it had accepted an invite).
      await withDatabase(async ({ db }) => {
        const garden = await db.selectFrom('gardens').select('id').executeTakeFirstOrThrow();
        await db
          .insertInto('users')
          .values({
            id: 'u-andre',
            email: 'andre@hage.no',
            password_hash: 'x',
            created_at: 1,
            email_verified_at: null,
          })
          .execute();
        await db
          .insertInto('advisors')
          .values({ garden_id: garden.id, user_id: 'u-andre', added_at: 1, added_by: null })
          .execute();
      });
      const removed = await admin(
        'advisor',
        'remove',
        '--garden',
        'Kunnskapsparken Sogn',
        '--email',
        'andre@hage.no',
      );
      expect(removed.code, removed.err).toBe(0);
      expect(removed.out).toContain('andre@hage.no no longer advises Kunnskapsparken Sogn.');

      const granted = await admin(
        'role',
        'grant',
        '--email',
        'ANDRE@hage.no',
        '--role',
        'network_admin',
      );
      expect(granted.code, granted.err).toBe(0);
      await withDatabase(async ({ db }) => {
        expect(await db.selectFrom('advisors').selectAll().execute()).toEqual([]);
        expect(await db.selectFrom('network_roles').select(['user_id', 'role']).execute()).toEqual([
          { user_id: 'u-andre', role: 'network_admin' },
        ]);
      });
      const unknown = await admin(
        'role',
        'grant',
        '--email',
        'ingen@hage.no',
        '--role',
        'network_admin',
      );
      expect(unknown.code).toBe(1);
      expect(unknown.err).toContain('No account has the address ingen@hage.no');
    },
    4 * SLOW,
  );
});
