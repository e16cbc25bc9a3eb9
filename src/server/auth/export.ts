// The learner's copy of everything stored about them (GDPR art. 15 and 20), minus secrets: no
// password hash, no token or token hash, no passkey public key. Written as a stream of JSON
// pieces (issue 12, "Fair use of sync"): progress rows and events are read a page at a time and
// their stored JSON is copied as it is, so a large export never sits in memory as one string nor
// holds the event loop while it is serialised.
import type { LessonProgress } from '../../shared/progress';
import type { AccountInfo } from '../../shared/sync-protocol';
import type { Db } from '../db/schema';
import type { NetworkExport } from '../../shared/network-protocol';
import { networkExport } from '../network/export';
import { findUserById, toAccountInfo } from './queries';

/** What `GET /api/v1/me/export` returns (the JSON document the stream adds up to). */
export interface AccountExport {
  exportedAt: number;
  account: AccountInfo;
  /** When the address was verified by a mailed link; null while it is not. */
  emailVerifiedAt: number | null;
  /** The learner's sync row: the version of the last push and the epoch of the pull cursors. */
  sync: { version: number; epoch: string } | null;
  clients: { clientId: string; createdAt: number }[];
  /** Signed-in devices (never the token or its hash). */
  sessions: {
    createdAt: number;
    lastUsedAt: number;
    expiresAt: number;
    absoluteExpiresAt: number;
    userAgent: string | null;
  }[];
  /** Passkeys by their name and dates (never the credential's public key). */
  passkeys: { name: string; createdAt: number; lastUsedAt: number | null }[];
  /** Devices that signed in before (never the device token or its hash). */
  knownDevices: { createdAt: number; lastUsedAt: number }[];
  /** Business gardens: memberships, consents with their text version and audit log, gardens
   * advised and network roles (issue 14). */
  network: NetworkExport;
  progress: LessonProgress[];
  /** The stored events as the devices sent them, in the order the server received them, each
   * with the time it was received and the sync version of the push that stored it. */
  events: ExportedEvent[];
}

/** One event of the export. */
export interface ExportedEvent {
  receivedAt: number;
  version: number;
  /** The event exactly as the device sent it. */
  event: unknown;
}

/** Rows per page of progress and events. */
const PAGE = 200;

/** Writes one piece of the document; resolves when the reader has taken it. */
export type WriteChunk = (chunk: string) => Promise<void>;

const json = (value: unknown) => JSON.stringify(value);

/** Progress rows, in (course, lesson) order, a page at a time: their stored JSON as is. */
async function writeProgress(db: Db, userId: string, write: WriteChunk): Promise<void> {
  let after: { course: string; lesson: string } | null = null;
  let first = true;
  for (;;) {
    let query = db
      .selectFrom('progress')
      .select(['course_id', 'lesson_id', 'data'])
      .where('user_id', '=', userId);
    if (after) {
      const { course, lesson } = after;
      query = query.where(({ eb, refTuple, tuple }) =>
        eb(refTuple('course_id', 'lesson_id'), '>', tuple(course, lesson)),
      );
    }
    const rows = await query.orderBy('course_id').orderBy('lesson_id').limit(PAGE).execute();
    if (rows.length > 0) {
      await write(`${first ? '' : ','}${rows.map((row) => row.data).join(',')}`);
      first = false;
    }
    if (rows.length < PAGE) return;
    const last = rows[rows.length - 1]!;
    after = { course: last.course_id, lesson: last.lesson_id };
  }
}

/** Events in the order received, a page at a time, each body as stored. */
async function writeEvents(db: Db, userId: string, write: WriteChunk): Promise<void> {
  let after: [number, number, string, string] | null = null;
  let first = true;
  for (;;) {
    let query = db
      .selectFrom('events')
      .select(['received_at', 'seq', 'client_id', 'id', 'version', 'body'])
      .where('user_id', '=', userId);
    if (after) {
      const [receivedAt, seq, clientId, id] = after;
      query = query.where(({ eb, refTuple, tuple }) =>
        eb(
          refTuple('received_at', 'seq', 'client_id', 'id'),
          '>',
          tuple(receivedAt, seq, clientId, id),
        ),
      );
    }
    const rows = await query
      .orderBy('received_at')
      .orderBy('seq')
      .orderBy('client_id')
      .orderBy('id')
      .limit(PAGE)
      .execute();
    if (rows.length > 0) {
      const pieces = rows.map(
        (row) =>
          `{"receivedAt":${json(row.received_at)},"version":${json(row.version)},"event":${row.body}}`,
      );
      await write(`${first ? '' : ','}${pieces.join(',')}`);
      first = false;
    }
    if (rows.length < PAGE) return;
    const last = rows[rows.length - 1]!;
    after = [last.received_at, last.seq, last.client_id, last.id];
  }
}

/** The learner's account rows that are small and non-secret, each as its JSON array. */
async function smallParts(db: Db, userId: string) {
  const [sync, clients, sessions, passkeys, knownDevices, network] = await Promise.all([
    db
      .selectFrom('learner_sync')
      .select(['version', 'epoch'])
      .where('user_id', '=', userId)
      .executeTakeFirst(),
    db
      .selectFrom('clients')
      .select(['client_id', 'created_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .orderBy('client_id')
      .execute(),
    db
      .selectFrom('sessions')
      .select(['created_at', 'last_used_at', 'expires_at', 'absolute_expires_at', 'user_agent'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('passkeys')
      .select(['name', 'created_at', 'last_used_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('known_devices')
      .select(['created_at', 'last_used_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute(),
    networkExport(db, userId),
  ]);
  return {
    network,
    sync: sync ? { version: sync.version, epoch: sync.epoch } : null,
    clients: clients.map((row) => ({ clientId: row.client_id, createdAt: row.created_at })),
    sessions: sessions.map((row) => ({
      createdAt: row.created_at,
      lastUsedAt: row.last_used_at,
      expiresAt: row.expires_at,
      absoluteExpiresAt: row.absolute_expires_at,
      userAgent: row.user_agent,
    })),
    passkeys: passkeys.map((row) => ({
      name: row.name,
      createdAt: row.created_at,
      lastUsedAt: row.last_used_at,
    })),
    knownDevices: knownDevices.map((row) => ({
      createdAt: row.created_at,
      lastUsedAt: row.last_used_at,
    })),
  };
}

/**
 * The export of `userId` as a writer of JSON pieces, or undefined when the account is gone (so
 * the route can still answer 401 before it starts the 200 stream).
 *
 * 1. Read the account; gone → undefined.
 * 2. Read the small parts (sync row, clients, sessions, passkeys, known devices, network).
 * 3. Write them, then the progress rows and the events, a page at a time.
 *
 * The pages are separate reads: a push that lands while the export is written may show in the
 * events and not yet in the progress (or the other way round); the next export has both.
 */
export async function accountExport(
  db: Db,
  userId: string,
  now: number,
): Promise<((write: WriteChunk) => Promise<void>) | undefined> {
  const user = await findUserById(db, userId);
  if (!user) return undefined;
  return async (write) => {
    const small = await smallParts(db, userId);
    await write(
      `{"exportedAt":${json(now)},"account":${json(toAccountInfo(user))}` +
        `,"emailVerifiedAt":${json(user.email_verified_at)},"sync":${json(small.sync)}` +
        `,"clients":${json(small.clients)},"sessions":${json(small.sessions)}` +
        `,"passkeys":${json(small.passkeys)},"knownDevices":${json(small.knownDevices)}` +
        `,"network":${json(small.network)}` +
        `,"progress":[`,
    );
    await writeProgress(db, userId, write);
    await write('],"events":[');
    await writeEvents(db, userId, write);
    await write(']}');
  };
}
