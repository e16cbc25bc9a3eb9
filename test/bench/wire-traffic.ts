// Bytes on the wire of a page's HTTP requests, from the DevTools protocol's Network events:
// up = request line + the headers Chromium actually sent + the body; down = the response's
// encodedDataLength (everything received for it: status line, headers and body as sent).
import type { CDPSession } from 'playwright-core';

/** One finished request. */
export interface WireRequest {
  method: string;
  path: string;
  upBytes: number;
  downBytes: number;
  /** The request body as text (for compression estimates), when it had one. */
  body: string | null;
}

interface Pending {
  method: string;
  path: string;
  headerBytes: number;
  body: string | null;
  hasBody: boolean;
}

// The fields used here of the protocol's Network events (playwright-core does not export its
// protocol types).
interface SentEvent {
  requestId: string;
  request: { url: string; method: string; postData?: string; hasPostData?: boolean };
}
interface ExtraInfoEvent {
  requestId: string;
  headers: Record<string, string>;
}
interface FinishedEvent {
  requestId: string;
  encodedDataLength: number;
}

const headerBytes = (headers: Record<string, string>) =>
  Object.entries(headers).reduce((sum, [k, v]) => sum + Buffer.byteLength(`${k}: ${v}\r\n`), 2);

/** Record the page's HTTP traffic from now on (Network.enable must have been sent). */
export function recordTraffic(cdp: CDPSession) {
  const pending = new Map<string, Pending>();
  const finished: Promise<WireRequest | null>[] = [];
  const entry = (id: string) => {
    let p = pending.get(id);
    if (!p) {
      p = { method: '', path: '', headerBytes: 0, body: null, hasBody: false };
      pending.set(id, p);
    }
    return p;
  };
  const onSent = (e: SentEvent) => {
    if (!e.request.url.startsWith('http')) return;
    const p = entry(e.requestId);
    const url = new URL(e.request.url);
    p.method = e.request.method;
    p.path = url.pathname + url.search;
    p.body = e.request.postData ?? null;
    p.hasBody = e.request.hasPostData ?? false;
  };
  const onExtra = (e: ExtraInfoEvent) => {
    entry(e.requestId).headerBytes = headerBytes(e.headers);
  };
  const onDone = (e: FinishedEvent) => {
    const p = pending.get(e.requestId);
    if (!p || !p.method) return;
    pending.delete(e.requestId);
    finished.push(
      (async () => {
        let body = p.body;
        if (body === null && p.hasBody) {
          ({ postData: body } = await cdp.send('Network.getRequestPostData', {
            requestId: e.requestId,
          }));
        }
        const requestLine = Buffer.byteLength(`${p.method} ${p.path} HTTP/1.1\r\n`);
        return {
          method: p.method,
          path: p.path,
          upBytes: requestLine + p.headerBytes + (body === null ? 0 : Buffer.byteLength(body)),
          downBytes: e.encodedDataLength,
          body,
        };
      })(),
    );
  };
  cdp.on('Network.requestWillBeSent', onSent);
  cdp.on('Network.requestWillBeSentExtraInfo', onExtra);
  cdp.on('Network.loadingFinished', onDone);
  return {
    /** The requests finished since the last call (or since recording began). */
    async take(): Promise<WireRequest[]> {
      const done = await Promise.all(finished.splice(0));
      return done.filter((r): r is WireRequest => r !== null);
    },
    stop() {
      cdp.off('Network.requestWillBeSent', onSent);
      cdp.off('Network.requestWillBeSentExtraInfo', onExtra);
      cdp.off('Network.loadingFinished', onDone);
    },
  };
}

/** Sum of up and down bytes. */
export const totals = (requests: readonly WireRequest[]) => ({
  up: requests.reduce((s, r) => s + r.upBytes, 0),
  down: requests.reduce((s, r) => s + r.downBytes, 0),
});
