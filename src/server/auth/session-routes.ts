// /api/v1/me/sessions and /api/v1/me/password: the learner's signed-in devices (list, end one,
// end all others) and the password change. Thin adapters: parse, authorise, call, reply.
import { Hono } from 'hono';
import {
  changePasswordSchema,
  sessionIdSchema,
  type EndedSessions,
  type SessionList,
} from '../../shared/session-protocol';
import { apiBodyLimit, apiError, methodNotAllowed } from '../api-errors';
import { readJson } from '../json-body';
import { endSessionById, listSessions } from '../sessions/session-list';
import { endSessionsOf, type AuthVariables } from '../sessions/sessions';
import { ACCOUNT_BODY_LIMIT, NO_STORE, type AccountDeps } from './deps';
import { notifyCredentialChange } from './notices';
import { changePassword } from './password-change';
import { weakPasswordReply } from './password-policy';
import { findUserById } from './queries';

/** Routes mounted at /api/v1/me (beside meRoutes): sessions and the password. */
export function sessionRoutes(deps: AccountDeps): Hono<{ Variables: AuthVariables }> {
  const { db, logger, now, guard, requireSession } = deps;
  const app = new Hono<{ Variables: AuthVariables }>();
  const bodyLimit = apiBodyLimit(ACCOUNT_BODY_LIMIT);
  const gone = (c: Parameters<typeof apiError>[0]) =>
    apiError(c, 401, 'unauthorized', 'The account no longer exists', {
      'WWW-Authenticate': 'Bearer',
    });

  app.get('/sessions', requireSession, async (c) => {
    const sessions = await listSessions(db, c.var.userId, c.var.token, now());
    return c.json({ sessions } satisfies SessionList, 200, NO_STORE);
  });

  app.post('/sessions/end-others', requireSession, async (c) => {
    const ended = await endSessionsOf(db, c.var.userId, { exceptToken: c.var.token });
    logger.info({ userId: c.var.userId, ended }, 'other sessions ended');
    return c.json({ ended } satisfies EndedSessions, 200, NO_STORE);
  });

  app.delete('/sessions/:id', requireSession, async (c) => {
    const id = sessionIdSchema.safeParse(c.req.param('id'));
    // Not found alike for a malformed id and for another learner's: an id reveals nothing.
    if (!id.success || !(await endSessionById(db, c.var.userId, id.data))) {
      return apiError(c, 404, 'not_found', 'You have no session with this id');
    }
    logger.info({ userId: c.var.userId }, 'session ended');
    return c.body(null, 204, NO_STORE);
  });

  app.post('/password', requireSession, bodyLimit, async (c) => {
    const body = await readJson(c, changePasswordSchema);
    if (!body.ok) return body.response;
    const userId = c.var.userId;
    const user = await findUserById(db, userId);
    if (!user) return gone(c);
    // Per session (like DELETE /me): a stolen token must not become a fast password oracle,
    // and nobody else's wrong guesses can stop the owner from changing it.
    const limited = await guard.attempt(c, `password-change:${c.var.token}`, { userId });
    if ('response' in limited) return limited.response;
    const result = await changePassword(deps, userId, c.var.token, body.value);
    if (result.ok) {
      await guard.succeeded(limited.account);
      logger.info({ userId, ended: result.ended }, 'password changed');
      notifyCredentialChange(deps, userId, 'password-changed', c.req.header('Accept-Language'));
      return c.json({ ended: result.ended } satisfies EndedSessions, 200, NO_STORE);
    }
    switch (result.reason) {
      case 'no_account':
        return gone(c);
      case 'wrong_password':
        return apiError(c, 403, 'invalid_credentials', 'The current password is wrong');
      case 'weak_password':
        return weakPasswordReply(c, result.problem, 'newPassword');
    }
  });

  app.all('/sessions', (c) => methodNotAllowed(c, 'GET, HEAD'));
  app.all('/sessions/end-others', (c) => methodNotAllowed(c, 'POST'));
  app.all('/sessions/:id', (c) => methodNotAllowed(c, 'DELETE'));
  app.all('/password', (c) => methodNotAllowed(c, 'POST'));
  return app;
}
