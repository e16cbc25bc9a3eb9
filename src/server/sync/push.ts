// POST /api/v1/sync/push: a batch of learner events, validated all-or-nothing, then stored in one
// transaction that takes the learner's version lock, binds the clientId to the learner, appends
// the events not seen before and folds exactly those into the learner's progress rows.
// Fair use (docs/security.md): events must fit the catalogue, a row may not grow past
// MAX_PROGRESS_ROW_CHARS, and the fold yields to the event loop between slices of work, so one
// learner's push storm never stalls other requests.
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import { EVENT_TYPES, learnerEventSchema, type LearnerEvent } from '../../shared/events';
import {
  applyEvent,
  clampTimestamp,
  emptyProgress,
  mergeProgress,
  progressOfEvent,
  type LessonProgress,
} from '../../shared/progress';
import {
  MAX_CLOCK_LEAD_MS,
  type InvalidEventsResponse,
  type PushResponse,
  type RejectedEvent,
} from '../../shared/sync-protocol';
import { apiError } from '../api-errors';
import type { AuthVariables } from '../sessions/sessions';
import type { Db, Schema } from '../db/schema';
import { unitRunner } from '../db/group-commit';
import { describeIssues, withMessages } from '../json-body';
import type { Logger } from '../logger';
import { bumpVersionReadingClient } from '../db/learner-sync';
import { appendEventRows } from '../db/event-log';
import { runKept } from '../db/kept-query';
import type { SyncCatalogue } from './lesson-index';
import { certainEvent } from './event-fast-path';
import { readPush } from './push-body';
import { INSIGHT_COLUMNS, insightFacts } from '../insight/facts';

/** The largest a progress row may grow, in characters of its JSON. An event that would make a row
 * larger than this (and larger than it was) is refused as `progress_row_full`. Far above what a
 * learner makes: a 20,000-character reflection, and 50 attempts on each of a quiz's questions. */
export const MAX_PROGRESS_ROW_CHARS = 256 * 1024;

/** The most events (and so progress rows) one push may carry (MAX_PUSH_EVENTS, sync-protocol). */
const MAX_PUSH_ROWS = 100;

/** How long the fold works before it lets other requests run (setImmediate). */
const SLICE_MS = 2;
/** Progress rows written per statement: a whole push's (one row per lesson it touches). */
const WRITE_CHUNK = MAX_PUSH_ROWS;
/** Events appended per statement: a whole push's. One 100-row statement is about as long as a
 * slice (SLICE_MS) on SQLite, and each statement costs a round trip on PostgreSQL. */
const EVENT_CHUNK = MAX_PUSH_ROWS;
/** Events validated between two yields. */
const CHECK_CHUNK = 25;

const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Calls `breathe` whenever SLICE_MS has passed since the last time: cheap to call often. */
function slicer() {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < SLICE_MS) return;
    await breathe();
    since = performance.now();
  };
}

/** What the push handler needs. */
export interface PushOptions {
  db: Db;
  logger: Logger;
  now: () => number;
  /** Which courses, lessons, questions, options and items exist. */
  catalogue: SyncCatalogue;
  /** Test hook: awaited inside the transaction just before it commits. */
  beforeCommit?: () => Promise<void>;
}

/** Headers of every sync reply: progress is private and changes with every push. */
export const NO_STORE = { 'Cache-Control': 'no-store' };

/** A valid event of the batch and the JSON it arrived as. */
export interface ReceivedEvent {
  event: LearnerEvent;
  raw: unknown;
  /** Position in the pushed batch. */
  index: number;
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

/** Validates each event of a batch against the event schema, the request's clientId, the
 * server clock and the catalogue; returns the valid events (one per id) and the reasons for the
 * others. */
export function checkEvents(
  raw: readonly unknown[],
  clientId: string,
  now: number,
  catalogue: SyncCatalogue,
  firstIndex = 0,
): CheckedBatch {
  const accepted = new Map<string, ReceivedEvent>();
  const rejected: RejectedEvent[] = [];
  raw.forEach((item, offset) => {
    const index = firstIndex + offset;
    const reject = (reason: string, message: string) =>
      rejected.push({ index, id: readableId(item), reason, message });
    // The plain check first (event-fast-path.ts); zod for anything it is not sure of.
    let event = certainEvent(item);
    if (event === null) {
      const parsed = learnerEventSchema.safeParse(item, withMessages);
      if (!parsed.success) {
        const type = unknownType(item);
        if (type !== null) reject('unknown_event_type', `Unknown event type "${type}"`);
        else reject('invalid_event', describeIssues(parsed.error));
        return;
      }
      event = parsed.data;
    }
    const unfit = catalogue.refusal(event);
    if (event.clientId !== clientId) {
      reject('client_mismatch', "The event's clientId is not the clientId of the push");
    } else if (event.at > now + MAX_CLOCK_LEAD_MS) {
      reject(
        'timestamp_in_future',
        `The event is dated more than ${LEAD_DAYS} days after the server time`,
      );
    } else if (unfit) {
      reject(unfit.reason, unfit.message);
    } else if (!accepted.has(event.id)) {
      accepted.set(event.id, { event, raw: item, index });
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
/** Events that would grow a progress row past MAX_PROGRESS_ROW_CHARS. */
class RowsFull extends Error {
  constructor(readonly refused: RejectedEvent[]) {
    super('the push would grow a progress row past its cap');
  }
}

interface PushWrite {
  userId: string;
  clientId: string;
  accepted: ReceivedEvent[];
  now: number;
}

const ownerOf = (trx: Kysely<Schema>, clientId: string) =>
  trx.selectFrom('clients').select('user_id').where('client_id', '=', clientId).executeTakeFirst();

/** Binds a clientId to its first learner for good; another learner's clientId is refused.
 * `known` is the binding as read with the version lock (bumpVersionReadingClient): a known client
 * costs nothing more; a new one is inserted and read again (a concurrent first push of the same
 * clientId may have won). */
async function bindClient(
  trx: Kysely<Schema>,
  { userId, clientId, now }: PushWrite,
  known: string | null,
) {
  let owner = known;
  if (owner === null) {
    await trx
      .insertInto('clients')
      .values({ client_id: clientId, user_id: userId, created_at: now })
      .onConflict((oc) => oc.column('client_id').doNothing())
      .execute();
    owner = (await ownerOf(trx, clientId))?.user_id ?? null;
  }
  if (owner !== userId) throw new ClientBoundToOtherUser();
}

/** Appends the events to the log, idempotently by id; returns the new ones, timestamps clamped. */
async function appendEvents(
  trx: Kysely<Schema>,
  { userId, accepted, now }: PushWrite,
  version: number,
): Promise<ReceivedEvent[]> {
  if (accepted.length === 0) return [];
  const clamped = accepted.map((received) => ({
    ...received,
    event: { ...received.event, at: clampTimestamp(received.event.at, now) },
  }));
  const fresh = new Set<string>();
  // One multi-row statement per push (EVENT_CHUNK); RETURNING names the rows that were new.
  for (let i = 0; i < clamped.length; i += EVENT_CHUNK) {
    const inserted = await appendEventRows(
      trx,
      clamped.slice(i, i + EVENT_CHUNK).map(({ event, raw }) => ({
        user_id: userId,
        id: event.id,
        client_id: event.clientId,
        seq: event.seq,
        type: event.type,
        course_id: event.courseId,
        lesson_id: event.lessonId,
        at: event.at,
        received_at: now,
        version,
        body: JSON.stringify(raw),
      })),
    );
    for (const id of inserted) fresh.add(id);
  }
  return clamped.filter(({ event }) => fresh.has(event.id));
}

/** The join of the events' own progress records, pairwise (a balanced tree): the merge is a
 * join (commutative, associative, idempotent; test/shared/progress.test.ts), so this equals
 * applying them one by one, while each merge copies two small records instead of the whole row. */
function joinEvents(received: readonly ReceivedEvent[]): LessonProgress {
  let level = received.map(({ event }) => progressOfEvent(event));
  while (level.length > 1) {
    const next: LessonProgress[] = [];
    for (let i = 0; i < level.length; i += 2) {
      next.push(i + 1 < level.length ? mergeProgress(level[i]!, level[i + 1]!) : level[i]!);
    }
    level = next;
  }
  return level[0]!;
}

const lessonKey = (courseId: string, lessonId: string) => JSON.stringify([courseId, lessonId]);

/** Folds one lesson's new events into its row. An event that would make the row longer than
 * MAX_PROGRESS_ROW_CHARS, and longer than it was, is left out and listed in `refused`. */
async function foldLesson(
  stored: LessonProgress,
  received: readonly ReceivedEvent[],
  refused: RejectedEvent[],
  pause: () => Promise<void>,
): Promise<{ progress: LessonProgress; json: string }> {
  // One pass: the events joined among themselves, then into the stored row once.
  const merged = mergeProgress(stored, joinEvents(received));
  const json = JSON.stringify(merged);
  await pause();
  if (json.length <= MAX_PROGRESS_ROW_CHARS) return { progress: merged, json };
  // Over the cap: go again one event at a time to find the events that overflow it.
  let kept = stored;
  let size = JSON.stringify(stored).length;
  for (const { event, index } of received) {
    const next = applyEvent(kept, event);
    const nextSize = JSON.stringify(next).length;
    if (nextSize > MAX_PROGRESS_ROW_CHARS && nextSize > size) {
      refused.push({
        index,
        id: event.id,
        reason: 'progress_row_full',
        message: `The lesson's progress would exceed ${MAX_PROGRESS_ROW_CHARS} characters`,
      });
    } else {
      kept = next;
      size = nextSize;
    }
    await pause();
  }
  return { progress: kept, json: JSON.stringify(kept) };
}

/** Folds new events into the learner's progress rows and stamps the touched rows with `version`,
 * in slices that let other requests run in between. */
async function foldIntoProgress(
  trx: Kysely<Schema>,
  { userId, now }: PushWrite,
  fresh: ReceivedEvent[],
  version: number,
): Promise<void> {
  const byLesson = new Map<string, ReceivedEvent[]>();
  for (const received of fresh) {
    const key = lessonKey(received.event.courseId, received.event.lessonId);
    const list = byLesson.get(key);
    if (list) list.push(received);
    else byLesson.set(key, [received]);
  }
  const lessons = [...byLesson.values()].map(([first]) => first.event);
  const { rows: stored } = await runKept(
    trx,
    `progress of lessons ${lessons.length}`,
    () =>
      trx
        .selectFrom('progress')
        .select(['course_id', 'lesson_id', 'data'])
        .where('user_id', '=', userId)
        .where(({ eb, refTuple, tuple }) =>
          eb(
            refTuple('course_id', 'lesson_id'),
            'in',
            lessons.map((e) => tuple(e.courseId, e.lessonId)),
          ),
        ),
    [userId, ...lessons.flatMap((e) => [e.courseId, e.lessonId])],
  );
  const current = new Map(
    stored.map((row) => [lessonKey(row.course_id, row.lesson_id), row.data] as const),
  );
  const pause = slicer();
  const refused: RejectedEvent[] = [];
  const rows = [];
  for (const [key, received] of byLesson) {
    const { courseId, lessonId } = received[0]!.event;
    const data = current.get(key);
    const before = data ? (JSON.parse(data) as LessonProgress) : emptyProgress(courseId, lessonId);
    const after = await foldLesson(before, received, refused, pause);
    rows.push({
      user_id: userId,
      course_id: courseId,
      lesson_id: lessonId,
      data: after.json,
      version,
      updated_at: now,
      ...insightFacts(after.progress),
    });
    await pause();
  }
  if (refused.length > 0) throw new RowsFull(refused.sort((a, b) => a.index - b.index));
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
    const chunk = rows.slice(i, i + WRITE_CHUNK);
    await runKept(
      trx,
      `write progress ${chunk.length}`,
      () =>
        trx
          .insertInto('progress')
          .values(chunk)
          .onConflict((oc) =>
            oc.columns(['user_id', 'course_id', 'lesson_id']).doUpdateSet((eb) => ({
              data: eb.ref('excluded.data'),
              version: eb.ref('excluded.version'),
              updated_at: eb.ref('excluded.updated_at'),
              ...Object.fromEntries(
                INSIGHT_COLUMNS.map((column) => [column, eb.ref(`excluded.${column}`)]),
              ),
            })),
          ),
      chunk.flatMap((row) => [
        row.user_id,
        row.course_id,
        row.lesson_id,
        row.data,
        row.version,
        row.updated_at,
        ...INSIGHT_COLUMNS.map((column) => row[column]),
      ]),
    );
    await breathe();
  }
}

/** Stores one validated push; returns the learner's version after it, once it is committed. On
 * SQLite concurrent pushes share a commit, each in its own savepoint (db/group-commit.ts). */
async function storePush(
  db: Db,
  write: PushWrite,
  beforeCommit: (() => Promise<void>) | undefined,
): Promise<number> {
  try {
    return await unitRunner(db).run(async (trx) => {
      // The version lock first, always: see bumpVersionReadingClient.
      const { version, owner } = await bumpVersionReadingClient(trx, write.userId, write.clientId);
      await bindClient(trx, write, owner);
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

/** The POST /api/v1/sync/push handler (behind requireLearner and the push body limit). */
export function pushHandler({ db, logger, now: clock, catalogue, beforeCommit }: PushOptions) {
  return async (c: Context<{ Variables: AuthVariables }>): Promise<Response> => {
    const now = clock();
    // Protocol 1 or 2, read into protocol 1's shape (push-body.ts), parsed once per request.
    const request = await readPush(c);
    if (!request.ok) return apiError(c, request.status, request.code, request.message);
    const { clientId, events } = request.value;

    // Validated a quarter of the batch at a time, yielding in between (the shape check of 100
    // events is a few milliseconds of work).
    const checked: CheckedBatch[] = [];
    for (let i = 0; i < events.length; i += CHECK_CHUNK) {
      checked.push(checkEvents(events.slice(i, i + CHECK_CHUNK), clientId, now, catalogue, i));
      await breathe();
    }
    const seen = new Set<string>();
    const accepted = checked
      .flatMap((batch) => batch.accepted)
      .filter(({ event }) => !seen.has(event.id) && seen.add(event.id));
    const rejected = checked.flatMap((batch) => batch.rejected);
    const refuse = (refused: RejectedEvent[]) => {
      const reply: InvalidEventsResponse = {
        error: 'invalid_events',
        message: `${refused.length} of ${events.length} events are invalid; nothing was stored`,
        acked: [],
        rejected: refused,
      };
      return c.json(reply, 400, NO_STORE);
    };
    if (rejected.length > 0) return refuse(rejected);

    const userId = c.get('userId');
    let version: number;
    try {
      version = await storePush(db, { userId, clientId, accepted, now }, beforeCommit);
    } catch (error) {
      if (error instanceof RowsFull) {
        logger.info({ userId, refused: error.refused.length }, 'sync push: progress row full');
        return refuse(error.refused);
      }
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
