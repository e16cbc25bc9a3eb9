// /api/v1/auth: register, sign in, sign out. Thin adapters: parse, limit, call the algorithm,
// reply. Passwords and tokens never reach a log line.
import { Hono } from 'hono';
import { credentialFieldErrors, credentialsSchema, loginSchema } from '../../shared/sync-protocol';
import { apiBodyLimit, apiError, methodNotAllowed } from '../api-errors';
import { readJson } from '../json-body';
import { deleteSession, type AuthVariables } from '../sessions/sessions';
import { ACCOUNT_BODY_LIMIT, NO_STORE, sessionReply, type AccountDeps } from './deps';
import { register } from './register';
import { signInWithPassword } from './sign-in';

/** Routes mounted at /api/v1/auth. */
export function authRoutes(deps: AccountDeps): Hono<{ Variables: AuthVariables }> {
  const { db, logger, guard, requireSession } = deps;
  const app = new Hono<{ Variables: AuthVariables }>();
  const bodyLimit = apiBodyLimit(ACCOUNT_BODY_LIMIT);

  app.post('/register', bodyLimit, async (c) => {
    const body = await readJson(c, credentialsSchema, (input) => ({
      fields: credentialFieldErrors(input, credentialsSchema),
    }));
    if (!body.ok) return body.response;
    const limited = guard.attempt(c, body.value.email);
    if ('response' in limited) return limited.response;
    const result = await register(deps, body.value);
    if (!result.ok) {
      return apiError(c, 409, 'email_taken', 'An account with this email address already exists');
    }
    logger.info({ userId: result.user.id }, 'account created');
    return sessionReply(c, result.user, result.session, 201);
  });

  app.post('/login', bodyLimit, async (c) => {
    const body = await readJson(c, loginSchema, (input) => ({
      fields: credentialFieldErrors(input, loginSchema),
    }));
    if (!body.ok) return body.response;
    const limited = guard.attempt(c, body.value.email);
    if ('response' in limited) return limited.response;
    const result = await signInWithPassword(deps, body.value);
    if (!result.ok) {
      return apiError(c, 401, 'invalid_credentials', 'The email address or password is wrong');
    }
    guard.succeeded(limited.account);
    logger.info({ userId: result.user.id }, 'signed in');
    return sessionReply(c, result.user, result.session, 200);
  });

  app.post('/logout', requireSession, async (c) => {
    await deleteSession(db, c.var.token);
    return c.body(null, 204, NO_STORE);
  });

  app.all('/register', (c) => methodNotAllowed(c, 'POST'));
  app.all('/login', (c) => methodNotAllowed(c, 'POST'));
  app.all('/logout', (c) => methodNotAllowed(c, 'POST'));
  return app;
}
