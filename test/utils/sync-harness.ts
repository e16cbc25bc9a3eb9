// Wiring for the app's sync tests: the REAL server (createApp over a fresh test database) reached
// in process, through a `fetch` that is the only place faults are injected — the network
// boundary: a connection that drops before or after the server committed, a proxy's 502 or 413,
// a request that never gets an answer. Client databases are real Dexie databases over
// fake-indexeddb, one per simulated device, each under its own name.
import { gunzipSync } from 'node:zlib';
import { Dexie } from 'dexie';
import type { Hono } from 'hono';
import { LommekursDB } from '../../src/client-core/db/db';
import { storeSession } from '../../src/client-core/db/sync-state';
import { createApi, type SyncApi } from '../../src/client-core/sync/api';
import {
  createSyncController,
  type SyncController,
  type SyncControllerOptions,
} from '../../src/app/sync/controller';
import type { SyncOutcome } from '../../src/client-core/sync/engine';
import type { Timers } from '../../src/app/sync/scheduler';
import type { CompiledCourse } from '../../src/content/types';
import { createApp } from '../../src/server/app';
import type { Database } from '../../src/server/db/database';
import { createLogger } from '../../src/server/logger';
import { compactPushRequestSchema, expandPushBatch } from '../../src/shared/push-batch';
import { uuidv7 } from '../../src/shared/uuid';
import { createTestLearner, type TestLearner } from './learners';
import { openTestDatabase } from './test-database';
import { acceptAnyLesson } from './sync-catalogue';

export const BASE_URL = 'http://lommekurs.test';
/** scrypt cost for tests: 2^10, about a millisecond per hash. */
const TEST_PASSWORD_COST = 10;

/** What the network does to one request. */
export type Fault =
  /** The connection fails before the request reaches the server. */
  | { kind: 'network' }
  /** Something in between (a proxy) answers with this status; the server never sees it. */
  | { kind: 'status'; status: number }
  /** The server handles the request (and commits), then the connection drops. */
  | { kind: 'drop-after-commit' }
  /** The server handles the request (and commits), then a proxy replaces the answer. */
  | { kind: 'status-after-commit'; status: number }
  /** No answer ever comes; the request ends only when its signal aborts (the client's timeout). */
  | { kind: 'hang' }
  /** A slow link: the request reaches the server only once `until` resolves. */
  | { kind: 'hold'; until: Promise<void> };

/** One request as the client sent it. */
export interface SentRequest {
  method: string;
  path: string;
  /** The body's JSON, decoded (and decompressed, when gzip-encoded); a protocol-2 push as the
   * server reads it, expanded to protocol 1's `{ clientId, schemaVersion, events }`. */
  body: unknown;
  /** The body's JSON exactly as sent (a protocol-2 push compacted). */
  sentBody: unknown;
  /** Size of the body on the wire in bytes, compressed if it was (0 without one). */
  bytes: number;
  /** Size of the body's JSON text in bytes, before any compression. */
  jsonBytes: number;
  /** The request's Content-Encoding (null when plain). */
  encoding: string | null;
  /** The fault applied to it, if any. */
  fault: Fault | null;
}

/** The server and the network between it and the simulated devices. */
export interface SyncHarness {
  app: Hono;
  server: Database;
  /** The network: every client of this harness sends through it. */
  fetch: typeof fetch;
  /** Every request sent through `fetch`, in order. */
  requests: SentRequest[];
  /** Apply these faults, in order, to the next requests whose path starts with `path`. */
  failNext(path: string, ...faults: Fault[]): void;
  /** Answer 413 (as a proxy with a small body limit would) to bodies larger than `bytes` on
   * the wire (compressed, for a gzipped push). */
  limitBodies(bytes: number | null): void;
  /** A new, open client database: a device (or, given the name of one, that device's database
   * opened again). */
  newClientDb(name?: string): Promise<LommekursDB>;
  /** An API client for a device. */
  api(options?: { timeoutMs?: number }): SyncApi;
  /** A SyncController for a device, on this harness's network. */
  controller(
    database: LommekursDB,
    options?: Omit<SyncControllerOptions, 'database'> & { outcomes?: SyncOutcome[] },
  ): SyncController;
  /** A learner made straight in the server database (no account routes), signed in on
   * `database`. */
  signedInLearner(database: LommekursDB): Promise<TestLearner>;
  close(): Promise<void>;
}

const textEncoder = new TextEncoder();

/** A protocol-2 push body expanded as the server reads it; any other body as it is. */
function asRead(body: unknown): unknown {
  const compact = compactPushRequestSchema.safeParse(body);
  return compact.success ? expandPushBatch(compact.data) : body;
}

/** A request body as bytes: the client sends a JSON string, or gzip bytes (pushes). */
function bodyBytes(body: BodyInit | null | undefined): Uint8Array<ArrayBuffer> | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return textEncoder.encode(body);
  if (ArrayBuffer.isView(body)) {
    return new Uint8Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength));
  }
  throw new Error(
    `The harness network does not take this body: ${Object.prototype.toString.call(body)}`,
  );
}

/** The server's clock, and the courses it serves (none by default: most tests push made-up
 * courses; the insight routes answer only for served ones). */
export interface SyncHarnessOptions {
  now?: () => number;
  catalogue?: CompiledCourse[];
}

/** The real server on a fresh test database, and a network to reach it. */
export async function createSyncHarness({
  now = Date.now,
  catalogue = [],
}: SyncHarnessOptions = {}): Promise<SyncHarness> {
  const server = await openTestDatabase();
  const app = createApp({
    catalogue,
    distDir: '/nonexistent',
    logger: createLogger('silent'),
    database: server,
    passwordCost: TEST_PASSWORD_COST,
    now,
    // The app tests push made-up courses; the catalogue rule is tested on the server.
    syncCatalogue: acceptAnyLesson,
  });
  const faults: { path: string; fault: Fault }[] = [];
  const requests: SentRequest[] = [];
  const clients: LommekursDB[] = [];
  let bodyLimit: number | null = null;

  const takeFault = (path: string): Fault | null => {
    const index = faults.findIndex((f) => path.startsWith(f.path));
    return index === -1 ? null : faults.splice(index, 1)[0]!.fault;
  };

  const gatewayAnswer = (status: number) =>
    new Response(JSON.stringify({ error: `proxy_${status}`, message: 'From the network' }), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });

  const network: typeof fetch = async (input, init = {}) => {
    const url = new URL(String(input));
    const body = bodyBytes(init.body);
    const encoding = new Headers(init.headers).get('Content-Encoding');
    const json =
      body === undefined ? undefined : encoding === 'gzip' ? gunzipSync(body) : Buffer.from(body);
    const bytes = body?.length ?? 0;
    let fault = takeFault(url.pathname);
    if (!fault && bodyLimit !== null && bytes > bodyLimit) fault = { kind: 'status', status: 413 };
    const sentBody: unknown = json === undefined ? undefined : JSON.parse(json.toString('utf8'));
    requests.push({
      method: init.method ?? 'GET',
      path: url.pathname,
      body: sentBody === undefined ? undefined : asRead(sentBody),
      sentBody,
      bytes,
      jsonBytes: json?.length ?? 0,
      encoding,
      fault,
    });
    if (fault?.kind === 'network') throw new TypeError('Failed to fetch');
    if (fault?.kind === 'status') return gatewayAnswer(fault.status);
    if (fault?.kind === 'hang') {
      return new Promise<Response>((_, reject) => {
        const signal = init.signal;
        signal?.addEventListener('abort', () => reject(signal.reason));
      });
    }
    if (fault?.kind === 'hold') await fault.until;
    // The signal stays on this side: the request is handled in process, start to end.
    const response = await app.fetch(
      new Request(url, { method: init.method, headers: init.headers, body }),
    );
    // Read the whole answer, as the network would deliver it, before deciding its fate.
    const content = await response.arrayBuffer();
    const answer = new Response([204, 205, 304].includes(response.status) ? null : content, {
      status: response.status,
      headers: response.headers,
    });
    if (fault?.kind === 'drop-after-commit') throw new TypeError('Failed to fetch');
    if (fault?.kind === 'status-after-commit') return gatewayAnswer(fault.status);
    return answer;
  };

  const api = (options: { timeoutMs?: number } = {}) =>
    createApi({ baseUrl: BASE_URL, fetch: network, ...options });

  return {
    app,
    server,
    fetch: network,
    requests,
    failNext(path, ...list) {
      faults.push(...list.map((fault) => ({ path, fault })));
    },
    limitBodies(bytes) {
      bodyLimit = bytes;
    },
    async newClientDb(name = `lommekurs-device-${uuidv7()}`) {
      const database = new LommekursDB(name);
      await database.open();
      clients.push(database);
      return database;
    },
    api,
    controller(database, { outcomes, ...options } = {}) {
      return createSyncController({
        baseUrl: BASE_URL,
        fetch: network,
        database,
        isOffline: () => false,
        ...options,
        onOutcome: (outcome) => {
          outcomes?.push(outcome);
          options.onOutcome?.(outcome);
        },
      });
    },
    async signedInLearner(database) {
      const learner = await createTestLearner(server.db);
      await storeSession(database, {
        token: learner.token,
        user: {
          id: learner.userId,
          email: `${learner.userId}@example.test`,
          createdAt: 0,
          emailVerified: false,
        },
        expiresAt: Date.now() + 86_400_000,
      });
      return learner;
    },
    async close() {
      for (const database of clients) database.close();
      for (const name of new Set(clients.map((database) => database.name))) {
        await Dexie.delete(name);
      }
      await server.close();
    },
  };
}

/** Timers the test fires by hand: every delay the scheduler asked for is visible. */
export interface ManualTimers extends Timers {
  /** Delays of the timers set and not yet fired or cleared, oldest first. */
  pending(): number[];
  /** Fire the oldest pending timer (throws when there is none); returns its delay. */
  fireNext(): number;
}

/** A ManualTimers. */
export function manualTimers(): ManualTimers {
  let next = 1;
  const waiting = new Map<number, { callback: () => void; ms: number }>();
  return {
    set(callback, ms) {
      const handle = next++;
      waiting.set(handle, { callback, ms });
      return handle;
    },
    clear(handle) {
      waiting.delete(handle as number);
    },
    pending: () => [...waiting.values()].map((t) => t.ms),
    fireNext() {
      const first = waiting.entries().next();
      if (first.done) throw new Error('No timer is pending');
      const [handle, { callback, ms }] = first.value;
      waiting.delete(handle);
      callback();
      return ms;
    },
  };
}
