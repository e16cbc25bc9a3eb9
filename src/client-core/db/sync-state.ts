// What this device knows about syncing, kept in the `meta` table beside the learner's data (never
// in localStorage: if the browser evicts IndexedDB, the session must go with the progress):
// the session, the pull cursor, when the last sync succeeded, the last problem, and the events
// the server refused, kept until the learner has seen them.
// Writes that a concurrent sign-out could make wrong (a sync finishing for an account that has
// just left the device) check, in their transaction, that the session is still the one they
// started with.
import type { AccountInfo } from '../../shared/sync-protocol';
import { renewClientId } from './client-id';
import { db, type LommekursDB } from './db';

/** Why the last sync did not finish, as the UI shows it. 'offline': the browser says there is no
 * network; 'server': the network is up but the server does not answer (or answers 5xx);
 * 'account-deleted': the account was deleted, on another device (the learner chooses to keep or
 * wipe this device's copy, see forgetDeletedAccount). */
export type SyncProblem =
  'offline' | 'server' | 'signed-out' | 'account-deleted' | 'update-required';

/** The problems that end the session on this device: the server refused its token. */
export type SessionEnd = Extract<SyncProblem, 'signed-out' | 'account-deleted'>;

/** The learner's session on this device. `token` is null once the server refused it (401): the
 * account is remembered so the learner can sign in again as the same person. */
export interface StoredSession {
  token: string | null;
  user: AccountInfo;
  expiresAt: number;
}

/** An event the server refused for good, kept so the learner can be told what was not saved. */
export interface RejectedRecord {
  id: string;
  type: string;
  courseId: string;
  lessonId: string;
  reason: string;
}

/** Events are still waiting for the server; removing the learner's data now would lose them. */
export class UnsyncedError extends Error {
  constructor(readonly pending: number) {
    super(`${pending} events are not synced yet`);
    this.name = 'UnsyncedError';
  }
}

/** Whether removing a learner's data may drop events the server has not got. */
export interface RemoveOptions {
  discardUnsynced?: boolean;
}

/** Everything in one read, for a live query. */
export interface SyncState {
  session: StoredSession | null;
  cursor: string | null;
  lastSyncedAt: number | null;
  problem: SyncProblem | null;
  rejected: RejectedRecord[];
}

const KEYS = {
  session: 'sync:session',
  cursor: 'sync:cursor',
  lastSyncedAt: 'sync:lastSyncedAt',
  problem: 'sync:problem',
  rejected: 'sync:rejected',
} as const;

/** Only the newest refusals are kept; the list is for telling the learner, not an archive. */
const MAX_REJECTED_KEPT = 200;

async function read<T>(database: LommekursDB, key: string): Promise<T | null> {
  const row = await database.meta.get(key);
  return row === undefined ? null : (row.value as T);
}

const write = (database: LommekursDB, key: string, value: unknown) =>
  database.meta.put({ key, value });

/** The device's sync facts, read together in one transaction. */
export function readSyncState(database: LommekursDB = db): Promise<SyncState> {
  return database.transaction('r', database.meta, async () => ({
    session: await read<StoredSession>(database, KEYS.session),
    cursor: await read<string>(database, KEYS.cursor),
    lastSyncedAt: await read<number>(database, KEYS.lastSyncedAt),
    problem: await read<SyncProblem>(database, KEYS.problem),
    rejected: (await read<RejectedRecord[]>(database, KEYS.rejected)) ?? [],
  }));
}

/** The stored session, or null when nobody is signed in on this device. */
export const getSession = (database: LommekursDB = db) =>
  read<StoredSession>(database, KEYS.session);

/** The pull cursor, or null before the first pull (a full pull). */
export const getCursor = (database: LommekursDB = db) => read<string>(database, KEYS.cursor);

/** Store the pull cursor; apply-pull calls this inside the transaction that applies the page. */
export const setCursor = (database: LommekursDB, cursor: string) =>
  write(database, KEYS.cursor, cursor);

/** Whether `userId` is still the signed-in learner; call inside the transaction it guards. */
export async function isSessionOf(database: LommekursDB, userId: string): Promise<boolean> {
  return (await getSession(database))?.user.id === userId;
}

/**
 * Store a new session after register or sign-in. If the device remembers a different account
 * (whose token the server refused), that learner's data is removed first, in the same
 * transaction: nothing of theirs may be adopted into the new account. Throws UnsyncedError, and
 * stores nothing, if some of it is still unsynced and the learner has not chosen to discard it.
 */
export function storeSession(
  database: LommekursDB,
  session: StoredSession,
  options: RemoveOptions = {},
): Promise<void> {
  return database.transaction('rw', database.meta, database.progress, database.outbox, async () => {
    const previous = await getSession(database);
    if (previous && previous.user.id !== session.user.id) {
      await removeLearnerData(database, options);
    }
    await write(database, KEYS.session, session);
    // A new session settles a "signed out" or "account deleted" problem; any other problem is
    // for the next sync.
    const problem = await read<SyncProblem>(database, KEYS.problem);
    if (problem === 'signed-out' || problem === 'account-deleted') {
      await database.meta.delete(KEYS.problem);
    }
  });
}

/** The server refused `token` (401): forget the token, keep who it was, and record why — expired
 * ('signed-out': sign in again) or the account was deleted ('account-deleted'). Does nothing if
 * the session has changed since the request was sent. */
export function markSignedOut(
  database: LommekursDB,
  token: string,
  why: SessionEnd = 'signed-out',
): Promise<void> {
  return database.transaction('rw', database.meta, async () => {
    const session = await getSession(database);
    if (session?.token !== token) return;
    await write(database, KEYS.session, { ...session, token: null });
    await write(database, KEYS.problem, why);
  });
}

/**
 * The learner's answer to "your account was deleted": keep this device's progress without an
 * account, or wipe it. Keeping forgets the deleted account (session, cursor, sync status) and
 * leaves progress, waiting events and the client id as they are — the device is then like one
 * that never had an account, and an account made later adopts the waiting events. Wiping removes
 * the learner's data as signing out does, unsynced events included (there is no account left to
 * send them to). Does nothing unless the device is in the account-deleted state, so a second tab
 * answering late cannot wipe a new account's data.
 */
export function forgetDeletedAccount(
  database: LommekursDB,
  { keepProgress }: { keepProgress: boolean },
): Promise<void> {
  return database.transaction('rw', database.meta, database.progress, database.outbox, async () => {
    const session = await getSession(database);
    const problem = await read<SyncProblem>(database, KEYS.problem);
    if (session?.token !== null || problem !== 'account-deleted') return;
    if (keepProgress) await database.meta.bulkDelete(Object.values(KEYS));
    else await removeLearnerData(database, { discardUnsynced: true });
  });
}

/** A sync for `userId` ended: record success (time, no problem) or the problem — unless the
 * learner has signed out meanwhile. */
export function recordSyncResult(
  database: LommekursDB,
  userId: string,
  result: { syncedAt: number } | { problem: SyncProblem },
): Promise<void> {
  return database.transaction('rw', database.meta, async () => {
    if (!(await isSessionOf(database, userId))) return;
    if ('problem' in result) {
      await write(database, KEYS.problem, result.problem);
    } else {
      await write(database, KEYS.lastSyncedAt, result.syncedAt);
      await database.meta.delete(KEYS.problem);
    }
  });
}

/** Add refused events to the list shown to the learner; call inside the transaction that drops
 * them from the outbox. */
export async function addRejected(database: LommekursDB, records: RejectedRecord[]): Promise<void> {
  if (records.length === 0) return;
  const kept = (await read<RejectedRecord[]>(database, KEYS.rejected)) ?? [];
  await write(database, KEYS.rejected, [...kept, ...records].slice(-MAX_REJECTED_KEPT));
}

/** Which of these event ids the server refused (while the learner has not dismissed them). */
export async function rejectedAmong(
  ids: readonly string[],
  database: LommekursDB = db,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const wanted = new Set(ids);
  const records = (await read<RejectedRecord[]>(database, KEYS.rejected)) ?? [];
  return records.filter((record) => wanted.has(record.id)).map((record) => record.id);
}

/** The learner has seen the refused events. */
export async function clearRejected(database: LommekursDB = db): Promise<void> {
  await database.meta.delete(KEYS.rejected);
}

/**
 * Remove the learner's personal data from the device — progress, outbox, session, cursor, sync
 * status, refused events — and give the device a new client id (the old one stays bound to the
 * old account on the server). Downloaded courses and device settings stay: they are not personal.
 * One transaction: a crash leaves either everything or nothing removed. Unless `discardUnsynced`,
 * throws UnsyncedError (removing nothing) while events are waiting for the server.
 */
export function removeLearnerData(
  database: LommekursDB = db,
  { discardUnsynced = false }: RemoveOptions = {},
): Promise<void> {
  return database.transaction('rw', database.meta, database.progress, database.outbox, async () => {
    const pending = await database.outbox.count();
    if (pending > 0 && !discardUnsynced) throw new UnsyncedError(pending);
    await database.progress.clear();
    await database.outbox.clear();
    await database.meta.bulkDelete(Object.values(KEYS));
    await renewClientId(database);
  });
}
