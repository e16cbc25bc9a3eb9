// Helpers for the account tests: the real app on a test database with a clock the test moves,
// requests to the account routes, and a learner's rows in every table.
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Hono } from 'hono';
import type { Selectable } from 'kysely';
import { expect } from 'vitest';
import { createApp, type AppOptions } from '../../src/server/app';
import type { Database } from '../../src/server/db/database';
import type { Db, Schema, UserTable } from '../../src/server/db/schema';
import { applyEvent, emptyProgress } from '../../src/shared/progress';
import type { SessionResponse } from '../../src/shared/sync-protocol';
import { eventRow, makeEvent, newClientId, type Requester } from '../utils/learners';
import { captureLogger, type LogLine } from './support';
import { acceptAnyLesson } from '../utils/sync-catalogue';

/** A fixed start for the test clock (27 Nov 2026, 09:00 UTC). */
export const T0 = Date.UTC(2026, 10, 27, 9);
/** scrypt cost for tests: 2^10, about a millisecond per hash. */
export const TEST_PASSWORD_COST = 10;
export const PASSWORD = 'riktig hest batteri';

/** A clock the test moves by assigning `now`. */
export interface TestClock {
  now: number;
}

/** The real app over `database`, with a movable clock and a logger the test can read. */
export function accountTestApp(
  database: Database,
  clock: TestClock = { now: T0 },
  passwordCost = TEST_PASSWORD_COST,
  /** More options for createApp (e.g. `publicUrl`). */
  extra: Partial<AppOptions> = {},
): { app: Hono; clock: TestClock; lines: LogLine[] } {
  const { logger, lines } = captureLogger();
  const app = createApp({
    catalogue: [],
    distDir: join(tmpdir(), 'lommekurs-account-tests-no-dist'),
    logger,
    database,
    passwordCost,
    now: () => clock.now,
    // Its own rate limits, as a separate server would have (the limits live in the database).
    rateLimitNamespace: `${randomBytes(6).toString('hex')}:`,
    // Account tests push made-up courses; the catalogue rule is tested in sync-fair-use.
    syncCatalogue: acceptAnyLesson,
    ...extra,
  });
  return { app, clock, lines };
}

const bearer = (token: string | undefined): Record<string, string> =>
  token === undefined ? {} : { Authorization: `Bearer ${token}` };

/** A request with an optional bearer token and a JSON body (a string is sent as is). */
export function call(
  app: Requester,
  method: string,
  path: string,
  {
    token,
    body,
    headers = {},
  }: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  const init: RequestInit = { method, headers: { ...bearer(token), ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers = { 'Content-Type': 'application/json', ...init.headers };
  }
  return Promise.resolve(app.request(path, init));
}

/** Registers `email` (201 expected) and returns the session reply. */
export async function register(
  app: Requester,
  email: string,
  password = PASSWORD,
): Promise<SessionResponse> {
  const response = await call(app, 'POST', '/api/v1/auth/register', { body: { email, password } });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as SessionResponse;
}

/** Logs in (200 expected) and returns the session reply. */
export async function login(
  app: Requester,
  email: string,
  password = PASSWORD,
): Promise<SessionResponse> {
  const response = await call(app, 'POST', '/api/v1/auth/login', { body: { email, password } });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as SessionResponse;
}

/** Gives a learner rows in the sync tables straight through Kysely (as a push would leave
 * them): a bound client, `count` events on one lesson and the progress they fold into; and one
 * row in each table the account's sign-ins leave (mail token, passkey and its challenge, known
 * device), so erasure and isolation are checked on every table. */
export async function insertLearnerData(
  db: Db,
  userId: string,
  {
    count = 3,
    at = T0,
    lessonId = 'leksjon-1',
  }: { count?: number; at?: number; lessonId?: string } = {},
): Promise<{ clientId: string; eventIds: string[] }> {
  const clientId = newClientId();
  const events = Array.from({ length: count }, (_, i) =>
    i === count - 1
      ? makeEvent('lesson.completed', {}, { clientId, at: at + i, seq: i + 1, lessonId })
      : makeEvent(
          'lesson.progressed',
          { position: (i + 1) / count },
          {
            clientId,
            at: at + i,
            seq: i + 1,
            lessonId,
          },
        ),
  );
  const progress = events.reduce(applyEvent, emptyProgress('kurs', lessonId));
  await insertSignInRows(db, userId, at);
  await insertNetworkRows(db, userId, at);
  await db
    .insertInto('clients')
    .values({ client_id: clientId, user_id: userId, created_at: at })
    .execute();
  await db
    .insertInto('events')
    .values(events.map((event) => eventRow(event, { userId, clientId, receivedAt: at })))
    .execute();
  await db
    .insertInto('progress')
    .values({
      user_id: userId,
      course_id: 'kurs',
      lesson_id: lessonId,
      data: JSON.stringify(progress),
      version: 1,
      updated_at: at,
    })
    .execute();
  await db.updateTable('learner_sync').set({ version: 1 }).where('user_id', '=', userId).execute();
  return { clientId, eventIds: events.map((event) => event.id) };
}

async function insertSignInRows(db: Db, userId: string, at: number): Promise<void> {
  const key = () => randomBytes(16).toString('hex');
  await db
    .insertInto('mail_tokens')
    .values({
      token_hash: key(),
      user_id: userId,
      purpose: 'verify',
      email: 'x@firma.no',
      created_at: at,
      expires_at: at + 1,
    })
    .execute();
  await db
    .insertInto('passkeys')
    .values({
      credential_id: key(),
      user_id: userId,
      public_key: key(),
      counter: 0,
      transports: '[]',
      name: 'Telefonen',
      created_at: at,
      last_used_at: null,
    })
    .execute();
  await db
    .insertInto('passkey_challenges')
    .values({ challenge: key(), user_id: userId, purpose: 'register', expires_at: at + 1 })
    .execute();
  await db
    .insertInto('known_devices')
    .values({ token_hash: key(), user_id: userId, created_at: at, last_used_at: at })
    .execute();
}

/** A garden of the learner's own, with a firm, where the learner is a consenting member and an
 * advisor, plus a network role: a row in every table of the business-garden network that
 * belongs to a user (issue 14). */
async function insertNetworkRows(db: Db, userId: string, at: number): Promise<void> {
  const gardenId = randomUUID();
  const firmId = randomUUID();
  await db
    .insertInto('gardens')
    .values({
      id: gardenId,
      name: 'Testhagen',
      county: 'Vestland',
      municipality: null,
      created_at: at,
    })
    .execute();
  await db
    .insertInto('firms')
    .values({ id: firmId, garden_id: gardenId, name: 'Firma AS', org_number: null, created_at: at })
    .execute();
  await db
    .insertInto('memberships')
    .values({
      user_id: userId,
      garden_id: gardenId,
      firm_id: firmId,
      display_name: 'Kari',
      joined_at: at,
    })
    .execute();
  await db
    .insertInto('consents')
    .values({
      user_id: userId,
      garden_id: gardenId,
      text_version: '2026-12-02',
      given_at: at,
      withdrawn_at: null,
    })
    .execute();
  await db
    .insertInto('consent_log')
    .values({
      id: randomUUID(),
      user_id: userId,
      garden_id: gardenId,
      kind: 'given',
      text_version: '2026-12-02',
      at,
    })
    .execute();
  await db
    .insertInto('advisors')
    .values({ garden_id: gardenId, user_id: userId, added_at: at, added_by: null })
    .execute();
  await db
    .insertInto('network_roles')
    .values({ user_id: userId, role: 'network_admin', granted_at: at })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** How to read one user's rows from each table, in a stable order. Typed over every table of
 * Schema, so a table added later does not compile here until the tests say how its rows belong
 * to a user (and erasure is then checked for it too). */
export const rowsOfUserIn: {
  [T in UserTable]: (db: Db, userId: string) => Promise<Selectable<Schema[T]>[]>;
} = {
  users: (db, id) => db.selectFrom('users').selectAll().where('id', '=', id).execute(),
  sessions: (db, id) =>
    db.selectFrom('sessions').selectAll().where('user_id', '=', id).orderBy('token_hash').execute(),
  clients: (db, id) =>
    db.selectFrom('clients').selectAll().where('user_id', '=', id).orderBy('client_id').execute(),
  learner_sync: (db, id) =>
    db.selectFrom('learner_sync').selectAll().where('user_id', '=', id).execute(),
  events: (db, id) =>
    db.selectFrom('events').selectAll().where('user_id', '=', id).orderBy('id').execute(),
  progress: (db, id) =>
    db
      .selectFrom('progress')
      .selectAll()
      .where('user_id', '=', id)
      .orderBy('course_id')
      .orderBy('lesson_id')
      .execute(),
  mail_tokens: (db, id) =>
    db
      .selectFrom('mail_tokens')
      .selectAll()
      .where('user_id', '=', id)
      .orderBy('token_hash')
      .execute(),
  passkeys: (db, id) =>
    db
      .selectFrom('passkeys')
      .selectAll()
      .where('user_id', '=', id)
      .orderBy('credential_id')
      .execute(),
  passkey_challenges: (db, id) =>
    db
      .selectFrom('passkey_challenges')
      .selectAll()
      .where('user_id', '=', id)
      .orderBy('challenge')
      .execute(),
  known_devices: (db, id) =>
    db
      .selectFrom('known_devices')
      .selectAll()
      .where('user_id', '=', id)
      .orderBy('token_hash')
      .execute(),
  network_roles: (db, id) =>
    db.selectFrom('network_roles').selectAll().where('user_id', '=', id).orderBy('role').execute(),
  advisors: (db, id) =>
    db.selectFrom('advisors').selectAll().where('user_id', '=', id).orderBy('garden_id').execute(),
  memberships: (db, id) =>
    db
      .selectFrom('memberships')
      .selectAll()
      .where('user_id', '=', id)
      .orderBy('garden_id')
      .execute(),
  consents: (db, id) =>
    db.selectFrom('consents').selectAll().where('user_id', '=', id).orderBy('garden_id').execute(),
  consent_log: (db, id) =>
    db.selectFrom('consent_log').selectAll().where('user_id', '=', id).orderBy('id').execute(),
};

/** Every row of one user, by table. */
export type UserSnapshot = { [T in UserTable]: Selectable<Schema[T]>[] };

/** Every row the database holds for a user, in every table. */
export async function snapshotOfUser(db: Db, userId: string): Promise<UserSnapshot> {
  const tables = Object.keys(rowsOfUserIn) as UserTable[];
  const rows = await Promise.all(tables.map((table) => rowsOfUserIn[table](db, userId)));
  return Object.fromEntries(tables.map((table, i) => [table, rows[i]])) as UserSnapshot;
}

/** A user's row count in every table, by table name. */
export async function rowsOfUser(db: Db, userId: string): Promise<Record<UserTable, number>> {
  const snapshot = await snapshotOfUser(db, userId);
  return Object.fromEntries(
    Object.entries(snapshot).map(([table, rows]) => [table, rows.length]),
  ) as Record<UserTable, number>;
}
