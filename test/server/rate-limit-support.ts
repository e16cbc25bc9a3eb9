// Helpers for the rate-limit tests: the real app behind a trusted proxy (so a test says which
// address each request comes from), each app with its own limits unless told to share, and the
// account requests the rules are about.
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterEach, beforeEach, vi } from 'vitest';
import { createApp } from '../../src/server/app';
import type { Database } from '../../src/server/db/database';
import type { SessionResponse } from '../../src/shared/sync-protocol';
import type { Requester } from '../utils/learners';
import { acceptAnyLesson } from '../utils/sync-catalogue';
import { call, PASSWORD, T0, TEST_PASSWORD_COST } from './account-support';
import { captureLogger, type LogLine } from './support';

/** Where each test's fake clock starts. */
export const START = Date.UTC(2026, 11, 2, 9);

/** The limits run on the wall clock (the library's): each test of the calling file starts with
 * Date faked at START and moves it with `advance`; real timers again after it. */
export function useFakeClock(): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: START });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

/** Moves the faked clock `seconds` on. */
export const advance = (seconds: number): void => {
  vi.setSystemTime(Date.now() + seconds * 1000);
};

/** A fresh rate-limit namespace: an app of its own, as a separate server would be. */
export const newNamespace = (): string => `${randomBytes(6).toString('hex')}:`;

/** The real app behind a trusted proxy; apps given the same `namespace` share their limits. */
export function limitTestApp(
  database: Database,
  namespace = newNamespace(),
): { app: Hono; lines: LogLine[] } {
  const { logger, lines } = captureLogger();
  const app = createApp({
    catalogue: [],
    distDir: join(tmpdir(), 'lommekurs-rate-limit-tests-no-dist'),
    logger,
    database,
    passwordCost: TEST_PASSWORD_COST,
    now: () => T0,
    trustProxy: true,
    rateLimitNamespace: namespace,
    syncCatalogue: acceptAnyLesson,
  });
  return { app, lines };
}

let seq = 0;
/** An email no other test uses. */
export const uniqueEmail = (name: string): string => `${name}-${++seq}-${Date.now()}@firma.no`;

/** Headers of a request from `address` (behind the trusted proxy). */
export const from = (address: string): Record<string, string> => ({
  'X-Forwarded-For': `10.9.9.9, ${address}`,
});

/** POST /api/v1/auth/login from `address`, with a device token if given. */
export function tryLogin(
  app: Requester,
  email: string,
  {
    password = PASSWORD,
    address = '198.51.100.1',
    deviceToken,
  }: { password?: string; address?: string; deviceToken?: string } = {},
): Promise<Response> {
  const body = deviceToken === undefined ? { email, password } : { email, password, deviceToken };
  return call(app, 'POST', '/api/v1/auth/login', { body, headers: from(address) });
}

/** A wrong password for `email` from `address`. */
export const wrongLogin = (app: Requester, email: string, address = '203.0.113.66') =>
  tryLogin(app, email, { password: 'gjetter et passord', address });

/** Registers `email` from `address`; the session reply (with its device token). */
export async function registerFrom(
  app: Requester,
  email: string,
  address = '198.51.100.1',
): Promise<SessionResponse> {
  const response = await call(app, 'POST', '/api/v1/auth/register', {
    body: { email, password: PASSWORD },
    headers: from(address),
  });
  if (response.status !== 201) throw new Error(`register: ${response.status}`);
  return (await response.json()) as SessionResponse;
}
