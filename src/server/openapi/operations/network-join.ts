// Joining a business garden with consent, and withdrawing, in the contract (issue 14):
// src/server/network/membership-routes.ts, mounted under /api/v1/network.
import {
  CONSENT_TEXT_VERSION,
  joinPreviewSchema,
  joinRequestSchema,
  membershipSchema,
  networkMeSchema,
} from '../../../shared/network-protocol';
import { ACCOUNT_BODY_LIMIT } from '../../auth/deps';
import { JOIN_CODE_MISSES } from '../../limits/join-limits';
import { empty, fail, json, RATE_LIMITED, type Operation } from '../registry';

const NO_STORE = {
  'Cache-Control': { description: '`no-store`', required: true },
};
const CODE_LIMIT = {
  ...RATE_LIMITED,
  description:
    `${JOIN_CODE_MISSES.points} lookups that found no live code in ` +
    `${JOIN_CODE_MISSES.seconds / 60} minutes from this address: wait for Retry-After seconds`,
};

/** Routes of src/server/network/membership-routes.ts. */
export const networkJoinOperations: Operation[] = [
  {
    operationId: 'previewJoin',
    method: 'get',
    path: '/api/v1/network/join/{code}',
    tag: 'network',
    summary: 'The garden of a join code and its firms, for the consent screen (no session)',
    description:
      'Lookups that find no live code are limited per client address (a found code costs ' +
      'nothing), so codes cannot be guessed.',
    auth: 'none',
    params: { code: { description: 'The join code, e.g. `NH-7K3P-Q2` (any case)' } },
    responses: {
      200: json('The garden and its firms', joinPreviewSchema, NO_STORE),
      400: fail('Not a join code like `NH-7K3P-Q2` (never looked up)', ['invalid_request']),
      404: fail('No live join code like this: unknown, revoked or expired (one answer)', [
        'join_code_not_found',
      ]),
      429: CODE_LIMIT,
    },
  },
  {
    operationId: 'joinGarden',
    method: 'post',
    path: '/api/v1/network/join',
    tag: 'network',
    summary: "Join a code's garden with consent to the shown text; again updates firm and name",
    description:
      `\`consentVersion\` must be the text version the server knows (now \`${CONSENT_TEXT_VERSION}\`). ` +
      'A new firm with an organisation number the garden already has joins that firm. ' +
      'Membership, consent and the consent log entry are written in one transaction.',
    auth: 'bearer',
    body: { schema: joinRequestSchema, maxBytes: ACCOUNT_BODY_LIMIT },
    responses: {
      200: json('You are a member, with consent', membershipSchema, NO_STORE),
      404: fail('No live join code like this, or the garden has no firm with this id', [
        'join_code_not_found',
        'firm_not_found',
      ]),
      409: fail('The consent text has a newer version than the one shown', ['consent_outdated']),
      429: CODE_LIMIT,
    },
  },
  {
    operationId: 'getNetworkMe',
    method: 'get',
    path: '/api/v1/network/me',
    tag: 'network',
    summary: 'Your place in the network: gardens joined (with consent), gardens advised, roles',
    auth: 'bearer',
    responses: {
      200: json('Memberships, gardens advised and network roles', networkMeSchema, NO_STORE),
    },
  },
  {
    operationId: 'withdrawMembership',
    method: 'delete',
    path: '/api/v1/network/memberships/{gardenId}',
    tag: 'network',
    summary: 'Withdraw consent and leave the garden: its advisors see nothing of you from now',
    auth: 'bearer',
    params: { gardenId: { description: 'The garden id' } },
    responses: {
      204: empty('Withdrawn; the consent log says so', NO_STORE),
      404: fail('You are not a member of this garden', ['membership_not_found']),
    },
  },
];
