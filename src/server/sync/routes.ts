// Sync API (docs/sync-protocol.md): POST /api/v1/sync/push sends learner events, GET
// /api/v1/sync/pull fetches merged progress changed since a cursor. Both need a session token.
import { Hono } from 'hono';
import { MAX_PUSH_BYTES } from '../../shared/sync-protocol';
import { apiBodyLimit, methodNotAllowed } from '../api-errors';
import { requireLearner, type AuthVariables } from '../auth/sessions';
import type { Db } from '../db/schema';
import type { Logger } from '../logger';
import { pullHandler } from './pull';
import { pushHandler } from './push';

/** What the sync routes need. */
export interface SyncRoutesOptions {
  db: Db;
  logger: Logger;
  now: () => number;
  /** Test hook: awaited inside each push transaction just before it commits, so a test can hold
   * a push open while other instances push and pull (test/pg/cursor-skip.test.ts). */
  beforeCommit?: () => Promise<void>;
}

/** Where the app pushes events… */
export const PUSH_PATH = '/api/v1/sync/push';
/** …and pulls merged progress. */
export const PULL_PATH = '/api/v1/sync/pull';

/** Routes under /api/v1/sync, with full paths (mount at `/`). */
export function syncRoutes({
  db,
  logger,
  now,
  beforeCommit,
}: SyncRoutesOptions): Hono<{ Variables: AuthVariables }> {
  const routes = new Hono<{ Variables: AuthVariables }>();
  const learner = requireLearner(db, now);

  routes.post(
    PUSH_PATH,
    learner,
    apiBodyLimit(MAX_PUSH_BYTES),
    pushHandler({ db, logger, now, beforeCommit }),
  );
  routes.get(PULL_PATH, learner, pullHandler({ db }));

  routes.all(PUSH_PATH, (c) => methodNotAllowed(c, 'POST'));
  routes.all(PULL_PATH, (c) => methodNotAllowed(c));
  return routes;
}
