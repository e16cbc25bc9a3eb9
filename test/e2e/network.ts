// Proof of what reached the network in an end-to-end test. Two independent witnesses:
// - a TCP listener put on a stopped server's port counts every connection the browser makes
//   there (anything not answered by the service worker or IndexedDB ends up here);
// - Playwright's request events, for the page and the service worker, tell which responses the
//   service worker answered and which requests the worker itself sent to the network.
import { createServer, type Server } from 'node:net';
import type { BrowserContext, Request } from 'playwright-core';

export interface ConnectionCounter {
  readonly count: number;
  close(): Promise<void>;
}

/** Listen on the (now free) port of a stopped server and count connection attempts. */
export async function countConnections(port: number): Promise<ConnectionCounter> {
  let count = 0;
  const server: Server = createServer((socket) => {
    count += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    get count() {
      return count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface RequestRecord {
  url: string;
  /** Sent by the service worker itself (so it went to the network, not to a cache). */
  fromWorker: boolean;
  /** The page's request was answered by the service worker. */
  servedByWorker: boolean;
  failed: boolean;
}

export interface RequestLog {
  readonly records: RequestRecord[];
  /** Requests that went past the service worker to the network. */
  network(): RequestRecord[];
  clear(): void;
  stop(): void;
}

/** Record every HTTP request of a context's pages and service workers. */
export function logRequests(context: BrowserContext): RequestLog {
  const records: RequestRecord[] = [];
  const entries = new Map<Request, RequestRecord>();
  const onRequest = (request: Request) => {
    if (!/^https?:/.test(request.url())) return;
    const record = {
      url: request.url(),
      fromWorker: request.serviceWorker() !== null,
      servedByWorker: false,
      failed: false,
    };
    entries.set(request, record);
    records.push(record);
  };
  const onFinished = async (request: Request) => {
    const record = entries.get(request);
    const response = await request.response();
    if (record && response) record.servedByWorker = response.fromServiceWorker();
  };
  const onFailed = (request: Request) => {
    const record = entries.get(request);
    if (record) record.failed = true;
  };
  context.on('request', onRequest);
  context.on('requestfinished', onFinished);
  context.on('requestfailed', onFailed);
  return {
    records,
    network: () => records.filter((r) => r.fromWorker || !r.servedByWorker),
    clear: () => {
      records.length = 0;
    },
    stop: () => {
      context.off('request', onRequest);
      context.off('requestfinished', onFinished);
      context.off('requestfailed', onFailed);
    },
  };
}
