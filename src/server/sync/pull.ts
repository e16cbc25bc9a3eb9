// GET /api/v1/sync/pull: the learner's progress rows changed since a cursor, in version order,
// one keyset page at a time. Versions of one learner commit in order (see push.ts), so a cursor
// never passes a row that commits later.
import type { Context } from 'hono';
import {
  DEFAULT_PULL_LIMIT,
  MAX_PULL_LIMIT,
  type PulledRow,
  type PullResponse,
} from '../../shared/sync-protocol';
import type { LessonProgress } from '../../shared/progress';
import { apiError } from '../api-errors';
import type { AuthVariables } from '../sessions/sessions';
import type { Db } from '../db/schema';
import { decodeCursor, encodeCursor, startCursor, type PullCursor } from './cursor';
import { learnerSyncState } from '../db/learner-sync';
import { NO_STORE } from './push';

/** What the pull handler needs. */
export interface PullOptions {
  db: Db;
}

/** The page size a `limit` query parameter asks for, or null when it is not 1…MAX_PULL_LIMIT. */
export function pullLimit(param: string | undefined): number | null {
  if (param === undefined) return DEFAULT_PULL_LIMIT;
  if (!/^[1-9][0-9]{0,5}$/.test(param)) return null;
  const limit = Number(param);
  return limit <= MAX_PULL_LIMIT ? limit : null;
}

/** Where to start: the cursor sent, or the epoch's start when none was sent or the one sent is
 * unknown, in which case the reply says `reset`. Unknown means malformed, from another epoch (a
 * deleted and re-created account), or ahead of the learner's version (a database restored from
 * a backup keeps its epoch but forgets the versions after it). */
function resolveCursor(
  param: string | undefined,
  learner: { epoch: string; version: number },
): { cursor: PullCursor; reset: boolean } {
  const start = startCursor(learner.epoch);
  if (param === undefined) return { cursor: start, reset: false };
  const decoded = decodeCursor(param);
  const known =
    decoded !== null && decoded.epoch === learner.epoch && decoded.version <= learner.version;
  return known ? { cursor: decoded, reset: false } : { cursor: start, reset: true };
}

/** The GET /api/v1/sync/pull handler (behind requireLearner). */
export function pullHandler({ db }: PullOptions) {
  return async (c: Context<{ Variables: AuthVariables }>): Promise<Response> => {
    const limit = pullLimit(c.req.query('limit'));
    if (limit === null) {
      return apiError(
        c,
        400,
        'invalid_request',
        `limit must be a whole number from 1 to ${MAX_PULL_LIMIT}`,
      );
    }
    const userId = c.get('userId');
    const learner = await learnerSyncState(db, userId);
    const { cursor, reset } = resolveCursor(c.req.query('cursor'), learner);

    const found = await db
      .selectFrom('progress')
      .select(['course_id', 'lesson_id', 'data', 'version'])
      .where('user_id', '=', userId)
      .where(({ eb, refTuple, tuple }) =>
        eb(
          refTuple('version', 'course_id', 'lesson_id'),
          '>',
          tuple(cursor.version, cursor.courseId, cursor.lessonId),
        ),
      )
      .orderBy('version')
      .orderBy('course_id')
      .orderBy('lesson_id')
      .limit(limit + 1)
      .execute();

    const page = found.slice(0, limit);
    const last = page.at(-1);
    const next: PullCursor = last
      ? {
          epoch: learner.epoch,
          version: last.version,
          courseId: last.course_id,
          lessonId: last.lesson_id,
        }
      : cursor;
    const rows: PulledRow[] = page.map((row) => ({
      progress: JSON.parse(row.data) as LessonProgress,
      version: row.version,
    }));
    const reply: PullResponse = {
      rows,
      cursor: encodeCursor(next),
      hasMore: found.length > limit,
      reset,
    };
    return c.json(reply, 200, NO_STORE);
  };
}
