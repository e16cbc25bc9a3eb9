// Joining a business garden with consent, and withdrawing it (issue 14), through the real app
// and the real database (SQLite, or PostgreSQL under test:pg): what a join code shows before
// sign-in, the join (firm picked or added, membership, consent and its log in one go), joining
// again, GET /network/me, withdrawal, the data export and account deletion, the guesser's budget
// per address, and every bad request a 4xx with its reason.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AccountExport } from '../../src/server/auth/export';
import type { Database } from '../../src/server/db/database';
import { JOIN_CODE_MISSES } from '../../src/server/limits/join-limits';
import { grantNetworkRole } from '../../src/server/network/queries';
import {
  CONSENT_TEXT_VERSION,
  type JoinPreview,
  type Membership,
  type NetworkMe,
} from '../../src/shared/network-protocol';
import { openTestDatabase } from '../utils/test-database';
import { accountTestApp, call, PASSWORD, register, T0, type TestClock } from './account-support';
import type { CreateGardenResponse, JoinCodeInfo } from './network-support';
import type { LogLine } from './support';

// Each test registers several accounts (scrypt) on a busy machine: a generous limit, not a speed
// assertion.
vi.setConfig({ testTimeout: 30_000 });

const ORIGIN = 'https://lommekurs.test';
const DAY = 24 * 60 * 60_000;
/** Valid organisation numbers (mod-11). */
const ORG_A = '974760673';
const ORG_B = '923609016';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

let seq = 0;
const uniqueEmail = (name: string) => `${name}-${++seq}@bli-med.no`;

function joinApp(): { app: Hono; clock: TestClock; lines: LogLine[] } {
  const clock = { now: T0 + ++seq * DAY };
  // Behind a proxy, so the tests can speak from several addresses (X-Forwarded-For).
  const { app, lines } = accountTestApp(database, clock, undefined, {
    publicUrl: ORIGIN,
    trustProxy: true,
  });
  return { app, clock, lines };
}

const errorOf = async (response: Response) => ((await response.json()) as { error: string }).error;

/** A garden made by a network admin, with a live join code. */
async function gardenWithCode(app: Hono, name = 'Vekstparken') {
  const { token: admin, user } = await register(app, uniqueEmail('admin'));
  await grantNetworkRole(database.db, user.id, 'network_admin', T0);
  const created = await call(app, 'POST', '/api/v1/network/gardens', {
    token: admin,
    body: { name, county: 'Nordland', municipality: 'Bodø' },
  });
  expect(created.status, await created.clone().text()).toBe(201);
  const { garden } = (await created.json()) as CreateGardenResponse;
  const code = await makeCode(app, admin, garden.id);
  return { admin, garden, code };
}

async function makeCode(app: Hono, token: string, gardenId: string, body: object = {}) {
  const made = await call(app, 'POST', `/api/v1/network/gardens/${gardenId}/join-codes`, {
    token,
    body,
  });
  expect(made.status, await made.clone().text()).toBe(201);
  return ((await made.json()) as JoinCodeInfo).code;
}

/** A new advisor of the garden (invited by the admin, invite accepted): their session token. */
async function advisorOf(app: Hono, admin: string, gardenId: string): Promise<string> {
  const invite = await call(app, 'POST', `/api/v1/network/gardens/${gardenId}/invites`, {
    token: admin,
    body: { email: uniqueEmail('radgiver') },
  });
  const { email, link } = (await invite.json()) as { email: string; link: string };
  const advisor = await register(app, email);
  const accepted = await call(app, 'POST', '/api/v1/network/invites/accept', {
    token: advisor.token,
    body: { token: link.split('#token=')[1] },
  });
  expect(accepted.status).toBe(200);
  return advisor.token;
}

const preview = (app: Hono, code: string, address = '192.0.2.1') =>
  call(app, 'GET', `/api/v1/network/join/${code}`, { headers: { 'X-Forwarded-For': address } });

const join = (
  app: Hono,
  token: string | undefined,
  body: Record<string, unknown>,
  address = '192.0.2.1',
) =>
  call(app, 'POST', '/api/v1/network/join', {
    token,
    body: { consentVersion: CONSENT_TEXT_VERSION, displayName: 'Kari', ...body },
    headers: { 'X-Forwarded-For': address },
  });

async function joined(response: Response): Promise<Membership> {
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Membership;
}

const me = async (app: Hono, token: string) => {
  const response = await call(app, 'GET', '/api/v1/network/me', { token });
  expect(response.status).toBe(200);
  return (await response.json()) as NetworkMe;
};

const rowsOf = async (userId: string, gardenId: string) => ({
  memberships: await database.db
    .selectFrom('memberships')
    .selectAll()
    .where('user_id', '=', userId)
    .where('garden_id', '=', gardenId)
    .execute(),
  consents: await database.db
    .selectFrom('consents')
    .selectAll()
    .where('user_id', '=', userId)
    .where('garden_id', '=', gardenId)
    .execute(),
  log: await database.db
    .selectFrom('consent_log')
    .select(['kind', 'text_version', 'at'])
    .where('user_id', '=', userId)
    .where('garden_id', '=', gardenId)
    .orderBy('at')
    .execute(),
});

describe('the join preview', () => {
  it('shows the garden and its firms without a session, for a code in any case', async () => {
    const { app, lines } = joinApp();
    const { garden, code } = await gardenWithCode(app, 'Kunnskapsparken Helgeland');
    const response = await preview(app, code.toLowerCase());
    // A join code lets anyone join: like a token, it never reaches the log.
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'request', path: '/api/v1/network/join/:code', status: 200 }),
    );
    expect(JSON.stringify(lines).toUpperCase()).not.toContain(code);
    expect(response.status, await response.clone().text()).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(await response.json()).toEqual({ garden, firms: [] });

    const learner = await register(app, uniqueEmail('forste'));
    const membership = await joined(
      await join(app, learner.token, { code, firm: { name: 'Bakeriet AS', orgNumber: ORG_A } }),
    );
    const after = (await (await preview(app, code)).json()) as JoinPreview;
    expect(after.firms).toEqual([membership.firm]);
    // The preview names the firm, never a member.
    expect(JSON.stringify(after)).not.toContain('Kari');
  });

  it('answers the same 404 for unknown, revoked and expired codes', async () => {
    const { app, clock } = joinApp();
    const { admin, garden, code } = await gardenWithCode(app);
    const expiring = await makeCode(app, admin, garden.id, { expiresAt: clock.now + 1000 });
    expect(
      (
        await call(app, 'DELETE', `/api/v1/network/gardens/${garden.id}/join-codes/${code}`, {
          token: admin,
        })
      ).status,
    ).toBe(204);
    expect((await preview(app, expiring)).status).toBe(200);
    clock.now += 1000;
    const bodies = [];
    for (const dead of [code, expiring, 'NH-2222-22']) {
      const response = await preview(app, dead);
      expect(response.status, dead).toBe(404);
      const body = (await response.json()) as { error: string; message: string };
      expect(body.error).toBe('join_code_not_found');
      bodies.push(body);
    }
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
  });
});

describe('joining', () => {
  it('stores membership, consent and its log in one go, and GET /me shows it', async () => {
    const { app, clock } = joinApp();
    const { garden, code } = await gardenWithCode(app);
    const learner = await register(app, uniqueEmail('deltaker'));
    const membership = await joined(
      await join(app, learner.token, {
        code,
        displayName: 'Kari N.',
        firm: { name: 'Fjordfisk AS', orgNumber: '974 760 673' },
      }),
    );
    expect(membership).toEqual({
      garden,
      firm: { id: expect.any(String), name: 'Fjordfisk AS', orgNumber: ORG_A },
      displayName: 'Kari N.',
      joinedAt: clock.now,
      consent: { textVersion: CONSENT_TEXT_VERSION, givenAt: clock.now },
    });
    expect(await rowsOf(learner.user.id, garden.id)).toEqual({
      memberships: [
        {
          user_id: learner.user.id,
          garden_id: garden.id,
          firm_id: membership.firm!.id,
          display_name: 'Kari N.',
          joined_at: clock.now,
        },
      ],
      consents: [
        {
          user_id: learner.user.id,
          garden_id: garden.id,
          text_version: CONSENT_TEXT_VERSION,
          given_at: clock.now,
          withdrawn_at: null,
        },
      ],
      log: [{ kind: 'given', text_version: CONSENT_TEXT_VERSION, at: clock.now }],
    });
    expect(await me(app, learner.token)).toEqual({
      memberships: [membership],
      advisorOf: [],
      roles: [],
    });
  });

  it('uses the firm a known organisation number or name names, and refuses a stranger firm', async () => {
    const { app } = joinApp();
    const { garden, code } = await gardenWithCode(app);
    const first = await register(app, uniqueEmail('a'));
    const firm = (
      await joined(
        await join(app, first.token, { code, firm: { name: 'Snekkeriet AS', orgNumber: ORG_B } }),
      )
    ).firm!;
    // The same organisation number under another name: the garden's firm, not a duplicate.
    const second = await register(app, uniqueEmail('b'));
    const byNumber = await joined(
      await join(app, second.token, { code, firm: { name: 'Snekker AS', orgNumber: ORG_B } }),
    );
    expect(byNumber.firm).toEqual(firm);
    // The same name in another case, without a number: the same firm.
    const third = await register(app, uniqueEmail('c'));
    const byName = await joined(
      await join(app, third.token, { code, firm: { name: 'SNEKKERIET as' } }),
    );
    expect(byName.firm).toEqual(firm);
    // Picked by id.
    const fourth = await register(app, uniqueEmail('d'));
    expect(
      (await joined(await join(app, fourth.token, { code, firm: { id: firm.id } }))).firm,
    ).toEqual(firm);
    const firms = await database.db
      .selectFrom('firms')
      .select('id')
      .where('garden_id', '=', garden.id)
      .execute();
    expect(firms).toHaveLength(1);

    // A firm of another garden, or an id the server never made, is no firm of this garden.
    const other = await gardenWithCode(app, 'Annen hage');
    const stranger = await register(app, uniqueEmail('e'));
    for (const id of [firm.id, 'not-an-id', '\u0000']) {
      const refused = await join(app, stranger.token, { code: other.code, firm: { id } });
      expect(refused.status, id).toBe(404);
      expect(await errorOf(refused)).toBe('firm_not_found');
    }
    expect((await me(app, stranger.token)).memberships).toEqual([]);
  });

  it('makes one firm when learners add the same organisation number at once', async () => {
    const { app } = joinApp();
    const { garden, code } = await gardenWithCode(app);
    const learners = [];
    for (let i = 0; i < 6; i++) learners.push(await register(app, uniqueEmail(`samtidig${i}`)));
    const replies = await Promise.all(
      learners.map((learner, i) =>
        join(app, learner.token, { code, firm: { name: `Samme AS ${i}`, orgNumber: ORG_A } }),
      ),
    );
    const firms = new Set<string>();
    for (const reply of replies) firms.add((await joined(reply)).firm!.id);
    expect(firms.size).toBe(1);
    const stored = await database.db
      .selectFrom('firms')
      .select('id')
      .where('garden_id', '=', garden.id)
      .execute();
    expect(stored.map((f) => f.id)).toEqual([...firms]);
  });

  it('again updates firm and name, keeps joinedAt, and logs consent given again', async () => {
    const { app, clock } = joinApp();
    const { garden, code } = await gardenWithCode(app);
    const learner = await register(app, uniqueEmail('igjen'));
    const firstAt = clock.now;
    await joined(await join(app, learner.token, { code, firm: { name: 'Gamle AS' } }));
    clock.now += 60_000;
    const again = await joined(
      await join(app, learner.token, {
        code,
        displayName: 'Kari Nordmann',
        firm: { name: 'Nye AS' },
      }),
    );
    expect(again).toMatchObject({
      displayName: 'Kari Nordmann',
      firm: { name: 'Nye AS' },
      joinedAt: firstAt,
      consent: { givenAt: clock.now },
    });
    const rows = await rowsOf(learner.user.id, garden.id);
    expect(rows.memberships).toHaveLength(1);
    expect(rows.log.map((entry) => [entry.kind, entry.at])).toEqual([
      ['given', firstAt],
      ['given', clock.now],
    ]);
  });

  it('refuses an outdated consent text and writes nothing', async () => {
    const { app } = joinApp();
    const { garden, code } = await gardenWithCode(app);
    const learner = await register(app, uniqueEmail('gammel'));
    const refused = await join(app, learner.token, {
      code,
      firm: { name: 'Firma AS' },
      consentVersion: '2025-01-01',
    });
    expect(refused.status).toBe(409);
    expect(await errorOf(refused)).toBe('consent_outdated');
    expect(await rowsOf(learner.user.id, garden.id)).toEqual({
      memberships: [],
      consents: [],
      log: [],
    });
    const firms = await database.db
      .selectFrom('firms')
      .select('id')
      .where('garden_id', '=', garden.id)
      .execute();
    expect(firms).toEqual([]);
  });

  it('lets an advisor join their own garden as a learner, and /me shows both roles', async () => {
    const { app } = joinApp();
    const { admin, garden, code } = await gardenWithCode(app);
    const token = await advisorOf(app, admin, garden.id);
    const membership = await joined(await join(app, token, { code, firm: { name: 'Hagen selv' } }));
    expect(await me(app, token)).toEqual({
      memberships: [membership],
      advisorOf: [garden],
      roles: [],
    });
  });
});

describe('withdrawing', () => {
  it('deletes the membership, marks the consent withdrawn and logs it, in the export too', async () => {
    const { app, clock } = joinApp();
    const { garden, code } = await gardenWithCode(app);
    const learner = await register(app, uniqueEmail('trekker'));
    const joinedAt = clock.now;
    await joined(await join(app, learner.token, { code, firm: { name: 'Firma AS' } }));
    clock.now += 60_000;
    const path = `/api/v1/network/memberships/${garden.id}`;
    const withdrawn = await call(app, 'DELETE', path, { token: learner.token });
    expect(withdrawn.status).toBe(204);
    expect(withdrawn.headers.get('Cache-Control')).toBe('no-store');
    expect(await rowsOf(learner.user.id, garden.id)).toMatchObject({
      memberships: [],
      consents: [
        { text_version: CONSENT_TEXT_VERSION, given_at: joinedAt, withdrawn_at: clock.now },
      ],
      log: [
        { kind: 'given', at: joinedAt },
        { kind: 'withdrawn', text_version: CONSENT_TEXT_VERSION, at: clock.now },
      ],
    });
    expect((await me(app, learner.token)).memberships).toEqual([]);
    const again = await call(app, 'DELETE', path, { token: learner.token });
    expect(again.status).toBe(404);
    expect(await errorOf(again)).toBe('membership_not_found');

    // The learner's export shows both events of the audit log.
    const exported = await call(app, 'GET', '/api/v1/me/export', { token: learner.token });
    expect(exported.status).toBe(200);
    const { network } = JSON.parse(await exported.text()) as AccountExport;
    expect(network).toMatchObject({
      memberships: [],
      consents: [
        {
          gardenId: garden.id,
          textVersion: CONSENT_TEXT_VERSION,
          givenAt: joinedAt,
          withdrawnAt: clock.now,
        },
      ],
      consentLog: [
        { gardenId: garden.id, kind: 'given', at: joinedAt },
        { gardenId: garden.id, kind: 'withdrawn', at: clock.now },
      ],
    });

    // Joining again afterwards is a fresh membership with consent given anew.
    clock.now += 60_000;
    const back = await joined(await join(app, learner.token, { code, firm: { name: 'Firma AS' } }));
    expect(back).toMatchObject({ joinedAt: clock.now, consent: { givenAt: clock.now } });
    const rows = await rowsOf(learner.user.id, garden.id);
    expect(rows.consents[0]?.withdrawn_at).toBeNull();
    expect(rows.log.map((entry) => entry.kind)).toEqual(['given', 'withdrawn', 'given']);
  });

  it("ends what the garden's advisor sees from the withdrawal on", async () => {
    const { app } = joinApp();
    const { admin, garden, code } = await gardenWithCode(app);
    const advisor = await advisorOf(app, admin, garden.id);
    const learner = await register(app, uniqueEmail('synlig'));
    await joined(await join(app, learner.token, { code, firm: { name: 'Firma AS' } }));
    const list = `/api/v1/network/gardens/${garden.id}/learners`;
    const detail = `${list}/${learner.user.id}`;
    const seen = await call(app, 'GET', list, { token: advisor });
    expect(seen.status).toBe(200);
    expect(await seen.text()).toContain(learner.user.id);
    expect((await call(app, 'GET', detail, { token: advisor })).status).toBe(200);

    const path = `/api/v1/network/memberships/${garden.id}`;
    expect((await call(app, 'DELETE', path, { token: learner.token })).status).toBe(204);
    const after = await call(app, 'GET', list, { token: advisor });
    expect(after.status).toBe(200);
    const text = await after.text();
    expect(text).not.toContain(learner.user.id);
    expect(text).not.toContain('Kari');
    const gone = await call(app, 'GET', detail, { token: advisor });
    expect(gone.status).toBe(404);
    expect(await errorOf(gone)).toBe('learner_not_found');
  });

  it('is only ever of your own membership', async () => {
    const { app } = joinApp();
    const { garden, code } = await gardenWithCode(app);
    const member = await register(app, uniqueEmail('medlem'));
    await joined(await join(app, member.token, { code, firm: { name: 'Firma AS' } }));
    const other = await register(app, uniqueEmail('annen'));
    const path = `/api/v1/network/memberships/${garden.id}`;
    const refused = await call(app, 'DELETE', path, { token: other.token });
    expect(refused.status).toBe(404);
    expect(await errorOf(refused)).toBe('membership_not_found');
    expect((await call(app, 'DELETE', path)).status).toBe(401);
    expect((await me(app, member.token)).memberships).toHaveLength(1);
  });
});

describe('a firm no member is left in', () => {
  const firmsOf = (gardenId: string) =>
    database.db
      .selectFrom('firms')
      .select('name')
      .where('garden_id', '=', gardenId)
      .orderBy('name')
      .execute();

  it('goes with its last member, by withdrawal or account deletion; a firm others are in stays', async () => {
    const { app } = joinApp();
    const { garden, code } = await gardenWithCode(app);
    const alone = await register(app, uniqueEmail('enkeltperson'));
    await joined(await join(app, alone.token, { code, firm: { name: 'Kari Nordmann ENK' } }));
    const first = await register(app, uniqueEmail('forste'));
    const shared = (
      await joined(await join(app, first.token, { code, firm: { name: 'Felles AS' } }))
    ).firm!;
    const second = await register(app, uniqueEmail('andre'));
    await joined(await join(app, second.token, { code, firm: { id: shared.id } }));
    const erased = await register(app, uniqueEmail('slettet'));
    await joined(await join(app, erased.token, { code, firm: { name: 'Borte AS' } }));
    expect(await firmsOf(garden.id)).toEqual([
      { name: 'Borte AS' },
      { name: 'Felles AS' },
      { name: 'Kari Nordmann ENK' },
    ]);

    // A sole trader's firm name names the person: it goes with their withdrawal.
    const path = `/api/v1/network/memberships/${garden.id}`;
    expect((await call(app, 'DELETE', path, { token: alone.token })).status).toBe(204);
    // A firm another member is still in stays.
    expect((await call(app, 'DELETE', path, { token: first.token })).status).toBe(204);
    const deleted = await call(app, 'DELETE', '/api/v1/me', {
      token: erased.token,
      body: { password: PASSWORD },
    });
    expect(deleted.status, await deleted.clone().text()).toBe(204);
    expect(await firmsOf(garden.id)).toEqual([{ name: 'Felles AS' }]);
    // The join screen no longer offers them either.
    const offered = (await (await preview(app, code)).json()) as JoinPreview;
    expect(offered.firms.map((f) => f.name)).toEqual(['Felles AS']);
  });
});

describe("a join racing the withdrawal of its firm's last member", () => {
  it('either joins the firm, which then stays, or is told it is gone: never a 5xx nor a member without a firm', async () => {
    const { app } = joinApp();
    const { garden, code } = await gardenWithCode(app);
    const outcomes = new Map<number, number>();
    for (let round = 0; round < 8; round++) {
      const leaving = await register(app, uniqueEmail(`forlater${round}`));
      const firm = (
        await joined(
          await join(app, leaving.token, { code, firm: { name: `Kappløp ${round} AS` } }),
        )
      ).firm!;
      const arriving = await register(app, uniqueEmail(`kommer${round}`));
      const [withdrawn, joining] = await Promise.all([
        call(app, 'DELETE', `/api/v1/network/memberships/${garden.id}`, { token: leaving.token }),
        join(app, arriving.token, { code, firm: { id: firm.id } }),
      ]);
      expect(withdrawn.status).toBe(204);
      outcomes.set(joining.status, (outcomes.get(joining.status) ?? 0) + 1);
      const stored = await database.db
        .selectFrom('firms')
        .select('id')
        .where('id', '=', firm.id)
        .executeTakeFirst();
      if (joining.status === 200) {
        expect((await joining.json()) as Membership).toMatchObject({ firm: { id: firm.id } });
        expect(stored).toBeDefined();
      } else {
        expect(joining.status).toBe(404);
        expect(await errorOf(joining)).toBe('firm_not_found');
        expect(stored).toBeUndefined();
      }
    }
    expect([...outcomes.keys()].every((status) => status === 200 || status === 404)).toBe(true);
  });
});

describe('account deletion', () => {
  it('removes memberships, consents and the consent log', async () => {
    const { app } = joinApp();
    const { garden, code } = await gardenWithCode(app);
    const learner = await register(app, uniqueEmail('slett'));
    await joined(await join(app, learner.token, { code, firm: { name: 'Firma AS' } }));
    const deleted = await call(app, 'DELETE', '/api/v1/me', {
      token: learner.token,
      body: { password: PASSWORD },
    });
    expect(deleted.status, await deleted.clone().text()).toBe(204);
    expect(await rowsOf(learner.user.id, garden.id)).toEqual({
      memberships: [],
      consents: [],
      log: [],
    });
  });
});

describe("a guesser's budget", () => {
  it(`allows ${JOIN_CODE_MISSES.points} misses per address and window, then 429 with Retry-After`, async () => {
    const { app, lines } = joinApp();
    const { code } = await gardenWithCode(app);
    const guesser = '198.51.100.7';
    // Hits cost nothing: a course evening behind one address is never refused.
    for (let i = 0; i < JOIN_CODE_MISSES.points + 5; i++) {
      expect((await preview(app, code, guesser)).status).toBe(200);
    }
    for (let i = 0; i < JOIN_CODE_MISSES.points; i++) {
      expect((await preview(app, 'NH-2222-22', guesser)).status).toBe(404);
    }
    const limited = await preview(app, 'NH-2222-23', guesser);
    expect(limited.status).toBe(429);
    expect(await errorOf(limited)).toBe('rate_limited');
    const retryAfter = Number(limited.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(JOIN_CODE_MISSES.seconds);
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'rate limited', rule: 'join-code-misses', address: guesser }),
    );
    // The join itself shares the budget (a guesser may have an account)…
    const learner = await register(app, uniqueEmail('gjetter'));
    const joinLimited = await join(app, learner.token, { code, firm: { name: 'X AS' } }, guesser);
    expect(joinLimited.status).toBe(429);
    // …and another address has its own.
    expect((await preview(app, 'NH-2222-22', '203.0.113.9')).status).toBe(404);
    expect((await preview(app, code, '203.0.113.9')).status).toBe(200);
  });
});

describe('bad requests', () => {
  it('are 4xx with a reason, never 5xx', async () => {
    const { app } = joinApp();
    const { code } = await gardenWithCode(app);
    const { token } = await register(app, uniqueEmail('feil'));
    const valid = {
      code,
      firm: { name: 'Firma AS' },
      displayName: 'Kari',
      consentVersion: CONSENT_TEXT_VERSION,
    };
    const cases: [string, string, unknown, number, string][] = [
      ['GET', '/api/v1/network/join/NH-0000-00', undefined, 400, 'invalid_request'],
      ['GET', '/api/v1/network/join/%00', undefined, 400, 'invalid_request'],
      ['GET', '/api/v1/network/join/NH-2222-2', undefined, 400, 'invalid_request'],
      ['POST', '/api/v1/network/join/NH-2222-22', {}, 405, 'method_not_allowed'],
      ['POST', '/api/v1/network/join', { ...valid, code: 'NH-OOOO-OO' }, 400, 'invalid_request'],
      ['POST', '/api/v1/network/join', { ...valid, displayName: '' }, 400, 'invalid_request'],
      [
        'POST',
        '/api/v1/network/join',
        { ...valid, displayName: 'K\u0000' },
        400,
        'invalid_request',
      ],
      [
        'POST',
        '/api/v1/network/join',
        { ...valid, firm: { name: 'Firma', orgNumber: '974760674' } },
        400,
        'invalid_request',
      ],
      [
        'POST',
        '/api/v1/network/join',
        { ...valid, firm: { id: 'x', name: 'y' } },
        400,
        'invalid_request',
      ],
      ['POST', '/api/v1/network/join', { ...valid, extra: 1 }, 400, 'invalid_request'],
      [
        'POST',
        '/api/v1/network/join',
        { ...valid, consentVersion: 'x'.repeat(41) },
        400,
        'invalid_request',
      ],
      ['POST', '/api/v1/network/join', '{"code":', 400, 'invalid_json'],
      [
        'POST',
        '/api/v1/network/join',
        { ...valid, code: 'NH-2222-22' },
        404,
        'join_code_not_found',
      ],
      ['POST', '/api/v1/network/join', { ...valid, consentVersion: '1' }, 409, 'consent_outdated'],
      ['GET', '/api/v1/network/join', undefined, 405, 'method_not_allowed'],
      ['PUT', '/api/v1/network/me', undefined, 405, 'method_not_allowed'],
      ['GET', '/api/v1/network/memberships/x', undefined, 405, 'method_not_allowed'],
      ['DELETE', '/api/v1/network/memberships/%00', undefined, 404, 'membership_not_found'],
      [
        'DELETE',
        '/api/v1/network/memberships/00000000-0000-4000-8000-000000000000',
        undefined,
        404,
        'membership_not_found',
      ],
    ];
    for (const [method, path, body, status, error] of cases) {
      const response = await call(app, method, path, { token, body });
      expect(response.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(status);
      expect(await errorOf(response)).toBe(error);
    }
    for (const [method, path] of [
      ['POST', '/api/v1/network/join'],
      ['GET', '/api/v1/network/me'],
      ['DELETE', '/api/v1/network/memberships/00000000-0000-4000-8000-000000000000'],
    ] as const) {
      const response = await call(app, method, path, {
        body: method === 'POST' ? valid : undefined,
      });
      expect(response.status, `${method} ${path}`).toBe(401);
    }
  });
});
