// The attempt budgets of the account routes, kept in the database (src/server/limits/) so every
// server process and machine shares them. The rules (docs/security.md, "Rate limits and quotas"):
// - password sign-in from a device that signed in before (a valid device token for the account,
//   known-devices.ts): only that token's own budget — nothing an attacker does to the email or
//   the network can lock the owner out of a device they already use;
// - password sign-in from any other device: free tries per email, then growing waits between
//   tries (progressive slowdown), plus the client address's generous budget;
// - DELETE /me: per session, never per email or address;
// - everything else (registration, recovery, passkeys): `attempt(c, key)`, a small budget per key
//   plus the address's.
// A spent budget is a 429 with Retry-After; every 429 and every failed sign-in is logged with the
// account id (when the email has an account) and the client address, never the email or password.
import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { apiError } from '../api-errors';
import type { Db } from '../db/schema';
import { clientAddress } from '../limits/client-address';
import type { Budget, RateLimits, Verdict } from '../limits/store';
import type { Logger } from '../logger';
import { isKnownDevice } from './known-devices';
import { findUserByEmail } from './queries';

const FIFTEEN_MINUTES = 15 * 60;

/** The budgets, in one place (docs/security.md lists them). */
export const ATTEMPT_RULES = {
  /** Failed password sign-ins per email that cost no wait… */
  freeFailures: 5,
  /** …remembered this long from the first failure (a success forgets them); */
  failureMemorySeconds: 24 * 60 * 60,
  /** then the wait between tries: 30 s, doubling with each further failure, at most 15 min. */
  firstWaitSeconds: 30,
  maxWaitSeconds: FIFTEEN_MINUTES,
  /** Sign-ins with one known device's token (failed or not; a success gives its try back). */
  device: { points: 10, seconds: FIFTEEN_MINUTES },
  /** Password checks of DELETE /me per session. */
  session: { points: 5, seconds: FIFTEEN_MINUTES },
  /** attempt(c, key): tries per key (registration, recovery, passkey sign-in). */
  key: { points: 10, seconds: FIFTEEN_MINUTES },
  /** Every try from one client address (IPv4, or IPv6 /64) except known-device sign-ins and
   * DELETE /me: generous, since a school or workshop shares one address. */
  address: { points: 100, seconds: FIFTEEN_MINUTES },
} as const satisfies Record<string, number | Budget>;

/** The wait before the next password try for an email that failed `failures` times (0: none). */
export function waitAfterFailures(failures: number): number {
  const { freeFailures, firstWaitSeconds, maxWaitSeconds } = ATTEMPT_RULES;
  if (failures < freeFailures) return 0;
  return Math.min(maxWaitSeconds, firstWaitSeconds * 2 ** Math.min(failures - freeFailures, 20));
}

/** A reply, when a budget is spent. */
export type Refusal = { response: Response };

/** A password sign-in let through: report how it ended. */
export interface SignInGate {
  /** The account of the email, if it has one. */
  userId: string | null;
  /** Whether the device token was valid for this account. */
  knownDevice: boolean;
  /** Counts the failure (and logs it with the account id and address). */
  failed(): Promise<void>;
  /** Forgets the email's failures; gives a known device's try back. */
  succeeded(): Promise<void>;
}

/** Counts attempts; each method answers the 429 itself when a budget is spent. */
export interface AttemptGuard {
  /** One attempt under `key`'s budget (null: none) and the client address's. Prefix the key
   * with its purpose (`register:`, `forgot:`…); it is stored only as a digest. `who.userId`
   * goes into the log line of a 429. */
  attempt(
    c: Context,
    key: string | null,
    who?: { userId?: string | null },
  ): Promise<{ account: string | null } | Refusal>;
  /** Gives the key's attempt back after a success (the address's stays spent). */
  succeeded(account: string | null): Promise<void>;
  /** A password sign-in for a normalised email, with the device token the app sent. */
  signIn(c: Context, login: { email: string; deviceToken?: string }): Promise<SignInGate | Refusal>;
  /** One password check of DELETE /me, limited per session. */
  erasure(c: Context, session: { token: string; userId: string }): Promise<{ ok: true } | Refusal>;
}

/** The budgets over `limits`, on the app's clock (for device-token ages). */
export function attemptGuard({
  db,
  limits,
  logger,
  now,
  trustProxy,
}: {
  db: Db;
  limits: RateLimits;
  logger: Logger;
  now: () => number;
  trustProxy: boolean;
}): AttemptGuard {
  const { device, session, key, address, failureMemorySeconds, firstWaitSeconds } = ATTEMPT_RULES;
  const failures = limits.limiter('login-failures', {
    points: Number.MAX_SAFE_INTEGER,
    seconds: failureMemorySeconds,
  });
  // One try per wait: the window is the wait itself (set per try), so concurrent tries from
  // many processes still get one through per wait.
  const spacing = limits.limiter('login-spacing', { points: 1, seconds: firstWaitSeconds });
  const perDevice = limits.limiter('login-device', device);
  const perSession = limits.limiter('erasure-session', session);
  const perKey = limits.limiter('attempt-key', key);
  const perAddress = limits.limiter('address', address);

  const refuse = (
    c: Context,
    verdict: Extract<Verdict, { ok: false }>,
    rule: string,
    fields: { userId: string | null; address: string },
  ): Refusal => {
    const { retryAfter } = verdict;
    logger.warn({ path: c.req.path, rule, retryAfter, ...fields }, 'rate limited');
    return {
      response: apiError(
        c,
        429,
        'rate_limited',
        `Too many attempts; try again in ${retryAfter} seconds`,
        { 'Retry-After': String(retryAfter) },
      ),
    };
  };

  return {
    async attempt(c, purposeKey, who = {}) {
      const from = clientAddress(c, trustProxy);
      const fields = { userId: who.userId ?? null, address: from };
      const account = purposeKey === null ? null : `key:${purposeKey}`;
      if (account !== null) {
        const verdict = await perKey.take(account);
        if (!verdict.ok) return refuse(c, verdict, 'key', fields);
      }
      const verdict = await perAddress.take(`address:${from}`);
      if (!verdict.ok) {
        // All or nothing: a refused request does not eat the key's budget.
        if (account !== null) await perKey.giveBack(account);
        return refuse(c, verdict, 'address', fields);
      }
      return { account };
    },

    async succeeded(account) {
      if (account !== null) await perKey.giveBack(account);
    },

    async signIn(c, { email, deviceToken }) {
      // 1. Who: the account of the email, the address, and whether this device signed in before.
      const from = clientAddress(c, trustProxy);
      const userId = (await findUserByEmail(db, email))?.id ?? null;
      const fields = { userId, address: from };
      const emailKey = `email:${email}`;
      const forgetFailures = async () => {
        await failures.forget(emailKey);
        await spacing.forget(emailKey);
      };
      const logFailure = () => logger.warn({ ...fields, knownDevice: false }, 'sign-in failed');
      if (deviceToken && userId && (await isKnownDevice(db, userId, deviceToken, now()))) {
        // 2a. A known device: its own budget only.
        const deviceKey = `device:${deviceToken}`;
        const verdict = await perDevice.take(deviceKey);
        if (!verdict.ok) return refuse(c, verdict, 'device', fields);
        return {
          userId,
          knownDevice: true,
          failed: async () => {
            logger.warn({ ...fields, knownDevice: true }, 'sign-in failed');
          },
          succeeded: async () => {
            await perDevice.giveBack(deviceKey);
            await forgetFailures();
          },
        };
      }
      // 2b. Any other device: after the free tries, one try per (growing) wait for this email…
      const wait = waitAfterFailures((await failures.peek(emailKey)).used);
      if (wait > 0) {
        const verdict = await spacing.take(emailKey, 1, wait);
        if (!verdict.ok) return refuse(c, verdict, 'email', fields);
      }
      // …and the address's budget.
      const verdict = await perAddress.take(`address:${from}`);
      if (!verdict.ok) return refuse(c, verdict, 'address', fields);
      return {
        userId,
        knownDevice: false,
        failed: async () => {
          await failures.add(emailKey);
          logFailure();
        },
        succeeded: forgetFailures,
      };
    },

    async erasure(c, { token, userId }) {
      const verdict = await perSession.take(`session:${token}`);
      if (verdict.ok) return { ok: true };
      return refuse(c, verdict, 'session', { userId, address: clientAddress(c, trustProxy) });
    },
  };
}

/** A random password's hash, so an unknown address costs the same scrypt work as a wrong
 * password and the reply time does not tell which addresses have accounts. */
export const makeDummyHash = (hash: (password: string) => Promise<string>): Promise<string> =>
  hash(randomBytes(16).toString('base64url'));
