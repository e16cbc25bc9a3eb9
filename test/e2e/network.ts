// Proof of what reached the network in an end-to-end test. Two independent witnesses:
// - a TCP listener put on a stopped server's port counts every connection the browser makes
//   there (anything not answered by the service worker or IndexedDB ends up here);
// - Playwright's request events, for the page and the service worker, tell which responses the
//   service worker answered and which requests the worker itself sent to the network.
import { createServer, type Server } from 'node:net';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';

export interface ConnectionCounter {
  /** Every connection attempt. */
  readonly count: number;
  /** The request line of each connection that sent one, e.g. `GET /sw.js`. */
  readonly requests: readonly string[];
  /** Requests other than the browser's own service-worker update check (`GET /sw.js`), which
   * Chromium makes from the browser process on navigation, outside any page or worker. */
  appRequests(): string[];
  close(): Promise<void>;
}

/** Listen on the (now free) port of a stopped server and count connection attempts, reading
 * each request line before dropping the connection. */
export async function countConnections(port: number): Promise<ConnectionCounter> {
  let count = 0;
  const requests: string[] = [];
  const server: Server = createServer((socket) => {
    count += 1;
    socket.setTimeout(1000, () => socket.destroy());
    socket.once('data', (chunk: Buffer) => {
      const [method = '?', path = '?'] = chunk.toString('latin1').split('\r\n')[0]!.split(' ');
      requests.push(`${method} ${path}`);
      socket.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    get count() {
      return count;
    },
    requests,
    appRequests: () => requests.filter((line) => line !== 'GET /sw.js'),
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
  /** The page's request was cut short by a navigation (net::ERR_ABORTED), e.g. an idle preload
   * still in flight when the test moved to the next page. */
  aborted: boolean;
  /** Finished or failed: its fields are final. */
  settled: boolean;
}

export interface RequestLog {
  readonly records: RequestRecord[];
  /** Requests that went past the service worker to the network. Call `settle()` first. */
  network(): RequestRecord[];
  /** Wait until every request seen so far has finished or failed. */
  settle(): Promise<void>;
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
      aborted: false,
      settled: false,
    };
    entries.set(request, record);
    records.push(record);
  };
  const onFinished = async (request: Request) => {
    const record = entries.get(request);
    const response = await request.response();
    if (!record) return;
    record.servedByWorker = response?.fromServiceWorker() ?? false;
    record.settled = true;
  };
  const onFailed = (request: Request) => {
    const record = entries.get(request);
    if (!record) return;
    record.failed = true;
    record.aborted = request.failure()?.errorText === 'net::ERR_ABORTED';
    record.settled = true;
  };
  context.on('request', onRequest);
  context.on('requestfinished', onFinished);
  context.on('requestfailed', onFailed);
  return {
    records,
    // A page request cut short by a navigation has no answer to tell who would have served it;
    // had the worker gone to the network for it, that request would be here, from the worker.
    network: () =>
      records.filter((r) => r.fromWorker || (!r.servedByWorker && !(r.failed && r.aborted))),
    settle: async () => {
      for (let waited = 0; records.some((r) => !r.settled) && waited < 10_000; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
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

/** Network conditions as Chromium's DevTools protocol takes them (-1: no limit). */
export interface NetworkConditions {
  offline: boolean;
  latency: number;
  downloadThroughput: number;
  uploadThroughput: number;
}

/** Emulated network conditions for the page and for the origin's service worker. */
export async function emulateNetwork(browser: Browser, page: Page, origin: string) {
  // The page's course downloads go through the service worker's fetch handler, so it is the
  // worker's requests that reach the network and must be slowed. Playwright opens CDP sessions
  // for pages only; the worker is reached from the browser session, with Target.sendMessageToTarget.
  const pageCdp = await page.context().newCDPSession(page);
  const browserCdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await browserCdp.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(origin));
  if (!worker) throw new Error(`no service worker running for ${origin}`);
  const { sessionId } = await browserCdp.send('Target.attachToTarget', {
    targetId: worker.targetId,
    flatten: false,
  });
  const replies = new Map<number, (error?: string) => void>();
  browserCdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number; error?: { message: string } };
    if (reply.id !== undefined) replies.get(reply.id)?.(reply.error?.message);
  });
  let lastId = 0;
  const sendToWorker = async (method: string, params: object) => {
    const id = ++lastId;
    const replied = new Promise<string | undefined>((resolve) => replies.set(id, resolve));
    const message = JSON.stringify({ id, method, params });
    await browserCdp.send('Target.sendMessageToTarget', { sessionId, message });
    const error = await Promise.race([
      replied,
      new Promise<string>((resolve) => setTimeout(() => resolve(`no answer to ${method}`), 10_000)),
    ]);
    if (error) throw new Error(`service worker: ${method}: ${error}`);
  };
  return {
    async set(conditions: NetworkConditions) {
      await pageCdp.send('Network.emulateNetworkConditions', conditions);
      await sendToWorker('Network.emulateNetworkConditions', conditions);
    },
    async detach() {
      await browserCdp.send('Target.detachFromTarget', { sessionId });
      await browserCdp.detach();
      await pageCdp.detach();
    },
  };
}
