// Request bodies sent with `Content-Encoding: gzip` (the app gzips its pushes: event JSON shrinks
// about 8× on a slow uplink). Decompressed here, before the handler, with a hard cap on the
// inflated size, so a small gzip bomb can never make the server hold more than the route's own
// body limit; the handler then reads the plain JSON as if it had been sent as is.
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { apiError } from './api-errors';

const gunzipAsync = promisify(gunzip);

const isTooLarge = (error: unknown) =>
  error instanceof RangeError ||
  (error as { code?: unknown } | null)?.code === 'ERR_BUFFER_TOO_LARGE';

/** Accepts a body that is plain or gzip-encoded, inflating gzip to at most `maxBytes` (413
 * beyond); any other Content-Encoding is 415 `unsupported_encoding`, broken gzip a 400. Put it
 * after the body-limit middleware, which limits the compressed bytes. */
export function decodeRequestBody(maxBytes: number): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('Content-Encoding')?.trim().toLowerCase() ?? '';
    if (header === '' || header === 'identity') return next();
    if (header !== 'gzip' && header !== 'x-gzip') {
      return apiError(
        c,
        415,
        'unsupported_encoding',
        `Content-Encoding ${header.slice(0, 40)} is not supported; send gzip or no encoding`,
        { 'Accept-Encoding': 'gzip' },
      );
    }
    // Straight from the raw request, not c.req.arrayBuffer(): Hono caches that, and would hand
    // the cached compressed bytes to the handler's c.req.text().
    const compressed = new Uint8Array(await c.req.raw.arrayBuffer());
    let inflated: Buffer;
    try {
      // zlib stops and fails as soon as the output passes maxOutputLength, one 16 KiB chunk
      // past the cap at most: a bomb is never inflated in full.
      inflated = await gunzipAsync(compressed, { maxOutputLength: maxBytes });
    } catch (error) {
      if (isTooLarge(error)) {
        return apiError(
          c,
          413,
          'payload_too_large',
          `The decompressed request body is larger than the limit of ${maxBytes} bytes`,
        );
      }
      return apiError(c, 400, 'invalid_request', 'The request body is not valid gzip');
    }
    const headers = new Headers(c.req.raw.headers);
    headers.delete('Content-Encoding');
    headers.set('Content-Length', String(inflated.length));
    c.req.raw = new Request(c.req.raw.url, {
      method: c.req.raw.method,
      headers,
      body: new Uint8Array(inflated),
      signal: c.req.raw.signal,
    });
    return next();
  };
}
