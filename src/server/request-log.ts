// One structured log line per request: method, path, status and duration. No headers, query
// strings or bodies, so tokens and personal data never reach the log; a path that carries a
// secret (a business garden's join code, which lets anyone join) is logged as its route.
import type { MiddlewareHandler } from 'hono';
import type { Logger } from './logger';

const MAX_PATH = 300;
/** GET {JOIN_CODE_ROUTE}/{code}: what a join code shows (network/membership-routes.ts). */
const JOIN_CODE_ROUTE = '/api/v1/network/join';

/** The path as logged: a join code's lookup as its route, any other path as it is (cut short). */
const loggedPath = (path: string): string =>
  path.startsWith(`${JOIN_CODE_ROUTE}/`) ? `${JOIN_CODE_ROUTE}/:code` : path.slice(0, MAX_PATH);

/** Middleware logging each request once it is answered (health checks at debug level). */
export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const start = performance.now();
    await next();
    const status = c.res.status;
    const entry = {
      method: c.req.method,
      path: loggedPath(c.req.path),
      status,
      ms: Math.round((performance.now() - start) * 10) / 10,
    };
    if (status >= 500) logger.error(entry, 'request');
    else if (c.req.path === '/healthz') logger.debug(entry, 'request');
    else logger.info(entry, 'request');
  };
}
