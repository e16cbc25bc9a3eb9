// The business-garden network's routes under /api/v1/network, thin adapters: parse, authorise
// (a network admin, or an advisor of the garden), call gardens.ts, reply. Invite links carry a
// token and never reach a log line.
import { Hono, type Context } from 'hono';
import {
  acceptInviteRequestSchema,
  createGardenRequestSchema,
  createJoinCodeRequestSchema,
  GARDEN_PAGE,
  inviteRequestSchema,
  isServerId,
  joinCodeSchema,
} from '../../shared/network-protocol';
import { apiBodyLimit, apiError, methodNotAllowed } from '../api-errors';
import { ACCOUNT_BODY_LIMIT, NO_STORE } from '../auth/deps';
import { readJson } from '../json-body';
import { mailLinkOrigin } from '../mail/link-origin';
import { mailLanguage } from '../mail/texts';
import { requireLearner, type AuthVariables } from '../sessions/sessions';
import { gardenRoleOf, isNetworkAdmin } from './access';
import {
  acceptInvite,
  createGarden,
  inviteAdvisor,
  removeAdvisor,
  type NetworkDeps,
} from './gardens';
import { createJoinCode, joinCodesOf, revokeJoinCode } from './join-codes';
import { advisorsOf, findGarden, firmsOf, listGardens, toGarden } from './queries';

/** Options of the network routes. */
export interface NetworkOptions extends NetworkDeps {
  /** The app's origin for invite links (PUBLIC_URL); null: the request's, if loopback. */
  publicUrl: string | null;
}

type Ctx = Context<{ Variables: AuthVariables }>;

const forbidden = (c: Ctx) =>
  apiError(c, 403, 'forbidden', 'Only a network admin or an advisor of the garden may do this');

const INVITE_STATUS = {
  invite_not_found: 404,
  invite_used: 410,
  invite_expired: 410,
  invite_wrong_account: 403,
} as const;

const INVITE_MESSAGE = {
  invite_not_found: 'No invite has this token',
  invite_used: 'The invite has been used',
  invite_expired: 'The invite has expired (invites last 7 days)',
  invite_wrong_account: 'The invite was sent to another address than this account has',
} as const;

/** Routes mounted at /api/v1/network. */
export function networkRoutes(options: NetworkOptions): Hono<{ Variables: AuthVariables }> {
  const { db, now, publicUrl } = options;
  const app = new Hono<{ Variables: AuthVariables }>();
  const session = requireLearner(db, now);
  const bodyLimit = apiBodyLimit(ACCOUNT_BODY_LIMIT);

  /** Origin and language of an invite made by this request; null without a trusted origin. */
  const linkContext = (c: Ctx, lang: string | undefined) => {
    const origin = mailLinkOrigin(publicUrl, c.req.url);
    if (!origin) return null;
    return { origin, lang: mailLanguage(lang, c.req.header('Accept-Language')) };
  };
  /** A reply refusing the request, or null when the user manages the garden: 403 for a user
   * with no role in it (whether or not it exists), 404 for a network admin asking for an id the
   * server never made (sent to no query: PostgreSQL refuses NUL in text). */
  const refuseGarden = async (c: Ctx, gardenId: string): Promise<Response | null> => {
    const wellFormed = isServerId(gardenId);
    const role = wellFormed
      ? await gardenRoleOf(db, c.var.userId, gardenId)
      : (await isNetworkAdmin(db, c.var.userId)) && 'network_admin';
    if (!role) return forbidden(c);
    return wellFormed ? null : apiError(c, 404, 'garden_not_found', 'No garden has this id');
  };
  const noOrigin = (c: Ctx) =>
    apiError(c, 503, 'mail_unavailable', 'Set PUBLIC_URL: the server cannot tell its own address');

  app.post('/gardens', session, bodyLimit, async (c) => {
    if (!(await isNetworkAdmin(db, c.var.userId))) return forbidden(c);
    const body = await readJson(c, createGardenRequestSchema);
    if (!body.ok) return body.response;
    const { advisorEmail, lang, ...fields } = body.value;
    const context = advisorEmail === undefined ? null : linkContext(c, lang);
    if (advisorEmail !== undefined && !context) return noOrigin(c);
    const garden = await createGarden(options, fields);
    const invite =
      advisorEmail !== undefined && context
        ? ((await inviteAdvisor(
            options,
            { gardenId: garden.id, email: advisorEmail, invitedBy: c.var.userId },
            context,
          )) ?? null)
        : null;
    return c.json({ garden, invite }, 201, NO_STORE);
  });

  app.get('/gardens', session, async (c) => {
    const after = c.req.query('after') || undefined;
    if (after !== undefined && !isServerId(after)) {
      return apiError(c, 400, 'invalid_request', 'after: not a page cursor (the `next` of a page)');
    }
    const asked = Number(c.req.query('limit') ?? GARDEN_PAGE);
    const limit =
      Number.isInteger(asked) && asked >= 1 ? Math.min(asked, GARDEN_PAGE) : GARDEN_PAGE;
    const admin = await isNetworkAdmin(db, c.var.userId);
    const rows = await listGardens(db, {
      after,
      limit: limit + 1,
      advisorId: admin ? undefined : c.var.userId,
    });
    const page = rows.slice(0, limit);
    const next = rows.length > limit ? page[page.length - 1]!.id : null;
    return c.json({ gardens: page.map(toGarden), next }, 200, NO_STORE);
  });

  app.get('/gardens/:gardenId', session, async (c) => {
    const gardenId = c.req.param('gardenId');
    const refused = await refuseGarden(c, gardenId);
    if (refused) return refused;
    const garden = await findGarden(db, gardenId);
    if (!garden) return apiError(c, 404, 'garden_not_found', 'No garden has this id');
    const [advisors, firms] = await Promise.all([advisorsOf(db, gardenId), firmsOf(db, gardenId)]);
    return c.json(
      {
        garden: toGarden(garden),
        advisors: advisors.map((a) => ({ userId: a.user_id, email: a.email, addedAt: a.added_at })),
        firms: firms.map((f) => ({ id: f.id, name: f.name, orgNumber: f.org_number })),
      },
      200,
      NO_STORE,
    );
  });

  app.post('/gardens/:gardenId/invites', session, bodyLimit, async (c) => {
    const gardenId = c.req.param('gardenId');
    const refused = await refuseGarden(c, gardenId);
    if (refused) return refused;
    const body = await readJson(c, inviteRequestSchema);
    if (!body.ok) return body.response;
    const context = linkContext(c, body.value.lang);
    if (!context) return noOrigin(c);
    const invite = await inviteAdvisor(
      options,
      { gardenId, email: body.value.email, invitedBy: c.var.userId },
      context,
    );
    if (!invite) return apiError(c, 404, 'garden_not_found', 'No garden has this id');
    return c.json(invite, 201, NO_STORE);
  });

  app.delete('/gardens/:gardenId/advisors/:userId', session, async (c) => {
    const { gardenId, userId } = c.req.param();
    // A network admin removes anyone; an advisor only steps down themself.
    const admin = await isNetworkAdmin(db, c.var.userId);
    if (!admin && userId !== c.var.userId) return forbidden(c);
    const advises = isServerId(gardenId) && (await gardenRoleOf(db, c.var.userId, gardenId));
    if (!admin && !advises) return forbidden(c);
    const known = isServerId(gardenId) && isServerId(userId);
    if (!known || !(await removeAdvisor(options, gardenId, userId))) {
      return apiError(c, 404, 'advisor_not_found', 'The user does not advise this garden');
    }
    return c.body(null, 204, NO_STORE);
  });

  app.post('/invites/accept', session, bodyLimit, async (c) => {
    const body = await readJson(c, acceptInviteRequestSchema);
    if (!body.ok) return body.response;
    const result = await acceptInvite(options, { token: body.value.token, userId: c.var.userId });
    if (!result.ok) {
      return apiError(
        c,
        INVITE_STATUS[result.reason],
        result.reason,
        INVITE_MESSAGE[result.reason],
      );
    }
    options.logger.info({ userId: c.var.userId, gardenId: result.garden.id }, 'advisor added');
    return c.json({ garden: result.garden }, 200, NO_STORE);
  });

  app.post('/gardens/:gardenId/join-codes', session, bodyLimit, async (c) => {
    const gardenId = c.req.param('gardenId');
    const refused = await refuseGarden(c, gardenId);
    if (refused) return refused;
    const body = await readJson(c, createJoinCodeRequestSchema);
    if (!body.ok) return body.response;
    const at = now();
    const expiresAt = body.value.expiresAt ?? null;
    if (expiresAt !== null && expiresAt <= at) {
      return apiError(c, 400, 'invalid_request', 'expiresAt: must be in the future');
    }
    const origin = mailLinkOrigin(publicUrl, c.req.url);
    if (!origin) return noOrigin(c);
    if (!(await findGarden(db, gardenId))) {
      return apiError(c, 404, 'garden_not_found', 'No garden has this id');
    }
    const code = await createJoinCode(
      db,
      { gardenId, createdBy: c.var.userId, expiresAt, at },
      origin,
    );
    return c.json(code, 201, NO_STORE);
  });

  app.get('/gardens/:gardenId/join-codes', session, async (c) => {
    const gardenId = c.req.param('gardenId');
    const refused = await refuseGarden(c, gardenId);
    if (refused) return refused;
    const origin = mailLinkOrigin(publicUrl, c.req.url);
    if (!origin) return noOrigin(c);
    return c.json({ joinCodes: await joinCodesOf(db, gardenId, origin) }, 200, NO_STORE);
  });

  app.delete('/gardens/:gardenId/join-codes/:code', session, async (c) => {
    const { gardenId, code } = c.req.param();
    const refused = await refuseGarden(c, gardenId);
    if (refused) return refused;
    const wanted = joinCodeSchema.safeParse(code);
    if (!wanted.success || !(await revokeJoinCode(db, gardenId, wanted.data, now()))) {
      return apiError(c, 404, 'join_code_not_found', 'The garden has no live code like this');
    }
    return c.body(null, 204, NO_STORE);
  });

  app.all('/gardens', (c) => methodNotAllowed(c, 'GET, HEAD, POST'));
  app.all('/gardens/:gardenId/join-codes', (c) => methodNotAllowed(c, 'GET, HEAD, POST'));
  app.all('/gardens/:gardenId/join-codes/:code', (c) => methodNotAllowed(c, 'DELETE'));
  app.all('/gardens/:gardenId', (c) => methodNotAllowed(c));
  app.all('/gardens/:gardenId/invites', (c) => methodNotAllowed(c, 'POST'));
  app.all('/gardens/:gardenId/advisors/:userId', (c) => methodNotAllowed(c, 'DELETE'));
  app.all('/invites/accept', (c) => methodNotAllowed(c, 'POST'));
  return app;
}
