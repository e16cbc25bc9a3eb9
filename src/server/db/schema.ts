// The server's tables as Kysely sees them. One schema for SQLite and PostgreSQL: text ids,
// integer milliseconds, JSON as text — nothing either database would read differently.
// Created by migrations.ts; every column is explained there.
import type { Kysely } from 'kysely';

export interface UsersTable {
  id: string;
  /** Lower-cased, trimmed; unique. */
  email: string;
  /** `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>` (base64url), see auth/passwords.ts. */
  password_hash: string;
  created_at: number;
  /** When the learner proved the address by a mailed link; null while unverified. */
  email_verified_at: number | null;
}

export interface SessionsTable {
  /** SHA-256 of the bearer token (hex); the token itself is never stored. */
  token_hash: string;
  user_id: string;
  created_at: number;
  /** Sliding: pushed forward when the session is used (see sessions/sessions.ts). */
  expires_at: number;
  /** The hard cap: the session ends then however recently it was used. */
  absolute_expires_at: number;
  /** When a request last used it (updated at most once a day, like expires_at). */
  last_used_at: number;
  /** The User-Agent it was created with, shortened; shown to the learner as the device. */
  user_agent: string | null;
}

/** A single-use link sent by mail: password reset or address verification. Only the token's
 * SHA-256 is stored; a newer token of the same purpose replaces the older. */
export interface MailTokensTable {
  token_hash: string;
  user_id: string;
  purpose: 'reset' | 'verify';
  /** The address the link was sent to (verification proves this one). */
  email: string;
  created_at: number;
  expires_at: number;
}

/** A WebAuthn credential (passkey) the learner registered. */
export interface PasskeysTable {
  /** base64url credential id, as the authenticator reports it. */
  credential_id: string;
  user_id: string;
  /** base64url COSE public key. */
  public_key: string;
  counter: number;
  /** JSON array of AuthenticatorTransport strings. */
  transports: string;
  /** The learner's label for it, e.g. "Telefonen". */
  name: string;
  created_at: number;
  last_used_at: number | null;
}

/** A WebAuthn challenge handed out for one ceremony, single-use and short-lived. */
export interface PasskeyChallengesTable {
  challenge: string;
  /** Set for registration (the signed-in learner); null for a sign-in by discoverable passkey. */
  user_id: string | null;
  purpose: 'register' | 'sign-in';
  expires_at: number;
}

/** A device that signed in to the account before (OWASP "device cookies"): a wrong-password
 * lockout for the address never blocks it. Only the device token's SHA-256 is stored. */
export interface KnownDevicesTable {
  token_hash: string;
  user_id: string;
  created_at: number;
  last_used_at: number;
}

/** Which user a device's clientId belongs to; bound on the first push, never rebound. */
export interface ClientsTable {
  client_id: string;
  user_id: string;
  created_at: number;
}

/** One row per learner: the lock a push takes and the version it stamps on changed rows. */
export interface LearnerSyncTable {
  user_id: string;
  version: number;
  /** Random, made with the row: a cursor from another epoch (a deleted and re-created account,
   * a restored database) is unknown and restarts the pull from the beginning. */
  epoch: string;
}

/** The append-only event log, idempotent by (user_id, id). */
export interface EventsTable {
  user_id: string;
  id: string;
  client_id: string;
  seq: number;
  type: string;
  course_id: string;
  lesson_id: string;
  /** The event's time as merged: the device's time clamped to server time + 5 minutes. */
  at: number;
  received_at: number;
  /** The learner's sync version of the push that stored it. */
  version: number;
  /** The event as the client sent it (JSON). */
  body: string;
}

/** A learner's merged progress on one lesson (JSON of LessonProgress), stamped with the version
 * of the push that last changed it; pulls page through it in (version, course, lesson) order. */
export interface ProgressTable {
  user_id: string;
  course_id: string;
  lesson_id: string;
  data: string;
  version: number;
  updated_at: number;
}

/** A session of a deleted account, remembered for 90 days so the devices still holding its token
 * learn that the account was deleted. Deliberately no user id or email: nothing personal. */
export interface DeletedSessionsTable {
  /** SHA-256 of the bearer token (hex), as `sessions.token_hash` held it. */
  token_hash: string;
  /** When the account was deleted (ms); the row is purged 90 days later. */
  deleted_at: number;
}

export interface Schema {
  users: UsersTable;
  sessions: SessionsTable;
  clients: ClientsTable;
  learner_sync: LearnerSyncTable;
  events: EventsTable;
  progress: ProgressTable;
  deleted_sessions: DeletedSessionsTable;
  mail_tokens: MailTokensTable;
  passkeys: PasskeysTable;
  passkey_challenges: PasskeyChallengesTable;
  known_devices: KnownDevicesTable;
}

/** Tables that hold no user's rows: `deleted_sessions` keeps token hashes of deleted accounts,
 * without a user id, and outlives the erasure on purpose (90 days). */
export type UnownedTable = 'deleted_sessions';
/** Tables whose rows belong to one user: erasure deletes them, the export reads them. */
export type UserTable = Exclude<keyof Schema, UnownedTable>;

/** The Kysely instance over either database. */
export type Db = Kysely<Schema>;
