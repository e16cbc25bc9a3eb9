// The requests of one page load as the DevTools protocol reports them — size on the wire
// (Network.loadingFinished encodedDataLength: headers and compressed body), resource type and
// initiator — and the critical chain they form: how many sequential request levels a screen
// needs and how many bytes it had to receive. This is what a first visit's limit is computed from.
import type { CDPSession, Page } from 'playwright-core';

/** One request of the page, as the DevTools protocol saw it. */
export interface LoadRequest {
  id: string;
  url: string;
  type: string;
  /** The URL of the document or script that caused it (parser or the top script frame). */
  initiatorUrl: string | null;
  initiatorType: string;
  /** Seconds, on the protocol's monotonic clock. */
  sentAt: number;
  finishedAt: number | null;
  /** Bytes received on the wire (headers and encoded body); 0 until finished. */
  encodedBytes: number;
  failed: boolean;
}

/** Record every request of the page through its own CDP session. */
export async function recordRequests(
  page: Page,
): Promise<{ cdp: CDPSession; requests: Map<string, LoadRequest> }> {
  const cdp = await page.context().newCDPSession(page);
  const requests = new Map<string, LoadRequest>();
  cdp.on('Network.requestWillBeSent', (event) => {
    const initiator = event.initiator;
    const frames = initiator.stack?.callFrames ?? initiator.stack?.parent?.callFrames ?? [];
    requests.set(event.requestId, {
      id: event.requestId,
      url: event.request.url,
      type: event.type ?? 'Other',
      initiatorUrl: initiator.url ?? frames.find((f) => f.url)?.url ?? null,
      initiatorType: initiator.type,
      sentAt: event.timestamp,
      finishedAt: null,
      encodedBytes: 0,
      failed: false,
    });
  });
  cdp.on('Network.loadingFinished', (event) => {
    const request = requests.get(event.requestId);
    if (!request) return;
    request.finishedAt = event.timestamp;
    request.encodedBytes = event.encodedDataLength;
  });
  cdp.on('Network.loadingFailed', (event) => {
    const request = requests.get(event.requestId);
    if (request) request.failed = true;
  });
  await cdp.send('Network.enable');
  return { cdp, requests };
}

/** The resource types a screen can need before it is usable: the document, its scripts and
 * styles, fonts, and the API calls it makes. Images, the manifest and icons are not. */
const CRITICAL_TYPES = new Set(['Document', 'Script', 'Stylesheet', 'Font', 'Fetch', 'XHR']);

export interface CriticalChain {
  /** The requests on it, with their level (1 = the document). */
  requests: (LoadRequest & { level: number })[];
  /** Sequential request levels: the deepest level on the chain. */
  levels: number;
  /** Bytes received for the requests on the chain. */
  bytes: number;
}

/** The critical chain of a load: the document, the scripts and stylesheets it references, fonts,
 * and the API calls in `apiPaths` — each request's level is one more than its initiator's. A
 * script a script loads later (a lazy chunk, workbox-window) is not on it, however early it came:
 * the screen does not wait for it. */
export function criticalChain(
  requests: Iterable<LoadRequest>,
  options: { documentUrl: string; apiPaths: readonly string[] },
): CriticalChain {
  const all = [...requests].filter((r) => !r.failed && r.finishedAt !== null);
  const levelOf = new Map<string, number>();
  const chain: (LoadRequest & { level: number })[] = [];
  const document = all.find((r) => r.type === 'Document' && r.url === options.documentUrl);
  if (!document) throw new Error(`no document request for ${options.documentUrl}`);
  levelOf.set(document.url, 1);
  chain.push({ ...document, level: 1 });
  // The document's own references (parser-initiated), then the API calls made by those scripts.
  for (const request of all) {
    if (request === document || !CRITICAL_TYPES.has(request.type)) continue;
    const path = new URL(request.url).pathname;
    const staticReference = request.initiatorType === 'parser' && request.type !== 'Fetch';
    const apiCall = options.apiPaths.includes(path);
    if (!staticReference && !apiCall) continue;
    const parent = (request.initiatorUrl ? levelOf.get(request.initiatorUrl) : undefined) ?? 1;
    const level = parent + 1;
    if (staticReference) levelOf.set(request.url, level);
    chain.push({ ...request, level });
  }
  return {
    requests: chain,
    levels: Math.max(...chain.map((r) => r.level)),
    bytes: chain.reduce((sum, r) => sum + r.encodedBytes, 0),
  };
}

/** The physical limit of a load over a link: one round trip to open the connection, one per
 * sequential request level, and the bytes at the link's throughput (bytes per second). */
export function chainLimitMs(
  chain: Pick<CriticalChain, 'levels' | 'bytes'>,
  rttMs: number,
  bytesPerSecond: number,
): number {
  return (1 + chain.levels) * rttMs + (chain.bytes / bytesPerSecond) * 1000;
}
