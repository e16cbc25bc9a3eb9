// Bytes and times of every HTTP request that reached the network from a browser context — the
// pages' own requests not answered by the service worker, and the requests the service worker
// itself sent — with Playwright's request sizes (headers as sent and received, body as encoded on
// the wire). test/e2e/network.ts logRequests says *whether* a request reached the network; this
// says how many bytes it cost and when it ran, which a download's limit is computed from.
import type { BrowserContext, Request } from 'playwright-core';

/** One request that reached the network. */
export interface NetworkRequest {
  url: string;
  fromWorker: boolean;
  /** ms (Date.now()) when Playwright saw it start and finish. */
  start: number;
  end: number;
  /** Response status line + headers + encoded body. */
  downBytes: number;
  /** Request line + headers + body. */
  upBytes: number;
}

/** Record the context's network requests from now until `stop()`. */
export function recordNetworkBytes(context: BrowserContext) {
  const started = new Map<Request, number>();
  const pending: Promise<NetworkRequest | null>[] = [];
  const onRequest = (request: Request) => {
    if (/^https?:/.test(request.url())) started.set(request, Date.now());
  };
  const onFinished = (request: Request) => {
    const start = started.get(request);
    if (start === undefined) return;
    const end = Date.now();
    pending.push(
      (async () => {
        const response = await request.response();
        const fromWorker = request.serviceWorker() !== null;
        if (!fromWorker && response?.fromServiceWorker()) return null;
        const sizes = await request.sizes();
        return {
          url: request.url(),
          fromWorker,
          start,
          end,
          downBytes: sizes.responseHeadersSize + sizes.responseBodySize,
          upBytes: sizes.requestHeadersSize + sizes.requestBodySize,
        };
      })(),
    );
  };
  context.on('request', onRequest);
  context.on('requestfinished', onFinished);
  return {
    /** Stop recording; the requests that reached the network, in the order they finished. */
    async stop(): Promise<NetworkRequest[]> {
      context.off('request', onRequest);
      context.off('requestfinished', onFinished);
      const all = await Promise.all(pending);
      return all.filter((r): r is NetworkRequest => r !== null);
    },
  };
}

/** Sequential request levels: requests grouped where they overlap in time (a group costs one
 * round trip however many requests run in it), counted in order. */
export function sequentialLevels(requests: readonly NetworkRequest[]): number {
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  let levels = 0;
  let groupEnd = -Infinity;
  for (const request of sorted) {
    if (request.start >= groupEnd) levels += 1;
    groupEnd = Math.max(groupEnd, request.end);
  }
  return levels;
}
