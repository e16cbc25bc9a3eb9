// A PostgreSQL server for the benchmarks: the one DATABASE_URL names, or else a throwaway cluster
// (initdb in a temp dir, pg_ctl on a free loopback port, fsync off as in .ci/run), stopped and
// deleted afterwards. Either way each use gets a fresh database, dropped at the end.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { mkdtemp, rm } from 'node:fs/promises';
import { sqliteFileIn, type DatabaseTarget } from '../../src/server/db/database';
import { createPostgresDatabase } from '../utils/test-database';
import type { Figure } from './figure';

/** A free TCP port on loopback (the kernel picks it; closed again before it is used). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(a) - Number(b)) : [];
  const newest = versions.at(-1);
  if (!newest) throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin)');
  return join(root, newest, 'bin');
}

// initdb refuses to run as root, so a root caller runs the cluster as the postgres user.
function runAsPostgres(command: string): void {
  if (userInfo().username === 'postgres' || process.getuid?.() !== 0) {
    execFileSync('bash', ['-c', command], { stdio: 'ignore' });
  } else {
    execFileSync('su', ['postgres', '-c', command], { stdio: 'ignore' });
  }
}

/** Starts a throwaway cluster; returns its server URL and a function that stops and deletes it. */
async function startCluster(): Promise<{ url: string; stop(): void }> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'lommekurs-bench-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  runAsPostgres(`${bin}/initdb -D ${dir} -U postgres --auth=trust -E UTF8`);
  const options = `-p ${port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  runAsPostgres(`${bin}/pg_ctl -D ${dir} -o '${options}' -l ${dir}/log -w start`);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        runAsPostgres(`${bin}/pg_ctl -D ${dir} -m fast -w stop`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return `PostgreSQL ${rows[0]!.server_version}`;
  } finally {
    await client.end();
  }
}

/** A PostgreSQL server for one benchmark: fresh databases on demand, and what it is. */
export interface BenchPostgres {
  /** A new empty database's URL; dropped when the work is done. */
  freshDatabase(): Promise<string>;
  /** Version and where it runs, for a figure's method. */
  describe: string;
}

/** Runs `work` against the server DATABASE_URL names, or else a throwaway cluster started here;
 * afterwards drops every database it made and stops the cluster. */
export async function withPostgres<T>(work: (server: BenchPostgres) => Promise<T>): Promise<T> {
  const given = process.env.DATABASE_URL?.trim();
  const cluster = given ? null : await startCluster();
  const serverUrl = given || cluster!.url;
  const drops: (() => Promise<void>)[] = [];
  try {
    const where = given ? 'the server DATABASE_URL names' : 'a throwaway cluster, fsync=off';
    return await work({
      describe: `${await serverVersion(serverUrl)} (${where})`,
      async freshDatabase() {
        const database = await createPostgresDatabase(serverUrl);
        drops.push(database.drop);
        return database.url;
      },
    });
  } finally {
    for (const drop of drops) await drop().catch(() => undefined);
    cluster?.stop();
  }
}

/** Runs `measure` on a fresh SQLite file (as the server runs it) and on a fresh PostgreSQL
 * database, each unless `only` names the other, and returns the figures `figuresOf` makes of
 * each result with the database's name and where it ran. */
export async function onBothDatabases<T>(
  only: string | undefined,
  measure: (target: DatabaseTarget) => Promise<T>,
  figuresOf: (dialect: string, result: T, where: string) => Figure[],
): Promise<Figure[]> {
  const figures: Figure[] = [];
  if (only !== 'postgres') {
    const dir = await mkdtemp(join(tmpdir(), 'lommekurs-bench-db-'));
    try {
      const result = await measure({ sqliteFile: sqliteFileIn(dir) });
      figures.push(...figuresOf('SQLite', result, 'SQLite file (WAL)'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  if (only !== 'sqlite') {
    await withPostgres(async (server) => {
      const result = await measure({ postgresUrl: await server.freshDatabase() });
      figures.push(...figuresOf('PostgreSQL', result, server.describe));
    });
  }
  return figures;
}
