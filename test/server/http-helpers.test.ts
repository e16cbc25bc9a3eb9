// The pure pieces behind the routes: ETag matching, encoding negotiation, the compression cache,
// cache policy by path, content types and path decoding.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chooseEncoding, CompressionCache, isCompressible } from '../../src/server/compression';
import { contentEtag, etagMatches, isNotModified } from '../../src/server/conditional';
import { mediaKey } from '../../src/server/course-routes';
import { contentTypeFor } from '../../src/server/mime';
import {
  cacheControlFor,
  IMMUTABLE,
  REVALIDATE,
  safeSegments,
} from '../../src/server/static-files';

describe('etagMatches', () => {
  const etag = '"abc"';
  it.each([
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", W/"abc" , "y"', true],
    ['*', true],
    ['"abd"', false],
    ['abc', false],
    ['"x","y"', false],
    ['', false],
  ])('If-None-Match %s → %s', (header, expected) => {
    expect(etagMatches(header, etag)).toBe(expected);
  });

  it('compares a weak server tag weakly too', () => {
    expect(etagMatches('"abc"', 'W/"abc"')).toBe(true);
  });
});

describe('isNotModified', () => {
  const modified = new Date('2025-03-01T10:00:00.750Z');
  it('lets If-None-Match win over If-Modified-Since', () => {
    expect(
      isNotModified(
        { ifNoneMatch: '"other"', ifModifiedSince: 'Sat, 01 Mar 2025 10:00:00 GMT' },
        '"abc"',
        modified,
      ),
    ).toBe(false);
  });
  it('compares If-Modified-Since in whole seconds', () => {
    const since = modified.toUTCString();
    expect(isNotModified({ ifModifiedSince: since }, '"abc"', modified)).toBe(true);
    expect(
      isNotModified({ ifModifiedSince: 'Sat, 01 Mar 2025 09:59:59 GMT' }, '"abc"', modified),
    ).toBe(false);
    expect(isNotModified({ ifModifiedSince: 'yesterday' }, '"abc"', modified)).toBe(false);
    expect(isNotModified({ ifModifiedSince: since }, '"abc"')).toBe(false);
  });
});

describe('contentEtag', () => {
  it('is a quoted strong tag that changes with the content', () => {
    const a = contentEtag(Buffer.from('a'));
    expect(a).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect(contentEtag(Buffer.from('a'))).toBe(a);
    expect(contentEtag(Buffer.from('b'))).not.toBe(a);
  });
});

describe('chooseEncoding', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0.5, gzip;q=0.8', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0, br;q=0', null],
    ['identity', null],
    ['*', 'br'],
    ['*;q=0.1, gzip', 'gzip'],
    ['deflate', null],
  ] as const)('Accept-Encoding %s → %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});

describe('isCompressible', () => {
  it.each([
    ['application/json; charset=utf-8', true],
    ['text/javascript; charset=utf-8', true],
    ['text/css; charset=utf-8', true],
    ['text/html; charset=utf-8', true],
    ['image/svg+xml', true],
    ['application/manifest+json; charset=utf-8', true],
    ['image/png', false],
    ['font/woff2', false],
    ['image/jpeg', false],
    ['application/octet-stream', false],
  ])('%s → %s', (type, expected) => {
    expect(isCompressible(type)).toBe(expected);
  });
});

describe('CompressionCache', () => {
  const body = Buffer.from('lommekurs '.repeat(500));

  it('compresses each key, version and encoding once, and the bytes decompress to the body', async () => {
    const cache = new CompressionCache();
    const [br1, br2] = await Promise.all([
      cache.get('k', '"1"', body, 'br'),
      cache.get('k', '"1"', body, 'br'),
    ]);
    const br3 = await cache.get('k', '"1"', body, 'br');
    expect(cache.compressions).toBe(1);
    expect(br2).toBe(br1);
    expect(br3).toBe(br1);
    expect(brotliDecompressSync(br1)).toEqual(body);

    const gz = await cache.get('k', '"1"', body, 'gzip');
    expect(gunzipSync(gz)).toEqual(body);
    expect(cache.compressions).toBe(2);
  });

  it('replaces the bytes when the version changes', async () => {
    const cache = new CompressionCache();
    await cache.get('k', '"1"', body, 'gzip');
    const changed = Buffer.from('endret '.repeat(500));
    const gz = await cache.get('k', '"2"', changed, 'gzip');
    expect(gunzipSync(gz)).toEqual(changed);
    expect(cache.compressions).toBe(2);
  });
});

describe('cacheControlFor', () => {
  it.each([
    ['/assets/index-ABC123.js', IMMUTABLE],
    ['/assets/index-BVb3k2xQ.css', IMMUTABLE],
    ['/assets/index-BVb3k2xQ.js.map', IMMUTABLE],
    ['/assets/inter-latin-Kq81xZ0p.woff2', IMMUTABLE],
    ['/assets/my-picture.png', REVALIDATE],
    ['/assets/readme.txt', REVALIDATE],
    ['/index.html', REVALIDATE],
    ['/sw.js', REVALIDATE],
    ['/registerSW.js', REVALIDATE],
    ['/workbox-5a5d9309.js', REVALIDATE],
    ['/manifest.webmanifest', REVALIDATE],
    ['/icon-192.png', REVALIDATE],
  ])('%s → %s', (path, expected) => {
    expect(cacheControlFor(path)).toBe(expected);
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.js.map', 'application/json; charset=utf-8'],
    ['manifest.webmanifest', 'application/manifest+json; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.PNG', 'image/png'],
    ['a.woff2', 'font/woff2'],
    ['Makefile', 'application/octet-stream'],
  ])('%s → %s', (name, expected) => {
    expect(contentTypeFor(name)).toBe(expected);
  });
});

describe('safeSegments', () => {
  it('decodes each segment', () => {
    expect(safeSegments('/assets/a%20b.js')).toEqual(['assets', 'a b.js']);
    expect(safeSegments('/')).toEqual([]);
    expect(safeSegments('//x//y/')).toEqual(['x', 'y']);
  });
  it.each([
    '/..%2fsecret',
    '/assets/..%2F..%2Fetc%2Fpasswd',
    '/a%5c..%5cb',
    '/a%00.js',
    '/%E0%A4%A',
    '/.env',
    '/assets/%2e%2e/x',
  ])('refuses %s', (path) => {
    expect(safeSegments(path)).toBeNull();
  });
});

describe('mediaKey', () => {
  it('decodes a listed path', () => {
    expect(mediaKey('media/bilde%201.png')).toBe('media/bilde 1.png');
    expect(mediaKey('media/sub/a.png')).toBe('media/sub/a.png');
  });
  it.each([
    'media/..%2f..%2fcourse.md',
    'media/../course.md',
    'media//a.png',
    'media/%zz',
    'media/a%00',
  ])('refuses %s', (rest) => {
    expect(mediaKey(rest)).toBeNull();
  });
});
