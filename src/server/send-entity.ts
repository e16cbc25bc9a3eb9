// One way to answer a GET with a fixed body: validators, caching policy, 304, and the
// pre-compressed variant the client accepts. Course bundles, media and the built app all use it.
import type { Context } from 'hono';
import { isNotModified } from './conditional';
import {
  chooseEncoding,
  isCompressible,
  MIN_COMPRESS_BYTES,
  type CompressionCache,
} from './compression';

/** A fixed body and how it may be cached. */
export interface Entity {
  /** Stable identity for the compressed variants, e.g. an absolute file path or `bundle:<id>`. */
  key: string;
  body: Uint8Array;
  contentType: string;
  etag: string;
  cacheControl: string;
  lastModified?: Date;
}

/** Answers `c` with `entity`: 304 when the client's copy is current, compressed when it helps. */
export async function sendEntity(
  c: Context,
  entity: Entity,
  compression: CompressionCache,
): Promise<Response> {
  const compressible = isCompressible(entity.contentType);
  const headers: Record<string, string> = {
    ETag: entity.etag,
    'Cache-Control': entity.cacheControl,
  };
  if (entity.lastModified) headers['Last-Modified'] = entity.lastModified.toUTCString();
  // Vary on every compressible type, even below the size threshold, so shared caches never
  // hand a compressed copy to a client that did not ask for one.
  if (compressible) headers.Vary = 'Accept-Encoding';

  const conditional = {
    ifNoneMatch: c.req.header('If-None-Match'),
    ifModifiedSince: c.req.header('If-Modified-Since'),
  };
  if (isNotModified(conditional, entity.etag, entity.lastModified)) {
    return c.body(null, 304, headers);
  }

  let body = entity.body;
  const encoding =
    compressible && body.byteLength >= MIN_COMPRESS_BYTES
      ? chooseEncoding(c.req.header('Accept-Encoding'))
      : null;
  if (encoding) {
    const compressed = await compression.get(entity.key, entity.etag, body, encoding);
    if (compressed.byteLength < body.byteLength) {
      body = compressed;
      headers['Content-Encoding'] = encoding;
    }
  }
  headers['Content-Type'] = entity.contentType;
  headers['Content-Length'] = String(body.byteLength);
  // Our bodies come from files, zlib and TextEncoder: never backed by a SharedArrayBuffer.
  return c.body(body as Uint8Array<ArrayBuffer>, 200, headers);
}
