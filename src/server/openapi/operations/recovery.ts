// Recovery by e-mail and address verification in the contract (src/server/auth/recovery-routes.ts).
import { credentialFieldErrorsSchema, sessionResponseSchema } from '../../../shared/api-schemas';
import {
  acceptedResponseSchema,
  forgotRequestSchema,
  resendVerificationSchema,
  resetRequestSchema,
  verifyEmailRequestSchema,
  verifyEmailResponseSchema,
} from '../../../shared/recovery-protocol';
import { ACCOUNT_BODY_LIMIT } from '../../auth/deps';
import { fail, json, RATE_LIMITED, RETRY_AFTER, type Operation } from '../registry';

const NO_STORE = {
  'Cache-Control': { description: '`no-store`', required: true },
};

/** Routes of src/server/auth/recovery-routes.ts. */
export const recoveryOperations: Operation[] = [
  {
    operationId: 'requestPasswordReset',
    method: 'post',
    path: '/api/v1/auth/forgot',
    tag: 'account',
    summary: 'Mail a single-use reset link (30 minutes) if the address has an account',
    description:
      'The reply is the same, in about the same time, whether or not the address has an ' +
      'account: the lookup and the mail happen after it. A newer link kills the older one.',
    auth: 'none',
    body: { schema: forgotRequestSchema, maxBytes: ACCOUNT_BODY_LIMIT },
    responses: {
      202: json('Accepted (for every address)', acceptedResponseSchema, NO_STORE),
      429: RATE_LIMITED,
    },
  },
  {
    operationId: 'resetPassword',
    method: 'post',
    path: '/api/v1/auth/reset',
    tag: 'account',
    summary: "Set a new password with a reset link's token; ends every session, opens a new one",
    auth: 'none',
    body: { schema: resetRequestSchema, maxBytes: ACCOUNT_BODY_LIMIT },
    responses: {
      200: json(
        'The new password is set; the session token is shown this once',
        sessionResponseSchema,
        NO_STORE,
      ),
      400: fail(
        'The token is unknown, used, replaced by a newer one or expired (`invalid_token`), or the ' +
          'password is not allowed (`invalid_request` with `fields.password`)',
        ['invalid_json', 'invalid_request', 'invalid_token'],
        { extra: { fields: credentialFieldErrorsSchema } },
      ),
    },
  },
  {
    operationId: 'verifyEmail',
    method: 'post',
    path: '/api/v1/auth/verify-email',
    tag: 'account',
    summary: "Confirm the account's address with a verification link's token (single use)",
    auth: 'none',
    body: { schema: verifyEmailRequestSchema, maxBytes: ACCOUNT_BODY_LIMIT },
    responses: {
      200: json('The address is verified', verifyEmailResponseSchema, NO_STORE),
      400: fail('The token is unknown, used, replaced or expired', [
        'invalid_json',
        'invalid_request',
        'invalid_token',
      ]),
    },
  },
  {
    operationId: 'resendVerification',
    method: 'post',
    path: '/api/v1/me/verify-email',
    tag: 'account',
    summary: 'Mail a fresh verification link (at most one a minute)',
    description:
      'Accepted and nothing sent when the address is verified already. The body is optional.',
    auth: 'bearer',
    body: { schema: resendVerificationSchema, maxBytes: ACCOUNT_BODY_LIMIT, required: false },
    responses: {
      202: json('Sent (or nothing to verify)', acceptedResponseSchema, NO_STORE),
      429: fail('A link went out less than a minute ago', ['rate_limited'], {
        headers: RETRY_AFTER,
      }),
      503: fail('The server sends no mail, or the mail server did not take it', [
        'mail_unavailable',
      ]),
    },
  },
];
