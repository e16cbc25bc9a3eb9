// What the insight page shows, as plain data from the server's replies: the filters it offers
// (quarters, counties, gardens), the query they make, each lesson's numbers by column and the
// topics of "Hva vil du lære mer om?" by their labels — the same columns for the tables, the
// charts and the CSV file, where a count the server held back (null, under 5) is the words
// "færre enn 5", never a number.
import { COUNTIES } from '../../shared/counties';
import type { InsightAccess, InsightGarden } from '../../shared/insight-access';
import {
  previousQuarter,
  quarterOf,
  type GroupCount,
  type InsightQuery,
  type LessonInsight,
} from '../../shared/insight-protocol';
import type { CourseTopic } from '../../shared/course-topics';
import type { CsvCell } from '../advisor/csv';
import type { UiLanguage } from '../i18n';

/** How many quarters back the period filter reaches. */
export const QUARTERS_OFFERED = 8;

/** The last `count` quarters up to the one of `now`, oldest first. */
export function recentQuarters(now: number, count = QUARTERS_OFFERED): string[] {
  const quarters = [quarterOf(now)];
  while (quarters.length < count) quarters.unshift(previousQuarter(quarters[0]!));
  return quarters;
}

/** The page's choices; '' is "all". */
export interface InsightFilters {
  garden: string;
  county: string;
  from: string;
  to: string;
}

export const NO_FILTERS: InsightFilters = { garden: '', county: '', from: '', to: '' };

/** The counties the filter offers: all of them for the network, else those of the gardens. */
export const countiesOffered = (access: InsightAccess): string[] =>
  COUNTIES.map((county) => county.name).filter(
    (name) => access.scope === 'network' || access.gardens.some((g) => g.county === name),
  );

/** The gardens the filter offers: those in the chosen county, or all in scope. */
export const gardensOffered = (access: InsightAccess, county: string): InsightGarden[] =>
  access.gardens.filter((garden) => county === '' || garden.county === county);

/** `filters` after choosing `change`: a garden outside the chosen county is dropped, and the
 * period never ends before it starts (the other end follows). */
export function choose(
  access: InsightAccess,
  filters: InsightFilters,
  change: Partial<InsightFilters>,
): InsightFilters {
  const next = { ...filters, ...change };
  if (next.garden !== '' && !gardensOffered(access, next.county).some((g) => g.id === next.garden))
    next.garden = '';
  if (next.from !== '' && next.to !== '' && next.from > next.to) {
    if (change.to !== undefined) next.from = next.to;
    else next.to = next.from;
  }
  return next;
}

/** The query of the chosen filters (only those chosen). */
export function queryOf(filters: InsightFilters): InsightQuery {
  const query: InsightQuery = {};
  if (filters.garden) query.garden = filters.garden;
  if (filters.county) query.county = filters.county;
  if (filters.from) query.from = filters.from;
  if (filters.to) query.to = filters.to;
  return query;
}

/** The numbers of a lesson the page shows, in the tables' order. */
export const FUNNEL_COLUMNS = ['started', 'completed', 'medianMinutes'] as const;
export const ANSWER_COLUMNS = ['yes', 'some', 'no'] as const;
/** The answers sent anonymously, by learners without an account (the whole network only). */
export const ANONYMOUS_COLUMNS = ['anonymousYes', 'anonymousSome', 'anonymousNo'] as const;
export type InsightColumn =
  | (typeof FUNNEL_COLUMNS)[number]
  | (typeof ANSWER_COLUMNS)[number]
  | (typeof ANONYMOUS_COLUMNS)[number];

/** A lesson's number in `column`: null when the server held it back (or sent no anonymous
 * answers). */
export function valueOf(lesson: LessonInsight, column: InsightColumn): GroupCount {
  switch (column) {
    case 'started':
    case 'completed':
    case 'medianMinutes':
      return lesson[column];
    case 'anonymousYes':
      return lesson.anonymous?.yes ?? null;
    case 'anonymousSome':
      return lesson.anonymous?.some ?? null;
    case 'anonymousNo':
      return lesson.anonymous?.no ?? null;
    default:
      return lesson.answers[column];
  }
}

/** Whether the reply carries anonymous answers: for the whole network, without a garden or
 * county. */
export const hasAnonymous = (lessons: readonly LessonInsight[]): boolean =>
  lessons.some((lesson) => lesson.anonymous !== null);

/** A lesson with the label the page gives it. */
export interface LessonRow {
  label: string;
  lesson: LessonInsight;
}

/** The rows of a reply: each lesson labelled by its title where the device has the course, else
 * by its number. */
export const lessonRows = (
  lessons: readonly LessonInsight[],
  titles: ReadonlyMap<string, string>,
  numbered: (number: number) => string,
): LessonRow[] =>
  lessons.map((lesson, index) => ({
    label: titles.get(lesson.lessonId) ?? numbered(index + 1),
    lesson,
  }));

/** The lessons' tables as CSV cells: a heading row's words and one row per lesson, `fewer` in
 * place of a number held back; the anonymous answers' columns when the page shows them. */
export function csvCells(
  rows: readonly LessonRow[],
  headings: { lesson: string } & Record<InsightColumn, string>,
  fewer: string,
): { fields: string[]; data: CsvCell[][] } {
  const columns: InsightColumn[] = [...FUNNEL_COLUMNS, ...ANSWER_COLUMNS];
  if (hasAnonymous(rows.map((row) => row.lesson))) columns.push(...ANONYMOUS_COLUMNS);
  return {
    fields: [headings.lesson, ...columns.map((column) => headings[column])],
    data: rows.map(({ label, lesson }) => [
      label,
      ...columns.map((column) => valueOf(lesson, column) ?? fewer),
    ]),
  };
}

/** A topic of "Hva vil du lære mer om?" with its label and its learners (null: held back). */
export interface TopicRow {
  topicId: string;
  label: string;
  learners: GroupCount;
}

/** The reply's topics, most chosen first, labelled in `lang` from courses/topics.yml; a topic
 * since taken out of the file keeps its id as its label. */
export function topicRows(
  topics: readonly { topicId: string; learners: GroupCount }[],
  labels: readonly CourseTopic[],
  lang: UiLanguage,
): TopicRow[] {
  const byId = new Map(labels.map((topic) => [topic.id, topic[lang]]));
  return topics.map(({ topicId, learners }) => ({
    topicId,
    label: byId.get(topicId) ?? topicId,
    learners,
  }));
}

/** The topics' table as CSV cells, `fewer` in place of a number held back. */
export const topicCsvCells = (
  rows: readonly TopicRow[],
  headings: { topic: string; learners: string },
  fewer: string,
): { fields: string[]; data: CsvCell[][] } => ({
  fields: [headings.topic, headings.learners],
  data: rows.map(({ label, learners }) => [label, learners ?? fewer]),
});
