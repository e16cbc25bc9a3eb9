// The real listener: startServer on an ephemeral port, requests over loopback, a clean close,
// and main.ts run from source (bad configuration, start, SIGTERM).
import { request as httpRequest } from 'node:http';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config';
import { SECURITY_HEADERS } from '../../src/server/security-headers';
import { startServer, type RunningServer } from '../../src/server/server';
import { bundleUrl, type Catalogue } from '../../src/shared/course';
import { runNode } from '../utils/compiled-server';
import { makeTempRoot, writeCourse } from '../utils/course-fixture';
import { APP_JS, captureLogger, INDEX_HTML, makeDist, makeTemp, removeTemp } from './support';

let temp: string;
let coursesDir: string;
let distDir: string;
let server: RunningServer;
const { logger, lines } = captureLogger();

beforeAll(async () => {
  temp = await makeTemp('server');
  coursesDir = await makeTempRoot();
  distDir = await makeDist();
  await writeCourse(coursesDir, { id: 'nettverk', meta: { title: 'Nettverk' } });
  const config = loadConfig(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: join(temp, 'data'),
      COURSES_DIR: coursesDir,
      DIST_DIR: distDir,
    },
    temp,
  );
  server = await startServer(config, logger);
});
afterAll(async () => {
  await server.close();
  await Promise.all([temp, coursesDir, distDir].map(removeTemp));
});

describe('startServer', () => {
  it('listens on an ephemeral loopback port and logs the URL', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: `listening on ${server.url}`, port: server.port }),
    );
  });

  it('creates DATA_DIR', async () => {
    expect((await stat(join(temp, 'data'))).isDirectory()).toBe(true);
  });

  it('serves the catalogue, a bundle and the app over HTTP', async () => {
    const catalogue = (await (await fetch(`${server.url}/api/v1/courses`)).json()) as Catalogue;
    expect(catalogue.courses.map((c) => c.id)).toEqual(['nettverk']);

    const bundle = await fetch(server.url + bundleUrl('nettverk'));
    expect(bundle.status).toBe(200);
    const etag = bundle.headers.get('ETag')!;
    expect(etag).toBe(`"${catalogue.courses[0]!.hash}"`);
    expect(((await bundle.json()) as { id: string }).id).toBe('nettverk');
    const again = await fetch(server.url + bundleUrl('nettverk'), {
      headers: { 'If-None-Match': etag },
    });
    expect(again.status).toBe(304);

    const page = await fetch(`${server.url}/kurs/nettverk`);
    expect(await page.text()).toBe(INDEX_HTML);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(page.headers.get(name), name).toBe(value);
    }
  });

  it('sends brotli over the wire (fetch decompresses it)', async () => {
    const res = await fetch(`${server.url}/assets/index-ABC123.js`, {
      headers: { 'Accept-Encoding': 'br' },
    });
    expect(res.headers.get('Content-Encoding')).toBe('br');
    expect(Number(res.headers.get('Content-Length'))).toBeLessThan(APP_JS.length);
    expect(await res.text()).toBe(APP_JS);
  });

  it('answers HEAD with the length of the body it would send', async () => {
    const res = await fetch(`${server.url}/index.html`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Length')).toBe(String(Buffer.byteLength(INDEX_HTML)));
  });

  it('answers an oversized upload with 413 JSON', async () => {
    const status = await new Promise<{ status: number; body: string }>((done, fail) => {
      const req = httpRequest(`${server.url}/api/v1/courses`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': 2 * 1024 * 1024 },
      });
      req.on('response', (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => done({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', fail);
      // Declare 2 MiB but send only a little: the server must answer from the header alone.
      req.write('{"a":');
    });
    expect(status.status).toBe(413);
    expect(JSON.parse(status.body)).toMatchObject({ error: 'payload_too_large' });
  });

  it('reports a port in use clearly', async () => {
    const config = loadConfig({
      PORT: String(server.port),
      HOST: '127.0.0.1',
      DATA_DIR: join(temp, 'data'),
      COURSES_DIR: coursesDir,
      DIST_DIR: distDir,
    });
    await expect(startServer(config, captureLogger().logger)).rejects.toThrow(
      `Cannot listen on 127.0.0.1:${server.port}: port ${server.port} on 127.0.0.1 is already in use`,
    );
  });

  it('closes promptly despite keep-alive connections, then refuses connections', async () => {
    const own = await startServer(
      loadConfig(
        { PORT: '0', HOST: '127.0.0.1', COURSES_DIR: coursesDir, DIST_DIR: distDir },
        temp,
      ),
      captureLogger().logger,
    );
    await (await fetch(`${own.url}/healthz`)).json();
    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(fetch(`${own.url}/healthz`)).rejects.toThrow();
  });
});

/** Runs main.ts from source through tsx, collecting its output until it exits (the compiled
 * build `npm start` runs: compiled-server.test.ts). */
const runMain = (env: Record<string, string>) =>
  runNode(['--import', 'tsx', 'src/server/main.ts'], env);

describe('main.ts', () => {
  it('exits with code 1 and one clear line on a bad PORT', async () => {
    const run = runMain({ PORT: 'abc' });
    expect(await run.exited).toBe(1);
    expect(run.err()).toBe(
      'Invalid configuration: PORT="abc" must be an integer between 0 and 65535\n',
    );
    // Starting Node with tsx can take several seconds on a busy 2-core machine: a generous limit,
    // not a speed assertion.
  }, 30_000);

  it('starts, serves, and stops cleanly on SIGTERM', async () => {
    const run = runMain({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: join(temp, 'main-data'),
      COURSES_DIR: coursesDir,
      DIST_DIR: distDir,
    });
    const url = await new Promise<string>((done, fail) => {
      const timer = setInterval(() => {
        const match = /"url":"(http:\/\/[^"]+)"/.exec(run.out());
        if (match) {
          clearInterval(timer);
          done(match[1]!);
        }
      }, 50);
      void run.exited.then(() => {
        clearInterval(timer);
        fail(new Error(`main.ts exited early: ${run.err()}`));
      });
    });
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok', courses: 1 });
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.out()).toContain('"msg":"stopped"');
  }, 20_000);
});
