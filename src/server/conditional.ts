// ETags and conditional GET (RFC 9110 §13): a client that already holds the current version gets
// a bodiless 304, which is most of the traffic from an installed app checking for updates.
import { createHash } from 'node:crypto';

/** A strong ETag from content: 128 bits of sha256, base64url, quoted. */
export function contentEtag(bytes: Uint8Array): string {
  return `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 22)}"`;
}

const opaque = (tag: string): string => (tag.startsWith('W/') ? tag.slice(2) : tag);

/**
 * Whether an If-None-Match header value matches `etag`: `*`, or any tag of the list by weak
 * comparison (RFC 9110 §13.1.2 says If-None-Match compares weakly, so `W/"x"` matches `"x"`).
 */
export function etagMatches(ifNoneMatch: string, etag: string): boolean {
  const wanted = opaque(etag);
  for (const match of ifNoneMatch.matchAll(/\*|(?:W\/)?"[^"]*"/g)) {
    if (match[0] === '*' || opaque(match[0]) === wanted) return true;
  }
  return false;
}

/** Whether a GET with these request headers may be answered with 304 Not Modified. */
export function isNotModified(
  headers: { ifNoneMatch?: string | undefined; ifModifiedSince?: string | undefined },
  etag: string,
  lastModified?: Date,
): boolean {
  // If-None-Match wins over If-Modified-Since when both are sent (RFC 9110 §13.1.3).
  if (headers.ifNoneMatch !== undefined) return etagMatches(headers.ifNoneMatch, etag);
  if (headers.ifModifiedSince === undefined || lastModified === undefined) return false;
  const since = Date.parse(headers.ifModifiedSince);
  // HTTP dates have whole seconds; the file's mtime usually does not.
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}
