// Sessions: an opaque 256-bit bearer token goes to the device once; the server keeps only its
// SHA-256, so a leaked database reveals no usable token. Expiry slides: each use (at most once a
// day) pushes it SESSION_LIFETIME_MS ahead, so a learner offline for weeks stays signed in.
import { createHash, randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { apiError } from '../api-errors';
import type { Db } from '../db/schema';

/** About half a year. */
export const SESSION_LIFETIME_MS = 180 * 24 * 60 * 60_000;
/** A session is extended at most this often (saves a write on every request). */
const EXTEND_EVERY_MS = 24 * 60 * 60_000;

/** SHA-256 of a token, hex: the only form in which a token is stored. */
export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

/** Creates a session for `userId` and returns its token (to hand out once) and expiry. */
export async function createSession(
  db: Db,
  userId: string,
  now = Date.now(),
): Promise<{ token: string; expiresAt: number }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + SESSION_LIFETIME_MS;
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      created_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { token, expiresAt };
}

/** The user id a live token belongs to, extending the session; null if unknown or expired. */
export async function userOfToken(db: Db, token: string, now = Date.now()): Promise<string | null> {
  const tokenHash = hashToken(token);
  const session = await db
    .selectFrom('sessions')
    .select(['user_id', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!session) return null;
  if (session.expires_at <= now) {
    await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    return null;
  }
  if (session.expires_at - now < SESSION_LIFETIME_MS - EXTEND_EVERY_MS) {
    await db
      .updateTable('sessions')
      .set({ expires_at: now + SESSION_LIFETIME_MS })
      .where('token_hash', '=', tokenHash)
      .execute();
  }
  return session.user_id;
}

/** Ends one session (logout). */
export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
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
    if (!token || !userId) {
      return apiError(
        c,
        401,
        'unauthorized',
        'Sign in: the session token is missing, unknown or expired',
        {
          'WWW-Authenticate': 'Bearer',
        },
      );
    }
    c.set('userId', userId);
    c.set('token', token);
    await next();
  };
}
