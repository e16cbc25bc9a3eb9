// Issue figure 6, server ingest: the real server in its own process (so its RSS is its own) on
// SQLite and on PostgreSQL, loaded with 100-event pushes from 20 concurrent connections (autocannon,
// loopback); events/s and p99 latency next to the raw insert rate of the same database measured in
// the same run (better-sqlite3 batched transactions; PostgreSQL multi-row INSERT and COPY).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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
import { absolute, type Figure } from '../figure';
import type { BenchGroup } from '../groups';
import {
  EVENT_COLUMNS,
  EVENTS_PER_PUSH,
  eventRows,
  nextBatch,
  pushBody,
  seedLearners,
  type Learner,
} from '../ingest-load';
import { freePort, withPostgres } from '../postgres';

const LEARNERS = 20;
const CONNECTIONS = 20;
const WARMUP_SECONDS = 2;
const RUN_SECONDS = 15;
const RAW_SECONDS = 4;
/** The server's PostgreSQL pool size (openDatabase's default), used for the raw baselines too. */
const PG_CONNECTIONS = 10;
const MIN_SHARE_OF_RAW = 0.25;
const MAX_P99_MS = 50;

/** A figure that should reach at least `minShare` of a baseline: ratio = value ÷ baseline. */
function atLeastShareOf(
  figure: string,
  value: number,
  unit: string,
  baseline: NonNullable<Figure['reference']>,
  minShare: number,
  method: string,
): Figure {
  const ratio = baseline.value > 0 ? value / baseline.value : null;
  return {
    figure,
    value,
    unit,
    reference: baseline,
    ratio,
    target: `≥ ${minShare}× ${baseline.kind}`,
    met: ratio === null ? null : ratio >= minShare,
    method,
  };
}

// ---- the server under load ----------------------------------------------------------------

interface ServerProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** `node --import tsx src/server/main.ts` on a free loopback port, as `npm start` runs it. */
async function startServerProcess(dataDir: string, databaseUrl: string): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'info',
      WORKERS: '1',
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

async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  return kib ? Number(kib[1]) / 1024 : NaN;
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
function load(url: string, learners: Learner[], seconds: number): Promise<autocannon.Result> {
  let turn = 0;
  return autocannon({
    url: `${url}${PUSH_PATH}`,
    connections: CONNECTIONS,
    duration: seconds,
    method: 'POST',
    requests: [
      {
        setupRequest: (request) => {
          const learner = learners[turn++ % learners.length]!;
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

interface IngestRun {
  eventsPerSecond: number;
  p99: number;
  p50: number;
  pushes: number;
  pushesPerSecond: number;
  rssPeak: number;
  rssIdle: number;
  /** Events in the table afterwards vs acknowledged (pushes still in flight when autocannon
   * stopped are stored but not counted, at most one per connection per load). */
  stored: string;
}

/** Seeds learners, starts the server on `target`, warms up, loads it and measures. */
async function measureServer(
  target: DatabaseTarget,
  dataDir: string,
  databaseUrl: string,
): Promise<IngestRun> {
  const seeded = await openDatabase(target);
  let learners: Learner[];
  try {
    learners = await seedLearners(seeded, LEARNERS, Date.now());
  } finally {
    await seeded.close();
  }
  const server = await startServerProcess(dataDir, databaseUrl);
  let warm: autocannon.Result;
  let run: autocannon.Result;
  let samples: number[];
  let rssIdle: number;
  try {
    warm = await load(server.url, learners, WARMUP_SECONDS);
    rssIdle = await rssMiB(server.child.pid!);
    const sampler = sampleRss(server.child.pid!);
    run = await load(server.url, learners, RUN_SECONDS);
    samples = sampler.stop();
  } finally {
    await server.stop();
  }
  const failed = run.non2xx + run.errors + run.timeouts + warm.non2xx + warm.errors;
  if (failed > 0) {
    throw new Error(
      `${failed} pushes failed (non-2xx ${run.non2xx + warm.non2xx}, errors ${run.errors + warm.errors}, timeouts ${run.timeouts})`,
    );
  }
  // Every acknowledged push must have stored its 100 events, or the rate means nothing.
  const check = await openDatabase(target);
  let stored: number;
  try {
    const row = await check.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    stored = Number(row.n);
  } finally {
    await check.close();
  }
  const pushes = run['2xx'];
  return {
    eventsPerSecond: (pushes * EVENTS_PER_PUSH) / run.duration,
    p99: run.latency.p99,
    p50: run.latency.p50,
    pushes,
    pushesPerSecond: pushes / run.duration,
    rssPeak: Math.max(...samples),
    rssIdle,
    stored: storedCheck(stored, (pushes + warm['2xx']) * EVENTS_PER_PUSH),
  };
}

// Acked events must all be there; beyond them only whole pushes cut off at the end of a load.
function storedCheck(stored: number, acked: number): string {
  const unacked = stored - acked;
  const ok =
    unacked >= 0 && unacked % EVENTS_PER_PUSH === 0 && unacked <= 2 * CONNECTIONS * EVENTS_PER_PUSH;
  return `${ok ? 'ok' : 'MISMATCH'}: ${stored} events stored, ${acked} acknowledged`;
}

// ---- raw insert baselines ----------------------------------------------------------------

const placeholders = (rows: number, columns: number) =>
  Array.from(
    { length: rows },
    (_, r) => `(${Array.from({ length: columns }, (_, c) => `$${r * columns + c + 1}`).join(',')})`,
  ).join(',');

/** better-sqlite3, same file settings as the server (WAL, synchronous=NORMAL, foreign keys): a
 * prepared INSERT run for each row of a batch inside one transaction per 100-event batch. */
async function rawSqliteRate(dir: string): Promise<number> {
  const file = join(dir, 'raw.sqlite');
  const migrated = await openDatabase({ sqliteFile: file });
  const learners = await seedLearners(migrated, LEARNERS, Date.now()).finally(() =>
    migrated.close(),
  );
  const sqlite = new SQLite(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    const insert = sqlite.prepare(
      `INSERT INTO events (${EVENT_COLUMNS.join(',')}) VALUES (${EVENT_COLUMNS.map(() => '?').join(',')})`,
    );
    const insertBatch = sqlite.transaction((rows: ReturnType<typeof eventRows>) => {
      for (const row of rows) insert.run(EVENT_COLUMNS.map((column) => row[column]));
    });
    let rows = 0;
    let spent = 0;
    for (let i = 0; spent < RAW_SECONDS * 1000; i++) {
      const batch = eventRows(nextBatch(learners[i % learners.length]!), 1, Date.now());
      // Only the transaction is timed: building the rows is the load generator's work.
      const t0 = performance.now();
      insertBatch(batch);
      spent += performance.now() - t0;
      rows += batch.length;
    }
    return rows / (spent / 1000);
  } finally {
    sqlite.close();
  }
}

/** PG_CONNECTIONS connections, each writing one 100-row batch per statement (autocommit) with
 * `write` for RAW_SECONDS; returns rows per second of wall time. */
async function rawPostgresRate(
  url: string,
  learners: Learner[],
  write: (client: pg.PoolClient, rows: ReturnType<typeof eventRows>) => Promise<void>,
): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: PG_CONNECTIONS });
  try {
    let rows = 0;
    let turn = 0;
    const t0 = performance.now();
    const end = t0 + RAW_SECONDS * 1000;
    await Promise.all(
      Array.from({ length: PG_CONNECTIONS }, async () => {
        const client = await pool.connect();
        try {
          while (performance.now() < end) {
            const batch = eventRows(nextBatch(learners[turn++ % learners.length]!), 1, Date.now());
            await write(client, batch);
            rows += batch.length;
          }
        } finally {
          client.release();
        }
      }),
    );
    return rows / ((performance.now() - t0) / 1000);
  } finally {
    await pool.end();
  }
}

const multiRowInsert = async (client: pg.PoolClient, rows: ReturnType<typeof eventRows>) => {
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

const copyRows = async (client: pg.PoolClient, rows: ReturnType<typeof eventRows>) => {
  const text = rows
    .map((row) => `${EVENT_COLUMNS.map((column) => copyField(row[column])).join('\t')}\n`)
    .join('');
  await pipeline(
    Readable.from([text]),
    client.query(copyFrom(`COPY events (${EVENT_COLUMNS.join(',')}) FROM STDIN`)),
  );
};

// ---- figures -------------------------------------------------------------------------------

function ingestFigures(
  database: string,
  run: IngestRun,
  baselines: { label: string; rate: number; how: string }[],
  setting: string,
): Figure[] {
  const load =
    `autocannon on loopback, ${CONNECTIONS} connections, ${RUN_SECONDS} s after a ` +
    `${WARMUP_SECONDS} s warm-up; each request one ${EVENTS_PER_PUSH}-event push with fresh ids ` +
    `for the next of ${LEARNERS} learners (each with its own clientId and session), so ` +
    `${run.pushes} pushes; the server (${setting}) runs alone in a child process ` +
    '(node --import tsx src/server/main.ts, LOG_LEVEL=info to /dev/null) on the same 2 cores as ' +
    `autocannon and the database; stored rows check ${run.stored}`;
  return [
    ...baselines.map(({ label, rate, how }) =>
      atLeastShareOf(
        `ingest ${database}: events/s vs ${label}`,
        run.eventsPerSecond,
        'events/s',
        { kind: 'baseline', label, value: rate },
        MIN_SHARE_OF_RAW,
        `${load}; baseline, same run: ${how}, N = 1 run of ${RAW_SECONDS} s`,
      ),
    ),
    absolute(
      `ingest ${database}: p99 latency`,
      run.p99,
      'ms',
      `≤ ${MAX_P99_MS} ms`,
      run.p99 <= MAX_P99_MS,
      `${load}; p50 ${run.p50} ms; latency per push as autocannon measures it (request sent to ` +
        `response read); the load is a closed loop, so by Little's law the mean latency is ` +
        `${CONNECTIONS} ÷ ${run.pushesPerSecond.toFixed(0)} pushes/s = ` +
        `${((CONNECTIONS / run.pushesPerSecond) * 1000).toFixed(0)} ms: a p99 ≤ ${MAX_P99_MS} ms ` +
        `needs more than ${((CONNECTIONS * 1000) / MAX_P99_MS).toFixed(0)} pushes/s`,
    ),
    absolute(
      `ingest ${database}: server RSS (peak)`,
      run.rssPeak,
      'MiB',
      'informational',
      null,
      `${load}; VmRSS of the server process sampled every 250 ms during the run; ` +
        `${run.rssIdle.toFixed(0)} MiB after the warm-up`,
    ),
  ];
}

async function measure(): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'lommekurs-bench-ingest-'));
  try {
    const sqliteRaw = await rawSqliteRate(dir);
    const sqliteRun = await measureServer({ sqliteFile: sqliteFileIn(dir) }, dir, '');
    const figures = ingestFigures(
      'SQLite',
      sqliteRun,
      [
        {
          label: 'raw better-sqlite3',
          rate: sqliteRaw,
          how:
            'better-sqlite3 on a fresh file with the server settings (WAL, synchronous=NORMAL), ' +
            'a prepared INSERT per row inside one transaction per 100 rows, rows shaped as the ' +
            'server stores them (transaction time only)',
        },
      ],
      'SQLite file, WAL, synchronous=NORMAL',
    );
    const pgFigures = await withPostgres(async (postgres) => {
      const rawUrl = await postgres.freshDatabase();
      const seededRaw = await openDatabase({ postgresUrl: rawUrl });
      const learners = await seedLearners(seededRaw, LEARNERS, Date.now()).finally(() =>
        seededRaw.close(),
      );
      const insertRate = await rawPostgresRate(rawUrl, learners, multiRowInsert);
      const copyRate = await rawPostgresRate(rawUrl, learners, copyRows);
      const serverUrl = await postgres.freshDatabase();
      const run = await measureServer({ postgresUrl: serverUrl }, dir, serverUrl);
      const each = `${PG_CONNECTIONS} connections (the server's pool size), one 100-row batch per statement, autocommit, wall time`;
      return ingestFigures(
        'PostgreSQL',
        run,
        [
          {
            label: 'raw multi-row INSERT',
            rate: insertRate,
            how: `multi-row INSERT … VALUES, ${each}`,
          },
          {
            label: 'raw COPY',
            rate: copyRate,
            how: `COPY … FROM STDIN (pg-copy-streams), ${each}`,
          },
        ],
        `${postgres.describe}, pool of ${PG_CONNECTIONS}`,
      );
    });
    return [...figures, ...pgFigures];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The "ingest" group (issue figure 6). */
export const ingest: BenchGroup = { name: 'ingest', measure };
