// Starting and stopping the HTTP server: compile the courses, build the app, listen. Used by
// main.ts and by the end-to-end tests (port 0 gives an ephemeral port).
import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createApp } from './app';
import { answerClientErrors, requestErrorReply } from './connections';
import { loadCatalogue } from './catalogue';
import type { Config } from './config';
import { databaseTargetOf, openDatabase } from './db/database';
import { createLogger, type Logger } from './logger';
import { configuredMailer } from './mail/mailer';

/** A listening server, as startServer returns it. */
export interface RunningServer {
  /** Base URL a client on this machine can reach, e.g. `http://127.0.0.1:8080`. */
  url: string;
  port: number;
  /** Stops accepting connections and resolves when in-flight requests have finished; busy
   * connections are cut after `graceMs` (5 s by default; 0 cuts them at once, like a crash). */
  close(graceMs?: number): Promise<void>;
}

/** In-flight requests get this long to finish on close before their sockets are cut. */
const CLOSE_GRACE_MS = 5000;

// A wildcard address is not something to type into a browser; loopback is.
function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

/** Compiles the courses, creates the app and listens on `config.host:config.port`. */
export async function startServer(
  config: Config,
  logger: Logger = createLogger(config.logLevel),
): Promise<RunningServer> {
  // Owner-only when the server makes it: it holds the database (and mails, without SMTP).
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  const catalogue = await loadCatalogue(config.coursesDir, logger);
  const database = await openDatabase(databaseTargetOf(config));
  logger.info({ dialect: database.dialect, location: database.location }, 'database ready');
  const mailer = configuredMailer({ ...config, logger });
  logger.info(
    { mail: mailer.describe },
    config.smtpUrl ? 'mail goes by SMTP' : 'mail goes to files',
  );
  if (config.smtpUrl && !config.publicUrl) {
    // Without it, the server cannot tell its own origin from a forged Host header, so mails with
    // links go out only for requests to a loopback address (mail/link-origin.ts).
    logger.warn('PUBLIC_URL is not set: account mails are sent only for requests to localhost');
  }
  const app = createApp({
    catalogue,
    distDir: config.distDir,
    logger,
    database,
    trustProxy: config.trustProxy,
    hsts: config.hsts,
    sessionMaxDays: config.sessionMaxDays,
    mailer,
    publicUrl: config.publicUrl,
  });
  // createAdaptorServer, but with our reply when @hono/node-server cannot make a Request.
  const server: Server = createServer(
    getRequestListener(app.fetch, { errorHandler: requestErrorReply({ hsts: config.hsts }) }),
  );
  answerClientErrors(server, { hsts: config.hsts });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === 'EADDRINUSE'
          ? `port ${config.port} on ${config.host} is already in use`
          : error.message;
      void database.close();
      reject(
        new Error(`Cannot listen on ${config.host}:${config.port}: ${reason}`, { cause: error }),
      );
    };
    server.once('error', onError);
    server.listen(config.port, config.host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  server.on('error', (error) => logger.error({ err: error }, 'server error'));

  const { port } = server.address() as AddressInfo;
  const url = `http://${displayHost(config.host)}:${port}`;
  logger.info({ url, host: config.host, port, distDir: config.distDir }, `listening on ${url}`);

  let closing: Promise<void> | undefined;
  const close = (graceMs = CLOSE_GRACE_MS) =>
    (closing ??= new Promise<void>((resolve, reject) => {
      server.close((error) => {
        void database.close().then(() => (error ? reject(error) : resolve()), reject);
      });
      // Keep-alive sockets would hold close() open; idle ones go now, busy ones after a grace.
      server.closeIdleConnections();
      if (graceMs <= 0) server.closeAllConnections();
      else setTimeout(() => server.closeAllConnections(), graceMs).unref();
    }));
  return { url, port, close };
}
