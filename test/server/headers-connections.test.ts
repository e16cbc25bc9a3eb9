// Headers and connections over a real socket (issue 12, part 8): a reply sent before the request
// body was read says `Connection: close`, so a keep-alive client's next request does not die on
// a socket the server is about to drop; the server's own 400s (a request Node cannot parse, a
// Host that makes no URL) carry the security headers too; HSTS when PUBLIC_URL is https or HSTS
// says so; and no source map is served.
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { HSTS_VALUE, SECURITY_HEADERS } from '../../src/server/security-headers';
import { startServer, type RunningServer } from '../../src/server/server';
import { openTestDatabase } from '../utils/test-database';
import { captureLogger, makeDist, makeTemp, removeTemp } from './support';

let temp: string;
let dist: string;
let plain: RunningServer;
let secure: RunningServer;

const start = (env: Record<string, string>) =>
  startServer(
    loadConfig(
      {
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: join(temp, `data-${Object.keys(env).join('-') || 'plain'}`),
        COURSES_DIR: join(temp, 'no-courses'),
        DIST_DIR: dist,
        ...env,
      },
      temp,
    ),
    captureLogger().logger,
  );

beforeAll(async () => {
  temp = await makeTemp('connections');
  dist = await makeDist();
  plain = await start({});
  secure = await start({ PUBLIC_URL: 'https://lommekurs.example.no' });
});
afterAll(async () => {
  await Promise.all([plain?.close(0), secure?.close(0)]);
  await Promise.all([temp, dist].map(removeTemp));
});

interface RawReply {
  status: number;
  headers: Record<string, string>;
}

/** Writes `bytes` to a new connection and reads replies until the server closes it, `wanted`
 * reply heads have come, or 10 s pass; each reply's status and headers (lower-case names). */
function raw(
  port: number,
  bytes: Buffer[],
  wanted = Infinity,
): Promise<{ replies: RawReply[]; closed: boolean }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let closed = false;
    socket.on('data', (d) => {
      chunks.push(d);
      if (parse().length >= wanted) finish();
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      closed = true;
      finish();
    });
    socket.on('connect', () => {
      for (const b of bytes) if (socket.writable) socket.write(b);
    });
    const timer = setTimeout(() => finish(), 10_000);
    let done = false;
    function finish() {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ replies: parse(), closed });
    }
    function parse(): RawReply[] {
      const text = Buffer.concat(chunks).toString('latin1');
      return [...text.matchAll(/HTTP\/1\.1 (\d{3})[^\r\n]*\r\n((?:[^\r\n]+\r\n)*)\r\n/g)].map(
        (m) => ({
          status: Number(m[1]),
          headers: Object.fromEntries(
            m[2]
              .split('\r\n')
              .filter(Boolean)
              .map((line) => {
                const at = line.indexOf(':');
                return [line.slice(0, at).toLowerCase(), line.slice(at + 1).trim()];
              }),
          ),
        }),
      );
    }
  });
}

const head = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
const HEALTH = head(['GET /healthz HTTP/1.1', 'Host: localhost']);
const BIG = Buffer.alloc(2 * 1024 * 1024, 'x');

/** One request through a keep-alive agent: its status and headers, or the error it died of. */
function viaAgent(
  agent: Agent,
  port: number,
  method: string,
  path: string,
  body?: Buffer,
): Promise<{ status: number; headers: IncomingHttpHeaders } | { error: string }> {
  return new Promise((resolve) => {
    const req = httpRequest(
      {
        agent,
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { 'Content-Type': 'application/json' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      },
    );
    req.on('error', (error) => resolve({ error: error.message }));
    req.end(body);
  });
}

describe('a reply sent before the request body was read', { timeout: 30_000 }, () => {
  it('a 413 for a declared length over the limit says Connection: close', async () => {
    const { replies } = await raw(plain.port, [
      head([
        'POST /api/v1/sync/push HTTP/1.1',
        'Host: localhost',
        'Content-Type: application/json',
        `Content-Length: ${BIG.length}`,
      ]),
      BIG,
      HEALTH,
    ]);
    expect(replies[0].status).toBe(413);
    expect(replies[0].headers.connection).toBe('close');
  });

  it('a 413 for a chunked body that grows over the limit says Connection: close', async () => {
    const { replies } = await raw(plain.port, [
      head([
        'POST /api/v1/sync/push HTTP/1.1',
        'Host: localhost',
        'Content-Type: application/json',
        'Transfer-Encoding: chunked',
      ]),
      Buffer.concat([
        Buffer.from(`${BIG.length.toString(16)}\r\n`),
        BIG,
        Buffer.from('\r\n0\r\n\r\n'),
      ]),
      HEALTH,
    ]);
    expect(replies[0].status).toBe(413);
    expect(replies[0].headers.connection).toBe('close');
  });

  it('a 401 answered before a large body arrived says Connection: close', async () => {
    const body = Buffer.alloc(512 * 1024, 'y');
    const { replies } = await raw(plain.port, [
      head([
        'POST /api/v1/sync/push HTTP/1.1',
        'Host: localhost',
        'Content-Type: application/json',
        `Content-Length: ${body.length}`,
      ]),
      body,
      HEALTH,
    ]);
    expect(replies[0].status).toBe(401);
    expect(replies[0].headers.connection).toBe('close');
  });

  it("a keep-alive client's next request succeeds after a 413", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (let round = 0; round < 3; round++) {
        const refused = await viaAgent(agent, plain.port, 'POST', '/api/v1/sync/push', BIG);
        expect(refused).toMatchObject({ status: 413 });
        const next = await viaAgent(agent, plain.port, 'GET', '/healthz');
        expect(next, `round ${round}`).toMatchObject({ status: 200 });
        expect(refused).toMatchObject({ headers: { connection: 'close' } });
      }
    } finally {
      agent.destroy();
    }
  });

  it('keeps the connection open when the body was read (a bad JSON body, then /healthz)', async () => {
    const body = Buffer.from('{not json');
    const { replies } = await raw(
      plain.port,
      [
        head([
          'POST /api/v1/auth/login HTTP/1.1',
          'Host: localhost',
          'Content-Type: application/json',
          `Content-Length: ${body.length}`,
        ]),
        body,
        HEALTH,
      ],
      2,
    );
    expect(replies.map((r) => r.status)).toEqual([400, 200]);
    expect(replies[0].headers.connection).toBe('keep-alive');
  });
});

const expectSecurityHeaders = (reply: RawReply, what: string) => {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    expect(reply.headers[name.toLowerCase()], `${what}: ${name}`).toBe(value);
  }
};

describe("the server's own 400s", { timeout: 30_000 }, () => {
  it.each([
    ['a malformed request line', head(['GET / HTTP/1.1 extra', 'Host: localhost'])],
    ['a header name with a space', head(['GET / HTTP/1.1', 'Host: localhost', 'Bad Header: 1'])],
    ['a Host that makes no URL', head(['GET / HTTP/1.1', 'Host: a b'])],
    ['an absolute URL that does not parse', head(['GET http://[::1 HTTP/1.1', 'Host: localhost'])],
  ])('%s: 400 with every security header and Connection: close', async (what, bytes) => {
    const { replies } = await raw(plain.port, [bytes]);
    expect(replies.length, what).toBeGreaterThanOrEqual(1);
    expect(replies[0].status, what).toBe(400);
    expectSecurityHeaders(replies[0], what);
    expect(replies[0].headers.connection).toBe('close');
    expect(replies[0].headers['content-type']).toMatch(/^application\/json/);
  });

  it.each([
    ['/%zz', 404],
    ['/api/v1/courses/%E0%A4%A', 404],
    ['/api/v1/courses/x/media/%zz', 404],
  ])('bad URL encoding %s: %i with every security header', async (path, status) => {
    const { replies } = await raw(
      plain.port,
      [head([`GET ${path} HTTP/1.1`, 'Host: localhost'])],
      1,
    );
    expect(replies[0].status).toBe(status);
    expectSecurityHeaders(replies[0], path);
  });
});

describe('HSTS', { timeout: 30_000 }, () => {
  it("is sent when PUBLIC_URL is https, on app replies and on the server's own 400s", async () => {
    const ok = await raw(secure.port, [HEALTH], 1);
    expect(ok.replies[0].headers['strict-transport-security']).toBe(HSTS_VALUE);
    const bad = await raw(secure.port, [head(['GET / HTTP/1.1 extra', 'Host: localhost'])]);
    expect(bad.replies[0].status).toBe(400);
    expect(bad.replies[0].headers['strict-transport-security']).toBe(HSTS_VALUE);
    expect(HSTS_VALUE).toBe('max-age=31536000; includeSubDomains');
  });

  it('is not sent without PUBLIC_URL (plain http on a laptop)', async () => {
    const ok = await raw(plain.port, [HEALTH], 1);
    expect(ok.replies[0].headers['strict-transport-security']).toBeUndefined();
  });

  it('follows PUBLIC_URL unless HSTS says otherwise', () => {
    const hsts = (env: Record<string, string>) => loadConfig(env, '/tmp').hsts;
    expect(hsts({})).toBe(false);
    expect(hsts({ PUBLIC_URL: 'http://localhost:8080' })).toBe(false);
    expect(hsts({ PUBLIC_URL: 'https://lommekurs.no' })).toBe(true);
    expect(hsts({ HSTS: 'true' })).toBe(true);
    expect(hsts({ PUBLIC_URL: 'https://lommekurs.no', HSTS: 'false' })).toBe(false);
    expect(() => hsts({ HSTS: 'sometimes' })).toThrow('Invalid configuration: HSTS="sometimes"');
  });
});

describe('source maps', () => {
  it('are never served, though the build keeps them on disk', async () => {
    const database = await openTestDatabase();
    const { writeFile, mkdir } = await import('node:fs/promises');
    const mapDist = await makeDist();
    try {
      await mkdir(join(mapDist, 'assets'), { recursive: true });
      await writeFile(
        join(mapDist, 'assets/index-ABC123.js.map'),
        '{"version":3,"sources":["src/app/main.tsx"]}',
      );
      await writeFile(join(mapDist, 'sw.js.map'), '{"version":3}');
      const app = createApp({
        catalogue: [],
        distDir: mapDist,
        logger: captureLogger().logger,
        database,
      });
      for (const path of [
        '/assets/index-ABC123.js.map',
        '/sw.js.map',
        '/assets/INDEX-ABC123.JS.MAP',
      ]) {
        const res = await app.request(path);
        expect(res.status, path).toBe(404);
        expect(await res.text()).not.toContain('sources');
      }
      expect((await app.request('/assets/index-ABC123.js')).status).toBe(200);
    } finally {
      await database.close();
      await removeTemp(mapDist);
    }
  });
});
