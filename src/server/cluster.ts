// Several server processes behind one address (WORKERS > 1): the primary process migrates the
// database once, then forks the workers, which share the listening port through node:cluster.
// A worker that dies after it was listening is replaced; one that dies before (a bad port, a
// database it cannot reach) stops the whole server instead of restarting in a loop. SIGINT and
// SIGTERM are passed on, and the primary exits when every worker has finished its requests.
// All correctness lives in the database (docs/sync-protocol.md), so workers share nothing else;
// the same holds for processes on several machines behind a load balancer.
import cluster, { type Worker } from 'node:cluster';
import { mkdir } from 'node:fs/promises';
import type { Config } from './config';
import { databaseTargetOf, openDatabase } from './db/database';
import type { Logger } from './logger';

/** Runs the primary process: migrate, fork `config.workers` workers, supervise them. */
export async function runPrimary(config: Config, logger: Logger): Promise<void> {
  // Owner-only when the server makes it: it holds the database (and mails, without SMTP).
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  const database = await openDatabase(databaseTargetOf(config));
  logger.info({ dialect: database.dialect, location: database.location }, 'database migrated');
  await database.close();

  const listening = new WeakSet<Worker>();
  let stopping = false;
  const fork = () => {
    const worker = cluster.fork();
    worker.once('listening', () => listening.add(worker));
  };

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    if (!listening.has(worker)) {
      logger.fatal({ pid: worker.process.pid, code, signal }, 'a worker failed to start; stopping');
      stop('SIGTERM');
      process.exitCode = 1;
      return;
    }
    logger.warn({ pid: worker.process.pid, code, signal }, 'worker died; starting a new one');
    fork();
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'shutting down the workers');
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(process.exitCode ?? 0);
    for (const worker of workers) worker?.process.kill(signal);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  logger.info({ workers: config.workers }, `starting ${config.workers} server processes`);
  for (let i = 0; i < config.workers; i++) fork();
}
