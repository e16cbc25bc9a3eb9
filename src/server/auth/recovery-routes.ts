// Recovery and verification routes, thin adapters: /api/v1/auth/forgot, /auth/reset and
// /auth/verify-email (no session needed: the mail link is the proof), and /api/v1/me/verify-email
// (signed in: send a fresh link). Tokens and links never reach a log line.
import { Hono } from 'hono';
import {
  forgotRequestSchema,
  resendVerificationSchema,
  resetRequestSchema,
  verifyEmailRequestSchema,
  type ForgotResponse,
  type VerifyEmailResponse,
} from '../../shared/recovery-protocol';
import { apiBodyLimit, apiError, methodNotAllowed } from '../api-errors';
import { readJson } from '../json-body';
import type { AuthVariables } from '../sessions/sessions';
import { notifyCredentialChange } from './notices';
import { weakPasswordReply } from './password-policy';
import { ACCOUNT_BODY_LIMIT, NO_STORE, sessionReply, type AccountDeps } from './deps';
import {
  mailContext,
  requestPasswordReset,
  requestVerification,
  resetPassword,
  runLater,
  verifyEmail,
} from './recovery';

const ACCEPTED: ForgotResponse = { status: 'accepted' };

/** Routes mounted at /api/v1/auth. */
export function recoveryRoutes(deps: AccountDeps): Hono<{ Variables: AuthVariables }> {
  const { logger, guard } = deps;
  const app = new Hono<{ Variables: AuthVariables }>();
  const bodyLimit = apiBodyLimit(ACCOUNT_BODY_LIMIT);

  app.post('/forgot', bodyLimit, async (c) => {
    const body = await readJson(c, forgotRequestSchema);
    if (!body.ok) return body.response;
    const limited = await guard.attempt(c, `forgot:${body.value.email}`);
    if ('response' in limited) return limited.response;
    // The lookup and the mail run after the reply: the same answer, in the same time, whether
    // or not the address has an account.
    const context = deps.mailer ? mailContext(deps, c, body.value.lang) : null;
    if (context) {
      runLater(logger, 'reset', () => requestPasswordReset(deps, body.value.email, context));
    }
    return c.json(ACCEPTED, 202, NO_STORE);
  });

  app.post('/reset', bodyLimit, async (c) => {
    const body = await readJson(c, resetRequestSchema);
    if (!body.ok) return body.response;
    const userAgent = c.req.header('User-Agent');
    const result = await resetPassword(deps, { ...body.value, userAgent });
    if (!result.ok && result.reason === 'invalid_token') {
      return apiError(c, 400, 'invalid_token', 'The link is unknown, used, replaced or expired');
    }
    if (!result.ok) return weakPasswordReply(c, result.problem);
    logger.info({ userId: result.user.id }, 'password reset; every other session ended');
    notifyCredentialChange(
      deps,
      result.user.id,
      'password-changed',
      c.req.header('Accept-Language'),
    );
    return sessionReply(c, result.user, result.session, 200);
  });

  app.post('/verify-email', bodyLimit, async (c) => {
    const body = await readJson(c, verifyEmailRequestSchema);
    if (!body.ok) return body.response;
    const result = await verifyEmail(deps, body.value.token);
    if (!result.ok) {
      return apiError(c, 400, 'invalid_token', 'The link is unknown, used, replaced or expired');
    }
    const reply: VerifyEmailResponse = { email: result.email, emailVerified: true };
    return c.json(reply, 200, NO_STORE);
  });

  app.all('/forgot', (c) => methodNotAllowed(c, 'POST'));
  app.all('/reset', (c) => methodNotAllowed(c, 'POST'));
  app.all('/verify-email', (c) => methodNotAllowed(c, 'POST'));
  return app;
}

/** Routes mounted at /api/v1/me. */
export function verificationRoutes(deps: AccountDeps): Hono<{ Variables: AuthVariables }> {
  const app = new Hono<{ Variables: AuthVariables }>();

  app.post('/verify-email', deps.requireSession, apiBodyLimit(ACCOUNT_BODY_LIMIT), async (c) => {
    // The body is optional (only a language): an empty one means {}.
    const empty = (await c.req.text()).trim() === '';
    const body = empty
      ? { ok: true as const, value: {} as { lang?: string } }
      : await readJson(c, resendVerificationSchema);
    if (!body.ok) return body.response;
    const context = deps.mailer ? mailContext(deps, c, body.value.lang) : null;
    if (!context) return apiError(c, 503, 'mail_unavailable', 'This server sends no mail');
    let result: Awaited<ReturnType<typeof requestVerification>>;
    try {
      result = await requestVerification(deps, c.var.userId, context);
    } catch (error) {
      deps.logger.error({ err: error, userId: c.var.userId }, 'verification mail failed');
      return apiError(c, 503, 'mail_unavailable', 'The mail could not be sent; try again later');
    }
    if (!result.sent && result.reason === 'gone') {
      return apiError(c, 401, 'unauthorized', 'The account no longer exists');
    }
    if (!result.sent && result.reason === 'too_soon') {
      const seconds = Math.ceil(result.retryAfterMs / 1000);
      return apiError(
        c,
        429,
        'rate_limited',
        `A link was sent just now; try again in ${seconds} s`,
        {
          'Retry-After': String(seconds),
        },
      );
    }
    return c.json(ACCEPTED, 202, NO_STORE);
  });

  app.all('/verify-email', (c) => methodNotAllowed(c, 'POST'));
  return app;
}
