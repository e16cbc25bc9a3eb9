// The built app (vite's dist/): hashed assets cached for a year, everything else revalidated, and
// any extensionless path that is no file answered with index.html, so deep links open the app.
import { resolve, sep } from 'node:path';
import type { Context } from 'hono';
import { realPathIfExists, realPathInside } from '../content/media';
import type { CompressionCache } from './compression';
import type { FileCache } from './file-cache';
import { contentTypeFor } from './mime';
import { sendEntity } from './send-entity';

/** Cache-Control of content-hashed files: their URL changes whenever their content does. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Cache-Control of everything else: keep a copy, but revalidate (cheap with ETag) before use. */
export const REVALIDATE = 'no-cache';

/** The message of the 503 answered while there is no build to serve. */
export const NOT_BUILT_MESSAGE = 'the app is not built: run npm run build';

// `name-<hash>.ext` as vite names its output, hash of at least 6 base64url characters. The hash
// must contain a digit or a capital so that ordinary names like `my-picture.png` are not taken
// for hashed: marking an unhashed file immutable would pin a stale copy for a year.
const HASHED_NAME = /[-.](?=[A-Za-z0-9_-]*[0-9A-Z])[A-Za-z0-9_-]{6,}\.[A-Za-z0-9]+(?:\.map)?$/;

/** The Cache-Control for a file of the built app, by its URL path. */
export function cacheControlFor(urlPath: string): string {
  if (!urlPath.startsWith('/assets/')) return REVALIDATE;
  const name = urlPath.slice(urlPath.lastIndexOf('/') + 1);
  return HASHED_NAME.test(name) ? IMMUTABLE : REVALIDATE;
}

/**
 * The decoded segments of a raw URL path, or `null` when a segment is malformed or could escape
 * the folder it is resolved in (`..`, an encoded slash or backslash, NUL), or names a dotfile.
 */
export function safeSegments(rawPath: string): string[] | null {
  const segments: string[] = [];
  for (const raw of rawPath.split('/').slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '') continue;
    if (segment.startsWith('.') || /[/\\\0]/.test(segment)) return null;
    segments.push(segment);
  }
  return segments;
}

/** Where the built app is and the caches it shares with the API. */
export interface StaticAppOptions {
  distDir: string;
  files: FileCache;
  compression: CompressionCache;
}

/** A GET handler serving the built app from `distDir`, with the SPA fallback to index.html. */
export function staticApp({ distDir, files, compression }: StaticAppOptions) {
  const root = resolve(distDir);
  const indexPath = resolve(root, 'index.html');

  const send = async (c: Context, absolutePath: string, urlPath: string) => {
    // By the real path: a file of dist/ that is a link out of it is not served. The root is
    // resolved per request, so a deploy that swaps a `dist` link to a new build is followed.
    const realRoot = await realPathIfExists(root);
    const real = realRoot === undefined ? undefined : await realPathInside(realRoot, absolutePath);
    if (real === undefined || real === 'outside') return null;
    const file = await files.read(real);
    if (!file) return null;
    return sendEntity(
      c,
      {
        key: absolutePath,
        body: file.bytes,
        contentType: contentTypeFor(absolutePath),
        etag: file.etag,
        cacheControl: cacheControlFor(urlPath),
        lastModified: file.mtime,
      },
      compression,
    );
  };

  return async (c: Context): Promise<Response> => {
    const rawPath = new URL(c.req.url).pathname;
    const segments = safeSegments(rawPath);
    if (segments === null) return notFound(c);
    // Source maps stay in dist/ for our own tools (bench, error decoding), never on the wire:
    // they hand out the whole source, comments included. The build links none (hidden).
    if (/\.map$/i.test(segments.at(-1) ?? '')) return notFound(c);

    const index = () => send(c, indexPath, '/index.html');
    if (segments.length > 0) {
      const absolutePath = resolve(root, ...segments);
      if (absolutePath.startsWith(root + sep)) {
        const response = await send(c, absolutePath, `/${segments.join('/')}`);
        if (response) return response;
      }
    }
    const last = segments.at(-1) ?? '';
    if (!last.includes('.')) {
      // A deep link such as /kurs/phishing/2: the app's router takes it from index.html.
      const response = await index();
      if (response) return response;
      return notBuilt(c);
    }
    if (!(await files.exists(indexPath))) return notBuilt(c);
    return notFound(c);
  };
}

function notFound(c: Context): Response {
  return c.text('Not found', 404, { 'Cache-Control': REVALIDATE });
}

function notBuilt(c: Context): Response {
  return c.text(NOT_BUILT_MESSAGE, 503, { 'Cache-Control': 'no-store', 'Retry-After': '60' });
}
