// The server's tables as Kysely sees them. One schema for SQLite and PostgreSQL: text ids,
// integer milliseconds, JSON as text — nothing either database would read differently.
// Created by migrations.ts; every column is explained there.
import type { Generated, Kysely } from 'kysely';

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
  /** Insight facts of `data`, written with it (src/server/insight/facts.ts). */
  insight_quarter: string | null;
  insight_completed: Generated<number>;
  insight_rating: string | null;
  insight_minutes: Generated<number>;
  insight_comment: string | null;
  insight_topics: string | null;
  insight_wish_text: string | null;
}

/** A session of a deleted account, remembered for 90 days so the devices still holding its token
 * learn that the account was deleted. Deliberately no user id or email: nothing personal. */
export interface DeletedSessionsTable {
  /** SHA-256 of the bearer token (hex), as `sessions.token_hash` held it. */
  token_hash: string;
  /** When the account was deleted (ms); the row is purged 90 days later. */
  deleted_at: number;
}

/** A business garden (næringshage): the network's unit. Created by a network admin. */
export interface GardensTable {
  id: string;
  name: string;
  /** One of the 15 counties (src/shared/counties.ts), by its official name. */
  county: string;
  municipality: string | null;
  created_at: number;
}

/** A member firm of a garden; the organisation number is unique within the garden. */
export interface FirmsTable {
  id: string;
  garden_id: string;
  name: string;
  /** 9 digits passing the Brønnøysund mod-11 check (src/shared/org-number.ts), or null. */
  org_number: string | null;
  created_at: number;
}

/** A network-wide role (not tied to a garden). */
export type NetworkRole = 'network_admin' | 'analyst';

export interface NetworkRolesTable {
  user_id: string;
  role: NetworkRole;
  granted_at: number;
}

/** A user who advises a garden. */
export interface AdvisorsTable {
  garden_id: string;
  user_id: string;
  added_at: number;
  /** Who invited them; null when the admin command did (or that user was erased). */
  added_by: string | null;
}

/** A single-use invitation to advise a garden. Only the token's SHA-256 is stored. */
export interface InvitesTable {
  token_hash: string;
  garden_id: string;
  /** Lower-cased, trimmed. */
  email: string;
  invited_by: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  used_by: string | null;
}

/** A code a learner types (or follows in a link) to join a garden, e.g. `NH-7K3P-Q2`. */
export interface JoinCodesTable {
  code: string;
  garden_id: string;
  created_by: string | null;
  created_at: number;
  expires_at: number | null;
  revoked_at: number | null;
}

/** A learner's membership of a garden, with the firm and the name they show its advisors. */
export interface MembershipsTable {
  user_id: string;
  garden_id: string;
  /** Null only if the firm was deleted since. */
  firm_id: string | null;
  display_name: string;
  joined_at: number;
}

/** A learner's current consent to a garden's advisors seeing their progress. */
export interface ConsentsTable {
  user_id: string;
  garden_id: string;
  /** The version of the consent text the learner was shown, e.g. `2026-12-02`. */
  text_version: string;
  given_at: number;
  /** Set when withdrawn: from then on advisors see nothing of the learner. */
  withdrawn_at: number | null;
}

/** One consent given or withdrawn: the audit log the learner sees in their data export. */
export interface ConsentLogTable {
  id: string;
  user_id: string;
  /** No reference: the log outlives the garden. */
  garden_id: string;
  kind: 'given' | 'withdrawn';
  text_version: string;
  at: number;
}

/** An answer sent anonymously by a learner without an account (issue 15), once per event id.
 * Nothing in it says who, where from or exactly when (migration 0007). */
export interface AnonymousFeedbackTable {
  /** The id the device gave this anonymous copy (a UUIDv4, not the event's own id). */
  event_id: string;
  /** `lesson.rated`, `lesson.commented` or `course.wished` (ANONYMOUS_EVENT_TYPES). */
  type: string;
  course_id: string;
  lesson_id: string;
  /** A rating's answer (`yes`, `some`, `no`, `skipped`); null for a comment. */
  answer: string | null;
  /** "Hva vil du lære mer om?": the topic ids as a JSON array; null otherwise or for none. */
  topics: string | null;
  /** A comment's or a wish's text, only when the course authors may read it; else null. */
  text: string | null;
  /** A comment's or a wish's "Kan leses av kursforfatterne" as 1 or 0; null for a rating. */
  for_authors: number | null;
  /** `YYYY-MM` (Europe/Oslo) of the event, never later than its arrival: no exact time. */
  month: string;
  /** `YYYY-MM` (Europe/Oslo) when it arrived. */
  received_month: string;
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
  gardens: GardensTable;
  firms: FirmsTable;
  network_roles: NetworkRolesTable;
  advisors: AdvisorsTable;
  invites: InvitesTable;
  join_codes: JoinCodesTable;
  memberships: MembershipsTable;
  consents: ConsentsTable;
  consent_log: ConsentLogTable;
  anonymous_feedback: AnonymousFeedbackTable;
}

/** Tables that hold no user's rows: `deleted_sessions` keeps token hashes of deleted accounts,
 * without a user id, and outlives the erasure on purpose (90 days); `anonymous_feedback` holds
 * answers that belong to nobody. A garden's own rows (its
 * firms, invites and join codes) belong to the garden; the user columns in them (who invited,
 * who made a code) are set to null when that user is erased (foreign keys, migration 0006). */
export type UnownedTable =
  'deleted_sessions' | 'gardens' | 'firms' | 'invites' | 'join_codes' | 'anonymous_feedback';
/** Tables whose rows belong to one user: erasure deletes them, the export reads them. */
export type UserTable = Exclude<keyof Schema, UnownedTable>;

/** The Kysely instance over either database. */
export type Db = Kysely<Schema>;
