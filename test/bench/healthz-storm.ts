// Figure: `/healthz` p99 while one learner's push storm is folded (issue 12, "Fair use of sync").
// The storm is the issue's: 40 pushes of 100 `quiz.answered` events with new attempt ids, four
// at a time, twice over, against the real server in a process of its own (file-backed SQLite,
// push rate and quota lifted so every event reaches the fold). Meanwhile a probe asks `/healthz`
// every 5 ms; its p99 is compared with the target (under 100 ms) and with the p99 of the same
// probe on the quiet server. Reports, never fails (docs/performance.md).
// Alone: `npx tsx test/bench/healthz-storm.ts`; in the suite: `npm run bench -- healthz-storm`.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { uuidv7 } from '../../src/shared/uuid';
import { atMost, formatTable, percentile, type Figure } from './figure';
import type { BenchGroup } from './groups';
import { STORM_COURSE } from './healthz-storm-server';
import { reported } from './reported';

const PUSHES = 40;
const EVENTS_PER_PUSH = 100;
const ROUNDS = 2;
const IN_FLIGHT = 4;
const PROBE_EVERY_MS = 5;
const QUIET_PROBES = 400;
const TARGET_MS = 100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the server process; its url, the learner's token and a stop function. */
async function startServer() {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.STORM_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/e-prof'] : []),
      '--import',
      'tsx',
      fileURLToPath(new URL('./healthz-storm-server.ts', import.meta.url)),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`storm server exited with ${code}`)));
  });
  const { url, token } = JSON.parse(first) as { url: string; token: string };
  return {
    url,
    token,
    stop: () => {
      child.kill('SIGTERM');
    },
  };
}

/** One push body of new attempts, serialised before the storm starts. */
function pushBody(clientId: string, round: number, push: number): string {
  const events = Array.from({ length: EVENTS_PER_PUSH }, (_, i) => {
    const at = Date.now() - 600_000 + round * 100_000 + push * EVENTS_PER_PUSH + i;
    return {
      id: uuidv7(at),
      clientId,
      seq: round * 100_000 + push * EVENTS_PER_PUSH + i + 1,
      courseId: STORM_COURSE.courseId,
      lessonId: STORM_COURSE.lessonId,
      at,
      v: 1,
      type: 'quiz.answered',
      payload: {
        attemptId: uuidv7(at),
        questionId: STORM_COURSE.questionId,
        chosen: [STORM_COURSE.option],
        correct: false,
        score: 0,
      },
    };
  });
  return JSON.stringify({ clientId, schemaVersion: 1, events });
}

/** Probes `/healthz` until `until()` is true (and at least `min` times); the latencies in ms. */
async function probe(url: string, until: () => boolean, min = 0): Promise<number[]> {
  const latencies: number[] = [];
  while (!until() || latencies.length < min) {
    const t0 = performance.now();
    const response = await fetch(`${url}/healthz`);
    await response.arrayBuffer();
    latencies.push(performance.now() - t0);
    if (response.status !== 200) throw new Error(`/healthz answered ${response.status}`);
    await sleep(PROBE_EVERY_MS);
  }
  return latencies;
}

/** The storm: every push of every round, IN_FLIGHT at a time; the statuses seen. */
async function storm(url: string, token: string, bodies: string[]): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      const response = await fetch(`${url}/api/v1/sync/push`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body,
      });
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return statuses;
}

/** Measures the figure. */
export async function measureHealthzStorm(): Promise<Figure[]> {
  const server = await startServer();
  try {
    const clientId = `storm-${Date.now().toString(36)}`;
    const bodies = Array.from({ length: ROUNDS * PUSHES }, (_, i) =>
      pushBody(clientId, Math.floor(i / PUSHES), i % PUSHES),
    );
    // Warm up: the connection, the JIT and the push path (a long-running server has them).
    await storm(server.url, server.token, [pushBody(`${clientId}-warm`, 9, 0)]);
    await probe(server.url, () => true, 50);
    const quiet = await probe(server.url, () => true, QUIET_PROBES);

    let done = false;
    const t0 = performance.now();
    const [statuses, loud] = await Promise.all([
      storm(server.url, server.token, bodies).finally(() => {
        done = true;
      }),
      probe(server.url, () => done),
    ]);
    const stormMs = performance.now() - t0;
    const ok = statuses.get(200) ?? 0;
    if (ok !== bodies.length) {
      throw new Error(`the storm's pushes answered ${JSON.stringify([...statuses])}`);
    }
    const quietP99 = percentile(quiet, 99);
    const loudP99 = percentile(loud, 99);
    const method =
      `${ROUNDS} × ${PUSHES} pushes × ${EVENTS_PER_PUSH} quiz.answered (new attempt ids), ` +
      `${IN_FLIGHT} in flight, all 200 in ${(stormMs / 1000).toFixed(1)} s; ` +
      `/healthz every ${PROBE_EVERY_MS} ms: ${loud.length} probes during, ${quiet.length} quiet; ` +
      `server in its own process, file-backed SQLite`;
    return [
      atMost(
        '/healthz p99 during a push storm',
        loudP99,
        'ms',
        { kind: 'budget', label: 'issue target', value: TARGET_MS },
        1,
        method,
      ),
      reported(
        atMost(
          '/healthz p99 storm ÷ quiet',
          loudP99,
          'ms',
          { kind: 'baseline', label: 'quiet p99', value: quietP99 },
          1,
          `the same probe on the quiet server (p50 quiet ${percentile(quiet, 50).toFixed(2)} ms, during ${percentile(loud, 50).toFixed(2)} ms)`,
        ),
      ),
    ];
  } finally {
    server.stop();
  }
}

export const healthzStorm: BenchGroup = { name: 'healthz-storm', measure: measureHealthzStorm };

// Run alone: print the table.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  measureHealthzStorm().then(
    (figures) => {
      console.log(formatTable(figures));
      for (const f of figures) console.log(`${f.figure}: ${f.method}`);
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
