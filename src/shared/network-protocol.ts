// The wire format of the business-garden network (issue 14): gardens, advisor invites and join
// codes under /api/v1/network. The server validates requests and the contract describes replies
// with these schemas; the app will send and parse what they describe.
import { z } from 'zod/mini';
import { COUNTY_NAMES } from './counties';
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
/** The app's screen an invite link opens; the token rides in the fragment (`#token=…`), which
 * browsers never send to a server. */
export const INVITE_PATH = '/radgiver/invitasjon';

/** Join codes: `NH-` and 4 + 2 characters of an alphabet without look-alikes (no 0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const joinCodeSchema = z
  .string()
  .check(z.trim(), z.toUpperCase(), z.regex(/^NH-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/));
/** The app's screen a join link opens (`/bli-med#NH-7K3P-Q2`). */
export const JOIN_PATH = '/bli-med';

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
