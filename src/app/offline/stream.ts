// Fetching a body with a reader, counting its bytes as they arrive, and giving up when nothing
// arrives for a while. A download on a ferry's last bar of signal can stall without failing;
// without a stall timer it would hang at 80 % for ever.

/** No bytes for this long (before the headers, or between two chunks of the body) is a stall. */
export const STALL_MS = 30_000;

/** The connection stopped delivering bytes. */
export class StallError extends Error {
  constructor() {
    super('No data arrived in time');
    this.name = 'StallError';
  }
}

export interface FetchBytesOptions {
  headers?: Record<string, string>;
  signal?: AbortSignal;
  stallMs?: number;
  /** Called with the size of each chunk of the body as it arrives. */
  onBytes?: (bytes: number) => void;
}

export interface FetchedBytes {
  response: Response;
  /** The whole body for a 2xx response; null otherwise (the body is discarded unread). */
  body: Uint8Array | null;
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * GET `url` and read its body chunk by chunk. Rejects with StallError after `stallMs` without
 * progress, with the fetch's own error when the connection fails, and with an AbortError when
 * `signal` aborts.
 */
export async function fetchBytes(
  url: string,
  options: FetchBytesOptions = {},
): Promise<FetchedBytes> {
  const { headers, signal, stallMs = STALL_MS, onBytes } = options;
  signal?.throwIfAborted();
  const controller = new AbortController();
  let stalled = false;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      controller.abort();
      // Also end a read that the abort does not reach (a body not tied to the request's signal).
      reader?.cancel().catch(() => {});
    }, stallMs);
  };
  const abort = () => {
    controller.abort();
    reader?.cancel().catch(() => {});
  };
  signal?.addEventListener('abort', abort);
  arm();
  try {
    const response = await fetch(url, { headers, signal: controller.signal });
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      return { response, body: null };
    }
    if (!response.body) return { response, body: new Uint8Array(0) };
    arm();
    reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let length = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (stalled) throw new StallError();
      signal?.throwIfAborted();
      if (done) break;
      chunks.push(value);
      length += value.length;
      arm();
      onBytes?.(value.length);
    }
    return { response, body: concat(chunks, length) };
  } catch (error) {
    if (stalled) throw new StallError();
    throw error;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
  }
}
