// The learner's own view of their sessions: list the live ones (device, when signed in, when
// last used, which is this one) and end one by its public id. A public id is a short hash of the
// token hash, so the list never shows what is stored, and an id can only end a session of the
// learner who asks (another learner's id is simply not found).
import { createHash } from 'node:crypto';
import type { SessionInfo } from '../../shared/session-protocol';
import type { Db } from '../db/schema';
import { deviceLabel } from './device-label';
import { hashToken, sessionEnd } from './sessions';

/** The public id of the session stored under `tokenHash`. */
export const sessionPublicId = (tokenHash: string): string =>
  createHash('sha256').update(`session-id:${tokenHash}`).digest('hex').slice(0, 32);

/** The learner's sessions still alive at `now` (rows that are past their end are left for
 * userOfToken to delete); the session of `currentToken` first, then the most recently used. */
export async function listSessions(
  db: Db,
  userId: string,
  currentToken: string,
  now: number,
): Promise<SessionInfo[]> {
  const rows = await db
    .selectFrom('sessions')
    .select([
      'token_hash',
      'created_at',
      'expires_at',
      'absolute_expires_at',
      'last_used_at',
      'user_agent',
    ])
    .where('user_id', '=', userId)
    .execute();
  const current = hashToken(currentToken);
  return rows
    .filter((row) => sessionEnd(row) > now)
    .map((row) => ({
      id: sessionPublicId(row.token_hash),
      ...deviceLabel(row.user_agent),
      createdAt: Number(row.created_at),
      lastUsedAt: Number(row.last_used_at ?? row.created_at),
      current: row.token_hash === current,
    }))
    .sort(
      (a, b) =>
        Number(b.current) - Number(a.current) ||
        b.lastUsedAt - a.lastUsedAt ||
        b.createdAt - a.createdAt,
    );
}

/** Ends the session of `userId` whose public id is `id`; false when the learner has none such. */
export async function endSessionById(db: Db, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .selectFrom('sessions')
    .select('token_hash')
    .where('user_id', '=', userId)
    .execute();
  const match = rows.find((row) => sessionPublicId(row.token_hash) === id);
  if (!match) return false;
  const result = await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('token_hash', '=', match.token_hash)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
