// The business-garden network's routes (issue 14) through the real app, the real database
// (SQLite, or PostgreSQL under test:pg) and a real SMTP server: a network admin creates a garden
// and its first advisor's invite arrives by mail; the invite works once, for 7 days, for the
// invited address only, and is stored as a hash; advisors invite advisors; who may do what; and
// a bad request is a 4xx with a reason, never a 5xx.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database';
import { smtpMailer } from '../../src/server/mail/mailer';
import { grantNetworkRole } from '../../src/server/network/queries';
import { INVITE_LIFETIME_MS, INVITE_PATH } from '../../src/shared/network-protocol';
import type { CreateGardenResponse, Invite, JoinCodeInfo } from './network-support';
import { startSmtpCatcher, type CaughtMail, type SmtpCatcher } from '../utils/smtp-catcher';
import { openTestDatabase } from '../utils/test-database';
import { accountTestApp, call, register, T0, type TestClock } from './account-support';

const ORIGIN = 'https://lommekurs.test';
const DAY = 24 * 60 * 60_000;

let database: Database;
let catcher: SmtpCatcher;
beforeAll(async () => {
  database = await openTestDatabase();
  catcher = await startSmtpCatcher();
});
afterAll(async () => {
  await catcher.close();
  await database.close();
});

let seq = 0;
const uniqueEmail = (name: string) => `${name}-${++seq}@hage.no`;

function networkApp(): { app: Hono; clock: TestClock } {
  const clock = { now: T0 + ++seq * DAY };
  const { app } = accountTestApp(database, clock, undefined, {
    mailer: smtpMailer({ smtpUrl: catcher.url, from: 'Lommekurs <noreply@lommekurs.test>' }),
    publicUrl: ORIGIN,
  });
  return { app, clock };
}

/** A registered user made network admin. */
async function networkAdmin(app: Hono): Promise<string> {
  const { token, user } = await register(app, uniqueEmail('admin'));
  await grantNetworkRole(database.db, user.id, 'network_admin', T0);
  return token;
}

const TOKEN_IN_LINK = new RegExp(`^${ORIGIN}${INVITE_PATH}#token=([A-Za-z0-9_-]{22})$`);
const tokenOf = (link: string) => TOKEN_IN_LINK.exec(link)![1]!;

function linkInMail(mail: CaughtMail): string {
  const found = new RegExp(`${ORIGIN}${INVITE_PATH}#token=[A-Za-z0-9_-]{22}`).exec(mail.decoded);
  expect(found, mail.decoded).not.toBeNull();
  return found![0];
}

async function createGarden(app: Hono, token: string, body: Record<string, unknown>) {
  const response = await call(app, 'POST', '/api/v1/network/gardens', { token, body });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as CreateGardenResponse;
}

const accept = (app: Hono, token: string | undefined, inviteToken: string) =>
  call(app, 'POST', '/api/v1/network/invites/accept', { token, body: { token: inviteToken } });

const errorOf = async (response: Response) => ((await response.json()) as { error: string }).error;

describe('creating a garden and inviting its first advisor', () => {
  it('mails a single-use link the invited account accepts once', async () => {
    const { app } = networkApp();
    const admin = await networkAdmin(app);
    const advisorEmail = uniqueEmail('radgiver');
    const since = catcher.mails.length;
    const created = await createGarden(app, admin, {
      name: 'Kunnskapsparken Sogn',
      county: 'Vestland',
      municipality: 'Sogndal',
      advisorEmail: advisorEmail.toUpperCase(),
      lang: 'nn',
    });
    expect(created.garden).toMatchObject({
      name: 'Kunnskapsparken Sogn',
      county: 'Vestland',
      municipality: 'Sogndal',
    });
    const invite = created.invite!;
    expect(invite).toMatchObject({ email: advisorEmail, mailed: true });
    expect(invite.expiresAt - created.garden.createdAt).toBe(INVITE_LIFETIME_MS);
    const mail = await catcher.waitFor(advisorEmail, { since, containing: INVITE_PATH });
    expect(mail.subject).toBe('Invitasjon: rådgjevar for Kunnskapsparken Sogn i Lommekurs');
    expect(linkInMail(mail)).toBe(invite.link);

    // Only the hash is stored.
    const token = tokenOf(invite.link);
    const stored = await database.db.selectFrom('invites').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);

    const advisor = await register(app, advisorEmail);
    const accepted = await accept(app, advisor.token, token);
    expect(accepted.status, await accepted.clone().text()).toBe(200);
    expect(await accepted.json()).toEqual({ garden: created.garden });
    const again = await accept(app, advisor.token, token);
    expect(again.status).toBe(410);
    expect(await errorOf(again)).toBe('invite_used');

    // The advisor now sees the garden, with themself as its advisor.
    const list = await call(app, 'GET', '/api/v1/network/gardens', { token: advisor.token });
    expect(await list.json()).toEqual({ gardens: [created.garden], next: null });
    const detail = await call(app, 'GET', `/api/v1/network/gardens/${created.garden.id}`, {
      token: advisor.token,
    });
    expect(detail.status).toBe(200);
    expect(await detail.json()).toMatchObject({
      advisors: [{ userId: advisor.user.id, email: advisorEmail }],
      firms: [],
    });
  });

  it('refuses another account and unknown tokens, and ends an invite after 7 days', async () => {
    const { app, clock } = networkApp();
    const admin = await networkAdmin(app);
    const advisorEmail = uniqueEmail('invitert');
    const { invite } = await createGarden(app, admin, {
      name: 'Hagen',
      county: 'Troms',
      advisorEmail,
    });
    const token = tokenOf(invite!.link);
    const stranger = await register(app, uniqueEmail('fremmed'));
    const refused = await accept(app, stranger.token, token);
    expect(refused.status).toBe(403);
    expect(await errorOf(refused)).toBe('invite_wrong_account');

    const advisor = await register(app, advisorEmail);
    clock.now = invite!.expiresAt;
    const late = await accept(app, advisor.token, token);
    expect(late.status).toBe(410);
    expect(await errorOf(late)).toBe('invite_expired');

    const unknown = await accept(app, advisor.token, 'A'.repeat(22));
    expect(unknown.status).toBe(404);
    expect(await errorOf(unknown)).toBe('invite_not_found');
    expect((await accept(app, undefined, token)).status).toBe(401);
  });

  it('lets only a network admin create gardens', async () => {
    const { app } = networkApp();
    const learner = await register(app, uniqueEmail('laerer'));
    const response = await call(app, 'POST', '/api/v1/network/gardens', {
      token: learner.token,
      body: { name: 'Hage', county: 'Oslo' },
    });
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toBe('forbidden');
    const list = await call(app, 'GET', '/api/v1/network/gardens', { token: learner.token });
    expect(await list.json()).toEqual({ gardens: [], next: null });
  });
});

describe('advisors', () => {
  async function gardenWithAdvisor() {
    const { app } = networkApp();
    const admin = await networkAdmin(app);
    const advisorEmail = uniqueEmail('forste');
    const { garden, invite } = await createGarden(app, admin, {
      name: 'Inkubatoren',
      county: 'Agder',
      advisorEmail,
    });
    const advisor = await register(app, advisorEmail);
    expect((await accept(app, advisor.token, tokenOf(invite!.link))).status).toBe(200);
    return { app, admin, garden, advisor };
  }

  it('invite further advisors of their own garden, and no one else can', async () => {
    const { app, garden, advisor } = await gardenWithAdvisor();
    const secondEmail = uniqueEmail('andre');
    const since = catcher.mails.length;
    const response = await call(app, 'POST', `/api/v1/network/gardens/${garden.id}/invites`, {
      token: advisor.token,
      body: { email: secondEmail },
      headers: { 'Accept-Language': 'en-GB,en;q=0.8' },
    });
    expect(response.status, await response.clone().text()).toBe(201);
    const invite = (await response.json()) as Invite;
    const mail = await catcher.waitFor(secondEmail, { since });
    expect(mail.subject).toBe('Invitation: advisor for Inkubatoren in Lommekurs');
    const second = await register(app, secondEmail);
    expect((await accept(app, second.token, tokenOf(invite.link))).status).toBe(200);
    const added = await database.db
      .selectFrom('advisors')
      .select(['added_by'])
      .where('user_id', '=', second.user.id)
      .executeTakeFirstOrThrow();
    expect(added.added_by).toBe(advisor.user.id);

    const learner = await register(app, uniqueEmail('deltaker'));
    for (const [method, path, body] of [
      ['POST', `/api/v1/network/gardens/${garden.id}/invites`, { email: uniqueEmail('x') }],
      ['GET', `/api/v1/network/gardens/${garden.id}`, undefined],
      ['DELETE', `/api/v1/network/gardens/${garden.id}/advisors/${advisor.user.id}`, undefined],
    ] as const) {
      const refused = await call(app, method, path, { token: learner.token, body });
      expect(refused.status, `${method} ${path}`).toBe(403);
    }
    // An unknown garden looks the same as someone else's to a non-admin.
    const unknown = await call(app, 'GET', '/api/v1/network/gardens/nope', {
      token: learner.token,
    });
    expect(unknown.status).toBe(403);
  });

  it('are removed by a network admin, or step down themselves', async () => {
    const { app, admin, garden, advisor } = await gardenWithAdvisor();
    const path = `/api/v1/network/gardens/${garden.id}/advisors/${advisor.user.id}`;
    expect((await call(app, 'DELETE', path, { token: admin })).status).toBe(204);
    const again = await call(app, 'DELETE', path, { token: admin });
    expect(again.status).toBe(404);
    expect(await errorOf(again)).toBe('advisor_not_found');
    const missing = await call(app, 'GET', '/api/v1/network/gardens/nope', { token: admin });
    expect(missing.status).toBe(404);
    expect(await errorOf(missing)).toBe('garden_not_found');

    const other = await gardenWithAdvisor();
    const self = `/api/v1/network/gardens/${other.garden.id}/advisors/${other.advisor.user.id}`;
    expect((await call(other.app, 'DELETE', self, { token: other.advisor.token })).status).toBe(
      204,
    );
  });
});

describe('join codes', () => {
  it("are made, listed and revoked by the garden's advisors only, and may expire", async () => {
    const { app, clock } = networkApp();
    const admin = await networkAdmin(app);
    const advisorEmail = uniqueEmail('koder');
    const { garden, invite } = await createGarden(app, admin, {
      name: 'Kodehagen',
      county: 'Innlandet',
      advisorEmail,
    });
    const advisor = await register(app, advisorEmail);
    expect((await accept(app, advisor.token, tokenOf(invite!.link))).status).toBe(200);
    const path = `/api/v1/network/gardens/${garden.id}/join-codes`;

    const made = await call(app, 'POST', path, { token: advisor.token, body: {} });
    expect(made.status, await made.clone().text()).toBe(201);
    const code = (await made.json()) as JoinCodeInfo;
    expect(code.code).toMatch(/^NH-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
    expect(code.link).toBe(`${ORIGIN}/bli-med#${code.code}`);
    expect(code).toMatchObject({ createdAt: clock.now, expiresAt: null, revokedAt: null });

    const expiring = await call(app, 'POST', path, {
      token: advisor.token,
      body: { expiresAt: clock.now + DAY },
    });
    expect(expiring.status).toBe(201);
    const past = await call(app, 'POST', path, {
      token: advisor.token,
      body: { expiresAt: clock.now },
    });
    expect(past.status).toBe(400);

    const learner = await register(app, uniqueEmail('nysgjerrig'));
    expect((await call(app, 'POST', path, { token: learner.token, body: {} })).status).toBe(403);
    expect((await call(app, 'GET', path, { token: learner.token })).status).toBe(403);
    const stranger = `${path}/${code.code}`;
    expect((await call(app, 'DELETE', stranger, { token: learner.token })).status).toBe(403);

    clock.now += 1000;
    expect((await call(app, 'DELETE', stranger, { token: advisor.token })).status).toBe(204);
    const again = await call(app, 'DELETE', stranger, { token: advisor.token });
    expect(again.status).toBe(404);
    expect(await errorOf(again)).toBe('join_code_not_found');
    const list = await call(app, 'GET', path, { token: advisor.token });
    const { joinCodes } = (await list.json()) as { joinCodes: JoinCodeInfo[] };
    expect(joinCodes).toHaveLength(2);
    expect(joinCodes.find((c) => c.code === code.code)?.revokedAt).toBe(clock.now);
  });
});

describe('bad requests', () => {
  it('are 4xx with a reason, never 5xx', async () => {
    const { app } = networkApp();
    const admin = await networkAdmin(app);
    const cases: [string, string, unknown, number, string][] = [
      ['POST', '/api/v1/network/gardens', { name: 'Hage', county: 'Olso' }, 400, 'invalid_request'],
      ['POST', '/api/v1/network/gardens', { name: '', county: 'Oslo' }, 400, 'invalid_request'],
      [
        'POST',
        '/api/v1/network/gardens',
        { name: 'H\u0000', county: 'Oslo' },
        400,
        'invalid_request',
      ],
      [
        'POST',
        '/api/v1/network/gardens',
        { name: 'Hage', county: 'Oslo', extra: 1 },
        400,
        'invalid_request',
      ],
      [
        'POST',
        '/api/v1/network/gardens',
        { name: 'Hage', county: 'Oslo', advisorEmail: 'nei' },
        400,
        'invalid_request',
      ],
      ['POST', '/api/v1/network/gardens', '{"name":', 400, 'invalid_json'],
      [
        'POST',
        '/api/v1/network/gardens/nope/invites',
        { email: 'a@b.no' },
        404,
        'garden_not_found',
      ],
      ['POST', '/api/v1/network/invites/accept', { token: 'kort' }, 400, 'invalid_request'],
      ['POST', '/api/v1/network/invites/accept', [], 400, 'invalid_request'],
      ['PUT', '/api/v1/network/gardens', undefined, 405, 'method_not_allowed'],
      // Ids the server never made reach no query (PostgreSQL refuses NUL in text: a 500 before).
      ['GET', '/api/v1/network/gardens?after=%00', undefined, 400, 'invalid_request'],
      ['GET', '/api/v1/network/gardens/a%00b', undefined, 404, 'garden_not_found'],
      ['GET', '/api/v1/network/gardens/%00/join-codes', undefined, 404, 'garden_not_found'],
      ['POST', '/api/v1/network/gardens/%00/join-codes', {}, 404, 'garden_not_found'],
      [
        'DELETE',
        '/api/v1/network/gardens/%00/join-codes/NH-2222-22',
        undefined,
        404,
        'garden_not_found',
      ],
      ['DELETE', '/api/v1/network/gardens/%00/advisors/%00', undefined, 404, 'advisor_not_found'],
    ];
    for (const [method, path, body, status, error] of cases) {
      const response = await call(app, method, path, { token: admin, body });
      expect(response.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(status);
      expect(await errorOf(response)).toBe(error);
    }
  });

  it('pages through the gardens of a network admin', async () => {
    const { app } = networkApp();
    const admin = await networkAdmin(app);
    for (let i = 0; i < 3; i++)
      await createGarden(app, admin, { name: `Side ${i}`, county: 'Oslo' });
    const seen: string[] = [];
    let after: string | null = '';
    while (after !== null) {
      const query: string = after ? `&after=${after}` : '';
      const page = await call(app, 'GET', `/api/v1/network/gardens?limit=2${query}`, {
        token: admin,
      });
      const body = (await page.json()) as { gardens: { id: string }[]; next: string | null };
      expect(body.gardens.length).toBeLessThanOrEqual(2);
      seen.push(...body.gardens.map((g) => g.id));
      after = body.next;
    }
    const all = await database.db.selectFrom('gardens').select('id').orderBy('id').execute();
    expect(seen).toEqual(all.map((g) => g.id));
  });
});
