// Account API: register, login, logout, me, export, delete. (Filled in by the accounts work.)
import { Hono } from 'hono';
import type { Db } from '../db/schema';
import type { Logger } from '../logger';

/** What the account routes need. */
export interface AccountRoutesOptions {
  db: Db;
  logger: Logger;
  /** log2 of scrypt's N for new hashes; see passwords.ts. */
  passwordCost?: number;
  now: () => number;
}

/** Routes under /api/v1/auth and /api/v1/me. */
export function accountRoutes(_options: AccountRoutesOptions): Hono {
  return new Hono();
}
