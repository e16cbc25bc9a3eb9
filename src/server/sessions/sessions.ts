// Sessions: an opaque 256-bit bearer token goes to the device once; the server keeps only its
// SHA-256, so a leaked database reveals no usable token. Expiry slides: each use (at most once a
// day) pushes it SESSION_LIFETIME_MS ahead, so a learner offline for weeks stays signed in; but
// never past the absolute cap set at creation (SESSION_MAX_DAYS, default 90; ASVS 3.3.2). Each
// session also keeps a shortened User-Agent and when it was last used, so the learner can see
// their signed-in devices and end them (see session-list.ts).
import { createHash, randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { SyncErrorCode } from '../../shared/sync-protocol';
import { apiError } from '../api-errors';
import type { Db } from '../db/schema';

/** About half a year. */
export const SESSION_LIFETIME_MS = 180 * 24 * 60 * 60_000;
/** The default of SESSION_MAX_DAYS: the hard cap on a session's life, however often it is used
 * (ASVS 3.3.2). */
export const DEFAULT_SESSION_MAX_DAYS = 90;
/** DEFAULT_SESSION_MAX_DAYS in ms. */
export const SESSION_ABSOLUTE_LIFETIME_MS = DEFAULT_SESSION_MAX_DAYS * 24 * 60 * 60_000;
/** A session is extended at most this often (saves a write on every request). */
const EXTEND_EVERY_MS = 24 * 60 * 60_000;
/** `last_used_at` is written at most this often. */
export const LAST_USED_EVERY_MS = 60 * 60_000;
/** The longest User-Agent kept: enough for the browser and platform, not a tracking string. */
export const MAX_USER_AGENT_LENGTH = 256;

/** SHA-256 of a token, hex: the only form in which a token is stored. */
export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

/** A session just made: its token (handed out once) and when it expires unless used (the
 * sliding expiry, or the absolute cap if that comes first). */
export interface NewSession {
  token: string;
  expiresAt: number;
}

/** Options of a new session. */
export interface NewSessionOptions {
  /** The device's User-Agent header (shortened here); shown as "browser on platform". */
  userAgent?: string | null;
  /** The absolute lifetime (SESSION_MAX_DAYS); default SESSION_ABSOLUTE_LIFETIME_MS. */
  maxAgeMs?: number;
}

/** The User-Agent as stored: printable ASCII only, at most MAX_USER_AGENT_LENGTH. */
export function shortUserAgent(header: string | null | undefined): string | null {
  if (!header) return null;
  const printable = header.replace(/[^\x20-\x7e]/g, '').trim();
  return printable === '' ? null : printable.slice(0, MAX_USER_AGENT_LENGTH);
}

/** Creates a session for `userId` and returns its token (to hand out once) and expiry. Pass
 * the request's User-Agent and the configured absolute lifetime (AccountDeps.sessionMaxAgeMs). */
export async function createSession(
  db: Db,
  userId: string,
  now = Date.now(),
  { userAgent, maxAgeMs = SESSION_ABSOLUTE_LIFETIME_MS }: NewSessionOptions = {},
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + SESSION_LIFETIME_MS;
  const absoluteExpiresAt = now + maxAgeMs;
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      created_at: now,
      expires_at: expiresAt,
      absolute_expires_at: absoluteExpiresAt,
      last_used_at: now,
      user_agent: shortUserAgent(userAgent),
    })
    .execute();
  return { token, expiresAt: Math.min(expiresAt, absoluteExpiresAt) };
}

/** When a session row ends: the sliding expiry or the absolute cap, whichever is first. */
export const sessionEnd = (row: { expires_at: number; absolute_expires_at: number | null }) =>
  Math.min(Number(row.expires_at), Number(row.absolute_expires_at ?? Infinity));

/** The user id a live token belongs to, extending the session; null if unknown or expired. */
export async function userOfToken(db: Db, token: string, now = Date.now()): Promise<string | null> {
  const tokenHash = hashToken(token);
  const session = await db
    .selectFrom('sessions')
    .select(['user_id', 'expires_at', 'absolute_expires_at', 'last_used_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!session) return null;
  if (sessionEnd(session) <= now) {
    await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    return null;
  }
  // One write at most an hour (last used) or a day (the sliding expiry), not one per request.
  const extend = Number(session.expires_at) - now < SESSION_LIFETIME_MS - EXTEND_EVERY_MS;
  const touch = now - Number(session.last_used_at ?? 0) >= LAST_USED_EVERY_MS;
  if (extend || touch) {
    await db
      .updateTable('sessions')
      .set(
        extend
          ? { expires_at: now + SESSION_LIFETIME_MS, last_used_at: now }
          : { last_used_at: now },
      )
      .where('token_hash', '=', tokenHash)
      .execute();
  }
  return session.user_id;
}

/** How long the sessions of a deleted account are remembered as such: 90 days. A device that has
 * been away longer is told what an expired session is told (sign in again). */
export const DELETED_SESSION_MEMORY_MS = 90 * 24 * 60 * 60_000;

/** Remember the live sessions of `userId` as belonging to a deleted account, and forget those
 * remembered longer than DELETED_SESSION_MEMORY_MS. Call inside the erasure's transaction, before
 * its sessions are deleted. Stores token hashes and the time only. */
export async function rememberDeletedSessions(db: Db, userId: string, now: number): Promise<void> {
  await db
    .deleteFrom('deleted_sessions')
    .where('deleted_at', '<=', now - DELETED_SESSION_MEMORY_MS)
    .execute();
  const live = await db
    .selectFrom('sessions')
    .select('token_hash')
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .where((eb) =>
      eb.or([eb('absolute_expires_at', 'is', null), eb('absolute_expires_at', '>', now)]),
    )
    .execute();
  if (live.length === 0) return;
  await db
    .insertInto('deleted_sessions')
    .values(live.map(({ token_hash }) => ({ token_hash, deleted_at: now })))
    .onConflict((oc) => oc.column('token_hash').doNothing())
    .execute();
}

/** Whether `token` was a session of an account deleted within DELETED_SESSION_MEMORY_MS. */
export async function isDeletedAccountToken(db: Db, token: string, now: number): Promise<boolean> {
  const row = await db
    .selectFrom('deleted_sessions')
    .select('deleted_at')
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  return row !== undefined && row.deleted_at > now - DELETED_SESSION_MEMORY_MS;
}

/** The 401 for a token that stands for nobody: `account_deleted` when its account was deleted
 * (the device then offers to keep or wipe its copy), else `unauthorized` (sign in again). Both
 * are 401, so an app older than `account_deleted` still treats it as a dead session. */
export async function refuseToken(
  c: Context,
  db: Db,
  token: string | null,
  now: number,
): Promise<Response> {
  const headers = { 'WWW-Authenticate': 'Bearer' };
  if (token && (await isDeletedAccountToken(db, token, now))) {
    const code: SyncErrorCode = 'account_deleted';
    return apiError(c, 401, code, 'The account this session belonged to was deleted', headers);
  }
  const code: SyncErrorCode = 'unauthorized';
  return apiError(
    c,
    401,
    code,
    'Sign in: the session token is missing, unknown or expired',
    headers,
  );
}

/** Ends one session (logout). */
export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

/** Ends every session of `userId` (a password reset or change), or every one but the session
 * of `exceptToken` (the device that asked keeps signed in). Returns how many ended. */
export async function endSessionsOf(
  db: Db,
  userId: string,
  { exceptToken }: { exceptToken?: string } = {},
): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptToken !== undefined) query = query.where('token_hash', '!=', hashToken(exceptToken));
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The bearer token of a request, if it has a well-formed one. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]{43})$/.exec(header ?? '');
  return match ? match[1] : null;
}

/** Variables the auth middleware sets on the Hono context. */
export interface AuthVariables {
  userId: string;
  token: string;
}

/** Lets a request through only with a live session token; sets `userId` and `token`. Pass the
 * app's clock as `now` so expiry follows it (tests move it). */
export function requireLearner(
  db: Db,
  now: () => number = Date.now,
): MiddlewareHandler<{ Variables: AuthVariables }> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('Authorization'));
    const userId = token ? await userOfToken(db, token, now()) : null;
    if (!token || !userId) return refuseToken(c, db, token, now());
    c.set('userId', userId);
    c.set('token', token);
    await next();
  };
}
