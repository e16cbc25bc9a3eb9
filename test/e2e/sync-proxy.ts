// A loopback proxy between the browser and the real server, the browser's only way to it. It
// watches the sync API from the server's side of the network: how many sync requests are in
// flight at once (across every tab), which event ids each push carried and how the server
// answered. It can hold sync requests before they reach the server (a slow network), hold one
// push's answer after the server committed it (an answer that never arrives), and go away and
// come back on the same port (the network lost and found) while the server keeps its data.
import {
  createServer,
  request,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { expandPushBatch, type CompactPushRequest } from '../../src/shared/push-batch';

const SYNC_PATH = '/api/v1/sync/';
const PUSH_PATH = '/api/v1/sync/push';

/** One sync request as the proxy saw it. */
export interface SyncRequestRecord {
  method: string;
  path: string;
  /** Event ids in a push's body (empty for a pull). */
  eventIds: string[];
  /** The server's status, or null when the request never reached it. */
  status: number | null;
  /** Acknowledged ids from a push's 2xx answer. */
  acked: string[];
  /** answered: the browser got the answer; held: the answer is being kept from it; aborted: the
   * browser gave up (a closed tab) before an answer reached it. Null while in flight. */
  end: 'answered' | 'held' | 'aborted' | null;
}

/** A push whose answer the proxy keeps from the browser. */
export interface HeldPush {
  record: SyncRequestRecord;
  /** Resolves when the browser stops waiting for the answer (its tab closed). */
  abandoned: Promise<void>;
}

export interface SyncProxy {
  readonly url: string;
  readonly port: number;
  /** Sync requests (push or pull) in flight now. */
  readonly inFlightSync: number;
  /** The most sync requests (push or pull) in flight at the same moment, so far. */
  readonly maxConcurrentSync: number;
  /** The most pushes in flight at the same moment, so far. */
  readonly maxConcurrentPush: number;
  readonly syncRequests: readonly SyncRequestRecord[];
  /** How many times each event id was sent in a push. */
  timesSent(): Map<string, number>;
  /** From now on, sync requests wait here before going to the server, until `release()`. */
  holdSync(): { release(): void; readonly waiting: number };
  /** The next push goes to the server, but its answer is kept from the browser for good. */
  holdNextPushAnswer(): Promise<HeldPush>;
  /** Every sync request has ended (or is held on purpose). */
  idle(): boolean;
  /** Stop listening and cut every connection, freeing the port. */
  stop(): Promise<void>;
  /** Listen again on the same port. */
  start(): Promise<void>;
}

// Hop-by-hop headers describe one connection, not the message; a buffered answer gets its own.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length']);
const endToEnd = (headers: IncomingHttpHeaders) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));

const readBody = (message: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    message.on('data', (chunk: Buffer) => chunks.push(chunk));
    message.on('end', () => resolve(Buffer.concat(chunks)));
    message.on('error', reject);
  });

/** The body as JSON bytes: inflated when it was sent gzip-encoded. */
const inflated = (body: Buffer, headers: IncomingHttpHeaders): Buffer =>
  headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body;

/** The event ids of a push body in either wire shape: version 2's `groups` (expanded as the
 * server expands them) or version 1's `events`. */
export function pushBodyEventIds(parsed: Record<string, unknown>): string[] {
  if (Array.isArray(parsed.groups))
    return expandPushBatch(parsed as unknown as CompactPushRequest).events.map((e) =>
      String((e as { id?: unknown }).id),
    );
  const list = parsed.events;
  return Array.isArray(list) ? list.map((item) => String((item as { id?: unknown }).id)) : [];
}

function idsOf(body: Buffer, key: 'events' | 'acked'): string[] {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    if (key === 'events') return pushBodyEventIds(parsed);
    const list = parsed[key];
    if (!Array.isArray(list)) return [];
    return list.map((item) =>
      typeof item === 'string' ? item : String((item as { id?: unknown }).id),
    );
  } catch {
    return [];
  }
}

/** A proxy on an ephemeral loopback port in front of the server at `upstreamPort`. */
export async function startSyncProxy(upstreamPort: number): Promise<SyncProxy> {
  const records: SyncRequestRecord[] = [];
  let inFlight = { sync: 0, push: 0 };
  let max = { sync: 0, push: 0 };
  let gate: { waiters: (() => void)[] } | null = null;
  let holdAnswer: ((held: HeldPush) => void) | null = null;

  const forward = (incoming: IncomingMessage, body?: Buffer) =>
    new Promise<IncomingMessage>((resolve, reject) => {
      const outgoing = request(
        {
          host: '127.0.0.1',
          port: upstreamPort,
          method: incoming.method,
          path: incoming.url,
          headers: body ? { ...endToEnd(incoming.headers) } : incoming.headers,
        },
        resolve,
      );
      outgoing.on('error', reject);
      if (body) outgoing.end(body);
      else incoming.pipe(outgoing);
    });

  async function passThrough(incoming: IncomingMessage, answer: ServerResponse) {
    const upstream = await forward(incoming);
    answer.writeHead(upstream.statusCode ?? 502, upstream.headers);
    upstream.pipe(answer);
  }

  async function sync(incoming: IncomingMessage, answer: ServerResponse) {
    const push = incoming.url?.startsWith(PUSH_PATH) ?? false;
    const body = await readBody(incoming);
    const record: SyncRequestRecord = {
      method: incoming.method ?? '?',
      path: incoming.url ?? '?',
      // The app gzips its pushes (Content-Encoding: gzip); the ids are in the inflated JSON.
      eventIds: push ? idsOf(inflated(body, incoming.headers), 'events') : [],
      status: null,
      acked: [],
      end: null,
    };
    records.push(record);
    inFlight = { sync: inFlight.sync + 1, push: inFlight.push + (push ? 1 : 0) };
    max = { sync: Math.max(max.sync, inFlight.sync), push: Math.max(max.push, inFlight.push) };
    let abandon = () => {};
    const abandoned = new Promise<void>((resolve) => (abandon = resolve));
    // 'close' on the answer: it was sent, or the browser's connection went away first.
    answer.on('close', () => {
      inFlight = { sync: inFlight.sync - 1, push: inFlight.push - (push ? 1 : 0) };
      if (record.end === null || record.end === 'held') {
        record.end = answer.writableFinished ? 'answered' : 'aborted';
      }
      abandon();
    });
    if (gate) {
      const waiting = gate;
      await new Promise<void>((resolve) => waiting.waiters.push(resolve));
    }
    if (answer.destroyed) return;
    const upstream = await forward(incoming, body);
    const answerBody = await readBody(upstream);
    record.status = upstream.statusCode ?? null;
    if (push && record.status !== null && record.status < 300) {
      // The server gzips its answers where the browser accepts it.
      record.acked = idsOf(inflated(answerBody, upstream.headers), 'acked');
    }
    if (push && holdAnswer) {
      const notify = holdAnswer;
      holdAnswer = null;
      record.end = 'held';
      notify({ record, abandoned });
      return;
    }
    answer.writeHead(upstream.statusCode ?? 502, endToEnd(upstream.headers));
    answer.end(answerBody);
  }

  const server = createServer((incoming, answer) => {
    const handle = incoming.url?.startsWith(SYNC_PATH) ? sync : passThrough;
    handle(incoming, answer).catch(() => answer.destroy());
  });
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  const port = await listen(0);

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get inFlightSync() {
      return inFlight.sync;
    },
    get maxConcurrentSync() {
      return max.sync;
    },
    get maxConcurrentPush() {
      return max.push;
    },
    syncRequests: records,
    timesSent() {
      const sent = new Map<string, number>();
      for (const record of records) {
        for (const id of record.eventIds) sent.set(id, (sent.get(id) ?? 0) + 1);
      }
      return sent;
    },
    holdSync() {
      const held = { waiters: [] as (() => void)[] };
      gate = held;
      return {
        release() {
          if (gate === held) gate = null;
          for (const go of held.waiters.splice(0)) go();
        },
        get waiting() {
          return held.waiters.length;
        },
      };
    },
    holdNextPushAnswer() {
      return new Promise<HeldPush>((resolve) => (holdAnswer = resolve));
    },
    idle: () => records.every((record) => record.end !== null),
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
    async start() {
      await listen(port);
    },
  };
}
