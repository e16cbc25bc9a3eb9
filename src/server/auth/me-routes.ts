// /api/v1/me: who am I, the learner's export and the erasure of the account. Thin adapters.
import { Hono } from 'hono';
import { deleteAccountSchema } from '../../shared/sync-protocol';
import { apiBodyLimit, apiError, methodNotAllowed } from '../api-errors';
import { readJson } from '../json-body';
import type { AuthVariables } from '../sessions/sessions';
import { ACCOUNT_BODY_LIMIT, NO_STORE, type AccountDeps } from './deps';
import { eraseAccount } from './erasure';
import { exportAccount } from './export';
import { verifyPassword } from './passwords';
import { findUserById, toAccountInfo } from './queries';

/** Routes mounted at /api/v1/me. */
export function meRoutes({
  db,
  logger,
  now,
  guard,
  requireSession,
}: AccountDeps): Hono<{ Variables: AuthVariables }> {
  const app = new Hono<{ Variables: AuthVariables }>();
  const gone = (c: Parameters<typeof apiError>[0]) =>
    apiError(c, 401, 'unauthorized', 'The account no longer exists');

  app.get('/', requireSession, async (c) => {
    const user = await findUserById(db, c.var.userId);
    if (!user) return gone(c);
    return c.json(toAccountInfo(user), 200, NO_STORE);
  });

  app.get('/export', requireSession, async (c) => {
    const body = await exportAccount(db, c.var.userId, now());
    if (!body) return gone(c);
    return c.json(body, 200, {
      ...NO_STORE,
      'Content-Disposition': 'attachment; filename="lommekurs-export.json"',
    });
  });

  app.delete('/', requireSession, apiBodyLimit(ACCOUNT_BODY_LIMIT), async (c) => {
    const body = await readJson(c, deleteAccountSchema);
    if (!body.ok) return body.response;
    const userId = c.var.userId;
    const user = await findUserById(db, userId);
    if (!user) return gone(c);
    // The same budgets as login: a stolen token must not become a fast password oracle.
    const limited = guard.attempt(c, user.email);
    if ('response' in limited) return limited.response;
    if (!(await verifyPassword(body.value.password, user.password_hash))) {
      return apiError(c, 403, 'invalid_credentials', 'The password is wrong');
    }
    await eraseAccount(db, userId, now());
    logger.info({ userId }, 'account deleted');
    return c.body(null, 204, NO_STORE);
  });

  app.all('/', (c) => methodNotAllowed(c, 'GET, HEAD, DELETE'));
  app.all('/export', (c) => methodNotAllowed(c));
  return app;
}
