// One structured log line per request: method, path, status and duration. No headers, query
// strings or bodies, so tokens and personal data never reach the log.
import type { MiddlewareHandler } from 'hono';
import type { Logger } from './logger';

const MAX_PATH = 300;

/** Middleware logging each request once it is answered (health checks at debug level). */
export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const start = performance.now();
    await next();
    const status = c.res.status;
    const entry = {
      method: c.req.method,
      path: c.req.path.slice(0, MAX_PATH),
      status,
      ms: Math.round((performance.now() - start) * 10) / 10,
    };
    if (status >= 500) logger.error(entry, 'request');
    else if (c.req.path === '/healthz') logger.debug(entry, 'request');
    else logger.info(entry, 'request');
  };
}
