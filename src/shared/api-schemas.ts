// zod schemas of the reply bodies that the code declares only as TypeScript interfaces (course
// bundles, progress rows, push and pull replies, sessions, the export), so the OpenAPI document
// (src/server/openapi) can describe them from one source. Each schema is checked against its
// interface at compile time (`agree` below): change one and tsc fails until the other follows.
// Only the server and the tests import this file; the app keeps its bundle free of it.
import { z } from 'zod/mini';
import type { Catalogue, CatalogueEntry, CourseBundle, Lesson, MediaFile, Source } from './course';
import { BUNDLE_FORMAT, LANGUAGES } from './course';
import { networkExportSchema } from './network-protocol';
import { LESSON_RATINGS } from './events';
import type { LessonProgress } from './progress';
import type {
  AccountInfo,
  CredentialFieldErrors,
  InvalidEventsResponse,
  PulledRow,
  PullResponse,
  PushResponse,
  RejectedEvent,
  SessionResponse,
} from './sync-protocol';

/** Compile-time check that a schema's output and an interface are assignable both ways. */
function agree<A, B>(check: [A] extends [B] ? ([B] extends [A] ? true : false) : false): void {
  void check;
}

const int = () => z.int();
const nonNegative = () => z.number().check(z.nonnegative());
const isoDate = () => z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

// ---- Courses -------------------------------------------------------------------------------

const sourceSchema = z.object({ title: z.string(), url: z.optional(z.string()) });
agree<z.infer<typeof sourceSchema>, Source>(true);

const mediaFileSchema = z.object({
  path: z.string(),
  url: z.string(),
  bytes: int(),
  sha256: z.string(),
  type: z.string(),
});
agree<z.infer<typeof mediaFileSchema>, MediaFile>(true);

const lessonBase = {
  id: z.string(),
  title: z.string(),
  minutes: nonNegative(),
  html: z.string(),
  sources: z.array(sourceSchema),
  checked: isoDate(),
  changes: z.optional(z.array(z.object({ date: isoDate(), summary: z.string() }))),
};

const lessonSchema = z.discriminatedUnion('kind', [
  z.object({ ...lessonBase, kind: z.literal('reading') }),
  z.object({
    ...lessonBase,
    kind: z.literal('quiz'),
    questions: z.array(
      z.object({
        id: z.string(),
        html: z.string(),
        multiple: z.boolean(),
        options: z.array(
          z.object({
            id: z.string(),
            html: z.string(),
            correct: z.boolean(),
            explanationHtml: z.string(),
          }),
        ),
      }),
    ),
  }),
  z.object({
    ...lessonBase,
    kind: z.literal('checklist'),
    items: z.array(z.object({ id: z.string(), html: z.string() })),
    taskMinutes: z.optional(z.object({ from: nonNegative(), to: nonNegative() })),
  }),
  z.object({ ...lessonBase, kind: z.literal('reflection'), advisorHtml: z.optional(z.string()) }),
]);
agree<z.infer<typeof lessonSchema>, Lesson>(true);

const courseMeta = {
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  language: z.enum(LANGUAGES),
  version: int(),
  audience: z.string(),
  sources: z.array(sourceSchema),
  translations: z.optional(z.partialRecord(z.enum(LANGUAGES), z.string())),
};

/** GET /api/v1/courses/{id}: a compiled course bundle. */
export const courseBundleSchema = z.object({
  ...courseMeta,
  format: z.literal(BUNDLE_FORMAT),
  hash: z.string(),
  minutes: nonNegative(),
  media: z.array(mediaFileSchema),
  lessons: z.array(lessonSchema),
});
agree<z.infer<typeof courseBundleSchema>, CourseBundle>(true);

const catalogueEntrySchema = z.object({
  ...courseMeta,
  hash: z.string(),
  lessonCount: int(),
  lessonIds: z.optional(z.array(z.string())),
  minutes: nonNegative(),
  bundleBytes: int(),
  mediaBytes: int(),
});
agree<z.infer<typeof catalogueEntrySchema>, CatalogueEntry>(true);

/** GET /api/v1/courses: the catalogue. */
export const catalogueSchema = z.object({ courses: z.array(catalogueEntrySchema) });
agree<z.infer<typeof catalogueSchema>, Catalogue>(true);

// ---- Progress and sync ---------------------------------------------------------------------

const stamped = <T extends z.core.$ZodType>(value: T) =>
  z.object({ value, at: z.number(), clientId: z.string(), eventId: z.string() });

/** A learner's merged progress on one lesson (src/shared/progress.ts). */
export const lessonProgressSchema = z.object({
  courseId: z.string(),
  lessonId: z.string(),
  openedAt: z.nullable(z.number()),
  completedAt: z.nullable(z.number()),
  furthest: z.number(),
  resume: z.nullable(stamped(z.number())),
  attempts: z.record(
    z.string(),
    z.object({
      questionId: z.string(),
      chosen: z.array(z.string()),
      correct: z.boolean(),
      score: z.number(),
      at: z.number(),
    }),
  ),
  best: z.record(z.string(), z.number()),
  reveals: z.optional(z.record(z.string(), z.object({ questionId: z.string(), at: z.number() }))),
  reviews: z.optional(
    z.record(
      z.string(),
      z.object({ questionId: z.string(), correct: z.boolean(), at: z.number() }),
    ),
  ),
  checklist: z.record(z.string(), stamped(z.boolean())),
  reflection: z.nullable(stamped(z.string())),
  reflectionShared: z.optional(z.nullable(stamped(z.boolean()))),
  rating: z.optional(z.nullable(stamped(z.enum(LESSON_RATINGS)))),
  comment: z.optional(z.nullable(stamped(z.object({ text: z.string(), forAuthors: z.boolean() })))),
  wishes: z.optional(
    z.nullable(
      stamped(z.object({ topics: z.array(z.string()), text: z.string(), forAuthors: z.boolean() })),
    ),
  ),
  time: z.record(z.string(), z.number()),
  changeSeen: z.optional(z.nullable(z.string())),
  resetAt: z.optional(z.nullable(z.number())),
  lastOpenedAt: z.optional(z.nullable(z.number())),
  lastCompletedAt: z.optional(z.nullable(z.number())),
  peaks: z.optional(z.array(z.tuple([z.number(), z.number()]))),
  updatedAt: z.number(),
});
agree<z.infer<typeof lessonProgressSchema>, LessonProgress>(true);

const rejectedEventSchema = z.object({
  index: int(),
  id: z.nullable(z.string()),
  reason: z.string(),
  message: z.string(),
});
agree<z.infer<typeof rejectedEventSchema>, RejectedEvent>(true);

/** 200 reply to POST /api/v1/sync/push. */
export const pushResponseSchema = z.object({
  acked: z.array(z.string()),
  rejected: z.array(rejectedEventSchema),
  version: int(),
  serverTime: int(),
});
agree<z.infer<typeof pushResponseSchema>, PushResponse>(true);

/** 400 reply to a push with invalid events: nothing was stored. */
export const invalidEventsResponseSchema = z.object({
  error: z.literal('invalid_events'),
  message: z.string(),
  /** Always empty: nothing was stored. */
  acked: z.array(z.never()),
  rejected: z.array(rejectedEventSchema),
});
// One way only: the interface's `acked: []` is a tuple, the schema's an array of nothing.
const invalidEventsFit = (
  reply: InvalidEventsResponse,
): z.infer<typeof invalidEventsResponseSchema> => reply;
void invalidEventsFit;

const pulledRowSchema = z.object({ progress: lessonProgressSchema, version: int() });
agree<z.infer<typeof pulledRowSchema>, PulledRow>(true);

/** 200 reply to GET /api/v1/sync/pull. */
export const pullResponseSchema = z.object({
  rows: z.array(pulledRowSchema),
  cursor: z.string(),
  hasMore: z.boolean(),
  reset: z.boolean(),
});
agree<z.infer<typeof pullResponseSchema>, PullResponse>(true);

// ---- Accounts ------------------------------------------------------------------------------

/** GET /api/v1/me, and the `user` of a session reply. */
export const accountInfoSchema = z.object({
  id: z.string(),
  email: z.string(),
  createdAt: int(),
  emailVerified: z.boolean(),
});
agree<z.infer<typeof accountInfoSchema>, AccountInfo>(true);

const credentialFieldCode = z.enum([
  'email_missing',
  'invalid_email',
  'password_missing',
  'password_too_short',
  'password_too_long',
  'password_too_common',
  'password_like_email',
]);

/** `fields` of the 400 reply to register and login: a reason per refused field. */
export const credentialFieldErrorsSchema = z.object({
  email: z.optional(credentialFieldCode),
  password: z.optional(credentialFieldCode),
});
agree<z.infer<typeof credentialFieldErrorsSchema>, CredentialFieldErrors>(true);

/** Reply to register and login: the bearer token (shown once), who it belongs to, its expiry. */
export const sessionResponseSchema = z.object({
  token: z.string(),
  user: accountInfoSchema,
  expiresAt: int(),
  /** Register and login: this device's new device token (send it with the next login). */
  deviceToken: z.optional(z.string()),
});
agree<z.infer<typeof sessionResponseSchema>, SessionResponse>(true);

// ---- Service -------------------------------------------------------------------------------

/** GET /healthz. */
export const healthSchema = z.object({ status: z.literal('ok'), courses: int() });

/** GET /api/v1/openapi.json: an OpenAPI 3.1 document (its own schema is the OpenAPI spec's). */
export const openApiDocumentSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});

/** GET /api/v1/me/export: everything stored about the learner, minus secrets (checked against
 * AccountExport in src/server/openapi/operations/account.ts). */
export const accountExportSchema = z.object({
  exportedAt: int(),
  account: accountInfoSchema,
  emailVerifiedAt: z.nullable(int()),
  /** The learner's sync row. */
  sync: z.nullable(z.object({ version: int(), epoch: z.string() })),
  clients: z.array(z.object({ clientId: z.string(), createdAt: int() })),
  sessions: z.array(
    z.object({
      createdAt: int(),
      lastUsedAt: int(),
      expiresAt: int(),
      absoluteExpiresAt: int(),
      userAgent: z.nullable(z.string()),
    }),
  ),
  passkeys: z.array(
    z.object({ name: z.string(), createdAt: int(), lastUsedAt: z.nullable(int()) }),
  ),
  knownDevices: z.array(z.object({ createdAt: int(), lastUsedAt: int() })),
  /** Business gardens: memberships, consents and their log, gardens advised, roles. */
  network: networkExportSchema,
  progress: z.array(lessonProgressSchema),
  /** The stored events as the devices sent them, each with when it was received and the sync
   * version of the push that stored it. */
  events: z.array(z.object({ receivedAt: int(), version: int(), event: z.unknown() })),
});
