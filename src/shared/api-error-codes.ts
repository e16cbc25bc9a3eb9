// Every machine-readable error code the server's JSON error bodies carry (`{ error, message }`),
// as one typed union. The OpenAPI document (src/server/openapi) lists, per operation and status,
// which of these a reply may carry; the contract tests fail on a code that is not listed here.
// Add a new code here first, then to the operations that answer it.
import { z } from 'zod/mini';
import type { SyncErrorCode } from './sync-protocol';

/** All error codes, grouped by who answers them. */
export const API_ERROR_CODES = [
  // any route
  'not_found',
  'method_not_allowed',
  'bad_request',
  'internal_error',
  'payload_too_large',
  'invalid_json',
  'invalid_request',
  'rate_limited',
  // sessions
  'unauthorized',
  'account_deleted',
  // courses
  'course_not_found',
  'media_not_found',
  // sync
  'invalid_events',
  'client_bound_to_other_user',
  'client_too_old',
  'unsupported_encoding',
  'too_many_pushes',
  'event_quota_exceeded',
  // accounts
  'email_taken',
  'invalid_credentials',
  'invalid_token',
  'mail_unavailable',
  // passkeys
  'challenge_expired',
  'passkey_not_verified',
  'passkey_exists',
  // business-garden network (issue 14)
  'forbidden',
  'garden_not_found',
  'advisor_not_found',
  'invite_not_found',
  'invite_used',
  'invite_expired',
  'invite_wrong_account',
  'join_code_not_found',
  // joining with consent, withdrawal (issue 14)
  'consent_outdated',
  'firm_not_found',
  'membership_not_found',
  // the advisor's view of learners (issue 14)
  'learner_not_found',
] as const;

/** A machine-readable error code. */
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

// Every code of the sync protocol's own union is an API error code.
const syncCodesAreApiCodes = (code: SyncErrorCode): ApiErrorCode => code;
void syncCodesAreApiCodes;

/** The schema of the error body `{ error, message, ...extra }` for a set of codes. */
export const apiErrorBodySchema = (
  codes: readonly [ApiErrorCode, ...ApiErrorCode[]],
  extra: Record<string, z.core.$ZodType> = {},
) =>
  z.strictObject({
    /** The machine-readable code; the app maps it to a sentence in the learner's language. */
    error: z.enum(codes),
    /** A sentence for the developer, never shown to a learner as is. */
    message: z.string(),
    ...Object.fromEntries(Object.entries(extra).map(([key, schema]) => [key, z.optional(schema)])),
  });
