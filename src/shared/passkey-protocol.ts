// The passkey (WebAuthn) wire format between the app and the server: the ceremony options the
// server hands out, the browser's credential JSON sent back, and the list of a learner's
// passkeys. Both sides import these schemas. Byte fields are base64url, as WebAuthn's JSON forms
// (and @simplewebauthn) carry them; every field has an upper bound, so a hostile body is a 400,
// never work for the verifier.
import { z } from 'zod/mini';
import { MAX_DEVICE_TOKEN_LENGTH } from './sync-protocol';

/** Longest label a learner may give a passkey. */
export const MAX_PASSKEY_NAME_LENGTH = 64;

const base64url = (max: number) =>
  z.string().check(z.minLength(1), z.maxLength(max), z.regex(/^[A-Za-z0-9_-]+$/));

// A credential id is at most 1023 bytes (WebAuthn L3 §5.1): 1364 base64url characters.
const credentialId = base64url(1364);

// Transports are hints for the browser; unknown future values are kept, malformed ones refused.
const transports = z.optional(
  z.array(z.string().check(z.regex(/^[a-z-]{1,32}$/))).check(z.maxLength(10)),
);

/** A learner's label for a passkey ("Telefonen"): trimmed, 1–64 characters, no control
 * characters and no lone UTF-16 surrogates (which a database driver would garble). */
export const passkeyNameSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1),
    z.maxLength(MAX_PASSKEY_NAME_LENGTH),
    z.regex(/^[^\p{Cc}\p{Cs}]+$/u),
  );

const extensionResults = z.looseObject({});

/** What `navigator.credentials.create()` gave, as JSON (RegistrationResponseJSON). Unknown
 * members are dropped: browsers add fields over time. */
export const registrationResponseSchema = z.object({
  id: credentialId,
  rawId: credentialId,
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url(4096),
    attestationObject: base64url(12_000),
    authenticatorData: z.optional(base64url(12_000)),
    transports,
    publicKeyAlgorithm: z.optional(z.int()),
    publicKey: z.optional(base64url(4096)),
  }),
  authenticatorAttachment: z.optional(z.enum(['platform', 'cross-platform'])),
  clientExtensionResults: extensionResults,
});

/** What `navigator.credentials.get()` gave, as JSON (AuthenticationResponseJSON). */
export const authenticationResponseSchema = z.object({
  id: credentialId,
  rawId: credentialId,
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url(4096),
    authenticatorData: base64url(4096),
    signature: base64url(2048),
    userHandle: z.optional(z.nullable(z.string().check(z.maxLength(128)))),
  }),
  authenticatorAttachment: z.optional(z.enum(['platform', 'cross-platform'])),
  clientExtensionResults: extensionResults,
});

/** POST /api/v1/me/passkeys: the new credential and the learner's label for it. */
export const addPasskeyRequestSchema = z.strictObject({
  response: registrationResponseSchema,
  name: passkeyNameSchema,
});
export type AddPasskeyRequest = z.infer<typeof addPasskeyRequestSchema>;

/** POST /api/v1/auth/passkey: the signed assertion. */
export const passkeySignInRequestSchema = z.strictObject({
  response: authenticationResponseSchema,
  /** The device token of an earlier sign-in on this device, as a password login sends it
   * (SessionResponse.deviceToken); it is replaced by a new one. */
  deviceToken: z.optional(z.string().check(z.maxLength(MAX_DEVICE_TOKEN_LENGTH))),
});
export type PasskeySignInRequest = z.infer<typeof passkeySignInRequestSchema>;

/** One of the learner's passkeys as the API shows it (never its key). */
export const passkeyInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.number(),
  lastUsedAt: z.nullable(z.number()),
});
export type PasskeyInfo = z.infer<typeof passkeyInfoSchema>;

/** GET /api/v1/me/passkeys, newest first. */
export const passkeyListSchema = z.object({ passkeys: z.array(passkeyInfoSchema) });
export type PasskeyList = z.infer<typeof passkeyListSchema>;

const descriptor = z.looseObject({ id: credentialId, type: z.literal('public-key'), transports });

/** POST /api/v1/me/passkeys/options: PublicKeyCredentialCreationOptionsJSON (checked loosely:
 * the browser library reads the rest). */
export const creationOptionsSchema = z.looseObject({
  challenge: base64url(128),
  rp: z.looseObject({ name: z.string(), id: z.optional(z.string()) }),
  user: z.looseObject({ id: base64url(128), name: z.string(), displayName: z.string() }),
  pubKeyCredParams: z.array(z.looseObject({ type: z.literal('public-key'), alg: z.number() })),
  timeout: z.optional(z.number()),
  excludeCredentials: z.optional(z.array(descriptor)),
});

/** POST /api/v1/auth/passkey/options: PublicKeyCredentialRequestOptionsJSON. */
export const requestOptionsSchema = z.looseObject({
  challenge: base64url(128),
  rpId: z.optional(z.string()),
  timeout: z.optional(z.number()),
  allowCredentials: z.optional(z.array(descriptor)),
  userVerification: z.optional(z.enum(['required', 'preferred', 'discouraged'])),
});

/** Error codes the passkey routes answer with (besides the common invalid_json,
 * invalid_request, unauthorized, rate_limited and payload_too_large). */
export type PasskeyErrorCode =
  /** 400: the registration's challenge is unknown, used or expired: ask for new options. */
  | 'challenge_expired'
  /** 400: the new credential did not verify (origin, relying party, signature, format). */
  | 'passkey_not_verified'
  /** 409: this credential is already registered. */
  | 'passkey_exists'
  /** 404: no such passkey among the learner's own. */
  | 'not_found'
  /** 401: the sign-in assertion did not verify, or the passkey is unknown. */
  | 'invalid_credentials';
