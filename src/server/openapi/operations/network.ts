// The business-garden network in the contract (issue 14): src/server/network/routes.ts, mounted
// under /api/v1/network.
import { z } from 'zod/mini';
import {
  acceptInviteRequestSchema,
  acceptInviteResponseSchema,
  createGardenRequestSchema,
  createGardenResponseSchema,
  createJoinCodeRequestSchema,
  gardenDetailSchema,
  GARDEN_PAGE,
  gardenListSchema,
  inviteRequestSchema,
  inviteSchema,
  joinCodeInfoSchema,
  joinCodeListSchema,
} from '../../../shared/network-protocol';
import { ACCOUNT_BODY_LIMIT } from '../../auth/deps';
import { empty, fail, json, type Operation } from '../registry';

const NO_STORE = {
  'Cache-Control': { description: '`no-store`', required: true },
};
const FORBIDDEN = fail('Only a network admin or an advisor of the garden may do this', [
  'forbidden',
]);
const NO_ORIGIN = fail('PUBLIC_URL is not set and the request came from a non-loopback host', [
  'mail_unavailable',
]);
const GARDEN_ID = { gardenId: { description: 'The garden id' } };

/** Routes of src/server/network/routes.ts. */
export const networkOperations: Operation[] = [
  {
    operationId: 'createGarden',
    method: 'post',
    path: '/api/v1/network/gardens',
    tag: 'network',
    summary: 'Create a business garden, and invite its first advisor (network admin only)',
    description:
      'With `advisorEmail`, a single-use invite (7 days) is made and mailed; its link is in the ' +
      'reply this once (`mailed` says whether the mail went out).',
    auth: 'bearer',
    body: { schema: createGardenRequestSchema, maxBytes: ACCOUNT_BODY_LIMIT },
    responses: {
      201: json(
        'The garden, and the invite if one was asked for',
        createGardenResponseSchema,
        NO_STORE,
      ),
      403: fail('Only a network admin may create gardens', ['forbidden']),
      503: NO_ORIGIN,
    },
  },
  {
    operationId: 'listGardens',
    method: 'get',
    path: '/api/v1/network/gardens',
    tag: 'network',
    summary: 'The gardens you manage: all for a network admin, the ones you advise otherwise',
    auth: 'bearer',
    query: {
      after: { description: 'The `next` of the previous page' },
      limit: {
        description: `Gardens per page, 1–${GARDEN_PAGE} (default ${GARDEN_PAGE})`,
        schema: z.string().check(z.regex(/^\d+$/)),
      },
    },
    responses: {
      200: json('A page of gardens in creation order', gardenListSchema, NO_STORE),
      400: fail('`after` is not the `next` of a page', ['invalid_request']),
    },
  },
  {
    operationId: 'getGarden',
    method: 'get',
    path: '/api/v1/network/gardens/{gardenId}',
    tag: 'network',
    summary: 'A garden with its advisors and firms (no learner data)',
    auth: 'bearer',
    params: GARDEN_ID,
    responses: {
      200: json('The garden', gardenDetailSchema, NO_STORE),
      403: FORBIDDEN,
      404: fail('No garden has this id (network admin)', ['garden_not_found']),
    },
  },
  {
    operationId: 'inviteAdvisor',
    method: 'post',
    path: '/api/v1/network/gardens/{gardenId}/invites',
    tag: 'network',
    summary: 'Invite an advisor of the garden (network admin, or an advisor of it)',
    description:
      'A single-use invite for 7 days, for the account with this address only; mailed, and ' +
      'its link is in the reply this once.',
    auth: 'bearer',
    params: GARDEN_ID,
    body: { schema: inviteRequestSchema, maxBytes: ACCOUNT_BODY_LIMIT },
    responses: {
      201: json('The invite', inviteSchema, NO_STORE),
      403: FORBIDDEN,
      404: fail('No garden has this id (network admin)', ['garden_not_found']),
      503: NO_ORIGIN,
    },
  },
  {
    operationId: 'removeAdvisor',
    method: 'delete',
    path: '/api/v1/network/gardens/{gardenId}/advisors/{userId}',
    tag: 'network',
    summary: 'Remove an advisor (network admin), or step down yourself (advisor)',
    auth: 'bearer',
    params: { ...GARDEN_ID, userId: { description: "The advisor's user id" } },
    responses: {
      204: empty('Removed', NO_STORE),
      403: FORBIDDEN,
      404: fail('The user does not advise this garden', ['advisor_not_found']),
    },
  },
  {
    operationId: 'createJoinCode',
    method: 'post',
    path: '/api/v1/network/gardens/{gardenId}/join-codes',
    tag: 'network',
    summary: 'Make a join code (e.g. `NH-7K3P-Q2`) and link for learners to join the garden',
    auth: 'bearer',
    params: GARDEN_ID,
    body: { schema: createJoinCodeRequestSchema, maxBytes: ACCOUNT_BODY_LIMIT },
    responses: {
      201: json('The code and its link', joinCodeInfoSchema, NO_STORE),
      403: FORBIDDEN,
      404: fail('No garden has this id (network admin)', ['garden_not_found']),
      503: NO_ORIGIN,
    },
  },
  {
    operationId: 'listJoinCodes',
    method: 'get',
    path: '/api/v1/network/gardens/{gardenId}/join-codes',
    tag: 'network',
    summary: "The garden's join codes, newest first, revoked and expired ones marked",
    auth: 'bearer',
    params: GARDEN_ID,
    responses: {
      200: json('The codes', joinCodeListSchema, NO_STORE),
      403: FORBIDDEN,
      404: fail('No garden has this id', ['garden_not_found']),
      503: NO_ORIGIN,
    },
  },
  {
    operationId: 'revokeJoinCode',
    method: 'delete',
    path: '/api/v1/network/gardens/{gardenId}/join-codes/{code}',
    tag: 'network',
    summary: 'Revoke a join code: nobody can join with it any more',
    auth: 'bearer',
    params: { ...GARDEN_ID, code: { description: 'The code, e.g. `NH-7K3P-Q2`' } },
    responses: {
      204: empty('Revoked', NO_STORE),
      403: FORBIDDEN,
      404: fail('No garden has this id, or it has no live code like this', [
        'garden_not_found',
        'join_code_not_found',
      ]),
    },
  },
  {
    operationId: 'acceptInvite',
    method: 'post',
    path: '/api/v1/network/invites/accept',
    tag: 'network',
    summary: "Accept an advisor invite with its link's token; you then advise the garden",
    auth: 'bearer',
    body: { schema: acceptInviteRequestSchema, maxBytes: ACCOUNT_BODY_LIMIT },
    responses: {
      200: json('You advise the garden', acceptInviteResponseSchema, NO_STORE),
      403: fail('The invite was sent to another address than this account has', [
        'invite_wrong_account',
      ]),
      404: fail('No invite has this token', ['invite_not_found']),
      410: fail('The invite was used, or has expired', ['invite_used', 'invite_expired']),
    },
  },
];
