// The account rate limits through the real app and database (docs/security.md, "Rate limits and
// quotas"): nobody can lock a learner out of a device that signed in before, nor out of erasing
// their account; wrong passwords for an email slow further tries progressively; the client
// address keeps a generous budget; failed logins and 429s are logged with account id and
// address. Limits shared by several instances: rate-limit-shared.test.ts; sync:
// rate-limit-sync.test.ts.
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ATTEMPT_RULES, waitAfterFailures } from '../../src/server/auth/attempts';
import type { Database } from '../../src/server/db/database';
import { hashToken } from '../../src/server/sessions/sessions';
import { addressKey } from '../../src/server/limits/client-address';
import type { SessionResponse } from '../../src/shared/sync-protocol';
import type { Requester } from '../utils/learners';
import { openTestDatabase } from '../utils/test-database';
import { accountTestApp, call, PASSWORD } from './account-support';
import {
  advance,
  limitTestApp,
  registerFrom,
  tryLogin,
  uniqueEmail,
  useFakeClock,
  wrongLogin,
} from './rate-limit-support';

// The first registration loads the common-password list (seconds); hundreds of tries follow.
vi.setConfig({ testTimeout: 60_000 });

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

// The limits run on the wall clock (the library's): the tests move it.
useFakeClock();

const deleteMe = (app: Requester, token: string, password = PASSWORD) =>
  call(app, 'DELETE', '/api/v1/me', { token, body: { password } });

async function expect429(response: Response, retryAfter?: number) {
  expect(response.status, await response.clone().text()).toBe(429);
  expect(await response.json()).toMatchObject({ error: 'rate_limited' });
  const header = Number(response.headers.get('Retry-After'));
  if (retryAfter === undefined) expect(header).toBeGreaterThan(0);
  else expect(header).toBe(retryAfter);
}

describe('the lockout attempt (issue 12)', () => {
  /** The owner signs in on their phone; then someone else tries 40 wrong passwords for the
   * owner's email from several addresses. */
  async function lockoutAttempt() {
    const { app } = limitTestApp(database);
    const email = uniqueEmail('eier');
    await registerFrom(app, email);
    const phone = await tryLogin(app, email, { address: '198.51.100.7' });
    expect(phone.status).toBe(200);
    const session = (await phone.json()) as SessionResponse;
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      statuses.push((await wrongLogin(app, email, `203.0.113.${i % 4}`)).status);
    }
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(30);
    return { app, email, session };
  }

  it("leaves the owner's login from a known device working", async () => {
    const { app, email, session } = await lockoutAttempt();
    // A new device is held up for this email (the price of the slowdown)…
    await expect429(await tryLogin(app, email, { address: '198.51.100.8' }));
    // …but the owner's phone signs in at once (with the device token its last sign-in gave)…
    const again = await tryLogin(app, email, {
      address: '198.51.100.7',
      deviceToken: session.deviceToken,
    });
    expect(again.status, await again.clone().text()).toBe(200);
    // …and gets a new device token for next time.
    expect(session.deviceToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const renewed = (await again.json()) as SessionResponse;
    expect(renewed.deviceToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(renewed.deviceToken).not.toBe(session.deviceToken);
    // The owner's success ends the slowdown for every device.
    expect((await tryLogin(app, email, { address: '198.51.100.8' })).status).toBe(200);
  });

  it("leaves the owner's DELETE /me working", async () => {
    const { app, session } = await lockoutAttempt();
    expect((await deleteMe(app, session.token)).status).toBe(204);
  });

  it('a device token helps only its own account', async () => {
    const { app } = limitTestApp(database);
    const victim = uniqueEmail('offer');
    await registerFrom(app, victim);
    const attacker = await registerFrom(app, uniqueEmail('angriper'), '203.0.113.9');
    expect(attacker.deviceToken).toBeDefined();
    const statuses: number[] = [];
    for (let i = 0; i < ATTEMPT_RULES.freeFailures + 3; i++) {
      const response = await tryLogin(app, victim, {
        password: 'gjetter et passord',
        address: '203.0.113.9',
        deviceToken: attacker.deviceToken,
      });
      statuses.push(response.status);
    }
    // The attacker's own device token counts as no device token: the email's slowdown applies.
    expect(statuses.slice(0, ATTEMPT_RULES.freeFailures + 1)).toEqual(
      Array(ATTEMPT_RULES.freeFailures + 1).fill(401),
    );
    expect(statuses.at(-1)).toBe(429);
  });

  it('stores only the SHA-256 of a device token, and a used token is replaced', async () => {
    const { app } = limitTestApp(database);
    const email = uniqueEmail('enhet');
    const { user, deviceToken } = await registerFrom(app, email);
    const stored = await database.db
      .selectFrom('known_devices')
      .select('token_hash')
      .where('user_id', '=', user.id)
      .execute();
    expect(stored).toEqual([{ token_hash: hashToken(deviceToken!) }]);
    const next = (await (await tryLogin(app, email, { deviceToken })).json()) as SessionResponse;
    const after = await database.db
      .selectFrom('known_devices')
      .select('token_hash')
      .where('user_id', '=', user.id)
      .execute();
    expect(after).toEqual([{ token_hash: hashToken(next.deviceToken!) }]);
  });
});

describe('progressive slowdown per email', () => {
  it('gives free tries, then growing waits between tries; a success forgets the failures', async () => {
    const { app } = limitTestApp(database);
    const email = uniqueEmail('treg');
    await registerFrom(app, email);
    for (let i = 0; i < ATTEMPT_RULES.freeFailures; i++) {
      expect((await wrongLogin(app, email)).status).toBe(401);
    }
    // One try now; the next must wait 30 s, then 60 s, then 120 s.
    for (const wait of [30, 60, 120]) {
      expect(waitAfterFailures(ATTEMPT_RULES.freeFailures + Math.log2(wait / 30))).toBe(wait);
      expect((await wrongLogin(app, email)).status).toBe(401);
      await expect429(await wrongLogin(app, email), wait);
      // The refused try costs nothing: after the wait, one more try.
      advance(wait - 1);
      await expect429(await wrongLogin(app, email), 1);
      advance(1);
    }
    // The owner, from a new device, with the right password (after the wait).
    expect((await tryLogin(app, email)).status).toBe(200);
    for (let i = 0; i < ATTEMPT_RULES.freeFailures + 1; i++) {
      expect((await wrongLogin(app, email)).status).toBe(401);
    }
  });

  it('never waits longer than 15 minutes between tries', () => {
    expect(waitAfterFailures(0)).toBe(0);
    expect(waitAfterFailures(ATTEMPT_RULES.freeFailures - 1)).toBe(0);
    expect(waitAfterFailures(ATTEMPT_RULES.freeFailures)).toBe(30);
    expect(waitAfterFailures(1000)).toBe(15 * 60);
  });

  it('slows an email without an account the same way (no oracle)', async () => {
    const { app } = limitTestApp(database);
    const email = uniqueEmail('ingen');
    for (let i = 0; i <= ATTEMPT_RULES.freeFailures; i++) {
      expect((await wrongLogin(app, email)).status).toBe(401);
    }
    await expect429(await wrongLogin(app, email), 30);
  });
});

describe('a known device', () => {
  it('has a small budget of its own, which does not touch the other devices', async () => {
    const { app } = limitTestApp(database);
    const email = uniqueEmail('to-enheter');
    const first = await registerFrom(app, email);
    const second = (await (await tryLogin(app, email)).json()) as SessionResponse;
    const wrongWith = (deviceToken: string | undefined) =>
      tryLogin(app, email, { password: 'feil passord her', deviceToken });
    for (let i = 0; i < ATTEMPT_RULES.device.points; i++) {
      expect((await wrongWith(first.deviceToken)).status).toBe(401);
    }
    await expect429(await wrongWith(first.deviceToken));
    // The other device signs in as usual.
    expect((await tryLogin(app, email, { deviceToken: second.deviceToken })).status).toBe(200);
  });
});

describe('DELETE /me', () => {
  it('is limited per session: wrong passwords in one session do not stop another', async () => {
    const { app } = limitTestApp(database);
    const email = uniqueEmail('slett');
    const stolen = await registerFrom(app, email);
    const own = (await (await tryLogin(app, email)).json()) as SessionResponse;
    for (let i = 0; i < ATTEMPT_RULES.session.points; i++) {
      expect((await deleteMe(app, stolen.token, 'feil passord her')).status).toBe(403);
    }
    await expect429(await deleteMe(app, stolen.token, 'feil passord her'));
    await expect429(await deleteMe(app, stolen.token));
    expect((await deleteMe(app, own.token, 'feil passord her')).status).toBe(403);
    expect((await deleteMe(app, own.token)).status).toBe(204);
  });
});

describe('per client address', () => {
  it('is generous (a shared network), then 429 for that address only; IPv6 by /64', async () => {
    const { app } = limitTestApp(database);
    for (let i = 0; i < ATTEMPT_RULES.address.points; i++) {
      expect((await wrongLogin(app, uniqueEmail('skole'), '203.0.113.200')).status).toBe(401);
    }
    await expect429(await wrongLogin(app, uniqueEmail('skole'), '203.0.113.200'), 15 * 60);
    expect((await wrongLogin(app, uniqueEmail('nabo'), '203.0.113.201')).status).toBe(401);
    for (let i = 0; i < ATTEMPT_RULES.address.points; i++) {
      await wrongLogin(app, uniqueEmail('v6'), `2001:db8:1:2::${i.toString(16)}`);
    }
    await expect429(await wrongLogin(app, uniqueEmail('v6'), '2001:db8:1:2::ffff'));
    expect((await wrongLogin(app, uniqueEmail('v6'), '2001:db8:1:3::1')).status).toBe(401);
    advance(15 * 60);
    expect((await wrongLogin(app, uniqueEmail('skole'), '203.0.113.200')).status).toBe(401);
  });

  it('ignores X-Forwarded-For unless the proxy is trusted, and uses the socket address', async () => {
    vi.useRealTimers();
    const { app } = limitTestApp(database);
    const untrusting = accountTestApp(database).app;
    const server = await new Promise<ServerType>((resolve) => {
      const started: ServerType = serve(
        { fetch: untrusting.fetch, port: 0, hostname: '127.0.0.1' },
        () => resolve(started),
      );
    });
    try {
      const { port } = server.address() as { port: number };
      const overSocket: Requester = {
        request: (path, init) => fetch(`http://127.0.0.1:${port}${path}`, init),
      };
      // Forged X-Forwarded-For headers all count as 127.0.0.1.
      for (let i = 0; i < ATTEMPT_RULES.address.points; i++) {
        expect((await wrongLogin(overSocket, uniqueEmail('socket'), `192.0.2.${i}`)).status).toBe(
          401,
        );
      }
      await expect429(await wrongLogin(overSocket, uniqueEmail('socket'), '192.0.2.250'));
      expect((await wrongLogin(app, uniqueEmail('in-process'))).status).toBe(401);
    } finally {
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    }
  });
});

describe('registration', () => {
  it('is limited per email and per address through the guard', async () => {
    const { app } = limitTestApp(database);
    const email = uniqueEmail('ny');
    await registerFrom(app, email);
    for (let i = 1; i < ATTEMPT_RULES.key.points; i++) {
      const again = await call(app, 'POST', '/api/v1/auth/register', {
        body: { email, password: PASSWORD },
        headers: { 'X-Forwarded-For': `198.51.100.${i}` },
      });
      expect(again.status).toBe(409);
    }
    await expect429(
      await call(app, 'POST', '/api/v1/auth/register', { body: { email, password: PASSWORD } }),
    );
  });
});

describe('the log', () => {
  it('records failed logins and 429s with the account id and the address, never the email or password', async () => {
    const { app, lines } = limitTestApp(database);
    const email = uniqueEmail('logg');
    const { user } = await registerFrom(app, email);
    for (let i = 0; i <= ATTEMPT_RULES.freeFailures; i++)
      await wrongLogin(app, email, '203.0.113.77');
    await expect429(await wrongLogin(app, email, '203.0.113.77'));
    await wrongLogin(app, uniqueEmail('ukjent'), '203.0.113.78');

    const failed = lines.filter((line) => line.msg === 'sign-in failed');
    expect(failed).toHaveLength(ATTEMPT_RULES.freeFailures + 2);
    expect(failed[0]).toMatchObject({ userId: user.id, address: '203.0.113.77' });
    expect(failed.at(-1)).toMatchObject({ userId: null, address: '203.0.113.78' });
    const limited = lines.filter((line) => line.msg === 'rate limited');
    expect(limited).toHaveLength(1);
    expect(limited[0]).toMatchObject({
      userId: user.id,
      address: '203.0.113.77',
      rule: 'email',
      retryAfter: 30,
    });
    const log = JSON.stringify(lines);
    expect(log).not.toContain(email);
    expect(log).not.toContain('gjetter et passord');
  });
});

describe('addressKey', () => {
  it('keeps IPv4 addresses, unwraps IPv4-mapped IPv6 and groups IPv6 by /64', () => {
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('2001:db8:aa:bb:1:2:3:4')).toBe('2001:db8:aa:bb::/64');
    expect(addressKey('2001:0db8:00aa:00bb:ffff::1')).toBe('2001:db8:aa:bb::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('64:ff9b::192.0.2.7')).toBe('64:ff9b:0:0::/64');
    expect(addressKey('2001:db8:aa:bb::9')).toBe(addressKey('2001:db8:aa:bb:ffff:ffff:ffff:ffff'));
    expect(addressKey('2001:db8:aa:bc::9')).not.toBe(addressKey('2001:db8:aa:bb::9'));
  });
});
