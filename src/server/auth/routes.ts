// /api/v1/auth: register, sign in, sign out. Thin adapters: parse, limit, call the algorithm,
// reply. Passwords and tokens never reach a log line.
import { Hono } from 'hono';
import { credentialFieldErrors, credentialsSchema, loginSchema } from '../../shared/sync-protocol';
import { apiBodyLimit, apiError, methodNotAllowed } from '../api-errors';
import { readJson } from '../json-body';
import { deleteSession, type AuthVariables } from '../sessions/sessions';
import { ACCOUNT_BODY_LIMIT, NO_STORE, sessionReply, type AccountDeps } from './deps';
import { weakPasswordReply } from './password-policy';
import { sendVerificationLater } from './recovery';
import { rememberDevice } from './known-devices';
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
    const limited = await guard.attempt(c, `register:${body.value.email}`);
    if ('response' in limited) return limited.response;
    const userAgent = c.req.header('User-Agent');
    const result = await register(deps, { ...body.value, userAgent });
    if (!result.ok && result.reason === 'weak_password') {
      return weakPasswordReply(c, result.problem);
    }
    if (!result.ok) {
      return apiError(c, 409, 'email_taken', 'An account with this email address already exists');
    }
    logger.info({ userId: result.user.id }, 'account created');
    sendVerificationLater(deps, c, result.user.id);
    const deviceToken = await rememberDevice(db, result.user.id, deps.now());
    return sessionReply(c, result.user, result.session, 201, deviceToken);
  });

  app.post('/login', bodyLimit, async (c) => {
    const body = await readJson(c, loginSchema, (input) => ({
      fields: credentialFieldErrors(input, loginSchema),
    }));
    if (!body.ok) return body.response;
    // Known device: its own budget; otherwise the email's slowdown and the address's budget.
    const gate = await guard.signIn(c, body.value);
    if ('response' in gate) return gate.response;
    const userAgent = c.req.header('User-Agent');
    const result = await signInWithPassword(deps, { ...body.value, userAgent });
    if (!result.ok) {
      await gate.failed();
      // Every 401 names its scheme (RFC 9110 §11.6.1), this one too.
      return apiError(c, 401, 'invalid_credentials', 'The email address or password is wrong', {
        'WWW-Authenticate': 'Bearer',
      });
    }
    await gate.succeeded();
    logger.info({ userId: result.user.id }, 'signed in');
    const deviceToken = await rememberDevice(
      db,
      result.user.id,
      deps.now(),
      body.value.deviceToken,
    );
    return sessionReply(c, result.user, result.session, 200, deviceToken);
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
