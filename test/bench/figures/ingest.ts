// Issue figure 6, server ingest: the real server in its own process (so its RSS and CPU are its
// own) on SQLite and on PostgreSQL, with its production limits (push rate, daily event quota,
// catalogue check) on, loaded with 100-event pushes about real catalogue lessons from many
// learners over 20 concurrent connections (autocannon, loopback); events/s, p99 latency and server
// CPU per push next to the raw insert rate of the same database measured in the same run
// (better-sqlite3 batched transactions; PostgreSQL multi-row INSERT and COPY).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openDatabase, sqliteFileIn, type DatabaseTarget } from '../../../src/server/db/database';
import { PUSH_PATH } from '../../../src/server/sync/routes';
import { absolute, atLeastShareOf, median, type Figure } from '../figure';
import type { BenchGroup } from '../groups';
import {
  EVENT_COLUMNS,
  EVENTS_PER_PUSH,
  eventRows,
  nextBatch,
  pushBody,
  catalogueTemplates,
  seedLearners,
  type Learner,
  type Templates,
} from '../ingest-load';
import { PUSH_RULES } from '../../../src/server/limits/push-limits';
import { freePort, withPostgres } from '../postgres';
import { processRssKiB } from '../proc-memory';
import { buildCompiledServer } from '../../utils/compiled-server';

/** Learners pushing to the server, in turn: enough that none passes its push rate or daily event
 * quota (PUSH_RULES) during the run, as in production, where each push is a different learner's. */
const LEARNERS = 1000;
/** Learners of the raw baselines (no limits there). */
const BASELINE_LEARNERS = 20;
/** The most pushes one learner may make in a run: within the day's event quota. */
const MAX_PUSHES_PER_LEARNER = Math.floor(PUSH_RULES.eventsPerDay / EVENTS_PER_PUSH) - 5;
const CONNECTIONS = 20;
const WARMUP_SECONDS = 2;
/** Three rounds of 5 s: about 15 s of load per database, and a median to quote. */
const ROUNDS = 3;
const RUN_SECONDS = 5;
const RAW_SECONDS = 1.5;
/** Linux's USER_HZ: /proc reports CPU time in these ticks. */
const CLOCK_TICKS = 100;
/** The server's PostgreSQL pool size (openDatabase's default), used for the raw baselines too. */
const PG_CONNECTIONS = 10;
const MIN_SHARE_OF_RAW = 0.25;
const MAX_P99_MS = 50;

// ---- the server under load ----------------------------------------------------------------

interface ServerProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Extra node flags for the server (INGEST_NODE_ARGS, e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`
 * to profile it under this load); none by default. */
const nodeArgs = (process.env.INGEST_NODE_ARGS ?? '').split(' ').filter(Boolean);

/** The compiled server (`node --enable-source-maps main.js`, as `npm start` runs it, built by
 * scripts/build-server.mjs from the current sources) on a free loopback port. */
async function startServerProcess(
  main: string,
  dataDir: string,
  databaseUrl: string,
  workers: number,
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, '--enable-source-maps', main], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'info',
      WORKERS: String(workers),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited at start: ${stderr}`);
    const up = await fetch(`${url}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error(`server did not start in 60 s: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** The process and its children (a cluster's workers), from /proc. */
async function processTree(pid: number): Promise<number[]> {
  const children = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '');
  const ids = children.split(' ').filter(Boolean).map(Number);
  return [pid, ...(await Promise.all(ids.map(processTree))).flat()];
}

/** RSS of the server: the process and its workers together. */
async function rssMiB(pid: number): Promise<number> {
  let kib = 0;
  for (const id of await processTree(pid)) {
    kib += (await processRssKiB(id)) ?? 0;
  }
  return kib / 1024;
}

/** Samples a process's RSS every 250 ms until stopped; returns the samples. */
function sampleRss(pid: number): { stop(): number[] } {
  const samples: number[] = [];
  const timer = setInterval(() => {
    rssMiB(pid).then(
      (mib) => samples.push(mib),
      () => undefined,
    );
  }, 250);
  return {
    stop() {
      clearInterval(timer);
      return samples;
    },
  };
}

/** Pushes from CONNECTIONS connections for `seconds`: learners in turn, a fresh batch each time. */
let turn = 0;
function load(url: string, learners: Learner[], seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url: `${url}${PUSH_PATH}`,
    connections: CONNECTIONS,
    duration: seconds,
    method: 'POST',
    requests: [
      {
        setupRequest: (request) => {
          const learner = learners[turn++ % learners.length]!;
          // Past its quota the server would answer 429 and the run fail: more learners needed.
          if (learner.pushes >= MAX_PUSHES_PER_LEARNER) throw new Error('learner pool used up');
          return {
            ...request,
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${learner.token}`,
            },
            body: pushBody(nextBatch(learner)),
          };
        },
      },
    ],
  });
}

/** CPU seconds (user + system) the server (the process and its workers) has used so far, from
 * /proc/<pid>/stat. */
async function cpuSeconds(pid: number): Promise<number> {
  let ticks = 0;
  for (const id of await processTree(pid)) {
    const stat = await readFile(`/proc/${id}/stat`, 'utf8').catch(() => '');
    if (!stat) continue;
    // Fields after the command name (which may hold spaces) start at field 3; utime, stime = 14, 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / CLOCK_TICKS;
}

/** A raw-insert baseline: measures rows per second for about `seconds`. */
interface RawBaseline {
  label: string;
  how: string;
  rate(seconds: number): Promise<number>;
  close(): Promise<void>;
}

interface IngestRun {
  /** Per round, in order. */
  eventsPerSecond: number[];
  pushesPerSecond: number[];
  p99: number[];
  p50: number[];
  /** Per baseline (same order as given), one rate per round. */
  raw: number[][];
  pushes: number;
  /** Size of one push body (a sample batch, never sent). */
  pushKb: number;
  rssPeak: number;
  rssIdle: number;
  /** Server CPU time ÷ wall time during the loads (1 = one core busy all the time). */
  serverCores: number;
  /** Server CPU time per acknowledged push during the rounds, ms. */
  cpuPerPush: number;
  /** The most pushes any one learner made (warm-up included). */
  maxLearnerPushes: number;
  /** Events in the table afterwards vs acknowledged (pushes still in flight when autocannon
   * stopped are stored but not counted, at most one per connection per load). */
  stored: string;
}

const failures = (result: autocannon.Result) => result.non2xx + result.errors + result.timeouts;

/** Seeds learners, starts the server on `target`, warms up, then ROUNDS times: each baseline for
 * RAW_SECONDS (the server idle), then the server under load for RUN_SECONDS. Interleaving puts
 * both under the same drift of this shared machine. */
async function measureServer(
  main: string,
  target: DatabaseTarget,
  dataDir: string,
  databaseUrl: string,
  baselines: readonly RawBaseline[],
  templates: Templates,
  workers = 1,
): Promise<IngestRun> {
  const seeded = await openDatabase(target);
  const learners = await seedLearners(seeded, LEARNERS, Date.now(), templates).finally(() =>
    seeded.close(),
  );
  const sample = { ...learners[0]!, templates };
  const pushKb = Buffer.byteLength(pushBody(nextBatch(sample))) / 1024;
  const server = await startServerProcess(main, dataDir, databaseUrl, workers);
  const pid = server.child.pid!;
  const results: autocannon.Result[] = [];
  const raw = baselines.map((): number[] => []);
  let samples: number[];
  let rssIdle: number;
  let serverCores: number;
  let busy = 0;
  try {
    results.push(await load(server.url, learners, WARMUP_SECONDS));
    rssIdle = await rssMiB(pid);
    const sampler = sampleRss(pid);
    let wall = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, baseline] of baselines.entries())
        raw[i]!.push(await baseline.rate(RAW_SECONDS));
      const cpu0 = await cpuSeconds(pid);
      const t0 = performance.now();
      results.push(await load(server.url, learners, RUN_SECONDS));
      wall += (performance.now() - t0) / 1000;
      busy += (await cpuSeconds(pid)) - cpu0;
    }
    samples = sampler.stop();
    serverCores = busy / wall;
  } finally {
    await server.stop();
  }
  const failed = results.reduce((sum, result) => sum + failures(result), 0);
  if (failed > 0) throw new Error(`${failed} pushes failed (non-2xx, errors or timeouts)`);
  // Every acknowledged push must have stored its 100 events, or the rate means nothing.
  const check = await openDatabase(target);
  const stored = await check.db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
    .finally(() => check.close());
  const rounds = results.slice(1);
  const acked = results.reduce((sum, result) => sum + result['2xx'], 0);
  const pushes = rounds.reduce((sum, r) => sum + r['2xx'], 0);
  return {
    eventsPerSecond: rounds.map((r) => (r['2xx'] * EVENTS_PER_PUSH) / r.duration),
    pushesPerSecond: rounds.map((r) => r['2xx'] / r.duration),
    p99: rounds.map((r) => r.latency.p99),
    p50: rounds.map((r) => r.latency.p50),
    raw,
    pushes,
    pushKb,
    rssPeak: Math.max(...samples),
    rssIdle,
    serverCores,
    cpuPerPush: (busy * 1000) / pushes,
    maxLearnerPushes: Math.max(...learners.map((learner) => learner.pushes)),
    stored: storedCheck(Number(stored.n), acked * EVENTS_PER_PUSH, results.length),
  };
}

// Acked events must all be there; beyond them only whole pushes cut off at the end of a load.
function storedCheck(stored: number, acked: number, loads: number): string {
  const unacked = stored - acked;
  const ok =
    unacked >= 0 &&
    unacked % EVENTS_PER_PUSH === 0 &&
    unacked <= loads * CONNECTIONS * EVENTS_PER_PUSH;
  return `${ok ? 'ok' : 'MISMATCH'}: ${stored} events stored, ${acked} acknowledged`;
}

// ---- raw insert baselines ----------------------------------------------------------------

type Rows = ReturnType<typeof eventRows>;

/** better-sqlite3 on a fresh file with the server's settings (WAL, synchronous=NORMAL, foreign
 * keys): a prepared INSERT run for each row, one transaction per 100-row batch. */
async function rawSqlite(file: string, templates: Templates): Promise<RawBaseline> {
  const migrated = await openDatabase({ sqliteFile: file });
  const learners = await seedLearners(migrated, BASELINE_LEARNERS, Date.now(), templates).finally(
    () => migrated.close(),
  );
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  const insert = sqlite.prepare(
    `INSERT INTO events (${EVENT_COLUMNS.join(',')}) VALUES (${EVENT_COLUMNS.map(() => '?').join(',')})`,
  );
  const insertBatch = sqlite.transaction((rows: Rows) => {
    for (const row of rows) insert.run(EVENT_COLUMNS.map((column) => row[column]));
  });
  let turn = 0;
  return {
    label: 'raw better-sqlite3',
    how:
      'better-sqlite3 on a fresh file with the server settings (WAL, synchronous=NORMAL), a ' +
      'prepared INSERT per row inside one transaction per 100 rows, rows shaped as the server ' +
      'stores them; transaction time only',
    async rate(seconds) {
      let rows = 0;
      let spent = 0;
      while (spent < seconds * 1000) {
        const batch = eventRows(nextBatch(learners[turn++ % learners.length]!), 1, Date.now());
        // Only the transaction is timed: building the rows is the load generator's work.
        const t0 = performance.now();
        insertBatch(batch);
        spent += performance.now() - t0;
        rows += batch.length;
      }
      return rows / (spent / 1000);
    },
    close: async () => void sqlite.close(),
  };
}

/** PostgreSQL, PG_CONNECTIONS connections each writing one 100-row batch per statement
 * (autocommit) with `write`; rate in rows per second of wall time. */
async function rawPostgres(
  url: string,
  label: string,
  how: string,
  write: (client: pg.PoolClient, rows: Rows) => Promise<void>,
  templates: Templates,
): Promise<RawBaseline> {
  const seeded = await openDatabase({ postgresUrl: url });
  const learners = await seedLearners(seeded, BASELINE_LEARNERS, Date.now(), templates).finally(
    () => seeded.close(),
  );
  const pool = new pg.Pool({ connectionString: url, max: PG_CONNECTIONS });
  let turn = 0;
  return {
    label,
    how:
      `${how}, ${PG_CONNECTIONS} connections (the server's pool size), one 100-row batch per ` +
      'statement, autocommit, rows shaped as the server stores them; wall time',
    async rate(seconds) {
      let rows = 0;
      const t0 = performance.now();
      const end = t0 + seconds * 1000;
      await Promise.all(
        Array.from({ length: PG_CONNECTIONS }, async () => {
          const client = await pool.connect();
          try {
            while (performance.now() < end) {
              const batch = eventRows(
                nextBatch(learners[turn++ % learners.length]!),
                1,
                Date.now(),
              );
              await write(client, batch);
              rows += batch.length;
            }
          } finally {
            client.release();
          }
        }),
      );
      return rows / ((performance.now() - t0) / 1000);
    },
    close: () => pool.end(),
  };
}

const placeholders = (rows: number, columns: number) =>
  Array.from(
    { length: rows },
    (_, r) => `(${Array.from({ length: columns }, (_, c) => `$${r * columns + c + 1}`).join(',')})`,
  ).join(',');

const multiRowInsert = async (client: pg.PoolClient, rows: Rows) => {
  await client.query(
    `INSERT INTO events (${EVENT_COLUMNS.join(',')}) VALUES ${placeholders(rows.length, EVENT_COLUMNS.length)}`,
    rows.flatMap((row) => EVENT_COLUMNS.map((column) => row[column])),
  );
};

// COPY's text format: backslash, tab, newline and carriage return escaped.
const copyField = (value: string | number) =>
  String(value).replace(
    /[\\\t\n\r]/g,
    (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!,
  );

const copyRows = async (client: pg.PoolClient, rows: Rows) => {
  const text = rows
    .map((row) => `${EVENT_COLUMNS.map((column) => copyField(row[column])).join('\t')}\n`)
    .join('');
  await pipeline(
    Readable.from([text]),
    client.query(copyFrom(`COPY events (${EVENT_COLUMNS.join(',')}) FROM STDIN`)),
  );
};

// ---- figures -------------------------------------------------------------------------------

const spread = (values: readonly number[], digits = 0) =>
  `median of ${values.length} (${values.map((v) => v.toFixed(digits)).join(', ')})`;

function ingestFigures(
  database: string,
  run: IngestRun,
  baselines: readonly RawBaseline[],
  setting: string,
  templates: Templates,
): Figure[] {
  const load =
    `autocannon on loopback, ${CONNECTIONS} connections, N = ${ROUNDS} rounds of ${RUN_SECONDS} s ` +
    `after a ${WARMUP_SECONDS} s warm-up (${run.pushes} pushes in all); each request one ` +
    `${EVENTS_PER_PUSH}-event push (${run.pushKb.toFixed(1)} KB of JSON) with fresh ids about ` +
    `10 real lessons of courses/ (${templates.lessons} lessons, each learner starting at its own) for the next of ` +
    `${LEARNERS} learners in turn (each its own clientId and session, at most ${run.maxLearnerPushes} pushes ` +
    `each: production limits ON, ${PUSH_RULES.pushesPerMinute} pushes/min and ${PUSH_RULES.eventsPerDay} events/day per learner, ` +
    `catalogue check on); the server (${setting}) ` +
    'runs in a child process (the compiled server as `npm start` runs it, node ' +
    '--enable-source-maps dist-server/main.js, built from the current sources; LOG_LEVEL=info to ' +
    "/dev/null; CPU and RSS summed over its workers, if any) sharing the machine's " +
    `${availableParallelism()} cores with autocannon and the database, and kept ` +
    `${run.serverCores.toFixed(2)} cores busy; stored rows check ${run.stored}`;
  const pushesPerSecond = median(run.pushesPerSecond);
  return [
    ...baselines.map(({ label, how }, i) =>
      atLeastShareOf(
        `ingest ${database}: events/s vs ${label}`,
        median(run.eventsPerSecond),
        'events/s',
        { kind: 'baseline', label, value: median(run.raw[i]!) },
        MIN_SHARE_OF_RAW,
        `${load}; events/s ${spread(run.eventsPerSecond)}; baseline in the same run, ` +
          `${RAW_SECONDS} s before each round with the server idle: ${how}; ` +
          `rows/s ${spread(run.raw[i]!)}`,
      ),
    ),
    absolute(
      `ingest ${database}: p99 latency`,
      median(run.p99),
      'ms',
      `≤ ${MAX_P99_MS} ms`,
      median(run.p99) <= MAX_P99_MS,
      `${load}; p99 per round ${spread(run.p99)}, p50 ${spread(run.p50)}; latency per push as ` +
        "autocannon measures it (request written to response read); the load is a closed loop, so by Little's law the mean latency is " +
        `${CONNECTIONS} ÷ ${pushesPerSecond.toFixed(0)} pushes/s = ` +
        `${((CONNECTIONS / pushesPerSecond) * 1000).toFixed(0)} ms: a p99 ≤ ${MAX_P99_MS} ms ` +
        `at ${CONNECTIONS} connections needs more than ${((CONNECTIONS * 1000) / MAX_P99_MS).toFixed(0)} pushes/s`,
    ),
    absolute(
      `ingest ${database}: server CPU per push`,
      run.cpuPerPush,
      'ms',
      'informational',
      null,
      `${load}; user + system CPU time of the server process (/proc/<pid>/stat) during the ` +
        `rounds ÷ acknowledged pushes (${EVENTS_PER_PUSH} events each): ` +
        `${((run.cpuPerPush / EVENTS_PER_PUSH) * 1000).toFixed(0)} µs per event`,
    ),
    absolute(
      `ingest ${database}: server RSS (peak)`,
      run.rssPeak,
      'MiB',
      'informational',
      null,
      `${load}; VmRSS of the server process sampled every 250 ms during the rounds; ` +
        `${run.rssIdle.toFixed(0)} MiB after the warm-up`,
    ),
  ];
}

async function closeAll(baselines: readonly RawBaseline[]): Promise<void> {
  for (const baseline of baselines) await baseline.close();
}

async function measureSqlite(main: string, dir: string, templates: Templates): Promise<Figure[]> {
  const baselines = [await rawSqlite(join(dir, 'raw.sqlite'), templates)];
  try {
    const target = { sqliteFile: sqliteFileIn(dir) };
    const run = await measureServer(main, target, dir, '', baselines, templates);
    const setting = 'SQLite file, WAL, synchronous=NORMAL';
    return ingestFigures('SQLite', run, baselines, setting, templates);
  } finally {
    await closeAll(baselines);
  }
}

function measurePostgres(main: string, dir: string, templates: Templates): Promise<Figure[]> {
  return withPostgres(async (postgres) => {
    const baselines = [
      await rawPostgres(
        await postgres.freshDatabase(),
        'raw multi-row INSERT',
        'INSERT … VALUES (…), (…)',
        multiRowInsert,
        templates,
      ),
      await rawPostgres(
        await postgres.freshDatabase(),
        'raw COPY',
        'COPY … FROM STDIN (pg-copy-streams)',
        copyRows,
        templates,
      ),
    ];
    try {
      const url = await postgres.freshDatabase();
      // WORKERS' default on PostgreSQL: one process per core (src/server/config.ts).
      const workers = Number(process.env.INGEST_PG_WORKERS) || availableParallelism();
      const target = { postgresUrl: url };
      const run = await measureServer(main, target, dir, url, baselines, templates, workers);
      const setting =
        `${postgres.describe}, WORKERS=${workers} (INGEST_PG_WORKERS, else the default: one per core), ` +
        `each with a pool of ${PG_CONNECTIONS}`;
      return ingestFigures('PostgreSQL', run, baselines, setting, templates);
    } finally {
      await closeAll(baselines);
    }
  });
}

async function measure(): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'lommekurs-bench-ingest-'));
  const server = await buildCompiledServer();
  try {
    const templates = await catalogueTemplates();
    const only = process.env.INGEST_ONLY?.trim().toLowerCase();
    return [
      ...(only === 'postgres' ? [] : await measureSqlite(server.main, dir, templates)),
      ...(only === 'sqlite' ? [] : await measurePostgres(server.main, dir, templates)),
    ];
  } finally {
    await server.remove();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The "ingest" group (issue figure 6). */
export const ingest: BenchGroup = { name: 'ingest', measure };
