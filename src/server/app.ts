// The HTTP application: the course API, the health check and the built app, behind security
// headers, compression, a body limit and request logging. Pure wiring; no listening socket, so
// tests drive it in process with `app.request()`.
import { Hono, type MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { CompiledCourse } from '../content/types';
import { apiBodyLimit, apiError, methodNotAllowed } from './api-errors';
import { accountRoutes } from './auth/account-api';
import type { Database } from './db/database';
import { CompressionCache } from './compression';
import { courseRoutes } from './course-routes';
import { anonymousFeedbackRoutes } from './feedback/anonymous-routes';
import { FileCache } from './file-cache';
import { anonymousFeedbackLimit } from './limits/anonymous-limits';
import { clientAddress } from './limits/client-address';
import { joinCodeLimit } from './limits/join-limits';
import { PUSH_RULES, pushLimits, type PushRules } from './limits/push-limits';
import { memoryLimits } from './limits/memory-store';
import { databaseLimits, type Budget } from './limits/store';
import type { Logger } from './logger';
import type { Mailer } from './mail/mailer';
import { advisorRoutes } from './network/advisor-routes';
import { insightRoutes } from './insight/routes';
import { courseLessonsOf } from './network/learner-view';
import { membershipRoutes } from './network/membership-routes';
import { networkRoutes } from './network/routes';
import { openApiRoutes } from './openapi/routes';
import { requestLog } from './request-log';
import { closeWhenBodyUnread } from './connections';
import { securityHeaders } from './security-headers';
import { staticApp } from './static-files';
import { catalogueIndex, type SyncCatalogue } from './sync/lesson-index';
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
  /** The absolute lifetime of a session in days (SESSION_MAX_DAYS; default 90). */
  sessionMaxDays?: number;
  /** The server's clock (tests move it). */
  now?: () => number;
  /** Read the client address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy?: boolean;
  /** Send Strict-Transport-Security (config.hsts). */
  hsts?: boolean;
  /** Which lessons sync accepts events for; by default exactly the catalogue's (tests of other
   * things may pass their own). */
  syncCatalogue?: SyncCatalogue;
  /** Sends the account mails (reset, verification); none are sent without one. */
  mailer?: Mailer | null;
  /** The app's origin for links in mails (PUBLIC_URL); unset: the request's origin. */
  publicUrl?: string | null;
  /** Prefix of every rate-limit key. Servers that share limits share it (the default ''); tests
   * give each app its own, as if each were a separate server. */
  rateLimitNamespace?: string;
  /** The learners' push rate and daily event quota (src/server/limits/push-limits.ts). */
  pushRules?: PushRules;
  /** Anonymous feedback events per client address and window (limits/anonymous-limits.ts). */
  anonymousFeedbackBudget?: Budget;
}

/** Every JSON reply of the API says it is a file to save, not a page to render (ASVS 14.4.2),
 * unless the route named the file itself (the export). */
function jsonAsAttachment(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const type = c.res.headers.get('Content-Type') ?? '';
    if (type.includes('json') && !c.res.headers.has('Content-Disposition')) {
      c.res.headers.set('Content-Disposition', 'attachment; filename="api.json"');
    }
  };
}

/** The Hono application serving the course API and the built app. */
export function createApp({
  catalogue,
  distDir,
  logger,
  database,
  passwordCost,
  sessionMaxDays,
  now = Date.now,
  trustProxy = false,
  hsts = false,
  syncCatalogue = catalogueIndex(catalogue),
  mailer = null,
  publicUrl = null,
  rateLimitNamespace = '',
  pushRules = PUSH_RULES,
  anonymousFeedbackBudget,
}: AppOptions): Hono {
  const limits = databaseLimits(database, { namespace: rateLimitNamespace });
  const pushLimit = pushLimits({
    limits,
    logger,
    addressOf: (c) => clientAddress(c, trustProxy),
    rules: pushRules,
  });
  const files = new FileCache();
  const compression = new CompressionCache();
  const app = new Hono();

  app.use('*', requestLog(logger));
  app.use('*', securityHeaders({ hsts }));
  app.use('*', closeWhenBodyUnread());
  app.use('/api/*', jsonAsAttachment());
  app.use('/api/*', apiBodyLimit(API_BODY_LIMIT));

  app.route('/', courseRoutes({ courses: catalogue, files, compression, logger }));
  app.route(
    '/',
    accountRoutes({
      db: database.db,
      limits,
      afterErasure: database.afterErasure,
      logger,
      passwordCost,
      sessionMaxDays,
      now,
      trustProxy,
      mailer,
      publicUrl,
    }),
  );
  app.route('/', syncRoutes({ db: database.db, logger, now, pushLimit, catalogue: syncCatalogue }));
  app.route('/api/v1/network', networkRoutes({ db: database.db, logger, now, mailer, publicUrl }));
  const served = courseLessonsOf(catalogue);
  app.route('/api/v1/network', advisorRoutes({ db: database.db, now, served }));
  app.route('/api/v1/insight', insightRoutes({ db: database.db, now, served }));
  app.route(
    '/api/v1/network',
    membershipRoutes({
      db: database.db,
      logger,
      now,
      mailer,
      joinCodeLimit: joinCodeLimit({
        limits,
        logger,
        addressOf: (c) => clientAddress(c, trustProxy),
      }),
    }),
  );
  app.route(
    '/api/v1/feedback',
    anonymousFeedbackRoutes({
      db: database.db,
      now,
      catalogue: syncCatalogue,
      limit: anonymousFeedbackLimit({
        // In memory, never the database's: the address must not be written down.
        limits: memoryLimits(),
        logger,
        addressOf: (c) => clientAddress(c, trustProxy),
        budget: anonymousFeedbackBudget,
      }),
    }),
  );
  app.route('/', openApiRoutes({ compression }));

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
