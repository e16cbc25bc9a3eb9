// The fields an author writes at the top of course.md and of each lesson file.
import { z } from 'zod';
import { LANGUAGES, LESSON_KINDS } from '../shared/course';

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
});

export type CourseFrontMatter = z.infer<typeof courseFrontMatterSchema>;

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
});

export type LessonFrontMatter = z.infer<typeof lessonFrontMatterSchema>;
