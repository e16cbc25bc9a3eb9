// The passkey routes in the contract (src/server/auth/passkey-routes.ts): managing the signed-in
// learner's passkeys under /api/v1/me/passkeys and signing in with one at /api/v1/auth/passkey.
import { z } from 'zod/mini';
import { sessionResponseSchema } from '../../../shared/api-schemas';
import {
  addPasskeyRequestSchema,
  creationOptionsSchema,
  passkeyInfoSchema,
  passkeyListSchema,
  passkeySignInRequestSchema,
  requestOptionsSchema,
} from '../../../shared/passkey-protocol';
import { ACCOUNT_BODY_LIMIT } from '../../auth/deps';
import { empty, fail, json, RATE_LIMITED, WWW_AUTHENTICATE, type Operation } from '../registry';

const NO_STORE = {
  'Cache-Control': { description: '`no-store`', required: true },
};

/** Routes of src/server/auth/passkey-routes.ts. */
export const passkeyOperations: Operation[] = [
  {
    operationId: 'listPasskeys',
    method: 'get',
    path: '/api/v1/me/passkeys',
    tag: 'passkeys',
    summary: "The learner's passkeys, newest first (never a key)",
    auth: 'bearer',
    responses: { 200: json('The passkeys', passkeyListSchema, NO_STORE) },
  },
  {
    operationId: 'passkeyRegistrationOptions',
    method: 'post',
    path: '/api/v1/me/passkeys/options',
    tag: 'passkeys',
    summary: 'Options for navigator.credentials.create(): a single-use challenge for 5 minutes',
    description:
      'A discoverable credential (residentKey required), user verification preferred, no ' +
      "attestation; excludeCredentials lists the learner's passkeys.",
    auth: 'bearer',
    responses: {
      200: json('PublicKeyCredentialCreationOptionsJSON', creationOptionsSchema, NO_STORE),
    },
  },
  {
    operationId: 'addPasskey',
    method: 'post',
    path: '/api/v1/me/passkeys',
    tag: 'passkeys',
    summary: 'Verify and store a new passkey with the learner’s label',
    auth: 'bearer',
    body: { schema: addPasskeyRequestSchema, maxBytes: ACCOUNT_BODY_LIMIT },
    responses: {
      201: json('Stored', passkeyInfoSchema, NO_STORE),
      400: fail(
        'Malformed body; the challenge unknown, used or expired; or the credential did not verify',
        ['invalid_json', 'invalid_request', 'challenge_expired', 'passkey_not_verified'],
      ),
      409: fail('This credential is already registered', ['passkey_exists']),
    },
  },
  {
    operationId: 'deletePasskey',
    method: 'delete',
    path: '/api/v1/me/passkeys/{id}',
    tag: 'passkeys',
    summary: "Remove one of the learner's own passkeys",
    auth: 'bearer',
    params: { id: { description: 'The credential id (base64url)', schema: z.string() } },
    responses: {
      204: empty('Removed', NO_STORE),
      404: fail('No passkey of this id among the learner’s own', ['not_found']),
    },
  },
  {
    operationId: 'passkeySignInOptions',
    method: 'post',
    path: '/api/v1/auth/passkey/options',
    tag: 'passkeys',
    summary: 'Options for navigator.credentials.get(): discoverable credentials, 5 minutes',
    auth: 'none',
    responses: {
      200: json('PublicKeyCredentialRequestOptionsJSON', requestOptionsSchema, NO_STORE),
      429: RATE_LIMITED,
    },
  },
  {
    operationId: 'passkeySignIn',
    method: 'post',
    path: '/api/v1/auth/passkey',
    tag: 'passkeys',
    summary: 'Sign in with a passkey; answers like a password login',
    auth: 'none',
    body: { schema: passkeySignInRequestSchema, maxBytes: ACCOUNT_BODY_LIMIT },
    responses: {
      200: json('Signed in; the session token is shown this once', sessionResponseSchema, NO_STORE),
      400: fail('Malformed body', ['invalid_json', 'invalid_request']),
      401: fail(
        'The passkey is unknown, or the assertion did not verify',
        ['invalid_credentials'],
        {
          headers: WWW_AUTHENTICATE,
        },
      ),
      429: RATE_LIMITED,
    },
  },
];
