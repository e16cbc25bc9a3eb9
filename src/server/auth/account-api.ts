// The account API as one route group: /api/v1/auth and /api/v1/me over shared dependencies.
import { Hono } from 'hono';
import type { AuthVariables } from '../sessions/sessions';
import { accountDeps, type AccountOptions } from './deps';
import { meRoutes } from './me-routes';
import { recoveryRoutes, verificationRoutes } from './recovery-routes';
import { passkeyAuthRoutes, passkeyMeRoutes } from './passkey-routes';
import { authRoutes } from './routes';
import { sessionRoutes } from './session-routes';

/** Every account route, mounted at its prefix. */
export function accountRoutes(options: AccountOptions): Hono<{ Variables: AuthVariables }> {
  const deps = accountDeps(options);
  const app = new Hono<{ Variables: AuthVariables }>();
  app.route('/api/v1/auth/passkey', passkeyAuthRoutes(deps));
  app.route('/api/v1/me/passkeys', passkeyMeRoutes(deps));
  app.route('/api/v1/auth', authRoutes(deps));
  app.route('/api/v1/me', meRoutes(deps));
  app.route('/api/v1/me', sessionRoutes(deps));
  app.route('/api/v1/auth', recoveryRoutes(deps));
  app.route('/api/v1/me', verificationRoutes(deps));
  return app;
}
