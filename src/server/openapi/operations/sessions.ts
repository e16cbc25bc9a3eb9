// The learner's signed-in devices and the password change in the contract (helper C):
// src/server/auth/session-routes.ts, mounted under /api/v1/me.
import { z } from 'zod/mini';
import {
  changePasswordSchema,
  endedSessionsSchema,
  sessionIdSchema,
  sessionListSchema,
} from '../../../shared/session-protocol';
import { ACCOUNT_BODY_LIMIT } from '../../auth/deps';
import { empty, fail, json, RATE_LIMITED, type Operation } from '../registry';

const NO_STORE = {
  'Cache-Control': { description: '`no-store`', required: true },
};

const passwordFieldCode = z.enum([
  'password_missing',
  'password_too_short',
  'password_too_long',
  'password_too_common',
  'password_like_email',
]);

/** Routes of src/server/auth/session-routes.ts. */
export const sessionOperations: Operation[] = [
  {
    operationId: 'listSessions',
    method: 'get',
    path: '/api/v1/me/sessions',
    tag: 'account',
    summary: "The learner's live sessions (signed-in devices), this one first",
    auth: 'bearer',
    responses: {
      200: json('The sessions', sessionListSchema, NO_STORE),
    },
  },
  {
    operationId: 'endSession',
    method: 'delete',
    path: '/api/v1/me/sessions/{id}',
    tag: 'account',
    summary: 'End one of your own sessions by its public id',
    auth: 'bearer',
    params: {
      id: { description: 'The public session id from listSessions', schema: sessionIdSchema },
    },
    responses: {
      204: empty('Ended; that device is refused (401) at its next request', NO_STORE),
      404: fail('You have no session with this id (malformed, ended, or not yours)', ['not_found']),
    },
  },
  {
    operationId: 'endOtherSessions',
    method: 'post',
    path: '/api/v1/me/sessions/end-others',
    tag: 'account',
    summary: 'End every session of the account except this one',
    auth: 'bearer',
    responses: {
      200: json('How many sessions ended', endedSessionsSchema, NO_STORE),
    },
  },
  {
    operationId: 'changePassword',
    method: 'post',
    path: '/api/v1/me/password',
    tag: 'account',
    summary: 'Change the password (the current one again); ends every other session',
    auth: 'bearer',
    body: { schema: changePasswordSchema, maxBytes: ACCOUNT_BODY_LIMIT },
    responses: {
      200: json('Changed; how many other sessions ended', endedSessionsSchema, NO_STORE),
      400: fail(
        'Malformed body, or the new password is refused: `fields.newPassword` gives the reason',
        ['invalid_json', 'invalid_request'],
        { extra: { fields: z.optional(z.object({ newPassword: z.optional(passwordFieldCode) })) } },
      ),
      403: fail('The current password is wrong', ['invalid_credentials']),
      429: RATE_LIMITED,
    },
  },
];
