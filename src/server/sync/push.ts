// POST /api/v1/sync/push: a batch of learner events, validated all-or-nothing, then stored in one
// transaction that takes the learner's version lock, binds the clientId to the learner, appends
// the events not seen before and folds exactly those into the learner's progress rows.
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import { EVENT_TYPES, learnerEventSchema, type LearnerEvent } from '../../shared/events';
import {
  applyEvent,
  clampTimestamp,
  emptyProgress,
  type LessonProgress,
} from '../../shared/progress';
import {
  MAX_CLOCK_LEAD_MS,
  MAX_PUSH_EVENTS,
  MIN_SYNC_SCHEMA_VERSION,
  pushRequestSchema,
  SYNC_SCHEMA_VERSION,
  type InvalidEventsResponse,
  type PushResponse,
  type RejectedEvent,
} from '../../shared/sync-protocol';
import { apiError } from '../api-errors';
import type { AuthVariables } from '../sessions/sessions';
import type { Db, Schema } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { describeIssues, readJsonBody, withMessages } from '../json-body';
import type { Logger } from '../logger';
import { bumpVersion } from '../db/learner-sync';

/** What the push handler needs. */
export interface PushOptions {
  db: Db;
  logger: Logger;
  now: () => number;
  /** Test hook: awaited inside the transaction just before it commits. */
  beforeCommit?: () => Promise<void>;
}

/** Headers of every sync reply: progress is private and changes with every push. */
export const NO_STORE = { 'Cache-Control': 'no-store' };

/** A valid event of the batch and the JSON it arrived as. */
export interface ReceivedEvent {
  event: LearnerEvent;
  raw: unknown;
}

/** The outcome of validating a batch: either list may be empty. */
export interface CheckedBatch {
  /** Valid events, one per id (a repeated id counts once, as first sent). */
  accepted: ReceivedEvent[];
  rejected: RejectedEvent[];
}

const LEAD_DAYS = MAX_CLOCK_LEAD_MS / (24 * 60 * 60_000);

// Echo an id back only when it is a short string; anything else is not worth repeating.
function readableId(item: unknown): string | null {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length <= 64 ? id : null;
}

function unknownType(item: unknown): string | null {
  const type = (item as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || (EVENT_TYPES as string[]).includes(type)) return null;
  return type.slice(0, 64);
}

/** Validates each event of a batch against the event schema, the request's clientId and the
 * server clock; returns the valid events (one per id) and the reasons for the others. */
export function checkEvents(raw: readonly unknown[], clientId: string, now: number): CheckedBatch {
  const accepted = new Map<string, ReceivedEvent>();
  const rejected: RejectedEvent[] = [];
  raw.forEach((item, index) => {
    const reject = (reason: string, message: string) =>
      rejected.push({ index, id: readableId(item), reason, message });
    const parsed = learnerEventSchema.safeParse(item, withMessages);
    if (!parsed.success) {
      const type = unknownType(item);
      if (type !== null) reject('unknown_event_type', `Unknown event type "${type}"`);
      else reject('invalid_event', describeIssues(parsed.error));
      return;
    }
    const event = parsed.data;
    if (event.clientId !== clientId) {
      reject('client_mismatch', "The event's clientId is not the clientId of the push");
    } else if (event.at > now + MAX_CLOCK_LEAD_MS) {
      reject(
        'timestamp_in_future',
        `The event is dated more than ${LEAD_DAYS} days after the server time`,
      );
    } else if (!accepted.has(event.id)) {
      accepted.set(event.id, { event, raw: item });
    }
  });
  return { accepted: [...accepted.values()], rejected };
}

// Thrown inside the transaction to roll it back; handled by the route.
class ClientBoundToOtherUser extends Error {}
class NothingNew extends Error {
  constructor(readonly version: number) {
    super('every event of the push was stored before');
  }
}

interface PushWrite {
  userId: string;
  clientId: string;
  accepted: ReceivedEvent[];
  now: number;
}

/** Binds a clientId to its first learner for good; another learner's clientId is refused. */
async function bindClient(trx: Kysely<Schema>, { userId, clientId, now }: PushWrite) {
  await trx
    .insertInto('clients')
    .values({ client_id: clientId, user_id: userId, created_at: now })
    .onConflict((oc) => oc.column('client_id').doNothing())
    .execute();
  const owner = await trx
    .selectFrom('clients')
    .select('user_id')
    .where('client_id', '=', clientId)
    .executeTakeFirstOrThrow();
  if (owner.user_id !== userId) throw new ClientBoundToOtherUser();
}

/** Appends the events to the log, idempotently by id; returns the new ones, timestamps clamped. */
async function appendEvents(
  trx: Kysely<Schema>,
  { userId, accepted, now }: PushWrite,
  version: number,
): Promise<LearnerEvent[]> {
  if (accepted.length === 0) return [];
  const inserted = await trx
    .insertInto('events')
    .values(
      accepted.map(({ event, raw }) => ({
        user_id: userId,
        id: event.id,
        client_id: event.clientId,
        seq: event.seq,
        type: event.type,
        course_id: event.courseId,
        lesson_id: event.lessonId,
        at: clampTimestamp(event.at, now),
        received_at: now,
        version,
        body: JSON.stringify(raw),
      })),
    )
    .onConflict((oc) => oc.columns(['user_id', 'id']).doNothing())
    .returning('id')
    .execute();
  const fresh = new Set(inserted.map((row) => row.id));
  return accepted
    .filter(({ event }) => fresh.has(event.id))
    .map(({ event }) => ({ ...event, at: clampTimestamp(event.at, now) }));
}

const lessonKey = (courseId: string, lessonId: string) => JSON.stringify([courseId, lessonId]);

/** Folds new events into the learner's progress rows and stamps the touched rows with `version`. */
async function foldIntoProgress(
  trx: Kysely<Schema>,
  { userId, now }: PushWrite,
  fresh: LearnerEvent[],
  version: number,
): Promise<void> {
  const byLesson = new Map<string, LearnerEvent[]>();
  for (const event of fresh) {
    const key = lessonKey(event.courseId, event.lessonId);
    byLesson.set(key, [...(byLesson.get(key) ?? []), event]);
  }
  const lessons = [...byLesson.values()].map(([first]) => first);
  const stored = await trx
    .selectFrom('progress')
    .select(['course_id', 'lesson_id', 'data'])
    .where('user_id', '=', userId)
    .where(({ eb, refTuple, tuple }) =>
      eb(
        refTuple('course_id', 'lesson_id'),
        'in',
        lessons.map((e) => tuple(e.courseId, e.lessonId)),
      ),
    )
    .execute();
  const current = new Map(
    stored.map((row) => [
      lessonKey(row.course_id, row.lesson_id),
      JSON.parse(row.data) as LessonProgress,
    ]),
  );
  const rows = [...byLesson].map(([key, events]) => {
    const { courseId, lessonId } = events[0];
    const merged = events.reduce(applyEvent, current.get(key) ?? emptyProgress(courseId, lessonId));
    return {
      user_id: userId,
      course_id: courseId,
      lesson_id: lessonId,
      data: JSON.stringify(merged),
      version,
      updated_at: now,
    };
  });
  await trx
    .insertInto('progress')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['user_id', 'course_id', 'lesson_id']).doUpdateSet((eb) => ({
        data: eb.ref('excluded.data'),
        version: eb.ref('excluded.version'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

/** Stores one validated push; returns the learner's version after it. */
async function storePush(
  db: Db,
  write: PushWrite,
  beforeCommit: (() => Promise<void>) | undefined,
): Promise<number> {
  try {
    return await inTransaction(db, async (trx) => {
      // The version lock first, always: see bumpVersion.
      const version = await bumpVersion(trx, write.userId);
      await bindClient(trx, write);
      const fresh = await appendEvents(trx, write, version);
      // A pure re-send changes nothing, not even the version: roll the bump back.
      if (fresh.length === 0) throw new NothingNew(version - 1);
      await foldIntoProgress(trx, write, fresh, version);
      await beforeCommit?.();
      return version;
    });
  } catch (error) {
    if (error instanceof NothingNew) return error.version;
    throw error;
  }
}

// A client too old to speak this protocol may also send a body of another shape, so its
// schemaVersion is read before the body is checked against today's shape.
function declaredSchemaVersion(body: unknown): number | null {
  const version = (body as { schemaVersion?: unknown } | null)?.schemaVersion;
  return Number.isInteger(version) ? (version as number) : null;
}

/** The POST /api/v1/sync/push handler (behind requireLearner and the push body limit). */
export function pushHandler({ db, logger, now: clock, beforeCommit }: PushOptions) {
  return async (c: Context<{ Variables: AuthVariables }>): Promise<Response> => {
    const now = clock();
    const body = await readJsonBody(c);
    if (!body.ok) return body.response;
    const declared = declaredSchemaVersion(body.value);
    if (declared !== null && declared < MIN_SYNC_SCHEMA_VERSION) {
      return apiError(
        c,
        426,
        'client_too_old',
        `Sync protocol ${declared} is no longer supported; update the app (oldest supported: ${MIN_SYNC_SCHEMA_VERSION})`,
      );
    }
    const request = pushRequestSchema.safeParse(body.value, withMessages);
    if (!request.success) {
      return apiError(c, 400, 'invalid_request', describeIssues(request.error));
    }
    const { clientId, schemaVersion, events } = request.data;
    if (schemaVersion > SYNC_SCHEMA_VERSION) {
      return apiError(
        c,
        400,
        'invalid_request',
        `Sync protocol ${schemaVersion} is newer than this server's (${SYNC_SCHEMA_VERSION})`,
      );
    }
    if (events.length > MAX_PUSH_EVENTS) {
      return apiError(
        c,
        413,
        'payload_too_large',
        `A push carries at most ${MAX_PUSH_EVENTS} events; this one has ${events.length}`,
      );
    }

    const { accepted, rejected } = checkEvents(events, clientId, now);
    if (rejected.length > 0) {
      const reply: InvalidEventsResponse = {
        error: 'invalid_events',
        message: `${rejected.length} of ${events.length} events are invalid; nothing was stored`,
        acked: [],
        rejected,
      };
      return c.json(reply, 400, NO_STORE);
    }

    const userId = c.get('userId');
    let version: number;
    try {
      version = await storePush(db, { userId, clientId, accepted, now }, beforeCommit);
    } catch (error) {
      if (!(error instanceof ClientBoundToOtherUser)) throw error;
      return apiError(
        c,
        403,
        'client_bound_to_other_user',
        'This clientId already belongs to another account; the device must make a new one',
      );
    }
    logger.debug({ userId, events: accepted.length, version }, 'sync push stored');
    const reply: PushResponse = {
      acked: accepted.map(({ event }) => event.id),
      rejected: [],
      version,
      serverTime: now,
    };
    return c.json(reply, 200, NO_STORE);
  };
}
