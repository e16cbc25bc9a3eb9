// The account API in the contract: register, sign in and out (/api/v1/auth), who am I, the export
// and the erasure (/api/v1/me).
import type { z } from 'zod/mini';
import {
  accountExportSchema,
  accountInfoSchema,
  credentialFieldErrorsSchema,
  sessionResponseSchema,
} from '../../../shared/api-schemas';
import { credentialsSchema, deleteAccountSchema, loginSchema } from '../../../shared/sync-protocol';
import { ACCOUNT_BODY_LIMIT } from '../../auth/deps';
import type { AccountExport } from '../../auth/export';
import { empty, fail, json, RATE_LIMITED, WWW_AUTHENTICATE, type Operation } from '../registry';

// The export schema and the server's type of the export agree (both ways).
const exportAgrees = (value: z.infer<typeof accountExportSchema>): AccountExport => value;
const exportAgreesBack = (value: AccountExport): z.infer<typeof accountExportSchema> => value;
void exportAgrees;
void exportAgreesBack;

const NO_STORE = {
  'Cache-Control': { description: '`no-store`', required: true },
};
const REFUSED_CREDENTIALS = fail(
  'Malformed body, or unusable credentials: `fields` gives a reason per field',
  ['invalid_json', 'invalid_request'],
  { extra: { fields: credentialFieldErrorsSchema } },
);

/** Routes of src/server/auth/routes.ts and me-routes.ts. */
export const accountOperations: Operation[] = [
  {
    operationId: 'register',
    method: 'post',
    path: '/api/v1/auth/register',
    tag: 'account',
    summary: 'Create an account and sign in',
    auth: 'none',
    body: { schema: credentialsSchema, maxBytes: ACCOUNT_BODY_LIMIT },
    responses: {
      201: json(
        'Account created; the session token is shown this once',
        sessionResponseSchema,
        NO_STORE,
      ),
      400: REFUSED_CREDENTIALS,
      409: fail('An account with this address exists', ['email_taken']),
      429: RATE_LIMITED,
    },
  },
  {
    operationId: 'login',
    method: 'post',
    path: '/api/v1/auth/login',
    tag: 'account',
    summary: 'Sign in with email and password',
    auth: 'none',
    body: { schema: loginSchema, maxBytes: ACCOUNT_BODY_LIMIT },
    responses: {
      200: json('Signed in; the session token is shown this once', sessionResponseSchema, NO_STORE),
      400: REFUSED_CREDENTIALS,
      401: fail('Wrong email or password', ['invalid_credentials'], { headers: WWW_AUTHENTICATE }),
      429: RATE_LIMITED,
    },
  },
  {
    operationId: 'logout',
    method: 'post',
    path: '/api/v1/auth/logout',
    tag: 'account',
    summary: 'End this session (only this one)',
    auth: 'bearer',
    responses: { 204: empty('Signed out', NO_STORE) },
  },
  {
    operationId: 'getAccount',
    method: 'get',
    path: '/api/v1/me',
    tag: 'account',
    summary: 'The signed-in account',
    auth: 'bearer',
    responses: { 200: json('The account', accountInfoSchema, NO_STORE) },
  },
  {
    operationId: 'exportAccount',
    method: 'get',
    path: '/api/v1/me/export',
    tag: 'account',
    summary: 'Everything stored about the learner, as a JSON attachment (never a secret)',
    auth: 'bearer',
    responses: {
      200: json('The export', accountExportSchema, {
        ...NO_STORE,
        'Content-Disposition': {
          description: 'attachment; filename="lommekurs-export.json"',
          required: true,
        },
      }),
    },
  },
  {
    operationId: 'deleteAccount',
    method: 'delete',
    path: '/api/v1/me',
    tag: 'account',
    summary: 'Erase the account and every row stored for it, on every device',
    description:
      "Needs the account's password again. The account's other sessions are then answered " +
      '401 `account_deleted` for 90 days.',
    auth: 'bearer',
    body: { schema: deleteAccountSchema, maxBytes: ACCOUNT_BODY_LIMIT },
    responses: {
      204: empty('Erased', NO_STORE),
      403: fail('The password is wrong', ['invalid_credentials']),
      429: RATE_LIMITED,
    },
  },
];
