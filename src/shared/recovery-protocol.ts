// The wire format of account recovery and address verification: "forgot my password" (a link by
// mail), setting a new password with the link's token, and confirming the address. The server
// validates with these schemas and the app sends what they describe.
import { z } from 'zod/mini';
import { loginSchema, MAX_PASSWORD_LENGTH } from './sync-protocol';

/** A mail link's token: 32 random bytes, base64url (43 characters). */
export const mailTokenSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/));

/** A reset link works this long after it was sent. */
export const RESET_TOKEN_LIFETIME_MS = 30 * 60_000;
/** A verification link works this long after it was sent. */
export const VERIFY_TOKEN_LIFETIME_MS = 7 * 24 * 60 * 60_000;

/** The languages the mails are written in. */
export const mailLanguageSchema = z.enum(['nb', 'nn', 'en']);

/** POST /api/v1/auth/forgot: send a reset link to this address, if it has an account. The reply
 * is 202 `ForgotResponse` either way. */
export const forgotRequestSchema = z.strictObject({
  email: loginSchema.shape.email,
  lang: z.optional(mailLanguageSchema),
});
export type ForgotRequest = z.infer<typeof forgotRequestSchema>;

/** The one 202 body of /auth/forgot, the same for every address (acceptedResponseSchema). */
export interface ForgotResponse {
  status: 'accepted';
}

/** POST /api/v1/auth/reset: the link's token and the new password. The reply is a session
 * (SessionResponse, 200); every other session of the account has ended. */
export const resetRequestSchema = z.strictObject({
  token: mailTokenSchema,
  password: z.string().check(z.minLength(1), z.maxLength(MAX_PASSWORD_LENGTH)),
});
export type ResetRequest = z.infer<typeof resetRequestSchema>;

/** POST /api/v1/auth/verify-email: the token of a verification link. Reply 200
 * `VerifyEmailResponse`. */
export const verifyEmailRequestSchema = z.strictObject({ token: mailTokenSchema });

/** The 200 body of /auth/verify-email. */
export interface VerifyEmailResponse {
  email: string;
  emailVerified: true;
}

/** POST /api/v1/me/verify-email (signed in): send a fresh verification link. Reply 202
 * `ForgotResponse`-like `{ status: 'accepted' }`. The body may be empty. */
export const resendVerificationSchema = z.strictObject({
  lang: z.optional(mailLanguageSchema),
});

/** The 202 body of /auth/forgot and /me/verify-email. */
export const acceptedResponseSchema = z.strictObject({ status: z.literal('accepted') });

/** The 200 body of /auth/verify-email. */
export const verifyEmailResponseSchema = z.strictObject({
  email: z.string(),
  emailVerified: z.literal(true),
});
