// Bytes on the wire of a page's HTTP requests, from the DevTools protocol's Network events:
// up = request line + the headers Chromium actually sent + the body; down = the response's
// encodedDataLength (everything received for it: status line, headers and body as sent).
import { gunzipSync } from 'node:zlib';
import type { CDPSession } from 'playwright-core';

/** One finished request. */
export interface WireRequest {
  method: string;
  path: string;
  upBytes: number;
  downBytes: number;
  /** The request body as text, decompressed when it was sent gzipped, when it had one. */
  body: string | null;
  /** Bytes of the body as sent (compressed, if it was). */
  bodyBytes: number;
  /** The request's Content-Encoding, if any. */
  encoding: string | null;
}

interface Pending {
  method: string;
  path: string;
  headerBytes: number;
  body: Buffer | null;
  hasBody: boolean;
  encoding: string | null;
}

// The fields used here of the protocol's Network events (playwright-core does not export its
// protocol types).
interface SentEvent {
  requestId: string;
  request: {
    url: string;
    method: string;
    headers: Record<string, string>;
    postData?: string;
    hasPostData?: boolean;
    /** The body's bytes, base64 (postData is lossy text for a binary body such as gzip). */
    postDataEntries?: { bytes?: string }[];
  };
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
      p = { method: '', path: '', headerBytes: 0, body: null, hasBody: false, encoding: null };
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
    const entries = e.request.postDataEntries;
    p.body = entries
      ? Buffer.concat(entries.map((entry) => Buffer.from(entry.bytes ?? '', 'base64')))
      : e.request.postData === undefined
        ? null
        : Buffer.from(e.request.postData);
    p.hasBody = e.request.hasPostData ?? false;
    const encoding = Object.entries(e.request.headers).find(
      ([name]) => name.toLowerCase() === 'content-encoding',
    );
    p.encoding = encoding ? encoding[1] : null;
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
          const { postData, base64Encoded } = (await cdp.send('Network.getRequestPostData', {
            requestId: e.requestId,
          })) as { postData: string; base64Encoded?: boolean };
          body = Buffer.from(postData, base64Encoded ? 'base64' : 'utf8');
        }
        const requestLine = Buffer.byteLength(`${p.method} ${p.path} HTTP/1.1\r\n`);
        const bodyBytes = body?.length ?? 0;
        const text = body === null ? null : p.encoding === 'gzip' ? gunzipSync(body) : body;
        return {
          method: p.method,
          path: p.path,
          upBytes: requestLine + p.headerBytes + bodyBytes,
          downBytes: e.encodedDataLength,
          body: text === null ? null : text.toString('utf8'),
          bodyBytes,
          encoding: p.encoding,
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
