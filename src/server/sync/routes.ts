// Sync API: push and pull (docs/sync-protocol.md). (Filled in by the sync work.)
import { Hono } from 'hono';
import type { Db } from '../db/schema';
import type { Logger } from '../logger';

/** What the sync routes need. */
export interface SyncRoutesOptions {
  db: Db;
  logger: Logger;
  now: () => number;
}

/** Routes under /api/v1/sync. */
export function syncRoutes(_options: SyncRoutesOptions): Hono {
  return new Hono();
}
