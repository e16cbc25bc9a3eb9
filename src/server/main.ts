// Entry point of `npm run serve`: configuration from the environment, then the server until
// SIGINT or SIGTERM. A bad configuration prints one line and exits with code 1. With WORKERS > 1
// this process becomes the primary of a cluster (cluster.ts) and each worker runs this file again.
import cluster from 'node:cluster';
import { runPrimary } from './cluster';
import { ConfigError, loadConfig, type Config } from './config';
import { createLogger } from './logger';
import { startServer } from './server';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
    return;
  }

  const logger = createLogger(config.logLevel);
  if (config.workers > 1 && cluster.isPrimary) {
    await runPrimary(config, logger).catch((error: unknown) => {
      logger.fatal({ err: error }, error instanceof Error ? error.message : 'cannot start');
      process.exitCode = 1;
    });
    return;
  }
  let server;
  try {
    server = await startServer(config, logger);
  } catch (error) {
    logger.fatal({ err: error }, error instanceof Error ? error.message : 'cannot start');
    process.exitCode = 1;
    return;
  }

  const running = server;
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second signal means "now": do not wait for slow clients.
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'shutting down');
    running.close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
