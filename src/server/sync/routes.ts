// Sync API (docs/sync-protocol.md): POST /api/v1/sync/push sends learner events, GET
// /api/v1/sync/pull fetches merged progress changed since a cursor. Both need a session token.
import { Hono, type Context, type Handler, type MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { MAX_PUSH_BYTES } from '../../shared/sync-protocol';
import { apiBodyLimit, methodNotAllowed } from '../api-errors';
import { refuseToken, requireLearner, type AuthVariables } from '../sessions/sessions';
import type { Db } from '../db/schema';
import type { Logger } from '../logger';
import { decodeRequestBody } from '../request-decoding';
import { LearnerGoneError } from '../db/learner-sync';
import { pullHandler } from './pull';
import type { SyncCatalogue } from './lesson-index';
import { pushHandler } from './push';

/** What the sync routes need. */
export interface SyncRoutesOptions {
  db: Db;
  logger: Logger;
  now: () => number;
  /** Which courses and lessons events may be about (see lesson-index.ts). */
  catalogue: SyncCatalogue;
  /** Test hook: awaited inside each push transaction just before it commits, so a test can hold
   * a push open while other instances push and pull (test/pg/cursor-skip.test.ts). */
  beforeCommit?: () => Promise<void>;
  /** The learner's push rate and daily event quota (src/server/limits/push-limits.ts); none
   * when absent (tests of the sync routes alone). */
  pushLimit?: MiddlewareHandler<SyncEnv>;
}

/** Where the app pushes events… */
export const PUSH_PATH = '/api/v1/sync/push';
/** …and pulls merged progress. */
export const PULL_PATH = '/api/v1/sync/pull';

type SyncEnv = { Variables: AuthVariables };

// An account deleted while one of its requests was under way: the token no longer stands for
// anyone, so the answer is the same as for any dead token (`account_deleted`, as the erasure
// remembered it).
const unlessLearnerGone =
  (db: Db, now: () => number) =>
  (handler: (c: Context<SyncEnv>) => Promise<Response>): Handler<SyncEnv> =>
  async (c) => {
    try {
      return await handler(c);
    } catch (error) {
      if (!(error instanceof LearnerGoneError)) throw error;
      return refuseToken(c, db, c.var.token, now());
    }
  };

/** Routes under /api/v1/sync, with full paths (mount at `/`). */
export function syncRoutes({
  db,
  logger,
  now,
  catalogue,
  beforeCommit,
  pushLimit = (_c, next) => next(),
}: SyncRoutesOptions): Hono<SyncEnv> {
  const routes = new Hono<SyncEnv>();
  const learner = requireLearner(db, now);
  const guarded = unlessLearnerGone(db, now);
  // Replies gzipped when the client accepts it (every browser does): a push's `acked` ids and a
  // pull's rows are most of a sync's bytes down (issue 13: 70 of 100 bytes per event on EDGE).
  const gzipReply = compress({ encoding: 'gzip' });

  routes.post(
    PUSH_PATH,
    learner,
    gzipReply,
    apiBodyLimit(MAX_PUSH_BYTES),
    decodeRequestBody(MAX_PUSH_BYTES),
    pushLimit,
    guarded(pushHandler({ db, logger, now, catalogue, beforeCommit })),
  );
  routes.get(PULL_PATH, learner, gzipReply, guarded(pullHandler({ db })));

  routes.all(PUSH_PATH, (c) => methodNotAllowed(c, 'POST'));
  routes.all(PULL_PATH, (c) => methodNotAllowed(c));
  return routes;
}
