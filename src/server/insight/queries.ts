// The insight page's reads (issue 15): one course's lessons grouped by atom — the garden a
// learner counts in and the quarter they first opened the lesson — from the insight columns of
// `progress` (facts.ts), never from progress JSON. Which gardens a reply may cover is decided by
// access.ts; which numbers it may show, by suppression.ts.
import { sql } from 'kysely';
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
