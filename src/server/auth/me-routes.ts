// /api/v1/me: who am I, the learner's export and the erasure of the account. Thin adapters.
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { deleteAccountSchema } from '../../shared/sync-protocol';
import { apiBodyLimit, apiError, methodNotAllowed } from '../api-errors';
import { readJson } from '../json-body';
import type { AuthVariables } from '../sessions/sessions';
import { ACCOUNT_BODY_LIMIT, NO_STORE, type AccountDeps } from './deps';
import { eraseAccount } from './erasure';
import { accountExport } from './export';
import { verifyPassword } from './passwords';
import { findUserById, toAccountInfo } from './queries';

/** Routes mounted at /api/v1/me. */
export function meRoutes({
  db,
  afterErasure,
  mailer,
  logger,
  now,
  guard,
  requireSession,
}: AccountDeps): Hono<{ Variables: AuthVariables }> {
  const app = new Hono<{ Variables: AuthVariables }>();
  const gone = (c: Parameters<typeof apiError>[0]) =>
    apiError(c, 401, 'unauthorized', 'The account no longer exists', {
      'WWW-Authenticate': 'Bearer',
    });

  app.get('/', requireSession, async (c) => {
    const user = await findUserById(db, c.var.userId);
    if (!user) return gone(c);
    return c.json(toAccountInfo(user), 200, NO_STORE);
  });

  app.get('/export', requireSession, async (c) => {
    const writeExport = await accountExport(db, c.var.userId, now());
    if (!writeExport) return gone(c);
    c.header('Content-Type', 'application/json; charset=UTF-8');
    c.header('Cache-Control', NO_STORE['Cache-Control']);
    c.header('Content-Disposition', 'attachment; filename="lommekurs-export.json"');
    // Streamed piece by piece (auth/export.ts). A failure halfway aborts the stream, so the
    // download fails visibly instead of ending as a valid-looking, truncated file.
    return stream(
      c,
      (out) => writeExport((chunk) => out.write(chunk).then(() => undefined)),
      async (error, out) => {
        logger.error({ err: error, userId: c.var.userId }, 'export failed while streaming');
        out.abort();
      },
    );
  });

  app.delete('/', requireSession, apiBodyLimit(ACCOUNT_BODY_LIMIT), async (c) => {
    const body = await readJson(c, deleteAccountSchema);
    if (!body.ok) return body.response;
    const userId = c.var.userId;
    const user = await findUserById(db, userId);
    if (!user) return gone(c);
    // Per session, not per email: a stolen token must not become a fast password oracle, and
    // nobody else's wrong passwords can stop the owner from erasing their account.
    const limited = await guard.erasure(c, { token: c.var.token, userId });
    if ('response' in limited) return limited.response;
    if (!(await verifyPassword(body.value.password, user.password_hash))) {
      return apiError(c, 403, 'invalid_credentials', 'The password is wrong');
    }
    await eraseAccount(db, userId, now());
    // Mail files the server still holds for the address (the .eml fallback) go too.
    await mailer?.forget(user.email);
    // The rows are gone; now their old copies in the database's log files (SQLite's WAL).
    if (!(await afterErasure())) {
      logger.warn(
        { userId },
        'erasure: the WAL checkpoint could not finish (another connection was reading); the WAL may hold erased rows until the next full checkpoint',
      );
    }
    logger.info({ userId }, 'account deleted');
    return c.body(null, 204, NO_STORE);
  });

  app.all('/', (c) => methodNotAllowed(c, 'GET, HEAD, DELETE'));
  app.all('/export', (c) => methodNotAllowed(c));
  return app;
}
