// Brotli and gzip for text responses. Everything the server sends is a fixed file or bundle, so
// each is compressed once (at the highest quality, off the event loop) and the bytes are kept in
// memory per key and ETag; no request ever pays for compression again.
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** A Content-Encoding the server produces. */
export type Encoding = 'br' | 'gzip';

/** Bodies smaller than this are sent as they are: the saving would not pay for the headers. */
export const MIN_COMPRESS_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Whether a Content-Type is text that compresses well (never images other than SVG, or fonts). */
export function isCompressible(contentType: string): boolean {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return (
    type.startsWith('text/') ||
    type === 'image/svg+xml' ||
    type === 'application/javascript' ||
    type === 'application/xml' ||
    type === 'application/json' ||
    type.endsWith('+json')
  );
}

/**
 * The encoding to answer an Accept-Encoding header with: the highest q-value among br and gzip,
 * br on a tie, `null` for identity.
 */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const q: Record<string, number> = {};
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (!name) continue;
    const qParam = params.find((p) => p.startsWith('q='));
    const value = qParam === undefined ? 1 : Number(qParam.slice(2));
    q[name] = Number.isFinite(value) ? value : 0;
  }
  const br = q.br ?? q['*'] ?? 0;
  const gz = q.gzip ?? q['*'] ?? 0;
  if (br > 0 && br >= gz) return 'br';
  return gz > 0 ? 'gzip' : null;
}

async function compress(body: Uint8Array, encoding: Encoding): Promise<Uint8Array> {
  if (encoding === 'br') {
    return brotli(body, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
      },
    });
  }
  return gzipAsync(body, { level: constants.Z_BEST_COMPRESSION });
}

interface Entry {
  etag: string;
  variants: Map<Encoding, Promise<Uint8Array>>;
}

/** Compressed variants by key (a file path or a bundle id); one entry per key, replaced on change. */
export class CompressionCache {
  readonly #entries = new Map<string, Entry>();
  /** How many times a body was actually compressed (for tests and diagnostics). */
  compressions = 0;

  /**
   * The compressed bytes of `body` for `key` at version `etag`, compressing only on first use.
   * Concurrent first requests share one compression.
   */
  async get(key: string, etag: string, body: Uint8Array, encoding: Encoding): Promise<Uint8Array> {
    let entry = this.#entries.get(key);
    if (!entry || entry.etag !== etag) {
      entry = { etag, variants: new Map() };
      this.#entries.set(key, entry);
    }
    let variant = entry.variants.get(encoding);
    if (!variant) {
      this.compressions++;
      variant = compress(body, encoding);
      entry.variants.set(encoding, variant);
      const current = entry;
      // A failed compression is not cached: the next request tries again.
      variant.catch(() => current.variants.delete(encoding));
    }
    return variant;
  }
}
