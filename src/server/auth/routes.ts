// Account API: register, login, logout, who am I, and the learner's GDPR rights — export of
// everything stored about them and erasure of the account with all its rows. Every reply is
// `Cache-Control: no-store`; passwords and tokens never reach a log line.
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { Hono, type Context } from 'hono';
import {
  credentialFieldErrors,
  credentialsSchema,
  deleteAccountSchema,
  loginSchema,
  type AccountInfo,
  type SessionResponse,
} from '../../shared/sync-protocol';
import type { LessonProgress } from '../../shared/progress';
import { apiBodyLimit, apiError, methodNotAllowed } from '../api-errors';
import type { Db, Schema, UserTable } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { readJson } from '../json-body';
import type { Logger } from '../logger';
import { newEpoch } from '../sync/learner-sync';
import { DEFAULT_PASSWORD_COST, hashPassword, needsRehash, verifyPassword } from './passwords';
import {
  clientAddress,
  EMAIL_RULE,
  FixedWindowLimiter,
  giveBackAttempt,
  IP_RULE,
  takeAttempt,
  type LimitCheck,
} from './rate-limit';
import {
  createSession,
  deleteSession,
  rememberDeletedSessions,
  requireLearner,
  type AuthVariables,
} from './sessions';

/** What the account routes need. */
export interface AccountRoutesOptions {
  db: Db;
  logger: Logger;
  /** log2 of scrypt's N for new hashes; see passwords.ts. */
  passwordCost?: number;
  now: () => number;
  /** Take the client address for rate limits from X-Forwarded-For. Only behind a reverse proxy
   * that sets it: otherwise any client could claim any address. */
  trustProxy?: boolean;
}

/** Account request bodies are a few hundred bytes; no reason to parse a megabyte. */
export const ACCOUNT_BODY_LIMIT = 16 * 1024;

const NO_STORE = { 'Cache-Control': 'no-store' };

/** The column holding the user's id in each table, in the order erasure deletes them:
 * learner_sync first — it is the row every push locks, so a push in flight commits before the
 * erasure goes on, and none writes after it — users last. Typed over every table of Schema, so
 * a new table does not compile until it says how its rows belong to a user (or is unowned,
 * schema.ts). */
export const USER_COLUMN = {
  learner_sync: 'user_id',
  sessions: 'user_id',
  events: 'user_id',
  progress: 'user_id',
  clients: 'user_id',
  users: 'id',
} as const satisfies { [T in UserTable]: keyof Schema[T] & string };

/** What `GET /api/v1/me/export` returns: everything stored about the learner, minus secrets. */
export interface AccountExport {
  exportedAt: number;
  account: AccountInfo;
  clients: { clientId: string; createdAt: number }[];
  progress: LessonProgress[];
  /** The stored events as the devices sent them, in the order the server received them. */
  events: unknown[];
  sessions: { createdAt: number; expiresAt: number }[];
}

const accountInfo = (row: { id: string; email: string; created_at: number }): AccountInfo => ({
  id: row.id,
  email: row.email,
  createdAt: row.created_at,
});

const accountRow = (db: Db, userId: string) =>
  db
    .selectFrom('users')
    .select(['id', 'email', 'password_hash', 'created_at'])
    .where('id', '=', userId)
    .executeTakeFirst();

/** Routes under /api/v1/auth and /api/v1/me. */
export function accountRoutes({
  db,
  logger,
  passwordCost = DEFAULT_PASSWORD_COST,
  now,
  trustProxy = false,
}: AccountRoutesOptions): Hono<{ Variables: AuthVariables }> {
  const app = new Hono<{ Variables: AuthVariables }>();
  const requireSession = requireLearner(db, now);
  const bodyLimit = apiBodyLimit(ACCOUNT_BODY_LIMIT);
  const perEmail = new FixedWindowLimiter(EMAIL_RULE);
  const perAddress = new FixedWindowLimiter(IP_RULE);
  // Verified against when the email is unknown, so that costs the same scrypt work as a wrong
  // password and the reply time does not tell which addresses have accounts.
  const dummyHash = hashPassword(randomBytes(16).toString('base64url'), passwordCost);

  /** Counts an attempt on the account and the client address; a 429 reply when either is spent. */
  function attempt(c: Context, email: string): { account: LimitCheck } | { response: Response } {
    const account: LimitCheck = [perEmail, email];
    const retryAfter = takeAttempt([account, [perAddress, clientAddress(c, trustProxy)]], now());
    if (retryAfter === 0) return { account };
    logger.warn({ path: c.req.path, retryAfter }, 'too many account attempts');
    return {
      response: apiError(
        c,
        429,
        'rate_limited',
        `Too many attempts; try again in ${retryAfter} seconds`,
        { 'Retry-After': String(retryAfter) },
      ),
    };
  }

  const sessionReply = (
    c: Context,
    user: AccountInfo,
    session: { token: string; expiresAt: number },
    status: 200 | 201,
  ) => {
    const body: SessionResponse = { token: session.token, user, expiresAt: session.expiresAt };
    return c.json(body, status, NO_STORE);
  };

  app.post('/api/v1/auth/register', bodyLimit, async (c) => {
    const body = await readJson(c, credentialsSchema, (input) => ({
      fields: credentialFieldErrors(input, credentialsSchema),
    }));
    if (!body.ok) return body.response;
    const { email, password } = body.value;
    const limited = attempt(c, email);
    if ('response' in limited) return limited.response;

    // Hashed before the transaction: no lock is held during the slow part.
    const passwordHash = await hashPassword(password, passwordCost);
    const createdAt = now();
    const created = await inTransaction(db, async (trx) => {
      const id = randomUUID();
      // ON CONFLICT DO NOTHING: two registrations of one address at once give one account and
      // one 409, on either database, without a unique-violation error to interpret.
      const inserted = await trx
        .insertInto('users')
        .values({ id, email, password_hash: passwordHash, created_at: createdAt })
        .onConflict((oc) => oc.column('email').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) return null;
      await trx
        .insertInto('learner_sync')
        .values({ user_id: id, version: 0, epoch: newEpoch() })
        .execute();
      const session = await createSession(trx, id, createdAt);
      return { user: { id, email, createdAt }, session };
    });
    if (!created) {
      return apiError(c, 409, 'email_taken', 'An account with this email address already exists');
    }
    logger.info({ userId: created.user.id }, 'account created');
    return sessionReply(c, created.user, created.session, 201);
  });

  app.post('/api/v1/auth/login', bodyLimit, async (c) => {
    const body = await readJson(c, loginSchema, (input) => ({
      fields: credentialFieldErrors(input, loginSchema),
    }));
    if (!body.ok) return body.response;
    const { email, password } = body.value;
    const limited = attempt(c, email);
    if ('response' in limited) return limited.response;

    const user = await db
      .selectFrom('users')
      .select(['id', 'email', 'password_hash', 'created_at'])
      .where('email', '=', email)
      .executeTakeFirst();
    const matches = await verifyPassword(password, user?.password_hash ?? (await dummyHash));
    if (!user || !matches) {
      return apiError(c, 401, 'invalid_credentials', 'The email address or password is wrong');
    }
    // Only the account's budget comes back: it is not the attacker's to refill without the
    // password. The address's stays spent, or one's own account could refill it between guesses.
    giveBackAttempt([limited.account], now());
    if (needsRehash(user.password_hash, passwordCost)) {
      await db
        .updateTable('users')
        .set({ password_hash: await hashPassword(password, passwordCost) })
        .where('id', '=', user.id)
        .execute();
    }
    const session = await createSession(db, user.id, now());
    logger.info({ userId: user.id }, 'signed in');
    return sessionReply(c, accountInfo(user), session, 200);
  });

  app.post('/api/v1/auth/logout', requireSession, async (c) => {
    await deleteSession(db, c.var.token);
    return c.body(null, 204, NO_STORE);
  });

  app.get('/api/v1/me', requireSession, async (c) => {
    const user = await accountRow(db, c.var.userId);
    if (!user) return apiError(c, 401, 'unauthorized', 'The account no longer exists');
    return c.json(accountInfo(user), 200, NO_STORE);
  });

  app.get('/api/v1/me/export', requireSession, async (c) => {
    const userId = c.var.userId;
    const [user, clients, progress, events, sessions] = await Promise.all([
      accountRow(db, userId),
      db
        .selectFrom('clients')
        .select(['client_id', 'created_at'])
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .orderBy('client_id')
        .execute(),
      db
        .selectFrom('progress')
        .select('data')
        .where('user_id', '=', userId)
        .orderBy('course_id')
        .orderBy('lesson_id')
        .execute(),
      db
        .selectFrom('events')
        .select('body')
        .where('user_id', '=', userId)
        .orderBy('received_at')
        .orderBy('seq')
        .orderBy('client_id')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('sessions')
        .select(['created_at', 'expires_at'])
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .execute(),
    ]);
    if (!user) return apiError(c, 401, 'unauthorized', 'The account no longer exists');
    const body: AccountExport = {
      exportedAt: now(),
      account: accountInfo(user),
      clients: clients.map((row) => ({ clientId: row.client_id, createdAt: row.created_at })),
      progress: progress.map((row) => JSON.parse(row.data) as LessonProgress),
      events: events.map((row) => JSON.parse(row.body) as unknown),
      sessions: sessions.map((row) => ({ createdAt: row.created_at, expiresAt: row.expires_at })),
    };
    return c.json(body, 200, {
      ...NO_STORE,
      'Content-Disposition': 'attachment; filename="lommekurs-export.json"',
    });
  });

  app.delete('/api/v1/me', requireSession, bodyLimit, async (c) => {
    const body = await readJson(c, deleteAccountSchema);
    if (!body.ok) return body.response;
    const userId = c.var.userId;
    const user = await accountRow(db, userId);
    if (!user) return apiError(c, 401, 'unauthorized', 'The account no longer exists');
    // The same budgets as login: a stolen token must not become a fast password oracle.
    const limited = attempt(c, user.email);
    if ('response' in limited) return limited.response;
    if (!(await verifyPassword(body.value.password, user.password_hash))) {
      return apiError(c, 403, 'invalid_credentials', 'The password is wrong');
    }
    const deletedAt = now();
    await inTransaction(db, async (trx) => {
      // Before the sessions go: the other devices' tokens are then answered `account_deleted`.
      await rememberDeletedSessions(trx, userId, deletedAt);
      // Explicit deletes, not ON DELETE CASCADE alone: SQLite ignores foreign keys unless told.
      for (const table of Object.keys(USER_COLUMN) as (keyof typeof USER_COLUMN)[]) {
        await trx.deleteFrom(table).where(sql.ref(USER_COLUMN[table]), '=', userId).execute();
      }
    });
    logger.info({ userId }, 'account deleted');
    return c.body(null, 204, NO_STORE);
  });

  app.all('/api/v1/auth/register', (c) => methodNotAllowed(c, 'POST'));
  app.all('/api/v1/auth/login', (c) => methodNotAllowed(c, 'POST'));
  app.all('/api/v1/auth/logout', (c) => methodNotAllowed(c, 'POST'));
  app.all('/api/v1/me', (c) => methodNotAllowed(c, 'GET, HEAD, DELETE'));
  app.all('/api/v1/me/export', (c) => methodNotAllowed(c));
  return app;
}
