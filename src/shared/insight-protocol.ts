// The wire format of the insight page (issue 15): aggregates of what learners did with a course
// and what they said of it, under /api/v1/insight. Every count rests on at least MIN_GROUP
// learners; a smaller one travels as null and reads "færre enn 5" (the rule: docs/privacy.md,
// "Insight", and src/server/insight/suppression.ts). What a caller may see at all is
// insight-access.ts.
import { z } from 'zod/mini';
import { countySchema, isServerId } from './network-protocol';
import { osloMonth } from './oslo-date';

/** The smallest group of learners a number may rest on. */
export const MIN_GROUP = 5;

/** A quarter of a year, e.g. `2026-Q4` (Norway's calendar): the insight page's unit of time. */
export const QUARTER = /^\d{4}-Q[1-4]$/;

/** The quarter (`2026-Q4`) of a time, by the calendar in Europe/Oslo. */
export const quarterOf = (at: number): string => quarterOfMonth(osloMonth(at));

/** The quarter (`2026-Q4`) of a month (`2026-11`). */
export function quarterOfMonth(month: string): string {
  const [year, number] = month.split('-');
  return `${year}-Q${Math.ceil(Number(number) / 3)}`;
}

/** The quarter before `quarter`. */
export function previousQuarter(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/** The filters of the insight page; each is optional. `from` and `to` are quarters, inclusive. */
export const insightQuerySchema = z
  .strictObject({
    garden: z.optional(z.string().check(z.refine(isServerId, 'not a garden id'))),
    county: z.optional(countySchema),
    from: z.optional(z.string().check(z.regex(QUARTER))),
    to: z.optional(z.string().check(z.regex(QUARTER))),
  })
  .check(
    z.refine(
      (q) => q.from === undefined || q.to === undefined || q.from <= q.to,
      'from must not be after to',
    ),
  );
export type InsightQuery = z.infer<typeof insightQuerySchema>;

/** A count of learners, or null when it would rest on fewer than MIN_GROUP ("færre enn 5"). */
const groupCount = z.nullable(z.int());
export type GroupCount = z.infer<typeof groupCount>;

/** One lesson's aggregates. */
export const lessonInsightSchema = z.object({
  lessonId: z.string(),
  /** Learners who opened the lesson. */
  started: groupCount,
  /** Learners who completed it (a course reset does not undo this). */
  completed: groupCount,
  /** Answers to "Var dette nyttig for deg?" among those who completed it. */
  answers: z.object({ yes: groupCount, some: groupCount, no: groupCount }),
  /** Median whole minutes spent by those who completed it; null under MIN_GROUP. */
  medianMinutes: z.nullable(z.int()),
  /** Answers sent anonymously by learners without an account (the network without filters by
   * garden or county only; else null). They are answers, not learners: one learner who changed
   * their answer counts twice. */
  anonymous: z.nullable(z.object({ yes: groupCount, some: groupCount, no: groupCount })),
});
export type LessonInsight = z.infer<typeof lessonInsightSchema>;

/** GET /api/v1/insight/courses/{courseId}: the course's lessons in course order, with the
 * filters as applied. */
export const courseInsightSchema = z.object({
  courseId: z.string(),
  query: insightQuerySchema,
  minGroup: z.int(),
  lessons: z.array(lessonInsightSchema),
  /** "Hva vil du lære mer om?": learners per topic id (courses/topics.yml), most chosen first; in
   * the unfiltered network also the answers sent without an account, each counted as one. */
  topics: z.array(z.object({ topicId: z.string(), learners: groupCount })),
});
export type CourseInsight = z.infer<typeof courseInsightSchema>;

/** GET /api/v1/insight/courses/{courseId}/texts: what learners let the course authors read — a
 * comment after rating a lesson (`lesson`), or the text of "Hva vil du lære mer om?" (`course`,
 * on the lesson that finished the course). Never with a learner, garden, county or time; sorted
 * by lesson and text, so the order tells nothing either. */
export const authorTextsSchema = z.object({
  courseId: z.string(),
  texts: z.array(
    z.object({ lessonId: z.string(), kind: z.enum(['lesson', 'course']), text: z.string() }),
  ),
});
export type AuthorTexts = z.infer<typeof authorTextsSchema>;
