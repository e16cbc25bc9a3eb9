// Passkeys through the real app and database, with real ceremonies: a software authenticator
// (test/utils/soft-authenticator.ts) answers the server's options with ES256 keys, as a browser
// would. Adding one in Settings, signing in with it (a session like a password login's), the
// single-use challenge, the origin and relying party, the signature counter, whose passkey may be
// removed, erasure, and bad input (400 with a reason, never a 5xx) on SQLite and PostgreSQL.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTEMPT_RULES } from '../../src/server/auth/attempts';
import { CHALLENGE_LIFETIME_MS } from '../../src/server/auth/passkeys';
import type { Database } from '../../src/server/db/database';
import type { PasskeyInfo, PasskeyList } from '../../src/shared/passkey-protocol';
import type { SessionResponse } from '../../src/shared/sync-protocol';
import { smtpMailer } from '../../src/server/mail/mailer';
import { startSmtpCatcher } from '../utils/smtp-catcher';
import { SoftAuthenticator } from '../utils/soft-authenticator';
import { openTestDatabase } from '../utils/test-database';
import { accountTestApp, call, PASSWORD, register, rowsOfUser, T0 } from './account-support';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  // The first registration loads the password policy's word list: not part of any test's time.
  await register(accountTestApp(database).app, 'oppvarming@firma.no');
}, 60_000);
afterAll(() => database.close());

let seq = 0;
const uniqueEmail = (name: string) => `${name}-${++seq}@firma.no`;

// app.request() URLs are http://localhost/…: without PUBLIC_URL that is the relying party.
const ORIGIN = 'http://localhost';

interface Creation {
  challenge: string;
  rp: { id?: string; name: string };
  user: { id: string; name: string; displayName: string };
  excludeCredentials?: { id: string }[];
  authenticatorSelection?: { residentKey?: string; userVerification?: string };
  timeout?: number;
}
interface Request {
  challenge: string;
  rpId?: string;
  allowCredentials?: unknown[];
  userVerification?: string;
}

async function creationOptions(app: Hono, token: string): Promise<Creation> {
  const response = await call(app, 'POST', '/api/v1/me/passkeys/options', { token });
  expect(response.status, await response.clone().text()).toBe(200);
  expect(response.headers.get('Cache-Control')).toBe('no-store');
  return (await response.json()) as Creation;
}

async function requestOptions(app: Hono): Promise<Request> {
  const response = await call(app, 'POST', '/api/v1/auth/passkey/options');
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Request;
}

/** A learner with an account, a session and an authenticator in their browser. */
async function learner(app: Hono, origin = ORIGIN) {
  const session = await register(app, uniqueEmail('passkey'));
  return { session, token: session.token, authenticator: new SoftAuthenticator(origin) };
}

/** The full "Legg til passnøkkel" ceremony; returns the stored passkey. */
async function addPasskey(
  app: Hono,
  token: string,
  authenticator: SoftAuthenticator,
  name = 'Telefonen',
): Promise<PasskeyInfo> {
  const options = await creationOptions(app, token);
  const response = await call(app, 'POST', '/api/v1/me/passkeys', {
    token,
    body: { response: authenticator.register(options), name },
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as PasskeyInfo;
}

const signIn = (app: Hono, response: unknown) =>
  call(app, 'POST', '/api/v1/auth/passkey', { body: { response } });

async function listOf(app: Hono, token: string): Promise<PasskeyInfo[]> {
  const response = await call(app, 'GET', '/api/v1/me/passkeys', { token });
  expect(response.status).toBe(200);
  return ((await response.json()) as PasskeyList).passkeys;
}

async function expectRefusedSignIn(response: Response) {
  expect(response.status, await response.clone().text()).toBe(401);
  expect(response.headers.get('WWW-Authenticate')).toBe('Bearer');
  expect(await response.json()).toMatchObject({ error: 'invalid_credentials' });
}

const challengeRow = (challenge: string) =>
  database.db
    .selectFrom('passkey_challenges')
    .selectAll()
    .where('challenge', '=', challenge)
    .executeTakeFirst();

const passkeyRow = (id: string) =>
  database.db
    .selectFrom('passkeys')
    .selectAll()
    .where('credential_id', '=', id)
    .executeTakeFirstOrThrow();

describe('adding a passkey (signed in)', () => {
  it('hands out options with a stored single-use challenge, then stores the verified passkey', async () => {
    const { app, clock } = accountTestApp(database);
    const { session, token, authenticator } = await learner(app);

    const options = await creationOptions(app, token);
    expect(options.rp).toEqual({ name: 'Lommekurs', id: 'localhost' });
    expect(options.user.name).toBe(session.user.email);
    expect(options.authenticatorSelection).toMatchObject({
      residentKey: 'required',
      userVerification: 'preferred',
    });
    expect(options.excludeCredentials).toEqual([]);
    expect(options.timeout).toBe(CHALLENGE_LIFETIME_MS);
    expect(await challengeRow(options.challenge)).toEqual({
      challenge: options.challenge,
      user_id: session.user.id,
      purpose: 'register',
      expires_at: T0 + CHALLENGE_LIFETIME_MS,
    });

    clock.now = T0 + 1000;
    const response = await call(app, 'POST', '/api/v1/me/passkeys', {
      token,
      body: { response: authenticator.register(options), name: '  Telefonen  ' },
    });
    expect(response.status, await response.clone().text()).toBe(201);
    const passkey = (await response.json()) as PasskeyInfo;
    expect(passkey).toEqual({
      id: authenticator.credentials[0].id,
      name: 'Telefonen',
      createdAt: T0 + 1000,
      lastUsedAt: null,
    });
    // The challenge is spent.
    expect(await challengeRow(options.challenge)).toBeUndefined();
    expect(await listOf(app, token)).toEqual([passkey]);
    const row = await passkeyRow(passkey.id);
    expect(row).toMatchObject({ user_id: session.user.id, counter: 0, transports: '["internal"]' });

    // A second ceremony excludes the passkey the account already has.
    const again = await creationOptions(app, token);
    expect(again.excludeCredentials?.map((c) => c.id)).toEqual([passkey.id]);
  });

  it('refuses a replayed registration: the challenge is single use', async () => {
    const { app } = accountTestApp(database);
    const { token, authenticator } = await learner(app);
    const options = await creationOptions(app, token);
    const body = { response: authenticator.register(options), name: 'Telefonen' };
    expect((await call(app, 'POST', '/api/v1/me/passkeys', { token, body })).status).toBe(201);
    const replay = await call(app, 'POST', '/api/v1/me/passkeys', { token, body });
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ error: 'challenge_expired' });
  });

  it("refuses an expired challenge, and another learner's challenge", async () => {
    const { app, clock } = accountTestApp(database);
    const kari = await learner(app);
    const ola = await learner(app);
    const options = await creationOptions(app, kari.token);
    // Ola answers Kari's challenge with his own session.
    const stolen = await call(app, 'POST', '/api/v1/me/passkeys', {
      token: ola.token,
      body: { response: ola.authenticator.register(options), name: 'Ola' },
    });
    expect(stolen.status).toBe(400);
    expect(await stolen.json()).toMatchObject({ error: 'challenge_expired' });

    const late = await creationOptions(app, kari.token);
    clock.now += CHALLENGE_LIFETIME_MS;
    const response = await call(app, 'POST', '/api/v1/me/passkeys', {
      token: kari.token,
      body: { response: kari.authenticator.register(late), name: 'Sent' },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'challenge_expired' });
    expect(await listOf(app, kari.token)).toEqual([]);
  });

  it('refuses a credential made on another origin', async () => {
    const { app } = accountTestApp(database);
    const { token, authenticator } = await learner(app);
    const options = await creationOptions(app, token);
    const response = await call(app, 'POST', '/api/v1/me/passkeys', {
      token,
      body: {
        response: authenticator.register(options, { origin: 'https://lommekurs.evil.example' }),
        name: 'Phished',
      },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; message: string };
    expect(body.error).toBe('passkey_not_verified');
    expect(body.message).toMatch(/origin/i);
    expect(await listOf(app, token)).toEqual([]);
  });

  it('with PUBLIC_URL, the relying party is that origin, whatever the Host header says', async () => {
    const { app } = accountTestApp(database, undefined, undefined, {
      publicUrl: 'https://lommekurs.example.no',
    });
    const { token } = await learner(app);
    const options = await creationOptions(app, token);
    expect(options.rp.id).toBe('lommekurs.example.no');
    const local = new SoftAuthenticator(ORIGIN);
    const refused = await call(app, 'POST', '/api/v1/me/passkeys', {
      token,
      // rp.id in the options is the public host; the browser at http://localhost signs that.
      body: { response: local.register(options), name: 'Lokal' },
    });
    expect(refused.status).toBe(400);
    const real = new SoftAuthenticator('https://lommekurs.example.no');
    await addPasskey(app, token, real);
    const signInOptions = await requestOptions(app);
    expect(signInOptions.rpId).toBe('lommekurs.example.no');
    const response = await signIn(app, real.assert(signInOptions));
    expect(response.status).toBe(200);
  });

  it('mails the learner when a passkey is added and when one is removed (ASVS 2.5.5)', async () => {
    const catcher = await startSmtpCatcher();
    try {
      const { app } = accountTestApp(database, undefined, undefined, {
        mailer: smtpMailer({ smtpUrl: catcher.url, from: 'noreply@lommekurs.test' }),
      });
      const { session, token, authenticator } = await learner(app);
      const email = session.user.email;
      const added = await addPasskey(app, token, authenticator);
      const addedMail = await catcher.waitFor(email, { containing: 'Ny passnøkkel' });
      expect(addedMail.subject).toBe('Ny passnøkkel på Lommekurs-kontoen din');
      const since = catcher.mails.length;
      const removal = await call(app, 'DELETE', `/api/v1/me/passkeys/${added.id}`, { token });
      expect(removal.status).toBe(204);
      const removedMail = await catcher.waitFor(email, { since, containing: 'fjernet' });
      expect(removedMail.subject).toBe('En passnøkkel er fjernet fra Lommekurs-kontoen din');
    } finally {
      await catcher.close();
    }
  });

  it('needs a session', async () => {
    const { app } = accountTestApp(database);
    for (const [method, path] of [
      ['GET', '/api/v1/me/passkeys'],
      ['POST', '/api/v1/me/passkeys/options'],
      ['POST', '/api/v1/me/passkeys'],
      ['DELETE', '/api/v1/me/passkeys/abc'],
    ]) {
      const response = await call(app, method, path, { body: method === 'POST' ? {} : undefined });
      expect(response.status, `${method} ${path}`).toBe(401);
      expect(response.headers.get('WWW-Authenticate')).toBe('Bearer');
    }
  });
});

describe('signing in with a passkey', () => {
  it('opens a session like a password login, updating the counter and the last use', async () => {
    const { app, clock } = accountTestApp(database);
    const { session, authenticator } = await learner(app);
    const passkey = await addPasskey(app, session.token, authenticator);

    const options = await requestOptions(app);
    expect(options.rpId).toBe('localhost');
    expect(options.allowCredentials ?? []).toEqual([]);
    expect(options.userVerification).toBe('preferred');
    expect(await challengeRow(options.challenge)).toEqual({
      challenge: options.challenge,
      user_id: null,
      purpose: 'sign-in',
      expires_at: clock.now + CHALLENGE_LIFETIME_MS,
    });

    clock.now = T0 + 60_000;
    const response = await signIn(app, authenticator.assert(options));
    expect(response.status, await response.clone().text()).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const signedIn = (await response.json()) as SessionResponse;
    // The same reply as a password login.
    const login = await call(app, 'POST', '/api/v1/auth/login', {
      body: { email: session.user.email, password: PASSWORD },
    });
    const byPassword = (await login.json()) as SessionResponse;
    expect(Object.keys(signedIn).sort()).toEqual(Object.keys(byPassword).sort());
    expect(signedIn.user).toEqual(byPassword.user);
    expect(signedIn.expiresAt).toBe(byPassword.expiresAt);
    expect(signedIn.token).not.toBe(session.token);

    // The token works.
    const me = await call(app, 'GET', '/api/v1/me', { token: signedIn.token });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { id: string }).id).toBe(session.user.id);
    // Counter and last use recorded; the challenge is gone.
    expect(await passkeyRow(passkey.id)).toMatchObject({ counter: 1, last_used_at: T0 + 60_000 });
    expect(await challengeRow(options.challenge)).toBeUndefined();
    expect((await listOf(app, signedIn.token))[0].lastUsedAt).toBe(T0 + 60_000);

    // The next sign-in moves the counter on.
    const next = await signIn(app, authenticator.assert(await requestOptions(app)));
    expect(next.status).toBe(200);
    expect((await passkeyRow(passkey.id)).counter).toBe(2);
  });

  it('refuses a replayed assertion: the challenge is single use', async () => {
    const { app } = accountTestApp(database);
    const { token, authenticator } = await learner(app);
    await addPasskey(app, token, authenticator);
    const assertion = authenticator.assert(await requestOptions(app));
    expect((await signIn(app, assertion)).status).toBe(200);
    await expectRefusedSignIn(await signIn(app, assertion));
  });

  it('refuses a challenge it never gave, and one that expired', async () => {
    const { app, clock } = accountTestApp(database);
    const { token, authenticator } = await learner(app);
    await addPasskey(app, token, authenticator);
    const options = await requestOptions(app);
    await expectRefusedSignIn(
      await signIn(app, authenticator.assert(options, { challenge: 'bm90LWEtY2hhbGxlbmdl' })),
    );
    clock.now += CHALLENGE_LIFETIME_MS;
    await expectRefusedSignIn(await signIn(app, authenticator.assert(options)));
  });

  it('a failed answer still spends the challenge', async () => {
    const { app } = accountTestApp(database);
    const { token, authenticator } = await learner(app);
    await addPasskey(app, token, authenticator);
    const options = await requestOptions(app);
    await expectRefusedSignIn(
      await signIn(app, authenticator.assert(options, { origin: 'https://evil.example' })),
    );
    expect(await challengeRow(options.challenge)).toBeUndefined();
    await expectRefusedSignIn(await signIn(app, authenticator.assert(options)));
  });

  it('refuses an assertion signed for another origin', async () => {
    const { app } = accountTestApp(database);
    const { token, authenticator } = await learner(app);
    await addPasskey(app, token, authenticator);
    await expectRefusedSignIn(
      await signIn(
        app,
        authenticator.assert(await requestOptions(app), { origin: 'http://localhost:9999' }),
      ),
    );
  });

  it('refuses a counter that did not grow (a cloned authenticator)', async () => {
    const { app } = accountTestApp(database);
    const { token, authenticator } = await learner(app);
    const passkey = await addPasskey(app, token, authenticator);
    expect((await signIn(app, authenticator.assert(await requestOptions(app)))).status).toBe(200);
    expect((await passkeyRow(passkey.id)).counter).toBe(1);
    await expectRefusedSignIn(
      await signIn(app, authenticator.assert(await requestOptions(app), { counter: 1 })),
    );
    expect((await passkeyRow(passkey.id)).counter).toBe(1);
  });

  it('refuses an unknown passkey and a signature by another key', async () => {
    const { app } = accountTestApp(database);
    const { token, authenticator } = await learner(app);
    await addPasskey(app, token, authenticator);
    const stranger = new SoftAuthenticator(ORIGIN);
    stranger.register({
      challenge: 'eA',
      rp: { name: 'x', id: 'localhost' },
      user: { id: 'eQ', name: 'x' },
    });
    await expectRefusedSignIn(await signIn(app, stranger.assert(await requestOptions(app))));
    // The stranger's key, under the learner's credential id.
    const forged = stranger.assert(await requestOptions(app));
    forged.id = forged.rawId = authenticator.credentials[0].id;
    forged.response.userHandle = authenticator.credentials[0].userHandle;
    await expectRefusedSignIn(await signIn(app, forged));
  });

  it('counts failed sign-ins: past the budget, 429 with Retry-After', async () => {
    const { app } = accountTestApp(database);
    const { token, authenticator } = await learner(app);
    await addPasskey(app, token, authenticator);
    const options = await requestOptions(app);
    for (let i = 0; i < ATTEMPT_RULES.key.points; i++) {
      await expectRefusedSignIn(
        await signIn(app, authenticator.assert(options, { challenge: `Y2hhbGxlbmdl${i}` })),
      );
    }
    const limited = await signIn(app, authenticator.assert(options));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
  });

  it('purges expired challenges when new options are made', async () => {
    const { app, clock } = accountTestApp(database);
    const old = await requestOptions(app);
    expect(await challengeRow(old.challenge)).toBeDefined();
    clock.now += CHALLENGE_LIFETIME_MS;
    await requestOptions(app);
    expect(await challengeRow(old.challenge)).toBeUndefined();
  });
});

describe('removing passkeys', () => {
  it("removes the learner's own passkey; another learner's is not found (404) and stays", async () => {
    const { app } = accountTestApp(database);
    const kari = await learner(app);
    const ola = await learner(app);
    const karis = await addPasskey(app, kari.token, kari.authenticator, 'Karis telefon');
    const olas = await addPasskey(app, ola.token, ola.authenticator, 'Olas telefon');

    const path = (id: string) => `/api/v1/me/passkeys/${encodeURIComponent(id)}`;
    const notMine = await call(app, 'DELETE', path(olas.id), { token: kari.token });
    expect(notMine.status).toBe(404);
    expect(await notMine.json()).toMatchObject({ error: 'not_found' });
    expect(await listOf(app, ola.token)).toEqual([olas]);
    // Unknown, a NUL, a lone surrogate's UTF-8 bytes, too long: 404 on either database.
    for (const id of ['ukjent', 'a%00b', 'sur%ED%A0%80rogat', 'x'.repeat(2000)]) {
      const response = await call(app, 'DELETE', `/api/v1/me/passkeys/${id}`, {
        token: kari.token,
      });
      expect(response.status, id).toBe(404);
    }

    const mine = await call(app, 'DELETE', path(karis.id), { token: kari.token });
    expect(mine.status).toBe(204);
    expect(await listOf(app, kari.token)).toEqual([]);
    // A removed passkey signs nobody in.
    await expectRefusedSignIn(
      await signIn(app, kari.authenticator.assert(await requestOptions(app))),
    );
  });

  it('erasing the account removes its passkeys; they sign nobody in afterwards', async () => {
    const { app } = accountTestApp(database);
    const { session, token, authenticator } = await learner(app);
    await addPasskey(app, token, authenticator);
    await creationOptions(app, token); // an open registration challenge too
    const erase = await call(app, 'DELETE', '/api/v1/me', { token, body: { password: PASSWORD } });
    expect(erase.status).toBe(204);
    const rows = await rowsOfUser(database.db, session.user.id);
    expect(rows.passkeys).toBe(0);
    expect(rows.passkey_challenges).toBe(0);
    await expectRefusedSignIn(await signIn(app, authenticator.assert(await requestOptions(app))));
  });
});

describe('bad input: 400 with a reason, never a 5xx', () => {
  it('refuses malformed bodies of every passkey route', async () => {
    const { app } = accountTestApp(database);
    const { token, authenticator } = await learner(app);
    const options = await creationOptions(app, token);
    const good = authenticator.register(options);
    const names = ['', '   ', 'a\u0000b', 'sur\ud800rogat', 'x'.repeat(65), 42];
    for (const name of names) {
      const response = await call(app, 'POST', '/api/v1/me/passkeys', {
        token,
        body: { response: good, name },
      });
      expect(response.status, JSON.stringify(name)).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_request' });
    }
    const bodies: unknown[] = [
      '{',
      'null',
      '[]',
      {},
      { response: null, name: 'x' },
      { response: { ...good, id: 'not base64!' }, name: 'x' },
      { response: { ...good, id: 'A'.repeat(2000) }, name: 'x' },
      { response: { ...good, type: 'password' }, name: 'x' },
      { response: good, name: 'x', extra: 1 },
    ];
    for (const body of bodies) {
      for (const path of ['/api/v1/me/passkeys', '/api/v1/auth/passkey']) {
        const response = await call(app, 'POST', path, { token, body });
        expect(response.status, `${path} ${JSON.stringify(body).slice(0, 80)}`).toBe(400);
        const reply = (await response.json()) as { error: string; message: string };
        expect(['invalid_json', 'invalid_request']).toContain(reply.error);
        expect(reply.message.length).toBeGreaterThan(0);
      }
    }
  });

  it('answers well-formed garbage with a refusal, not an error', async () => {
    const { app } = accountTestApp(database);
    const { token, authenticator } = await learner(app);
    const options = await creationOptions(app, token);
    const good = authenticator.register(options);
    const garbage = Buffer.from('not json').toString('base64url');
    // Unreadable client data: no challenge to find.
    const noChallenge = await call(app, 'POST', '/api/v1/me/passkeys', {
      token,
      body: {
        response: { ...good, response: { ...good.response, clientDataJSON: garbage } },
        name: 'x',
      },
    });
    expect(noChallenge.status).toBe(400);
    expect(await noChallenge.json()).toMatchObject({ error: 'challenge_expired' });
    // Our challenge, but an attestation object that is not CBOR.
    const badAttestation = await call(app, 'POST', '/api/v1/me/passkeys', {
      token,
      body: {
        response: { ...good, response: { ...good.response, attestationObject: garbage } },
        name: 'x',
      },
    });
    expect(badAttestation.status).toBe(400);
    expect(await badAttestation.json()).toMatchObject({ error: 'passkey_not_verified' });

    await addPasskey(app, token, authenticator);
    const assertion = authenticator.assert(await requestOptions(app));
    for (const part of ['authenticatorData', 'signature'] as const) {
      const response = await signIn(app, {
        ...assertion,
        response: { ...assertion.response, [part]: garbage },
      });
      await expectRefusedSignIn(response);
    }
    await expectRefusedSignIn(
      await signIn(app, {
        ...assertion,
        response: { ...assertion.response, clientDataJSON: garbage },
      }),
    );
  });
});
