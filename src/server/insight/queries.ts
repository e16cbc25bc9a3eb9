// The insight page's reads (issue 15): one course's lessons grouped by atom — the garden a
// learner counts in and the quarter they first opened the lesson — from the insight columns of
// `progress` (facts.ts), never from progress JSON. Which gardens a reply may cover is decided by
// access.ts; which numbers it may show, by suppression.ts.
import { sql } from 'kysely';
import type { InsightGarden } from '../../shared/insight-access';
import { quarterOfMonth } from '../../shared/insight-protocol';
import type { Db } from '../db/schema';
import type { AtomLesson } from './suppression';

/** Which learners a read covers. `gardens: null` is the whole network, learners outside any
 * garden included; a list is those gardens' learners only. */
export interface InsightScope {
  courseId: string;
  gardens: readonly string[] | null;
  from?: string;
  to?: string;
}

/** The garden each learner counts in: of the gardens they are a member of with consent given and
 * not withdrawn, the first by id (the same one every time), so no learner counts twice. */
const homes = (db: Db) =>
  db
    .selectFrom('memberships')
    .innerJoin('consents', (join) =>
      join
        .onRef('consents.user_id', '=', 'memberships.user_id')
        .onRef('consents.garden_id', '=', 'memberships.garden_id'),
    )
    .where('consents.withdrawn_at', 'is', null)
    .groupBy('memberships.user_id')
    .select(['memberships.user_id', (eb) => eb.fn.min('memberships.garden_id').as('garden_id')]);

/** The course's progress rows in scope, with the learner's garden (null: none). */
function rowsInScope(db: Db, scope: InsightScope) {
  let query = db
    .selectFrom('progress')
    .leftJoin(homes(db).as('home'), 'home.user_id', 'progress.user_id')
    .where('progress.course_id', '=', scope.courseId)
    .where('progress.insight_quarter', 'is not', null);
  if (scope.from !== undefined) query = query.where('progress.insight_quarter', '>=', scope.from);
  if (scope.to !== undefined) query = query.where('progress.insight_quarter', '<=', scope.to);
  if (scope.gardens !== null) {
    if (scope.gardens.length === 0) return null;
    query = query.where('home.garden_id', 'in', [...scope.gardens]);
  }
  return query;
}

const count = (value: unknown) => Number(value ?? 0);
const atomOf = (garden: string | null, quarter: string | null) => JSON.stringify([garden, quarter]);

/** The course's lessons' counts per atom in scope. */
export async function atomLessons(db: Db, scope: InsightScope): Promise<AtomLesson[]> {
  const base = rowsInScope(db, scope);
  if (base === null) return [];
  const is = (column: 'insight_rating', value: string) =>
    sql<number>`sum(case when progress.insight_completed = 1 and progress.${sql.ref(column)} = ${value} then 1 else 0 end)`;
  const [counts, minutes] = await Promise.all([
    base
      .groupBy(['progress.lesson_id', 'home.garden_id', 'progress.insight_quarter'])
      .select((eb) => [
        'progress.lesson_id',
        'home.garden_id',
        'progress.insight_quarter',
        eb.fn.countAll().as('started'),
        eb.fn.sum('progress.insight_completed').as('completed'),
        is('insight_rating', 'yes').as('yes'),
        is('insight_rating', 'some').as('some'),
        is('insight_rating', 'no').as('no'),
      ])
      .execute(),
    base
      .where('progress.insight_completed', '=', 1)
      .groupBy([
        'progress.lesson_id',
        'home.garden_id',
        'progress.insight_quarter',
        'progress.insight_minutes',
      ])
      .select((eb) => [
        'progress.lesson_id',
        'home.garden_id',
        'progress.insight_quarter',
        'progress.insight_minutes',
        eb.fn.countAll().as('learners'),
      ])
      .execute(),
  ]);
  const histograms = new Map<string, Map<number, number>>();
  for (const row of minutes) {
    const key = JSON.stringify([row.lesson_id, atomOf(row.garden_id, row.insight_quarter)]);
    const histogram = histograms.get(key) ?? new Map<number, number>();
    histogram.set(count(row.insight_minutes), count(row.learners));
    histograms.set(key, histogram);
  }
  return counts.map((row) => {
    const atom = atomOf(row.garden_id, row.insight_quarter);
    return {
      lessonId: row.lesson_id,
      atom,
      started: count(row.started),
      completed: count(row.completed),
      yes: count(row.yes),
      some: count(row.some),
      no: count(row.no),
      minutes: histograms.get(JSON.stringify([row.lesson_id, atom])) ?? new Map(),
    };
  });
}

/** The ids of the gardens in a county. */
export const gardensInCounty = async (db: Db, county: string): Promise<string[]> =>
  (await db.selectFrom('gardens').select('id').where('county', '=', county).execute()).map(
    (row) => row.id,
  );

/** A learner's answer to "Hva vil du lære mer om?" for the course, in the atom it counts in. */
export interface WishRow {
  userId: string;
  atom: string;
  quarter: string;
  topics: string[];
}

/** The course's topic answers in scope, one per learner: a learner who answered on two devices
 * (two lessons) counts once, in the same atom under every filter (their earliest answer's
 * quarter and lesson), so the period filter is applied after that choice. */
export async function wishRows(db: Db, scope: InsightScope): Promise<WishRow[]> {
  const base = rowsInScope(db, { ...scope, from: undefined, to: undefined });
  if (base === null) return [];
  const rows = await base
    .where('progress.insight_topics', 'is not', null)
    .select([
      'progress.user_id',
      'progress.lesson_id',
      'home.garden_id',
      'progress.insight_quarter',
      'progress.insight_topics',
    ])
    .orderBy('progress.user_id')
    .orderBy('progress.insight_quarter')
    .orderBy('progress.lesson_id')
    .execute();
  const chosen = new Map<string, WishRow>();
  for (const row of rows) {
    if (chosen.has(row.user_id)) continue;
    chosen.set(row.user_id, {
      userId: row.user_id,
      atom: atomOf(row.garden_id, row.insight_quarter),
      quarter: row.insight_quarter!,
      topics: JSON.parse(row.insight_topics!) as string[],
    });
  }
  return [...chosen.values()].filter(
    (wish) =>
      (scope.from === undefined || wish.quarter >= scope.from) &&
      (scope.to === undefined || wish.quarter <= scope.to),
  );
}

/** The anonymous answers to "Hva vil du lære mer om?" for the course, each in an atom of its own
 * quarter (answers without an account have no garden and no learner). */
export async function anonymousWishes(
  db: Db,
  courseId: string,
  period: { from?: string; to?: string },
): Promise<{ atom: string; topics: string[] }[]> {
  const rows = await db
    .selectFrom('anonymous_feedback')
    .where('course_id', '=', courseId)
    .where('type', '=', 'course.wished')
    .where('topics', 'is not', null)
    .select(['month', 'topics'])
    .execute();
  return rows
    .map((row) => ({ quarter: quarterOfMonth(row.month), topics: row.topics! }))
    .filter(({ quarter }) => inPeriod(quarter, period))
    .map(({ quarter, topics }) => ({
      atom: JSON.stringify(['anonymous', quarter]),
      topics: JSON.parse(topics) as string[],
    }));
}

/** Whether a quarter lies in the period (each end optional, inclusive). */
const inPeriod = (quarter: string, { from, to }: { from?: string; to?: string }) =>
  (from === undefined || quarter >= from) && (to === undefined || quarter <= to);

/** The anonymous answers (learners without an account) to the course's lessons, counted per
 * lesson, quarter of the event's month and answer. */
export async function anonymousAnswers(
  db: Db,
  courseId: string,
  period: { from?: string; to?: string },
): Promise<{ lessonId: string; quarter: string; answer: string; count: number }[]> {
  const rows = await db
    .selectFrom('anonymous_feedback')
    .where('course_id', '=', courseId)
    .where('type', '=', 'lesson.rated')
    .where('answer', 'in', ['yes', 'some', 'no'])
    .groupBy(['lesson_id', 'month', 'answer'])
    .select((eb) => ['lesson_id', 'month', 'answer', eb.fn.countAll().as('n')])
    .execute();
  return rows
    .map((row) => ({
      lessonId: row.lesson_id,
      quarter: quarterOfMonth(row.month),
      answer: row.answer!,
      count: count(row.n),
    }))
    .filter(({ quarter }) => inPeriod(quarter, period));
}

/** The texts learners let the course authors read, for the course: comments after a rating and
 * the text of "Hva vil du lære mer om?", from accounts and anonymous answers alike — no learner,
 * garden, county or time with them. */
export async function authorTexts(
  db: Db,
  courseId: string,
): Promise<{ lessonId: string; kind: 'lesson' | 'course'; text: string }[]> {
  const [accounts, anonymous] = await Promise.all([
    db
      .selectFrom('progress')
      .where('course_id', '=', courseId)
      .where((eb) =>
        eb.or([eb('insight_comment', 'is not', null), eb('insight_wish_text', 'is not', null)]),
      )
      .select(['lesson_id', 'insight_comment', 'insight_wish_text'])
      .execute(),
    db
      .selectFrom('anonymous_feedback')
      .where('course_id', '=', courseId)
      .where('type', 'in', ['lesson.commented', 'course.wished'])
      .where('for_authors', '=', 1)
      .where('text', 'is not', null)
      .select(['lesson_id', 'type', 'text'])
      .execute(),
  ]);
  return [
    ...accounts.flatMap((row) => [
      ...(row.insight_comment
        ? [{ lessonId: row.lesson_id, kind: 'lesson' as const, text: row.insight_comment }]
        : []),
      ...(row.insight_wish_text
        ? [{ lessonId: row.lesson_id, kind: 'course' as const, text: row.insight_wish_text }]
        : []),
    ]),
    ...anonymous
      .filter((row) => row.text!.trim() !== '')
      .map((row) => ({
        lessonId: row.lesson_id,
        kind: row.type === 'course.wished' ? ('course' as const) : ('lesson' as const),
        text: row.text!,
      })),
  ];
}

/** The gardens `ids` names (every garden for null), with their names and counties, by name. */
export function namedGardens(db: Db, ids: readonly string[] | null): Promise<InsightGarden[]> {
  let query = db
    .selectFrom('gardens')
    .select(['id', 'name', 'county'])
    .orderBy('name')
    .orderBy('id');
  if (ids !== null) {
    if (ids.length === 0) return Promise.resolve([]);
    query = query.where('id', 'in', [...ids]);
  }
  return query.execute();
}
