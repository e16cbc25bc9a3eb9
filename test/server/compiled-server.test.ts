// The compiled server (issue 13): scripts/build-server.mjs bundles src/server into one ES module
// and `npm start` runs it with plain node. What could break only once compiled is checked here on
// the real build: the cluster (WORKERS=2 forks the compiled file again), a file found relative to
// the module (the password list through createRequire(import.meta.url)), course compilation, the
// migrations, and a clean stop on SIGTERM.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempRoot, writeCourse } from '../utils/course-fixture';
import { buildCompiledServer, runNode, type CompiledServer } from '../utils/compiled-server';
import { makeDist, makeTemp, removeTemp } from './support';

let temp: string;
let coursesDir: string;
let distDir: string;
let compiled: CompiledServer;

beforeAll(async () => {
  [temp, coursesDir, distDir, compiled] = await Promise.all([
    makeTemp('compiled'),
    makeTempRoot(),
    makeDist(),
    buildCompiledServer(),
  ]);
  await writeCourse(coursesDir, { id: 'nettverk', meta: { title: 'Nettverk' } });
}, 60_000);

afterAll(async () => {
  await Promise.all([temp, coursesDir, distDir].map(removeTemp));
  await compiled?.remove();
});

describe('the compiled server', () => {
  it('has no TypeScript left to load: plain node runs it', async () => {
    expect(compiled.main).toMatch(/\.js$/);
    const code = await readFile(compiled.main, 'utf8');
    // npm packages stay in node_modules (native better-sqlite3, pg's optional parts).
    expect(code).toMatch(/from "better-sqlite3"/);
    expect(code).not.toMatch(/from "tsx|\.ts"/);
  });

  it('runs as a cluster of 2, refuses a common password, and stops on SIGTERM', async () => {
    const { child, exited, out, err } = runNode([compiled.main], {
      PORT: '0',
      HOST: '127.0.0.1',
      WORKERS: '2',
      DATA_DIR: join(temp, 'data'),
      COURSES_DIR: coursesDir,
      DIST_DIR: distDir,
    });

    // PORT=0 with a cluster: the workers share one port, which each logs when listening.
    const listening = () => [...out().matchAll(/"url":"(http:\/\/[^"]+)"/g)].map((m) => m[1]!);
    await expect.poll(() => listening().length, { timeout: 30_000, interval: 100 }).toBe(2);
    expect(err()).toBe('');
    const url = listening()[0]!;
    expect(new Set(listening()).size).toBe(1);
    expect(new Set([...out().matchAll(/"pid":(\d+)/g)].map((m) => m[1])).size).toBe(3);

    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok', courses: 1 });
    const weak = await fetch(`${url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'kari@example.no', password: '1qaz2wsx3edc' }),
    });
    expect(weak.status).toBe(400);
    expect(await weak.json()).toMatchObject({ fields: { password: 'password_too_common' } });

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);
});
