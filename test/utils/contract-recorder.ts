// Vitest setup file of the server tests (the `node` project and test:pg): every app made by
// createApp answers as before, but each of its replies is also checked against the OpenAPI
// document (test/utils/contract.ts). A reply that breaks the contract fails the test that got
// it, in afterEach, naming method, path and status. The real createApp is called; only its
// `fetch` is wrapped, in the tests — production code has no hook and pays nothing.
import type { Hono } from 'hono';
import { afterAll, afterEach, expect, vi } from 'vitest';
import type * as appModule from '../../src/server/app';
import { contractProblems, describeViolation, readReply } from './contract';

type AppModule = typeof appModule;

interface RecorderState {
  /** False while a test checks replies itself (the fuzz). */
  enabled: boolean;
  pending: Promise<void>[];
  violations: string[];
  /** Replies checked in this file. */
  checked: number;
}

const KEY = Symbol.for('lommekurs.contractRecorder');
const scope = globalThis as { [KEY]?: RecorderState };
const state: RecorderState = (scope[KEY] ??= {
  enabled: true,
  pending: [],
  violations: [],
  checked: 0,
});

/** The recorder of this test file: tests that check replies themselves switch it off. */
export const contractRecorder = state;

function record(method: string, url: string, response: Response): void {
  state.pending.push(
    readReply(response).then(
      (reply) => {
        state.checked += 1;
        const problems = contractProblems(method, url, reply);
        if (problems.length > 0) {
          state.violations.push(describeViolation(method, url, reply.status, problems));
        }
      },
      // A body the test aborted or never finished: nothing to check.
      () => undefined,
    ),
  );
}

/** Wraps `app.fetch` (which `app.request` calls too) so that every reply is recorded. */
export function recordReplies<T extends Hono>(app: T): T {
  const fetch = app.fetch;
  app.fetch = async (request, ...rest) => {
    const response = await fetch(request, ...rest);
    if (state.enabled) record(request.method, request.url, response);
    return response;
  };
  return app;
}

vi.mock('../../src/server/app', async (importOriginal) => {
  const real = await importOriginal<AppModule>();
  return {
    ...real,
    createApp: (...args: Parameters<typeof real.createApp>) =>
      recordReplies(real.createApp(...args)),
  };
});

afterEach(async () => {
  const pending = state.pending.splice(0);
  await Promise.all(pending);
  const violations = state.violations.splice(0);
  if (violations.length > 0) {
    throw new Error(
      `${violations.length} repl${violations.length === 1 ? 'y breaks' : 'ies break'} the API contract ` +
        `(src/server/openapi):\n${violations.join('\n')}`,
    );
  }
});

// CONTRACT_STATS=1 prints how many replies each test file had checked.
let testFile = '';
afterEach(() => {
  testFile = expect.getState().testPath ?? testFile;
});
afterAll(() => {
  if (process.env.CONTRACT_STATS && state.checked > 0) {
    console.log(`contract recorder: ${state.checked} replies checked in ${testFile}`);
  }
});
