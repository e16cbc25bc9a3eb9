// The sync wire format between the app and the server (docs/sync-protocol.md): what a push sends
// and gets back, what a pull returns, and the account requests. Both sides import these schemas,
// so a change here is a change of the protocol: bump SYNC_SCHEMA_VERSION when it is incompatible.
import { z } from 'zod/mini';
import type { LessonProgress } from './progress';
import { safeId, safeText } from './strings';

/** Version of the push/pull protocol this code speaks: 2 sends a push's shared fields once
 * (src/shared/push-batch.ts); the server still reads protocol 1's push body. */
export const SYNC_SCHEMA_VERSION = 2;
/** Oldest client protocol the server still accepts; older clients get 426 and must update. */
export const MIN_SYNC_SCHEMA_VERSION = 1;

/** At most this many events in a protocol-1 push (`events`)… */
export const MAX_PUSH_EVENTS = 100;
/** …or in a protocol-2 push (`groups`, src/shared/push-batch.ts). Its shared fields sent once,
 * 1,000 events of a lesson's reading are about 21 KB gzipped (83 KB of JSON), and once expanded
 * within MAX_PUSH_BYTES: each push costs a round trip (840 ms on EDGE), so an outbox of 1,000
 * events goes in one push instead of ten. */
export const MAX_COMPACT_PUSH_EVENTS = 1_000;
/** …and at most this many bytes of request body (for protocol 2 also once every event is
 * expanded to carry its shared fields); beyond either the server answers 413. */
export const MAX_PUSH_BYTES = 256 * 1024;
/** Default and largest page size of a pull. */
export const DEFAULT_PULL_LIMIT = 200;
export const MAX_PULL_LIMIT = 500;

/** An event more than this far ahead of the server's clock is rejected (the device clock is
 * wrong beyond repair); a smaller lead is clamped to the server's time + 5 minutes. */
export const MAX_CLOCK_LEAD_MS = 30 * 24 * 60 * 60_000;

const clientId = safeId(8, 64);

/** POST /api/v1/sync/push. Events stay `unknown` here: the server validates each on its own, so
 * one bad event is reported by index instead of failing the whole body's parse. */
export const pushRequestSchema = z.strictObject({
  clientId,
  schemaVersion: z.int(),
  events: z.array(z.unknown()),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** Why the server refused one event; the event will never be accepted, so the client drops it. */
export interface RejectedEvent {
  /** Position of the event in the pushed batch. */
  index: number;
  /** The event's id, when it had a readable one. */
  id: string | null;
  /** Machine-readable code, e.g. `invalid_event`, `client_mismatch`, `timestamp_in_future`. */
  reason: string;
  /** A sentence for the developer (never shown to a learner as is). */
  message: string;
}

/** 200 reply to a push: every event is stored (now or by an earlier push of the same id).
 * 400 reply `{ error: 'invalid_events', message, acked: [], rejected }`: nothing was stored. */
export interface PushResponse {
  acked: string[];
  rejected: RejectedEvent[];
  /** The learner's sync version after this push (stamped on the rows it changed). */
  version: number;
  /** Server time in ms, for the status line and clock-skew hints. */
  serverTime: number;
}

/** 400 reply to a push with at least one invalid event: nothing of the batch was stored; the
 * client drops the `rejected` events from its outbox and sends the rest again. */
export interface InvalidEventsResponse {
  error: 'invalid_events';
  message: string;
  acked: [];
  rejected: RejectedEvent[];
}

/** A progress row as pulled: the learner's merged progress on one lesson. */
export interface PulledRow {
  progress: LessonProgress;
  /** The learner's sync version that last changed this row. */
  version: number;
}

/** GET /api/v1/sync/pull?cursor=…&limit=… */
export interface PullResponse {
  rows: PulledRow[];
  /** Opaque; pass it to the next pull. */
  cursor: string;
  hasMore: boolean;
  /** True when the cursor sent was unknown (another account, a restored database, garbage) and
   * this page starts a full resync from the beginning. */
  reset: boolean;
}

/** Email + password, for register and login. Lengths match the server's checks. A NEW password
 * needs 12 characters (ASVS 2.1.1); login still accepts older, shorter ones (loginSchema). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;
/** Longest device token accepted (ours are 43 characters). */
export const MAX_DEVICE_TOKEN_LENGTH = 128;
/** Longest email address (RFC 5321's path limit). */
export const MAX_EMAIL_LENGTH = 254;
// Refused with control characters or broken UTF-16 (a driver would turn a lone surrogate into
// U+FFFD, making two addresses one); then NFKC-normalised, trimmed and lower-cased, so
// "Kari@Firma.no " from a phone keyboard, "kari@firma.no" from a laptop, a fullwidth "ｋａｒｉ" and
// a ligature "ﬁ" are each the same account as their plain spelling.
const normalisedEmail = () =>
  z.string().check(
    safeText(),
    z.overwrite((email) => email.normalize('NFKC')),
    z.trim(),
    z.toLowerCase(),
  );

/** Registration: a plausible address and a long enough password. */
export const credentialsSchema = z.strictObject({
  email: normalisedEmail().check(
    z.maxLength(MAX_EMAIL_LENGTH),
    z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/),
  ),
  password: z.string().check(z.minLength(MIN_PASSWORD_LENGTH), z.maxLength(MAX_PASSWORD_LENGTH)),
});
export type Credentials = z.infer<typeof credentialsSchema>;

/** Login: only present and bounded. Today's registration rules are not applied, so an account
 * made under older rules can still sign in; an implausible address is just a failed login. */
export const loginSchema = z.strictObject({
  email: normalisedEmail().check(z.minLength(1), z.maxLength(MAX_EMAIL_LENGTH)),
  password: z.string().check(z.minLength(1), z.maxLength(MAX_PASSWORD_LENGTH)),
  /** The device token a previous sign-in on this device gave (SessionResponse.deviceToken);
   * one the server does not know counts as none (never a 400, so a stale one cannot block). */
  deviceToken: z.optional(z.string().check(z.maxLength(MAX_DEVICE_TOKEN_LENGTH))),
});

/** Why one credential field was refused; the app shows each in the learner's language. */
export type CredentialFieldCode =
  | 'email_missing'
  | 'invalid_email'
  | 'password_missing'
  | 'password_too_short'
  | 'password_too_long'
  /** On the list of common and breached passwords (server only). */
  | 'password_too_common'
  /** Essentially the account's own email address (server only). */
  | 'password_like_email';

/** Per-field reasons, carried in `fields` by the 400 `invalid_request` reply of register and
 * login (a field that is fine is absent). */
export interface CredentialFieldErrors {
  email?: CredentialFieldCode;
  password?: CredentialFieldCode;
}

/** The 400 reply to register or login with unusable credentials. */
export interface InvalidCredentialsResponse {
  error: 'invalid_request';
  message: string;
  fields: CredentialFieldErrors;
}

const isBlank = (value: unknown) =>
  value === undefined || (typeof value === 'string' && value.trim() === '');

/** The field codes for `input` under `schema` (credentialsSchema or loginSchema); `{}` when
 * both fields pass. The server puts them in its 400 reply; the app may check before sending. */
export function credentialFieldErrors(
  input: unknown,
  schema: typeof credentialsSchema | typeof loginSchema = credentialsSchema,
): CredentialFieldErrors {
  const { email, password } = (typeof input === 'object' && input ? input : {}) as Record<
    string,
    unknown
  >;
  const fields: CredentialFieldErrors = {};
  if (isBlank(email)) fields.email = 'email_missing';
  else if (!schema.shape.email.safeParse(email).success) fields.email = 'invalid_email';
  const passwordIssue = schema.shape.password.safeParse(password).error?.issues[0]?.code;
  if (password === undefined || password === '') fields.password = 'password_missing';
  else if (passwordIssue === 'too_small') fields.password = 'password_too_short';
  else if (passwordIssue === 'too_big') fields.password = 'password_too_long';
  else if (passwordIssue) fields.password = 'password_missing';
  return fields;
}

/** Reply to register and login: an opaque bearer token (shown once) and who it belongs to. */
export interface SessionResponse {
  token: string;
  user: AccountInfo;
  /** When the session expires unless used (sliding; ms since the epoch). */
  expiresAt: number;
  /** Register and login: this device's new device token. The app keeps it per account email
   * and sends it as `deviceToken` with the next login, which the email's slowdown then does not
   * hold up (docs/security.md, "Rate limits and quotas"). */
  deviceToken?: string;
}

/** GET /api/v1/me */
export interface AccountInfo {
  id: string;
  email: string;
  createdAt: number;
  /** Whether the learner has opened a verification (or reset) link sent to `email`. Nothing is
   * blocked while false; the app only offers to send the link again. */
  emailVerified: boolean;
}

/** DELETE /api/v1/me body: the password again, so a stolen token cannot erase an account. */
export const deleteAccountSchema = z.strictObject({
  password: z.string().check(z.minLength(1), z.maxLength(MAX_PASSWORD_LENGTH)),
});

/** Error codes of the sync and account API, as `{ error, message }` bodies carry them. */
export type SyncErrorCode =
  | 'invalid_json'
  | 'invalid_request'
  | 'invalid_events'
  | 'payload_too_large'
  | 'unauthorized'
  /** 401: the session belonged to an account that was deleted (from any device). */
  | 'account_deleted'
  | 'client_bound_to_other_user'
  | 'client_too_old'
  | 'rate_limited'
  /** 429 on push: more pushes a minute than a learner makes (Retry-After says when to retry). */
  | 'too_many_pushes'
  /** 429 on push: the day's event quota is used up (Retry-After: when the day's window ends). */
  | 'event_quota_exceeded'
  | 'email_taken'
  | 'invalid_credentials'
  /** 400: a mail link's token is unknown, used, replaced by a newer one, or expired. */
  | 'invalid_token'
  /** 503: the server could not send a mail just now (or sends none). */
  | 'mail_unavailable';
