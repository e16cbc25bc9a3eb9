// The HTTP application: the course API, the health check and the built app, behind security
// headers, compression, a body limit and request logging. Pure wiring; no listening socket, so
// tests drive it in process with `app.request()`.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { CompiledCourse } from '../content/types';
import { apiBodyLimit, apiError, methodNotAllowed } from './api-errors';
import { accountRoutes } from './auth/account-api';
import type { Database } from './db/database';
import { CompressionCache } from './compression';
import { courseRoutes } from './course-routes';
import { FileCache } from './file-cache';
import type { Logger } from './logger';
import { requestLog } from './request-log';
import { securityHeaders } from './security-headers';
import { staticApp } from './static-files';
import { syncRoutes } from './sync/routes';

/** Largest request body any /api route accepts; routes may set a lower limit of their own. */
export const API_BODY_LIMIT = 1024 * 1024;

/** What createApp serves and where it logs. */
export interface AppOptions {
  /** Courses that compiled without errors (see loadCatalogue); served as compiled. */
  catalogue: readonly CompiledCourse[];
  /** Folder of the built app (`vite build` output); may be missing: the app then answers 503. */
  distDir: string;
  logger: Logger;
  /** Accounts, sessions and synced progress. */
  database: Database;
  /** log2 of scrypt's N for new password hashes (tests lower it; see auth/passwords.ts). */
  passwordCost?: number;
  /** The server's clock (tests move it). */
  now?: () => number;
  /** Read the client address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy?: boolean;
}

/** The Hono application serving the course API and the built app. */
export function createApp({
  catalogue,
  distDir,
  logger,
  database,
  passwordCost,
  now = Date.now,
  trustProxy = false,
}: AppOptions): Hono {
  const files = new FileCache();
  const compression = new CompressionCache();
  const app = new Hono();

  app.use('*', requestLog(logger));
  app.use('*', securityHeaders());
  app.use('/api/*', apiBodyLimit(API_BODY_LIMIT));

  app.route('/', courseRoutes({ courses: catalogue, files, compression, logger }));
  app.route('/', accountRoutes({ db: database.db, logger, passwordCost, now, trustProxy }));
  app.route('/', syncRoutes({ db: database.db, logger, now }));

  app.get('/healthz', (c) =>
    c.json({ status: 'ok', courses: catalogue.length }, 200, { 'Cache-Control': 'no-store' }),
  );
  app.all('/healthz', (c) => methodNotAllowed(c));

  app.all('/api/*', (c) => apiError(c, 404, 'not_found', `No API route for ${c.req.path}`));

  app.get('*', staticApp({ distDir, files, compression }));
  app.all('*', (c) => methodNotAllowed(c));

  app.notFound((c) => apiError(c, 404, 'not_found', `No route for ${c.req.path}`));
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status < 500) {
      return apiError(c, error.status, 'bad_request', error.message || 'Bad request');
    }
    logger.error({ err: error, method: c.req.method, path: c.req.path }, 'request failed');
    return apiError(c, 500, 'internal_error', 'Something went wrong on the server');
  });
  return app;
}
