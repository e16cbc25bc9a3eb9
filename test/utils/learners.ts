// Fixtures for the sync tests: learners made straight in the database (no account routes), valid
// events, the real app wired to a test database, push/pull requests and whole-table dumps.
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/app';
import { createSession } from '../../src/server/sessions/sessions';
import type { Database } from '../../src/server/db/database';
import type { Db } from '../../src/server/db/schema';
import { createLogger } from '../../src/server/logger';
import {
  EVENT_VERSION,
  learnerEventSchema,
  type EventPayload,
  type EventType,
  type LearnerEvent,
} from '../../src/shared/events';
import {
  SYNC_SCHEMA_VERSION,
  type PulledRow,
  type PullResponse,
  type PushRequest,
} from '../../src/shared/sync-protocol';
import { uuidv7 } from '../../src/shared/uuid';
import type { SyncCatalogue } from '../../src/server/sync/lesson-index';
import { acceptAnyLesson } from './sync-catalogue';
import { openTestDatabase } from './test-database';

/** A learner with a live session. */
export interface TestLearner {
  userId: string;
  token: string;
  /** learner_sync.epoch */
  epoch: string;
}

/** Inserts a user, their learner_sync row (version 0, random epoch) and a session. */
export async function createTestLearner(db: Db, email?: string): Promise<TestLearner> {
  const userId = randomUUID();
  const epoch = randomBytes(16).toString('base64url');
  await db
    .insertInto('users')
    .values({
      id: userId,
      email: email ?? `learner-${userId}@example.test`,
      password_hash: 'placeholder: these tests never log in',
      created_at: Date.now(),
    })
    .execute();
  await db.insertInto('learner_sync').values({ user_id: userId, version: 0, epoch }).execute();
  const { token } = await createSession(db, userId);
  return { userId, token, epoch };
}

/** A new clientId, as a device makes one. */
/** The `events` row the server stores for `event`, as seeded straight into a test database. */
export const eventRow = (
  event: LearnerEvent,
  owner: { userId: string; clientId: string; receivedAt: number },
) => ({
  user_id: owner.userId,
  id: event.id,
  client_id: owner.clientId,
  seq: event.seq,
  type: event.type,
  course_id: event.courseId,
  lesson_id: event.lessonId,
  at: event.at,
  received_at: owner.receivedAt,
  version: 1,
  body: JSON.stringify(event),
});

export const newClientId = (): string => `client-${randomBytes(8).toString('hex')}`;

/** Envelope fields of a test event; each has a default. */
export interface EventFields {
  id?: string;
  clientId?: string;
  seq?: number;
  at?: number;
  courseId?: string;
  lessonId?: string;
}

let nextSeq = 1;

/** One valid event (checked against the schema); a new UUIDv7 id and the next seq by default. */
export function makeEvent<T extends EventType>(
  type: T,
  payload: EventPayload<T>,
  { clientId = 'client-test-0000', at = Date.now(), ...fields }: EventFields = {},
): LearnerEvent {
  return learnerEventSchema.parse({
    id: fields.id ?? uuidv7(at),
    clientId,
    seq: fields.seq ?? nextSeq++,
    courseId: fields.courseId ?? 'kurs',
    lessonId: fields.lessonId ?? 'leksjon-1',
    at,
    v: EVENT_VERSION,
    type,
    payload,
  });
}

/** Which event kind the i-th sample event is; every type appears, several in clashing ways. */
function sampleDraft(i: number, clientId: string): { type: EventType; payload: unknown } {
  switch (i % 8) {
    case 0:
      return { type: 'lesson.opened', payload: {} };
    case 1:
      return { type: 'lesson.progressed', payload: { position: ((i * 37) % 101) / 100 } };
    case 2:
      return {
        type: 'quiz.answered',
        payload: {
          attemptId: uuidv7(),
          questionId: `q${i % 3}`,
          chosen: [`a${i % 4}`],
          correct: i % 5 === 4,
          score: (i % 5) / 4,
        },
      };
    case 3:
      return {
        type: 'checklist.toggled',
        payload: { itemId: `punkt-${i % 3}`, checked: i % 2 === 0 },
      };
    case 4:
      return { type: 'reflection.saved', payload: { text: `Refleksjon ${i} fra ${clientId}` } };
    case 5:
      return { type: 'time.spent', payload: { seconds: i * 7 } };
    case 6:
      return { type: 'lesson.completed', payload: {} };
    default:
      return { type: 'lesson.progressed', payload: { position: ((i * 53) % 101) / 100 } };
  }
}

/** `count` varied valid events of one client over `lessons` lessons of course `courseId`, with
 * timestamps that collide every few events (so last-writer-wins ties are exercised). */
export function sampleEvents(
  count: number,
  {
    clientId = 'client-test-0000',
    courseId = 'kurs',
    lessons = 3,
    at = Date.now() - 60_000,
  }: { clientId?: string; courseId?: string; lessons?: number; at?: number } = {},
): LearnerEvent[] {
  return Array.from({ length: count }, (_, i) => {
    const { type, payload } = sampleDraft(i, clientId);
    return makeEvent(type, payload as never, {
      clientId,
      courseId,
      lessonId: `leksjon-${(i % lessons) + 1}`,
      at: at + Math.floor(i / 3) * 1000,
      seq: i + 1,
    });
  });
}

/** The real app over a test database, with no courses and no built app; `now` is its clock.
 * Sync accepts any course and lesson unless `syncCatalogue` says otherwise. */
export function createSyncTestApp(
  database: Database,
  now: () => number = Date.now,
  syncCatalogue: SyncCatalogue = acceptAnyLesson,
): Hono {
  return createApp({
    catalogue: [],
    distDir: join(tmpdir(), 'lommekurs-sync-tests-no-dist'),
    logger: createLogger('silent'),
    database,
    now,
    syncCatalogue,
  });
}

/** A fresh test database and sync app with one learner who has already pushed `seed` events from
 * `clientId` — so a test of "nothing changed" compares against something, not an empty table. */
export async function openSeededSyncApp(
  clientId: string,
  seed: number,
  now: () => number,
): Promise<{ database: Database; app: Hono; learner: TestLearner }> {
  const database = await openTestDatabase();
  const app = createSyncTestApp(database, now);
  const learner = await createTestLearner(database.db);
  const response = await push(
    app,
    learner.token,
    pushBody(clientId, sampleEvents(seed, { clientId })),
  );
  if (response.status !== 200) throw new Error(`seeding push answered ${response.status}`);
  return { database, app, learner };
}

/** Anything that answers requests in process: a Hono app, or the sync routes alone. */
export interface Requester {
  request(path: string, init?: RequestInit): Response | Promise<Response>;
}

/** A push request body. */
export const pushBody = (
  clientId: string,
  events: readonly unknown[],
  schemaVersion = SYNC_SCHEMA_VERSION,
): PushRequest => ({ clientId, schemaVersion, events: [...events] });

const authorization = (token: string | null): Record<string, string> =>
  token === null ? {} : { Authorization: `Bearer ${token}` };

/** POST /api/v1/sync/push with a JSON body (or a raw string sent as is). */
export const push = (app: Requester, token: string | null, body: unknown): Promise<Response> =>
  Promise.resolve(
    app.request('/api/v1/sync/push', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...authorization(token) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );

/** GET /api/v1/sync/pull with the given query parameters. */
export function pull(
  app: Requester,
  token: string | null,
  query: { cursor?: string; limit?: number | string } = {},
): Promise<Response> {
  const params = new URLSearchParams();
  if (query.cursor !== undefined) params.set('cursor', query.cursor);
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  const search = params.size > 0 ? `?${params}` : '';
  return Promise.resolve(
    app.request(`/api/v1/sync/pull${search}`, { headers: authorization(token) }),
  );
}

/** One pull that must succeed; its parsed reply. */
export async function pullPage(
  app: Requester,
  token: string,
  query: { cursor?: string; limit?: number } = {},
): Promise<PullResponse> {
  const response = await pull(app, token, query);
  if (response.status !== 200) {
    throw new Error(`pull answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as PullResponse;
}

// A cursor that never advances would loop forever; no test has anywhere near this many pages.
const MAX_PAGES = 10_000;

/** Pulls page after page until `hasMore` is false; every row in order, and the last cursor. */
export async function pullAll(
  app: Requester,
  token: string,
  { cursor, limit }: { cursor?: string; limit?: number } = {},
): Promise<{ rows: PulledRow[]; cursor: string; pages: PullResponse[] }> {
  const pages: PullResponse[] = [];
  let next = cursor;
  while (pages.length < MAX_PAGES) {
    const page = await pullPage(app, token, { cursor: next, limit });
    pages.push(page);
    next = page.cursor;
    if (!page.hasMore) return { rows: pages.flatMap((p) => p.rows), cursor: next, pages };
  }
  throw new Error(`pull still had more after ${MAX_PAGES} pages: is the cursor stuck?`);
}

/** Every row of the sync tables, in key order: two dumps are equal iff nothing changed. */
export async function dumpSyncTables(db: Db) {
  return {
    clients: await db.selectFrom('clients').selectAll().orderBy('client_id').execute(),
    learner_sync: await db.selectFrom('learner_sync').selectAll().orderBy('user_id').execute(),
    events: await db.selectFrom('events').selectAll().orderBy('user_id').orderBy('id').execute(),
    progress: await db
      .selectFrom('progress')
      .selectAll()
      .orderBy('user_id')
      .orderBy('course_id')
      .orderBy('lesson_id')
      .execute(),
  };
}

/** How many rows the tables a push writes hold. */
export async function countSyncRows(
  db: Db,
): Promise<Record<'events' | 'progress' | 'clients', number>> {
  const count = async (table: 'events' | 'progress' | 'clients') => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return {
    events: await count('events'),
    progress: await count('progress'),
    clients: await count('clients'),
  };
}
