// The built app: cache policy, content types, validators, the SPA fallback, compression and
// refusal of paths outside dist/.
import { utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { openTestDatabase } from '../utils/test-database';
import { IMMUTABLE } from '../../src/server/static-files';
import {
  APP_JS,
  bytesOf,
  captureLogger,
  DIST_FILES,
  FONT,
  ICON,
  INDEX_HTML,
  makeDist,
  removeTemp,
} from './support';

// The course and static routes do not use it, but every app has one.
const database = await openTestDatabase();
afterAll(() => database.close());

let dist: string;
let app: Hono;

beforeAll(async () => {
  dist = await makeDist();
  app = createApp({ catalogue: [], distDir: dist, logger: captureLogger().logger, database });
});
afterAll(() => removeTemp(dist));

describe('cache policy and content types', () => {
  it.each([
    ['/', 'no-cache', 'text/html; charset=utf-8'],
    ['/index.html', 'no-cache', 'text/html; charset=utf-8'],
    ['/assets/index-ABC123.js', IMMUTABLE, 'text/javascript; charset=utf-8'],
    ['/assets/index-Dx9kQ2aB.css', IMMUTABLE, 'text/css; charset=utf-8'],
    ['/assets/inter-Kq81xZ0p.woff2', IMMUTABLE, 'font/woff2'],
    ['/assets/readme.txt', 'no-cache', 'text/plain; charset=utf-8'],
    ['/sw.js', 'no-cache', 'text/javascript; charset=utf-8'],
    ['/registerSW.js', 'no-cache', 'text/javascript; charset=utf-8'],
    ['/workbox-5a5d9309.js', 'no-cache', 'text/javascript; charset=utf-8'],
    ['/manifest.webmanifest', 'no-cache', 'application/manifest+json; charset=utf-8'],
    ['/icon-192.png', 'no-cache', 'image/png'],
    ['/logo.svg', 'no-cache', 'image/svg+xml'],
  ])('%s: Cache-Control %s, %s', async (path, cacheControl, type) => {
    const res = await app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe(cacheControl);
    expect(res.headers.get('Content-Type')).toBe(type);
    expect(res.headers.get('ETag')).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect(res.headers.get('Last-Modified')).toMatch(/ GMT$/);
  });

  it('serves the files unchanged with their length', async () => {
    const res = await app.request('/icon-192.png');
    expect(await bytesOf(res)).toEqual(ICON);
    expect(res.headers.get('Content-Length')).toBe(String(ICON.length));
    expect(await (await app.request('/index.html')).text()).toBe(INDEX_HTML);
  });
});

describe('SPA fallback', () => {
  it.each(['/kurs/phishing', '/kurs/phishing/leksjon/2', '/innstillinger'])(
    'answers the deep link %s with index.html, no-cache',
    async (path) => {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('Cache-Control')).toBe('no-cache');
      expect(await res.text()).toBe(INDEX_HTML);
    },
  );

  it('answers 404 for a missing file with an extension', async () => {
    const res = await app.request('/assets/index-ZZZ999.js');
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('Not found');
  });

  it('answers unknown /api paths with 404 JSON, never index.html', async () => {
    for (const path of ['/api/nope', '/api/v1/courses/x/y', '/api']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
      expect(await res.json()).toMatchObject({ error: expect.any(String) });
    }
  });
});

describe('paths outside dist', () => {
  it.each([
    '/..%2f..%2fetc%2fpasswd',
    '/assets/..%2f..%2fpackage.json',
    '/assets%2f..%2f..%2fpackage.json',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/index.html%00.js',
    '/a%5c..%5c..%5cetc%5cpasswd.txt',
    '/.env',
  ])('never serves anything but dist for %s', async (path) => {
    // Dot segments are resolved by the URL parser first (an extensionless result is then a deep
    // link to the app); encoded slashes, backslashes and NUL are refused.
    const res = await app.request(path);
    const body = await res.text();
    if (res.status === 200) expect(body).toBe(INDEX_HTML);
    else expect([res.status, body]).toEqual([404, 'Not found']);
  });

  it('does not reach a file next to dist with dot segments', async () => {
    const res = await app.request('/../support.ts');
    expect(res.status).toBe(404);
  });
});

describe('conditional requests', () => {
  it('answers 304 to a matching If-None-Match, strong, weak or in a list', async () => {
    const first = await app.request('/assets/index-ABC123.js');
    const etag = first.headers.get('ETag')!;
    for (const header of [etag, `W/${etag}`, `"nope", ${etag}`, '*']) {
      const res = await app.request('/assets/index-ABC123.js', {
        headers: { 'If-None-Match': header },
      });
      expect(res.status, header).toBe(304);
      expect(res.headers.get('ETag')).toBe(etag);
      expect(res.headers.get('Cache-Control')).toBe(IMMUTABLE);
      expect(await res.text()).toBe('');
    }
    const changed = await app.request('/assets/index-ABC123.js', {
      headers: { 'If-None-Match': '"nope"' },
    });
    expect(changed.status).toBe(200);
  });

  it('honours If-Modified-Since', async () => {
    const path = join(dist, 'manifest.webmanifest');
    const when = new Date('2025-01-02T03:04:05Z');
    await utimes(path, when, when);
    const first = await app.request('/manifest.webmanifest');
    expect(first.headers.get('Last-Modified')).toBe(when.toUTCString());
    const res = await app.request('/manifest.webmanifest', {
      headers: { 'If-Modified-Since': when.toUTCString() },
    });
    expect(res.status).toBe(304);
    const older = await app.request('/manifest.webmanifest', {
      headers: { 'If-Modified-Since': new Date(when.getTime() - 1000).toUTCString() },
    });
    expect(older.status).toBe(200);
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await app.request('/icon-192.png', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Length')).toBe(String(ICON.length));
    expect(res.headers.get('Content-Type')).toBe('image/png');
    expect(await res.text()).toBe('');
  });
});

describe('compression', () => {
  const js = Buffer.from(APP_JS);

  it('sends brotli when accepted, and it decompresses to the file', async () => {
    const res = await app.request('/assets/index-ABC123.js', {
      headers: { 'Accept-Encoding': 'gzip, deflate, br' },
    });
    expect(res.headers.get('Content-Encoding')).toBe('br');
    expect(res.headers.get('Vary')).toBe('Accept-Encoding');
    const body = await bytesOf(res);
    expect(res.headers.get('Content-Length')).toBe(String(body.length));
    expect(body.length).toBeLessThan(js.length);
    expect(brotliDecompressSync(body)).toEqual(js);
  });

  it('sends gzip to a client without brotli', async () => {
    const res = await app.request('/assets/index-ABC123.js', {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(await bytesOf(res))).toEqual(js);
  });

  it('sends identity to a client that accepts neither, still with Vary', async () => {
    const res = await app.request('/assets/index-ABC123.js');
    expect(res.headers.get('Content-Encoding')).toBeNull();
    expect(res.headers.get('Vary')).toBe('Accept-Encoding');
    expect(await bytesOf(res)).toEqual(js);
  });

  it('compresses CSS, SVG and the service worker too', async () => {
    for (const path of ['/assets/index-Dx9kQ2aB.css', '/logo.svg', '/sw.js']) {
      const res = await app.request(path, { headers: { 'Accept-Encoding': 'br' } });
      expect(res.headers.get('Content-Encoding'), path).toBe('br');
      expect(brotliDecompressSync(await bytesOf(res))).toEqual(
        Buffer.from(DIST_FILES[path.slice(1)]!),
      );
    }
  });

  it('never compresses fonts or PNG, nor small files', async () => {
    for (const [path, bytes] of [
      ['/assets/inter-Kq81xZ0p.woff2', FONT],
      ['/icon-192.png', ICON],
    ] as const) {
      const res = await app.request(path, { headers: { 'Accept-Encoding': 'br, gzip' } });
      expect(res.headers.get('Content-Encoding'), path).toBeNull();
      expect(res.headers.get('Vary'), path).toBeNull();
      expect(await bytesOf(res)).toEqual(bytes);
    }
    const small = await app.request('/registerSW.js', { headers: { 'Accept-Encoding': 'br' } });
    expect(small.headers.get('Content-Encoding')).toBeNull();
  });

  it('answers 304 without a body whatever the encoding', async () => {
    const first = await app.request('/sw.js', { headers: { 'Accept-Encoding': 'br' } });
    const res = await app.request('/sw.js', {
      headers: { 'Accept-Encoding': 'br', 'If-None-Match': first.headers.get('ETag')! },
    });
    expect(res.status).toBe(304);
    expect(res.headers.get('Content-Encoding')).toBeNull();
    expect(res.headers.get('Vary')).toBe('Accept-Encoding');
  });
});

describe('methods', () => {
  it('answers other methods on app paths with 405 JSON', async () => {
    const res = await app.request('/index.html', { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toBe('GET, HEAD');
    expect(await res.json()).toMatchObject({ error: 'method_not_allowed' });
  });
});
