// The learner's copy of everything stored about them (GDPR art. 15 and 20), minus secrets.
import type { LessonProgress } from '../../shared/progress';
import type { AccountInfo } from '../../shared/sync-protocol';
import type { Db } from '../db/schema';
import { findUserById, toAccountInfo } from './queries';

/** What `GET /api/v1/me/export` returns. */
export interface AccountExport {
  exportedAt: number;
  account: AccountInfo;
  clients: { clientId: string; createdAt: number }[];
  progress: LessonProgress[];
  /** The stored events as the devices sent them, in the order the server received them. */
  events: unknown[];
  sessions: { createdAt: number; expiresAt: number }[];
}

const clientsOf = (db: Db, userId: string) =>
  db
    .selectFrom('clients')
    .select(['client_id', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('client_id')
    .execute();

const progressOf = (db: Db, userId: string) =>
  db
    .selectFrom('progress')
    .select('data')
    .where('user_id', '=', userId)
    .orderBy('course_id')
    .orderBy('lesson_id')
    .execute();

const eventsOf = (db: Db, userId: string) =>
  db
    .selectFrom('events')
    .select('body')
    .where('user_id', '=', userId)
    .orderBy('received_at')
    .orderBy('seq')
    .orderBy('client_id')
    .orderBy('id')
    .execute();

const sessionsOf = (db: Db, userId: string) =>
  db
    .selectFrom('sessions')
    .select(['created_at', 'expires_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();

/** Everything stored about `userId`; undefined when the account is gone. */
export async function exportAccount(
  db: Db,
  userId: string,
  now: number,
): Promise<AccountExport | undefined> {
  const [user, clients, progress, events, sessions] = await Promise.all([
    findUserById(db, userId),
    clientsOf(db, userId),
    progressOf(db, userId),
    eventsOf(db, userId),
    sessionsOf(db, userId),
  ]);
  if (!user) return undefined;
  return {
    exportedAt: now,
    account: toAccountInfo(user),
    clients: clients.map((row) => ({ clientId: row.client_id, createdAt: row.created_at })),
    progress: progress.map((row) => JSON.parse(row.data) as LessonProgress),
    events: events.map((row) => JSON.parse(row.body) as unknown),
    sessions: sessions.map((row) => ({ createdAt: row.created_at, expiresAt: row.expires_at })),
  };
}
