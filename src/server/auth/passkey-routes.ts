// The passkey routes. Thin adapters: parse, authorise, limit, call the ceremony (passkeys.ts),
// reply. /api/v1/me/passkeys manages the signed-in learner's passkeys; /api/v1/auth/passkey
// signs in with one and answers like a password login.
import { Hono, type Context } from 'hono';
import {
  addPasskeyRequestSchema,
  passkeySignInRequestSchema,
  type PasskeyList,
} from '../../shared/passkey-protocol';
import { apiBodyLimit, apiError, methodNotAllowed } from '../api-errors';
import { readJson } from '../json-body';
import type { AuthVariables } from '../sessions/sessions';
import { clientAddress } from '../limits/client-address';
import { ACCOUNT_BODY_LIMIT, NO_STORE, sessionReply, type AccountDeps } from './deps';
import { rememberDevice } from './known-devices';
import {
  addPasskey,
  listPasskeys,
  registrationOptions,
  relyingParty,
  removePasskey,
  signInOptions,
  signInWithPasskey,
} from './passkeys';
import { notifyCredentialChange } from './notices';

// A credential id as WebAuthn's JSON carries it: base64url, at most 1023 bytes.
const CREDENTIAL_ID = /^[A-Za-z0-9_-]{1,1364}$/;

const rpOf = (deps: AccountDeps, c: Context) => relyingParty(deps.publicUrl, c.req.url);

/** Routes mounted at /api/v1/me/passkeys (every one needs a session). */
export function passkeyMeRoutes(deps: AccountDeps): Hono<{ Variables: AuthVariables }> {
  const { db, logger, requireSession } = deps;
  const app = new Hono<{ Variables: AuthVariables }>();
  const bodyLimit = apiBodyLimit(ACCOUNT_BODY_LIMIT);

  app.get('/', requireSession, async (c) => {
    const body: PasskeyList = { passkeys: await listPasskeys(db, c.var.userId) };
    return c.json(body, 200, NO_STORE);
  });

  app.post('/options', requireSession, async (c) => {
    const options = await registrationOptions(deps, c.var.userId, rpOf(deps, c));
    if (!options) return apiError(c, 401, 'unauthorized', 'The account no longer exists');
    return c.json(options, 200, NO_STORE);
  });

  app.post('/', requireSession, bodyLimit, async (c) => {
    const body = await readJson(c, addPasskeyRequestSchema);
    if (!body.ok) return body.response;
    const userId = c.var.userId;
    const result = await addPasskey(deps, userId, rpOf(deps, c), body.value);
    if (result.ok) {
      logger.info({ userId }, 'passkey added');
      notifyCredentialChange(deps, userId, 'passkey-added', c.req.header('Accept-Language'));
      return c.json(result.passkey, 201, NO_STORE);
    }
    switch (result.reason) {
      case 'challenge_expired':
        return apiError(
          c,
          400,
          'challenge_expired',
          'The challenge is unknown, used or expired; ask for new options',
        );
      case 'passkey_exists':
        return apiError(c, 409, 'passkey_exists', 'This passkey is already registered');
      case 'passkey_not_verified':
        logger.info({ userId, detail: result.detail }, 'passkey refused');
        return apiError(
          c,
          400,
          'passkey_not_verified',
          `The passkey was refused: ${result.detail}`,
        );
    }
  });

  app.delete('/:id', requireSession, async (c) => {
    const id = c.req.param('id');
    const userId = c.var.userId;
    // Another learner's passkey is "not found" too: the reply tells nothing about other accounts.
    // Checked before any query: a NUL or a lone surrogate must not reach PostgreSQL (a 500).
    if (!CREDENTIAL_ID.test(id) || !(await removePasskey(db, userId, id))) {
      return apiError(c, 404, 'not_found', 'You have no passkey with this id');
    }
    logger.info({ userId }, 'passkey removed');
    notifyCredentialChange(deps, userId, 'passkey-removed', c.req.header('Accept-Language'));
    return c.body(null, 204, NO_STORE);
  });

  app.all('/', (c) => methodNotAllowed(c, 'GET, HEAD, POST'));
  app.all('/options', (c) => methodNotAllowed(c, 'POST'));
  app.all('/:id', (c) => methodNotAllowed(c, 'DELETE'));
  return app;
}

/** Routes mounted at /api/v1/auth/passkey (public: they sign in). */
export function passkeyAuthRoutes(deps: AccountDeps): Hono<{ Variables: AuthVariables }> {
  const { db, logger, guard, trustProxy } = deps;
  const clientAddressOf = (c: Context) => clientAddress(c, trustProxy);
  const app = new Hono<{ Variables: AuthVariables }>();
  const bodyLimit = apiBodyLimit(ACCOUNT_BODY_LIMIT);

  app.post('/options', async (c) => {
    const options = await signInOptions(deps, rpOf(deps, c));
    if (!options) {
      logger.warn('too many open passkey sign-in ceremonies');
      return apiError(c, 429, 'rate_limited', 'Too many sign-ins at once; try again in a minute', {
        'Retry-After': '60',
      });
    }
    return c.json(options, 200, NO_STORE);
  });

  app.post('/', bodyLimit, async (c) => {
    const body = await readJson(c, passkeySignInRequestSchema);
    if (!body.ok) return body.response;
    // Counted per passkey and per client address (a signature cannot be guessed; the budget
    // bounds the verification work one client can ask for).
    const limited = await guard.attempt(c, `passkey:${body.value.response.id}`);
    if ('response' in limited) return limited.response;
    const userAgent = c.req.header('User-Agent');
    const result = await signInWithPasskey(deps, rpOf(deps, c), body.value, userAgent);
    if (!result.ok) {
      logger.warn(
        { userId: result.userId, address: clientAddressOf(c), detail: result.detail },
        'passkey sign-in failed',
      );
      return apiError(c, 401, 'invalid_credentials', 'The passkey could not be verified', {
        'WWW-Authenticate': 'Bearer',
      });
    }
    await guard.succeeded(limited.account);
    logger.info({ userId: result.user.id }, 'signed in with a passkey');
    // The same end as a password login: a session, and this device remembered as known.
    const deviceToken = await rememberDevice(
      db,
      result.user.id,
      deps.now(),
      body.value.deviceToken,
    );
    return sessionReply(c, result.user, result.session, 200, deviceToken);
  });

  app.all('/', (c) => methodNotAllowed(c, 'POST'));
  app.all('/options', (c) => methodNotAllowed(c, 'POST'));
  return app;
}
