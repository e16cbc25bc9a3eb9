// Headers and failures common to every route: security headers, the missing build, the body
// limit, unsupported methods, errors without stack traces, and the health check.
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_BODY_LIMIT, createApp } from '../../src/server/app';
import { openTestDatabase } from '../utils/test-database';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../src/server/security-headers';
import { captureLogger, makeDist, makeTemp, removeTemp } from './support';

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

const expectSecurityHeaders = (res: Response) => {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    expect(res.headers.get(name), name).toBe(value);
  }
};

describe('security headers', () => {
  it('has the exact policy, with no inline script or style allowed', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(SECURITY_HEADERS).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'X-Frame-Options': 'DENY',
    });
    expect(SECURITY_HEADERS['Permissions-Policy']).toMatch(/camera=\(\).*geolocation=\(\)/);
  });

  // WebKit logs "Unrecognized Content-Security-Policy directive 'manifest-src'" on every page;
  // default-src 'self' already keeps the manifest on this origin.
  it('has no directive WebKit does not know; the manifest is still limited to this origin', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('manifest-src');
    expect(CONTENT_SECURITY_POLICY.split('; ')[0]).toBe("default-src 'self'");
  });

  // Chromium 156 logs "Error with Permissions-Policy header: Unrecognized feature: 'bluetooth'."
  // for a feature it does not know (checked by loading a page with each list in /usr/bin/chromium).
  it('switches off only features Chromium knows', () => {
    expect(SECURITY_HEADERS['Permissions-Policy']).toBe(
      'accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), serial=(), usb=(), xr-spatial-tracking=()',
    );
    expect(SECURITY_HEADERS['Permissions-Policy']).not.toContain('bluetooth');
  });

  it.each([
    ['GET', '/'],
    ['GET', '/index.html'],
    ['GET', '/assets/index-ABC123.js'],
    ['GET', '/kurs/dyp/lenke'],
    ['GET', '/missing.js'],
    ['GET', '/api/v1/courses'],
    ['GET', '/api/v1/courses/finnes-ikke'],
    ['GET', '/api/unknown'],
    ['GET', '/healthz'],
    ['DELETE', '/api/v1/courses'],
    ['HEAD', '/sw.js'],
  ])('are on %s %s', async (method, path) => {
    expectSecurityHeaders(await app.request(path, { method }));
  });

  it('are on a 304', async () => {
    const first = await app.request('/sw.js');
    const res = await app.request('/sw.js', {
      headers: { 'If-None-Match': first.headers.get('ETag')! },
    });
    expect(res.status).toBe(304);
    expectSecurityHeaders(res);
  });
});

describe('API replies (ASVS 14.4.2)', () => {
  it('carry Content-Disposition: attachment on every JSON reply, errors included', async () => {
    for (const path of ['/api/v1/courses', '/api/v1/nothing-here', '/api/v1/openapi.json']) {
      const res = await app.request(path);
      expect(res.headers.get('Content-Type'), path).toMatch(/json/);
      expect(res.headers.get('Content-Disposition'), path).toBe('attachment; filename="api.json"');
    }
  });
  it('carry it on a 413 sent before the body was read', async () => {
    const res = await app.request('/api/v1/sync/push', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(API_BODY_LIMIT + 1) },
      body: 'x'.repeat(API_BODY_LIMIT + 1),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="api.json"');
  });

  // A reply's own Content-Disposition stays: the export's file name is checked in
  // test/server/accounts.test.ts and account-export.test.ts.
});

describe('a missing build', () => {
  let empty: string;
  let unbuilt: Hono;
  beforeAll(async () => {
    empty = await makeTemp('nodist');
    unbuilt = createApp({
      catalogue: [],
      distDir: join(empty, 'dist'),
      logger: captureLogger().logger,
      database,
    });
  });
  afterAll(() => removeTemp(empty));

  it.each(['/', '/index.html', '/kurs/x', '/assets/index-ABC123.js'])(
    'answers %s with 503 and how to build',
    async (path) => {
      const res = await unbuilt.request(path);
      expect(res.status).toBe(503);
      expect(res.headers.get('Content-Type')).toMatch(/^text\/plain/);
      expect(res.headers.get('Cache-Control')).toBe('no-store');
      expect(await res.text()).toBe('the app is not built: run npm run build');
      expectSecurityHeaders(res);
    },
  );

  it('still serves the API', async () => {
    const res = await unbuilt.request('/api/v1/courses');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ courses: [] });
  });
});

describe('request bodies on /api', () => {
  it(`refuses a body over ${API_BODY_LIMIT} bytes with 413 JSON`, async () => {
    const res = await app.request('/api/v1/courses', {
      method: 'POST',
      body: 'x'.repeat(API_BODY_LIMIT + 1),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: 'payload_too_large',
      message: `The request body is larger than the limit of ${API_BODY_LIMIT} bytes`,
    });
    expectSecurityHeaders(res);
  });

  it('refuses a declared oversized Content-Length before reading', async () => {
    const res = await app.request('/api/anything', {
      method: 'POST',
      body: 'small',
      headers: { 'Content-Length': String(API_BODY_LIMIT * 4) },
    });
    expect(res.status).toBe(413);
  });

  it('lets a small body through to the route (405 here: courses are read-only)', async () => {
    const res = await app.request('/api/v1/courses', { method: 'POST', body: '{}' });
    expect(res.status).toBe(405);
  });
});

describe('methods', () => {
  it.each([
    ['POST', '/api/v1/courses'],
    ['PUT', '/api/v1/courses/x'],
    ['DELETE', '/api/v1/courses/x/media/a.png'],
    ['PATCH', '/healthz'],
    ['OPTIONS', '/'],
  ])('answers %s %s with 405 JSON and Allow', async (method, path) => {
    const res = await app.request(path, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toBe('GET, HEAD');
    expect(await res.json()).toEqual({
      error: 'method_not_allowed',
      message: `${method} is not allowed here`,
    });
  });

  it('answers an unknown method on an unknown API path with 404 JSON', async () => {
    const res = await app.request('/api/v2/sync', { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
  });
});

describe('errors', () => {
  it('answers an unexpected failure with 500 JSON, no stack, and logs it', async () => {
    const { logger, lines } = captureLogger();
    // A NUL byte in the path makes every file system call throw (not "not found").
    const broken = createApp({ catalogue: [], distDir: '/tmp/bad\0dist', logger, database });
    const res = await broken.request('/index.html');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      error: 'internal_error',
      message: 'Something went wrong on the server',
    });
    expect(text).not.toMatch(/at |\.ts|ERR_/);
    expectSecurityHeaders(res);
    const logged = lines.find((l) => l.msg === 'request failed');
    expect(logged).toMatchObject({ level: 50, method: 'GET', path: '/index.html' });
    expect(logged?.err).toMatchObject({ type: 'TypeError' });
    expect(lines.find((l) => l.msg === 'request')).toMatchObject({ status: 500, level: 50 });
  });
});

describe('GET /healthz', () => {
  it('reports the number of courses, never cached', async () => {
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(await res.json()).toEqual({ status: 'ok', courses: 0 });
  });
});

describe('request log', () => {
  it('logs method, path, status and duration, without the query string', async () => {
    const { logger, lines } = captureLogger();
    const logged = createApp({ catalogue: [], distDir: dist, logger, database });
    await logged.request('/sw.js?token=secret');
    const line = lines.find((l) => l.msg === 'request');
    expect(line).toMatchObject({ level: 30, method: 'GET', path: '/sw.js', status: 200 });
    expect(line?.ms).toEqual(expect.any(Number));
    expect(JSON.stringify(lines)).not.toContain('secret');
  });
});
