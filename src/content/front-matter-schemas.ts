// The fields an author writes at the top of course.md and of each lesson file.
import { z } from 'zod';
import { LANGUAGES, LESSON_KINDS, type CourseLanguage } from '../shared/course';

/** A lowercase slug id: letters, digits and dashes. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'must be lowercase letters, digits and dashes (max 80)');

const text = z.string().trim().min(1, 'must not be empty');

/** Front matter of `course.md`. */
export const courseFrontMatterSchema = z.strictObject({
  id: idSchema,
  title: text,
  summary: text,
  language: z.enum(LANGUAGES, { error: `must be one of ${LANGUAGES.join(', ')}` }),
  version: z.int('must be a whole number').positive('must be 1 or more'),
  audience: text,
  sources: z.array(
    z.strictObject({
      title: text,
      url: z.url({ protocol: /^https?$/, error: 'must be a web address (https://…)' }).optional(),
    }),
  ),
  /** Optional links to the same course in other languages, e.g. `translations: { nn: x }`. The
   * catalogue checks that each linked course exists, is in that language and is another course. */
  translations: z
    .strictObject({
      nb: idSchema.optional(),
      nn: idSchema.optional(),
      en: idSchema.optional(),
      se: idSchema.optional(),
    } satisfies Record<CourseLanguage, unknown>)
    .optional(),
  /** How often the lessons' facts must be checked again, in months (`npm run courses:stale`). */
  review_every_months: z
    .int('must be a whole number of months from 1 to 36')
    .min(1, 'must be a whole number of months from 1 to 36')
    .max(36, 'must be a whole number of months from 1 to 36')
    .optional(),
});

export type CourseFrontMatter = z.infer<typeof courseFrontMatterSchema>;

const DATE_MESSAGE = 'must be a date like 2026-11-27';
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Why `value` is not a usable past date, or undefined when it is: a real calendar date
 * `YYYY-MM-DD`, not after tomorrow (UTC). The day of slack lets an author east of UTC write
 * today's local date. `future` says what to write instead of a future date.
 */
const pastDateProblem = (value: string, future: string, now = new Date()): string | undefined => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return DATE_MESSAGE;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return `${DATE_MESSAGE} (${value} is not a real date)`;
  }
  const latest = new Date(now.getTime() + DAY_MS).toISOString().slice(0, 10);
  if (value > latest) return `must not be in the future (${value}): ${future}`;
  return undefined;
};

/** Why `value` is not a usable "checked" date, or undefined when it is (see pastDateProblem). */
export const checkedDateProblem = (value: string, now = new Date()): string | undefined =>
  pastDateProblem(value, 'write the day you last checked the lesson', now);

/** A past date field, reported at its own line. */
const pastDate = (future: string) =>
  z.string({ error: DATE_MESSAGE }).superRefine((value, ctx) => {
    const problem = pastDateProblem(value, future);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Longest one-line summary of a lesson change: it is shown on the lesson and the home screen. */
export const MAX_CHANGE_SUMMARY = 160;

/** `changes:` — the lesson's change log, newest first. */
const changesSchema = z
  .array(
    z.strictObject({
      date: pastDate('write the day the lesson was changed'),
      summary: z
        .string({ error: 'must be one line of text' })
        .trim()
        .min(1, 'must not be empty')
        .max(
          MAX_CHANGE_SUMMARY,
          `must be at most ${MAX_CHANGE_SUMMARY} characters: say in one line what changed`,
        )
        .regex(/^[^\n]*$/, 'must be one line'),
    }),
    { error: 'must be a list of changes, each with a date and a summary' },
  )
  .min(1, 'must list at least one change (or leave the field out)')
  .superRefine((changes, ctx) => {
    changes.forEach((change, index) => {
      const previous = changes[index - 1];
      if (previous && typeof change.date === 'string' && change.date > previous.date) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'date'],
          message: `must not be newer than the change above it (${previous.date}): list changes newest first`,
        });
      }
    });
  });

const TASK_MESSAGE =
  'must be whole minutes of work, one figure (30) or a range (30-60), from 1 to 600';

/** `task_minutes: 30` or `task_minutes: 30-60`, as { from, to }. */
const taskMinutesSchema = z
  .union([z.int(), z.string()], { error: TASK_MESSAGE })
  .transform((value, ctx) => {
    const match = /^\s*(\d+)\s*(?:[-–]\s*(\d+))?\s*$/.exec(String(value));
    const from = match ? Number(match[1]) : NaN;
    const to = match?.[2] === undefined ? from : Number(match[2]);
    if (!(from >= 1 && to <= 600 && from <= to)) {
      ctx.addIssue({ code: 'custom', message: TASK_MESSAGE });
      return z.NEVER;
    }
    return { from, to };
  });

/** How often a course's facts must be checked again when course.md does not say. */
export const DEFAULT_REVIEW_EVERY_MONTHS = 6;

/** Front matter of a lesson file `NN-<slug>.md`. */
export const lessonFrontMatterSchema = z.strictObject({
  id: idSchema,
  title: text,
  kind: z.enum(LESSON_KINDS, { error: `must be one of ${LESSON_KINDS.join(', ')}` }),
  minutes: z
    .int('must be a whole number from 1 to 15')
    .min(1, 'must be a whole number from 1 to 15')
    .max(15, 'must be a whole number from 1 to 15'),
  advisor: text.optional(),
  sources: z
    .array(
      z.strictObject({
        title: text,
        url: z.url({
          protocol: /^https$/,
          error: 'must be a secure web address starting with https://',
        }),
      }),
      { error: 'must be a list of sources, each with a title and a url' },
    )
    .min(1, 'must list at least one source, each with a title and a url'),
  checked: pastDate('write the day you last checked the lesson'),
  changes: changesSchema.optional(),
  /** Checklists: the work the list asks for, apart from the reading time. */
  task_minutes: taskMinutesSchema.optional(),
});

/** What a lesson author sees when a required field is missing altogether. */
export const LESSON_MISSING_MESSAGES: Record<string, string> = {
  sources: 'lesson has no sources: add "sources:" with title and url',
  checked:
    'lesson has no "checked" date: add "checked: YYYY-MM-DD", the day you last checked it against its sources',
};

export type LessonFrontMatter = z.infer<typeof lessonFrontMatterSchema>;
