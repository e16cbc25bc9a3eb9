// The wire format of the business-garden network (issue 14): gardens, advisor invites, join
// codes, joining with consent, and the advisor's view, under /api/v1/network. The server validates requests and the contract describes replies
// with these schemas; the app will send and parse what they describe.
import { z } from 'zod/mini';
import { COUNTY_NAMES } from './counties';
export { INVITE_PATH, JOIN_PATH } from './network-paths';
import { isValidOrgNumber, normaliseOrgNumber } from './org-number';
import { mailLanguageSchema } from './recovery-protocol';
import { safeText } from './strings';
import { credentialsSchema } from './sync-protocol';

/** A garden's or a user's id as the server makes them (crypto.randomUUID). A path or cursor that
 * is not one names nothing, and is never sent to the database (PostgreSQL refuses NUL in text). */
export const isServerId = (id: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id);

/** An advisor invite works this long after it was made. */
export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60_000;
/** An invite token: 16 random bytes (128 bits), base64url (22 characters). */
export const inviteTokenSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{22}$/));

/** Join codes: `NH-` and 4 + 2 characters of an alphabet without look-alikes (no 0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const joinCodeSchema = z
  .string()
  .check(z.trim(), z.toUpperCase(), z.regex(/^NH-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/));

const int = () => z.int();
/** A name people type: trimmed, 1–120 characters, no control characters or broken UTF-16. */
const nameSchema = () => z.string().check(safeText(), z.trim(), z.minLength(1), z.maxLength(120));

/** A county by its Norwegian name (src/shared/counties.ts). */
export const countySchema = z.enum(COUNTY_NAMES);

/** An organisation number: spaces allowed, 9 digits with a correct mod-11 check digit. */
export const orgNumberSchema = z
  .string()
  .check(
    z.overwrite(normaliseOrgNumber),
    z.refine(isValidOrgNumber, 'must be 9 digits with a valid check digit'),
  );

const emailSchema = credentialsSchema.shape.email;

/** POST /api/v1/network/gardens (network admin): a new garden, optionally with the invite of
 * its first advisor. */
export const createGardenRequestSchema = z.strictObject({
  name: nameSchema(),
  county: countySchema,
  municipality: z.optional(nameSchema()),
  advisorEmail: z.optional(emailSchema),
  lang: z.optional(mailLanguageSchema),
});
export type CreateGardenRequest = z.infer<typeof createGardenRequestSchema>;

/** POST /api/v1/network/gardens/{gardenId}/invites: invite an advisor of the garden. */
export const inviteRequestSchema = z.strictObject({
  email: emailSchema,
  lang: z.optional(mailLanguageSchema),
});

/** POST /api/v1/network/invites/accept: the token of an invite link. */
export const acceptInviteRequestSchema = z.strictObject({ token: inviteTokenSchema });

/** POST /api/v1/network/gardens/{gardenId}/join-codes: a new join code, with an optional
 * expiry (ms since the epoch, in the future). */
export const createJoinCodeRequestSchema = z.strictObject({
  expiresAt: z.optional(int()),
});

/** A garden as the network API shows it. */
export const gardenSchema = z.object({
  id: z.string(),
  name: z.string(),
  county: z.string(),
  municipality: z.nullable(z.string()),
  createdAt: int(),
});
export type Garden = z.infer<typeof gardenSchema>;

/** An advisor of a garden. */
export const advisorSchema = z.object({
  userId: z.string(),
  email: z.string(),
  addedAt: int(),
});

/** An invite just made: the link (with its token, shown this once) and whether it was mailed. */
export const inviteSchema = z.object({
  gardenId: z.string(),
  email: z.string(),
  expiresAt: int(),
  link: z.string(),
  mailed: z.boolean(),
});
export type Invite = z.infer<typeof inviteSchema>;

/** The 201 of POST /gardens. */
export const createGardenResponseSchema = z.object({
  garden: gardenSchema,
  invite: z.nullable(inviteSchema),
});

/** Gardens per page of GET /gardens (the default and the largest `limit`). */
export const GARDEN_PAGE = 100;

/** GET /gardens: the gardens the caller may manage (all for a network admin, the ones they
 * advise for anyone else), in creation order, a page at a time. */
export const gardenListSchema = z.object({
  gardens: z.array(gardenSchema),
  /** Pass as `after` for the next page; null on the last. */
  next: z.nullable(z.string()),
});

/** GET /gardens/{gardenId}: the garden, its advisors and its firms. */
export const gardenDetailSchema = z.object({
  garden: gardenSchema,
  advisors: z.array(advisorSchema),
  firms: z.array(z.object({ id: z.string(), name: z.string(), orgNumber: z.nullable(z.string()) })),
});

/** The 200 of POST /invites/accept: the garden the user now advises. */
export const acceptInviteResponseSchema = z.object({ garden: gardenSchema });

/** A join code of a garden. */
export const joinCodeInfoSchema = z.object({
  code: z.string(),
  link: z.string(),
  createdAt: int(),
  expiresAt: z.nullable(int()),
  revokedAt: z.nullable(int()),
});
export type JoinCodeInfo = z.infer<typeof joinCodeInfoSchema>;

/** GET /gardens/{gardenId}/join-codes. */
export const joinCodeListSchema = z.object({ joinCodes: z.array(joinCodeInfoSchema) });

/** A firm as the network API shows it. */
export const firmSchema = z.object({
  id: z.string(),
  name: z.string(),
  orgNumber: z.nullable(z.string()),
});
export type Firm = z.infer<typeof firmSchema>;

// ---- Joining a garden, with consent (the learner's side) ----

/** The version of the consent text the app shows. Bump it when what advisors see changes: the
 * server refuses a join that names another version (409 consent_outdated), so nobody consents
 * to a text they were not shown. */
export const CONSENT_TEXT_VERSION = '2026-12-02';

/** GET /api/v1/network/join/{code} (no session needed, limited per address): what the consent
 * screen names before the learner has an account. 404 join_code_not_found for an unknown,
 * revoked or expired code. */
export const joinPreviewSchema = z.object({
  garden: gardenSchema,
  firms: z.array(firmSchema),
});
export type JoinPreview = z.infer<typeof joinPreviewSchema>;

/** The firm a learner names when joining: one of the garden's, or a new one. */
export const joinFirmSchema = z.union([
  z.strictObject({ id: z.string() }),
  z.strictObject({ name: nameSchema(), orgNumber: z.optional(orgNumberSchema) }),
]);

/** POST /api/v1/network/join (signed in): join the garden of `code` with consent to the text of
 * `consentVersion`. Joining again (the same garden) updates the firm and name and gives consent
 * anew. */
export const joinRequestSchema = z.strictObject({
  code: joinCodeSchema,
  firm: joinFirmSchema,
  /** The name the learner chooses to show their advisors. */
  displayName: nameSchema(),
  consentVersion: z.string().check(z.maxLength(40)),
});
export type JoinRequest = z.infer<typeof joinRequestSchema>;

/** A garden the learner is a member of, with their consent. */
export const membershipSchema = z.object({
  garden: gardenSchema,
  firm: z.nullable(firmSchema),
  displayName: z.string(),
  joinedAt: int(),
  consent: z.object({ textVersion: z.string(), givenAt: int() }),
});
export type Membership = z.infer<typeof membershipSchema>;

/** GET /api/v1/network/me: the caller's place in the network — gardens joined (with consent),
 * gardens advised, and network roles. The app shows "Næringshage" in Settings, the share switch
 * and the advisor screens from this. */
export const networkMeSchema = z.object({
  memberships: z.array(membershipSchema),
  advisorOf: z.array(gardenSchema),
  roles: z.array(z.enum(['network_admin', 'analyst'])),
});
export type NetworkMe = z.infer<typeof networkMeSchema>;

// DELETE /api/v1/network/memberships/{gardenId} (signed in): withdraw consent and leave the
// garden, 204. From then on the garden's advisors get nothing about the learner; the consent log
// keeps "withdrawn". 404 membership_not_found when not a member.

// ---- The advisor's view of a garden (only consenting learners of the advisor's own gardens) ----

/** A course started with no activity for this many days is flagged "trenger oppfølging". */
export const FOLLOW_UP_DAYS = 14;

/** Learners per page of GET /gardens/{gardenId}/learners (the default and the largest `limit`). */
export const LEARNER_PAGE = 200;

/** One course of a learner, summed up. */
export const learnerCourseSchema = z.object({
  courseId: z.string(),
  /** Lessons of the course as the server serves it now (0 if it no longer serves the course). */
  lessonsTotal: int(),
  lessonsOpened: int(),
  lessonsCompleted: int(),
  /** Every lesson completed. */
  completed: z.boolean(),
  minutes: int(),
  lastActivityAt: z.nullable(int()),
  /** Started, not completed, and no activity for FOLLOW_UP_DAYS. */
  needsFollowUp: z.boolean(),
});
export type LearnerCourse = z.infer<typeof learnerCourseSchema>;

/** A consenting learner of a garden, as their advisors see them. `id` identifies the learner in
 * the advisor routes only. */
export const learnerSummarySchema = z.object({
  id: z.string(),
  displayName: z.string(),
  firm: z.nullable(firmSchema),
  joinedAt: int(),
  lastActivityAt: z.nullable(int()),
  /** When the server last received an event from any of the learner's devices. */
  lastSyncAt: z.nullable(int()),
  courses: z.array(learnerCourseSchema),
  /** Any course needs follow-up. */
  needsFollowUp: z.boolean(),
});
export type LearnerSummary = z.infer<typeof learnerSummarySchema>;

/** GET /gardens/{gardenId}/learners?after=…&limit=…: a page of the garden's consenting
 * learners, ordered by id. */
export const learnerListSchema = z.object({
  learners: z.array(learnerSummarySchema),
  next: z.nullable(z.string()),
  /** The server's time of the answer ("Sist oppdatert" of the advisor's offline copy). */
  fetchedAt: int(),
});
export type LearnerList = z.infer<typeof learnerListSchema>;

/** One lesson of a learner as an advisor sees it: never quiz answers, and the reflection only
 * when the learner shared it. */
export const learnerLessonSchema = z.object({
  lessonId: z.string(),
  state: z.enum(['opened', 'completed']),
  minutes: int(),
  lastActivityAt: z.nullable(int()),
  completedAt: z.nullable(int()),
  sharedReflection: z.nullable(z.object({ text: z.string(), at: int() })),
});
export type LearnerLesson = z.infer<typeof learnerLessonSchema>;

/** GET /gardens/{gardenId}/learners/{learnerId}: "Forbered samtale" — the summary and each
 * course's lessons (lessons never opened are not listed). 404 learner_not_found for a learner
 * the advisor may not see (not a member, withdrawn, another garden): the same answer as for one
 * who does not exist. */
export const learnerDetailSchema = z.object({
  learner: learnerSummarySchema,
  courses: z.array(z.object({ courseId: z.string(), lessons: z.array(learnerLessonSchema) })),
  fetchedAt: int(),
});
export type LearnerDetail = z.infer<typeof learnerDetailSchema>;

/** The network part of the learner's data export (GET /api/v1/me/export). */
export const networkExportSchema = z.object({
  memberships: z.array(
    z.object({
      gardenId: z.string(),
      gardenName: z.nullable(z.string()),
      firmName: z.nullable(z.string()),
      orgNumber: z.nullable(z.string()),
      displayName: z.string(),
      joinedAt: int(),
    }),
  ),
  consents: z.array(
    z.object({
      gardenId: z.string(),
      textVersion: z.string(),
      givenAt: int(),
      withdrawnAt: z.nullable(int()),
    }),
  ),
  /** Every consent given or withdrawn, oldest first. */
  consentLog: z.array(
    z.object({
      gardenId: z.string(),
      kind: z.enum(['given', 'withdrawn']),
      textVersion: z.string(),
      at: int(),
    }),
  ),
  advisorOf: z.array(z.object({ gardenId: z.string(), gardenName: z.string(), addedAt: int() })),
  networkRoles: z.array(z.object({ role: z.string(), grantedAt: int() })),
});
export type NetworkExport = z.infer<typeof networkExportSchema>;
