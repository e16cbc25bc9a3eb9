// Recovery by e-mail and address verification through the real app, the real database (SQLite,
// or PostgreSQL under test:pg) and a real SMTP server started here: the mail arrives with a
// working link; the reply is the same for known and unknown addresses; a link is single-use,
// killed by a newer one and dead after 30 minutes; a reset ends every old session and hands out
// a working new one; without SMTP_URL the mail is an .eml file (0600) whose path is logged.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commonPasswordList } from '../../src/server/auth/password-policy';
import type { Database } from '../../src/server/db/database';
import { configuredMailer, smtpMailer } from '../../src/server/mail/mailer';
import {
  RESET_TOKEN_LIFETIME_MS,
  VERIFY_TOKEN_LIFETIME_MS,
} from '../../src/shared/recovery-protocol';
import type { AccountInfo, SessionResponse } from '../../src/shared/sync-protocol';
import {
  decodeQuotedPrintable,
  linkIn,
  startSmtpCatcher,
  type SmtpCatcher,
} from '../utils/smtp-catcher';
import { openTestDatabase } from '../utils/test-database';
import {
  accountTestApp,
  call,
  login,
  PASSWORD,
  register,
  T0,
  type TestClock,
} from './account-support';
import { captureLogger, makeTemp, removeTemp, type LogLine } from './support';

const ORIGIN = 'https://lommekurs.test';
const RESET_PATH = '/konto/nytt-passord';
const VERIFY_PATH = '/konto/bekreft-epost';
const NEW_PASSWORD = 'grønn sykkel under brua';
const DAY = 24 * 60 * 60_000;

let database: Database;
let catcher: SmtpCatcher;
beforeAll(async () => {
  database = await openTestDatabase();
  catcher = await startSmtpCatcher();
  // The common-password list loads on first use (a second or two); not inside a test's time.
  await commonPasswordList();
});
afterAll(async () => {
  await catcher.close();
  await database.close();
});

let seq = 0;
const uniqueEmail = (name: string) => `${name}-${++seq}@firma.no`;

/** The real app sending through the catcher; each on its own day, so budgets never collide. */
function recoveryApp(): { app: Hono; clock: TestClock; lines: LogLine[] } {
  const clock = { now: T0 + ++seq * DAY };
  return accountTestApp(database, clock, undefined, {
    mailer: smtpMailer({ smtpUrl: catcher.url, from: 'Lommekurs <noreply@lommekurs.test>' }),
    publicUrl: ORIGIN,
  });
}

const forgot = (app: Hono, email: string, lang?: string) =>
  call(app, 'POST', '/api/v1/auth/forgot', { body: lang ? { email, lang } : { email } });

const reset = (app: Hono, token: string, password = NEW_PASSWORD) =>
  call(app, 'POST', '/api/v1/auth/reset', { body: { token, password } });

const tokenOf = (link: string) => /#token=([A-Za-z0-9_-]{43})$/.exec(link)![1];

/** Asks for a reset link for `email` and returns its token, from the mail that arrived. */
async function resetTokenFor(app: Hono, email: string, lang?: string): Promise<string> {
  const since = catcher.mails.length;
  expect((await forgot(app, email, lang)).status).toBe(202);
  const mail = await catcher.waitFor(email, { since, containing: RESET_PATH });
  const link = linkIn(mail, RESET_PATH);
  expect(link).toBeDefined();
  return tokenOf(link!);
}

async function expectInvalidToken(response: Response) {
  expect(response.status).toBe(400);
  expect(await response.json()).toMatchObject({ error: 'invalid_token' });
}

const me = async (app: Hono, token: string) => call(app, 'GET', '/api/v1/me', { token });

describe('forgot password', () => {
  it('mails a link to the app that sets a new password and signs in', async () => {
    const { app, lines } = recoveryApp();
    const email = uniqueEmail('kari');
    await register(app, email);
    const since = catcher.mails.length;
    const response = await forgot(app, email, 'nn');
    expect(response.status).toBe(202);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'accepted' });

    const mail = await catcher.waitFor(email, { since, containing: RESET_PATH });
    expect(mail.to).toEqual([email]);
    expect(mail.from).toBe('noreply@lommekurs.test');
    expect(mail.subject).toBe('Nytt passord til Lommekurs');
    expect(mail.decoded).toContain('Lenkja verkar i 30 minutt');
    expect(mail.raw).toMatch(/Content-Type: text\/plain/);
    expect(mail.raw).toMatch(/Content-Type: text\/html/);
    const link = linkIn(mail, RESET_PATH)!;
    expect(link).toMatch(new RegExp(`^${ORIGIN}${RESET_PATH}#token=[A-Za-z0-9_-]{43}$`));

    const done = await reset(app, tokenOf(link));
    expect(done.status, await done.clone().text()).toBe(200);
    const session = (await done.json()) as SessionResponse;
    expect(session.user).toMatchObject({ email, emailVerified: true });
    expect((await me(app, session.token)).status).toBe(200);
    await login(app, email, NEW_PASSWORD);
    const old = await call(app, 'POST', '/api/v1/auth/login', {
      body: { email, password: PASSWORD },
    });
    expect(old.status).toBe(401);
    // Only the hash is stored, and no log line carries the token or the link.
    const stored = await database.db.selectFrom('mail_tokens').select('token_hash').execute();
    expect(stored.map((row) => row.token_hash)).not.toContain(tokenOf(link));
    expect(JSON.stringify(lines)).not.toContain(tokenOf(link));
  });

  it('answers a known and an unknown address alike, and mails only the known one', async () => {
    const { app } = recoveryApp();
    const known = uniqueEmail('kjent');
    const unknown = uniqueEmail('ukjent');
    await register(app, known);
    const since = catcher.mails.length;
    const replies = await Promise.all([forgot(app, known), forgot(app, unknown)]);
    const seen = await Promise.all(
      replies.map(async (r) => ({
        status: r.status,
        body: await r.text(),
        type: r.headers.get('Content-Type'),
        cache: r.headers.get('Cache-Control'),
      })),
    );
    expect(seen[0]).toEqual(seen[1]);
    await catcher.waitFor(known, { since, containing: RESET_PATH });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(catcher.mails.slice(since).filter((m) => m.to.includes(unknown))).toEqual([]);
  });

  it('takes about the same time for known and unknown addresses (the mail is sent after the reply)', async () => {
    const { app } = recoveryApp();
    const known = uniqueEmail('tid');
    const unknown = uniqueEmail('ingen');
    await register(app, known);
    const timings: Record<'known' | 'unknown', number[]> = { known: [], unknown: [] };
    for (let i = 0; i < 4; i++) {
      for (const kind of i % 2
        ? (['known', 'unknown'] as const)
        : (['unknown', 'known'] as const)) {
        // Each reply measured alone: the mail work of the one before has finished.
        await new Promise((resolve) => setTimeout(resolve, 100));
        const started = performance.now();
        const r = await forgot(app, kind === 'known' ? known : unknown);
        timings[kind].push(performance.now() - started);
        expect(r.status).toBe(202);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const difference = Math.abs(median(timings.known) - median(timings.unknown));
    console.log(
      `forgot: median known ${median(timings.known).toFixed(1)} ms, unknown ${median(timings.unknown).toFixed(1)} ms`,
    );
    // The same code runs before either reply; what remains is scheduling noise.
    const slower = Math.max(median(timings.known), median(timings.unknown));
    expect(difference).toBeLessThan(Math.max(25, slower / 2));
  });

  it('replies before the mail is handed over (a mail server that never answers)', async () => {
    const sent: string[] = [];
    const hanging = {
      describe: 'a mail server that never answers',
      send: (message: { to: string }) => {
        sent.push(message.to);
        return new Promise<void>(() => {});
      },
      forget: () => Promise.resolve(),
    };
    const { app } = accountTestApp(database, { now: T0 + ++seq * DAY }, undefined, {
      mailer: hanging,
      publicUrl: ORIGIN,
    });
    const email = uniqueEmail('henger');
    await register(app, email);
    const response = await forgot(app, email);
    expect(response.status).toBe(202);
    await expect.poll(() => sent.filter((to) => to === email).length).toBe(2);
  });

  it('counts requests in the attempt budget (429 with Retry-After when spent)', async () => {
    const { app } = recoveryApp();
    const email = uniqueEmail('mange');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await forgot(app, email)).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(202));
    expect(statuses.at(-1)).toBe(429);
  });

  it('refuses a malformed body with 400 and a reason, never 5xx', async () => {
    const { app } = recoveryApp();
    for (const body of [
      {},
      { email: 'a\u0000@b.no' },
      { email: 'x@y.no', lang: 'de' },
      { email: 'x@y.no', extra: 1 },
      'not json',
    ]) {
      const r = await call(app, 'POST', '/api/v1/auth/forgot', { body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect((await r.json()) as { error: string }).toHaveProperty('error');
    }
    for (const body of [
      { token: 'short', password: NEW_PASSWORD },
      { token: 'a'.repeat(43) },
      { token: 'a'.repeat(42) + '\u0000', password: NEW_PASSWORD },
    ]) {
      const r = await call(app, 'POST', '/api/v1/auth/reset', { body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(await r.json()).toMatchObject({ error: 'invalid_request' });
    }
    expect((await call(app, 'GET', '/api/v1/auth/forgot')).status).toBe(405);
  });
});

describe('notices of changed credentials (ASVS 2.5.5)', () => {
  it('mails the learner when the password is changed, in their language, with no link', async () => {
    const { app } = recoveryApp();
    const email = uniqueEmail('bytter');
    const session = await register(app, email);
    const since = catcher.mails.length;
    const change = await call(app, 'POST', '/api/v1/me/password', {
      token: session.token,
      body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
      headers: { 'Accept-Language': 'nn-NO,nn;q=0.9' },
    });
    expect(change.status).toBe(200);
    const mail = await catcher.waitFor(email, { since, containing: 'Passordet ditt er endra' });
    expect(mail.subject).toBe('Passordet ditt til Lommekurs er endra');
    expect(mail.decoded).toContain('Gløymt passordet?');
    expect(mail.decoded).not.toMatch(/https?:\/\//);
  });

  it('mails the learner when the password is set with a reset link', async () => {
    const { app } = recoveryApp();
    const email = uniqueEmail('nullstiller');
    await register(app, email);
    const token = await resetTokenFor(app, email);
    const since = catcher.mails.length;
    expect((await reset(app, token)).status).toBe(200);
    const mail = await catcher.waitFor(email, { since, containing: 'Passordet ditt er endret' });
    expect(mail.subject).toBe('Passordet ditt til Lommekurs er endret');
  });
});

describe('the origin of links in mails', () => {
  /** The app without PUBLIC_URL, sending through the catcher. */
  function appWithoutPublicUrl() {
    const clock = { now: T0 + ++seq * DAY };
    return accountTestApp(database, clock, undefined, {
      mailer: smtpMailer({ smtpUrl: catcher.url, from: 'Lommekurs <noreply@lommekurs.test>' }),
    });
  }

  it('never follows a forged Host header: without PUBLIC_URL, no link goes to a foreign host', async () => {
    const { app, lines } = appWithoutPublicUrl();
    const email = uniqueEmail('offer');
    await register(app, email);
    const since = catcher.mails.length;
    const response = await app.request('http://attacker.example/api/v1/auth/forgot', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    // The same neutral reply as always, but no mail with a link to the forged host.
    expect(response.status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const mails = catcher.mails.slice(since).filter((m) => m.to.includes(email));
    expect(mails.map((m) => m.decoded).join('\n')).not.toContain('attacker.example');
    expect(mails.filter((m) => m.decoded.includes(RESET_PATH))).toEqual([]);
    expect(lines.some((l) => l.msg.includes('PUBLIC_URL'))).toBe(true);
  });

  it('uses the request origin on a loopback address (one machine, no PUBLIC_URL)', async () => {
    const { app } = appWithoutPublicUrl();
    const email = uniqueEmail('lokal');
    await register(app, email);
    const since = catcher.mails.length;
    const response = await app.request('http://127.0.0.1:8080/api/v1/auth/forgot', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    expect(response.status).toBe(202);
    const mail = await catcher.waitFor(email, { since, containing: RESET_PATH });
    expect(linkIn(mail, RESET_PATH)).toMatch(
      /^http:\/\/127\.0\.0\.1:8080\/konto\/nytt-passord#token=/,
    );
  });
});

describe('reset link', () => {
  it('works once', async () => {
    const { app } = recoveryApp();
    const email = uniqueEmail('en-gang');
    await register(app, email);
    const token = await resetTokenFor(app, email);
    expect((await reset(app, token)).status).toBe(200);
    await expectInvalidToken(await reset(app, token, 'et helt annet passord'));
    await login(app, email, NEW_PASSWORD);
  });

  it('is killed by a newer link', async () => {
    const { app } = recoveryApp();
    const email = uniqueEmail('nyere');
    await register(app, email);
    const older = await resetTokenFor(app, email);
    const newer = await resetTokenFor(app, email);
    expect(newer).not.toBe(older);
    await expectInvalidToken(await reset(app, older));
    expect((await reset(app, newer)).status).toBe(200);
  });

  it('expires after 30 minutes on the server clock', async () => {
    const { app, clock } = recoveryApp();
    const email = uniqueEmail('utlopt');
    await register(app, email);
    const first = await resetTokenFor(app, email);
    clock.now += RESET_TOKEN_LIFETIME_MS;
    await expectInvalidToken(await reset(app, first));
    const second = await resetTokenFor(app, email);
    clock.now += RESET_TOKEN_LIFETIME_MS - 1000;
    expect((await reset(app, second)).status).toBe(200);
  });

  it('refuses an unknown token and a weak password, and a weak password does not spend the link', async () => {
    const { app } = recoveryApp();
    const email = uniqueEmail('svak');
    await register(app, email);
    await expectInvalidToken(await reset(app, 'A'.repeat(43)));
    const token = await resetTokenFor(app, email);
    for (const [password, field] of [
      ['kort', 'password_too_short'],
      ['password1234', 'password_too_common'],
    ]) {
      const r = await reset(app, token, password);
      expect(r.status).toBe(400);
      expect(await r.json()).toMatchObject({
        error: 'invalid_request',
        fields: { password: field },
      });
    }
    expect((await reset(app, token)).status).toBe(200);
  });

  it('ends every old session of the account and returns a working new one', async () => {
    const { app } = recoveryApp();
    const email = uniqueEmail('okter');
    const first = await register(app, email);
    const second = await login(app, email);
    const other = await register(app, uniqueEmail('annen'));
    const token = await resetTokenFor(app, email);
    const done = (await (await reset(app, token)).json()) as SessionResponse;
    for (const old of [first.token, second.token]) {
      const r = await me(app, old);
      expect(r.status).toBe(401);
      expect(r.headers.get('WWW-Authenticate')).toBe('Bearer');
    }
    const fresh = await me(app, done.token);
    expect(fresh.status).toBe(200);
    expect(((await fresh.json()) as AccountInfo).emailVerified).toBe(true);
    // Another learner's session is untouched.
    expect((await me(app, other.token)).status).toBe(200);
    const sessions = await database.db
      .selectFrom('sessions')
      .select('user_id')
      .where('user_id', '=', done.user.id)
      .execute();
    expect(sessions).toHaveLength(1);
  });
});

describe('without SMTP_URL', () => {
  it('writes the mail as an .eml file (0600, folder 0700) and logs its path, not the link', async () => {
    const dataDir = await makeTemp('mail');
    try {
      const { logger, lines } = captureLogger();
      const mailer = configuredMailer({
        smtpUrl: null,
        mailFrom: 'noreply@lommekurs.test',
        dataDir,
        logger,
      });
      const { app } = accountTestApp(database, { now: T0 + ++seq * DAY }, undefined, {
        mailer,
        publicUrl: ORIGIN,
        logger,
      });
      const email = uniqueEmail('fil');
      await register(app, email);
      expect((await forgot(app, email, 'en')).status).toBe(202);
      const dir = join(dataDir, 'mail');
      let files: string[] = [];
      for (let i = 0; i < 100 && files.length < 2; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        files = (await readdir(dir).catch(() => [])).filter((f) => f.endsWith('.eml'));
      }
      expect(files).toHaveLength(2); // the verification mail of the registration, and the reset
      expect((await stat(dir)).mode & 0o777).toBe(0o700);
      const logged = lines.filter((line) => line.msg.startsWith('mail written to a file'));
      expect(logged.map((line) => line.file).sort()).toEqual(files.map((f) => join(dir, f)).sort());
      const texts: string[] = [];
      for (const file of files) {
        expect((await stat(join(dir, file))).mode & 0o777).toBe(0o600);
        texts.push(decodeQuotedPrintable(await readFile(join(dir, file), 'utf8')));
      }
      const resetMail = texts.find((text) => text.includes(RESET_PATH))!;
      expect(resetMail).toContain(`To: ${email}`);
      expect(resetMail).toContain('The link works for 30 minutes');
      const token = /#token=([A-Za-z0-9_-]{43})/.exec(resetMail)![1];
      expect(JSON.stringify(lines)).not.toContain(token);
      expect((await reset(app, token)).status).toBe(200);
      // The reset's notice ("your password was changed") is written after the reply: wait for it
      // before the folder goes.
      await expect
        .poll(async () => (await readdir(dir)).filter((f) => f.endsWith('.eml')).length)
        .toBe(3);
    } finally {
      await removeTemp(dataDir);
    }
  });

  it("deletes the learner's .eml files with the account, and keeps everyone else's", async () => {
    const dataDir = await makeTemp('mail-erasure');
    try {
      const mailer = configuredMailer({
        smtpUrl: null,
        mailFrom: 'noreply@lommekurs.test',
        dataDir,
        logger: captureLogger().logger,
      });
      const { app } = accountTestApp(database, { now: T0 + ++seq * DAY }, undefined, {
        mailer,
        publicUrl: ORIGIN,
      });
      const leaving = uniqueEmail('slett');
      const staying = uniqueEmail('blir');
      const session = await register(app, leaving);
      await register(app, staying);
      const dir = join(dataDir, 'mail');
      const emls = async () =>
        (await readdir(dir).catch(() => [])).filter((f) => f.endsWith('.eml'));
      for (let i = 0; i < 100 && (await emls()).length < 2; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(await emls()).toHaveLength(2); // one verification mail each
      const deletion = await call(app, 'DELETE', '/api/v1/me', {
        token: session.token,
        body: { password: PASSWORD },
      });
      expect(deletion.status).toBe(204);
      const left = await emls();
      expect(left).toHaveLength(1);
      expect(await readFile(join(dir, left[0]), 'utf8')).toContain(`To: ${staying}`);
    } finally {
      await removeTemp(dataDir);
    }
  });
});

describe('address verification', () => {
  it('registration mails a link; opening it marks the address verified, once', async () => {
    const { app } = recoveryApp();
    const email = uniqueEmail('bekreft');
    const since = catcher.mails.length;
    const session = await register(app, email);
    expect(session.user.emailVerified).toBe(false);
    const mail = await catcher.waitFor(email, { since, containing: VERIFY_PATH });
    expect(mail.subject).toBe('Bekreft e-postadressen din hos Lommekurs');
    const link = linkIn(mail, VERIFY_PATH)!;
    expect(link.startsWith(`${ORIGIN}${VERIFY_PATH}#token=`)).toBe(true);
    expect(((await (await me(app, session.token)).json()) as AccountInfo).emailVerified).toBe(
      false,
    );

    const verified = await call(app, 'POST', '/api/v1/auth/verify-email', {
      body: { token: tokenOf(link) },
    });
    expect(verified.status).toBe(200);
    expect(await verified.json()).toEqual({ email, emailVerified: true });
    expect(((await (await me(app, session.token)).json()) as AccountInfo).emailVerified).toBe(true);
    expect((await login(app, email)).user.emailVerified).toBe(true);
    await expectInvalidToken(
      await call(app, 'POST', '/api/v1/auth/verify-email', { body: { token: tokenOf(link) } }),
    );
  });

  it('sends a fresh link on request (not more than once a minute); the older one dies', async () => {
    const { app, clock } = recoveryApp();
    const email = uniqueEmail('igjen');
    let since = catcher.mails.length;
    const session = await register(app, email);
    const first = linkIn(
      await catcher.waitFor(email, { since, containing: VERIFY_PATH }),
      VERIFY_PATH,
    )!;
    const resend = () =>
      call(app, 'POST', '/api/v1/me/verify-email', { token: session.token, body: { lang: 'en' } });
    const tooSoon = await resend();
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.headers.get('Retry-After')).toBe('60');
    clock.now += 60_000;
    since = catcher.mails.length;
    expect((await resend()).status).toBe(202);
    const mail = await catcher.waitFor(email, { since, containing: VERIFY_PATH });
    expect(mail.subject).toBe('Confirm your email address at Lommekurs');
    await expectInvalidToken(
      await call(app, 'POST', '/api/v1/auth/verify-email', { body: { token: tokenOf(first) } }),
    );
    const second = tokenOf(linkIn(mail, VERIFY_PATH)!);
    expect(
      (await call(app, 'POST', '/api/v1/auth/verify-email', { body: { token: second } })).status,
    ).toBe(200);
    expect(
      (await call(app, 'POST', '/api/v1/me/verify-email', { token: session.token })).status,
    ).toBe(202);
    expect((await call(app, 'POST', '/api/v1/me/verify-email')).status).toBe(401);
  });

  it('a verification link expires after 7 days', async () => {
    const { app, clock } = recoveryApp();
    const email = uniqueEmail('gammel');
    const since = catcher.mails.length;
    await register(app, email);
    const link = linkIn(
      await catcher.waitFor(email, { since, containing: VERIFY_PATH }),
      VERIFY_PATH,
    )!;
    clock.now += VERIFY_TOKEN_LIFETIME_MS;
    await expectInvalidToken(
      await call(app, 'POST', '/api/v1/auth/verify-email', { body: { token: tokenOf(link) } }),
    );
  });
});
