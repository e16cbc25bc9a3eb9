// Issue 13 figure 6, the compiled server: how long the server takes from spawn to its first
// `/healthz` 200, and its resident memory (RSS) when idle after that, for what `npm start` runs
// now — `node --enable-source-maps dist-server/main.js`, compiled by scripts/build-server.mjs —
// next to what it ran before, `node --import tsx src/server/main.ts` (TypeScript compiled on the
// fly at every start). Each run is a fresh process on a fresh SQLite folder with the real
// courses/ (migrations and course compilation included, as at every start); the two commands
// alternate so a busy machine slows both alike. Medians, with min–max, over N runs each.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCompiledServer } from '../../utils/compiled-server';
import { atMost, median, type Figure } from '../figure';
import type { BenchGroup } from '../groups';
import { freePort } from '../postgres';
import { processRssKiB } from '../proc-memory';

const RUNS = Number(process.env.BENCH_SERVER_RUNS ?? 5);
/** Quiet time after the first `/healthz` reply before RSS is read: start-up garbage settles. */
const IDLE_MS = 2_000;
const POLL_MS = 10;
const START_TIMEOUT_MS = 60_000;

interface Start {
  ms: number;
  rssMiB: number;
}

async function rssMiB(pid: number): Promise<number> {
  const kib = await processRssKiB(pid);
  if (kib === undefined) throw new Error(`no VmRSS for process ${pid}`);
  return kib / 1024;
}

/** Spawns `node …args` as the server, times it to the first `/healthz` 200, reads idle RSS. */
async function startOnce(args: readonly string[]): Promise<Start> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lommekurs-start-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/healthz`;
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      WORKERS: '1',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited at start: ${stderr}`);
      const up = await fetch(url).then(
        (response) => response.ok,
        () => false,
      );
      if (up) break;
      if (performance.now() - started > START_TIMEOUT_MS) {
        throw new Error(`server did not start in ${START_TIMEOUT_MS} ms: ${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    const ms = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    return { ms, rssMiB: await rssMiB(child.pid!) };
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    await rm(dataDir, { recursive: true, force: true });
  }
}

const spread = (values: readonly number[], digits: number) =>
  `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;

async function measure(): Promise<Figure[]> {
  const compiled = await buildCompiledServer();
  const commands = {
    compiled: ['--enable-source-maps', compiled.main],
    tsx: ['--import', 'tsx', 'src/server/main.ts'],
  };
  const runs: Record<keyof typeof commands, Start[]> = { compiled: [], tsx: [] };
  try {
    // One unmeasured start each: the first reads every file from disk.
    await startOnce(commands.compiled);
    await startOnce(commands.tsx);
    for (let i = 0; i < RUNS; i++) {
      runs.compiled.push(await startOnce(commands.compiled));
      runs.tsx.push(await startOnce(commands.tsx));
    }
  } finally {
    await compiled.remove();
  }

  const ms = (list: Start[]) => list.map((run) => run.ms);
  const rss = (list: Start[]) => list.map((run) => run.rssMiB);
  const method = (what: string, values: (list: Start[]) => number[], digits: number) =>
    `${what}; median of N = ${RUNS} runs each, compiled and tsx alternating, after one ` +
    `unmeasured start each; compiled: node --enable-source-maps <build of ` +
    `scripts/build-server.mjs>/main.js (as npm start runs it), range ` +
    `${spread(values(runs.compiled), digits)}; before: node --import tsx src/server/main.ts ` +
    `(npm start until issue 13), range ${spread(values(runs.tsx), digits)}; WORKERS=1, fresh ` +
    `SQLite DATA_DIR, the real courses/; a shared, busy machine makes absolute times noisy`;
  return [
    atMost(
      'server start to /healthz ok, compiled',
      median(ms(runs.compiled)),
      'ms',
      { kind: 'baseline', label: 'tsx at run time', value: median(ms(runs.tsx)) },
      1,
      method('spawn of the process to the first 200 from /healthz, polled every 10 ms', ms, 0),
    ),
    atMost(
      'server idle RSS after start, compiled',
      median(rss(runs.compiled)),
      'MiB',
      { kind: 'baseline', label: 'tsx at run time', value: median(rss(runs.tsx)) },
      1,
      method(
        `VmRSS of the server process ${IDLE_MS / 1000} s after its first /healthz 200`,
        rss,
        1,
      ),
    ),
  ];
}

/** The "server-start" group (issue 13, compiled server). */
export const serverStart: BenchGroup = { name: 'server-start', measure };
