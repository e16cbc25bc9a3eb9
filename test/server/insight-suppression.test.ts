// The insight page's privacy rule (issue 15), as a property over the real queries: random
// learners across gardens, counties, quarters and consents, asked through every filter an
// analyst or an advisor can set — the lessons' counts and the topics of "Hva vil du lære mer
// om?". No number shown rests on fewer than 5 learners, and no difference of two numbers over
// nested groups of learners (the same count under a narrower filter, or a part of the same count)
// is between 1 and 4. Runs on SQLite and, under test:pg, PostgreSQL.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database';
import { insightFacts } from '../../src/server/insight/facts';
import { atomLessons, wishRows } from '../../src/server/insight/queries';
import { lessonInsights, topicInsights } from '../../src/server/insight/suppression';
import { MIN_GROUP, type LessonInsight } from '../../src/shared/insight-protocol';
import { emptyProgress } from '../../src/shared/progress';
import { openTestDatabase, testPostgresUrl } from '../utils/test-database';

const COURSE = 'kurs';
const LESSONS = ['l1', 'l2', 'l3'];
const QUARTERS = ['2026-Q1', '2026-Q2', '2026-Q3'];
/** Four gardens, two in each of two counties. */
const GARDENS = [0, 1, 2, 3].map((n) => `00000000-0000-4000-8000-00000000000${n}`);
const COUNTY_OF = [0, 0, 1, 1];
/** A time in the middle of each quarter. */
const TIME_IN = [Date.UTC(2026, 1, 10), Date.UTC(2026, 4, 10), Date.UTC(2026, 7, 10)];

interface LessonDone {
  quarter: number;
  completed: boolean;
  rating: 'yes' | 'some' | 'no' | null;
  minutes: number;
}
interface Learner {
  /** Garden index → consent still given. */
  memberships: [number, boolean][];
  lessons: (LessonDone | null)[];
  /** "Hva vil du lære mer om?", answered on the first lesson they opened. */
  wish: string[] | null;
}
const TOPICS = ['a', 'b', 'c'];

const learnerArbitrary: fc.Arbitrary<Learner> = fc.record({
  memberships: fc.uniqueArray(fc.tuple(fc.nat({ max: 3 }), fc.boolean()), {
    maxLength: 2,
    selector: ([garden]) => garden,
  }),
  lessons: fc.array(
    fc.option(
      fc.record({
        quarter: fc.nat({ max: 2 }),
        completed: fc.boolean(),
        rating: fc.constantFrom('yes' as const, 'some' as const, 'no' as const, null),
        minutes: fc.nat({ max: 6 }),
      }),
      { freq: 3 },
    ),
    { minLength: 3, maxLength: 3 },
  ),
  wish: fc.option(fc.subarray(TOPICS, { minLength: 1 }), { freq: 2 }),
});

/** Learners in cohorts of identical ones (1–12 each, so groups of five and more are common)
 * beside single learners (so groups that miss five by one or two are common too). */
const networkArbitrary: fc.Arbitrary<Learner[]> = fc
  .tuple(
    fc.array(fc.tuple(learnerArbitrary, fc.integer({ min: 1, max: 12 })), { maxLength: 10 }),
    fc.array(learnerArbitrary, { maxLength: 12 }),
  )
  .map(([cohorts, singles]) => [
    ...cohorts.flatMap(([learner, copies]) => Array.from({ length: copies }, () => learner)),
    ...singles,
  ]);

/** The garden a learner counts in (the rule of queries.ts, told independently): the first by id
 * of those with consent given; -1 for none. */
const homeOf = (learner: Learner) =>
  learner.memberships
    .filter(([, consent]) => consent)
    .map(([garden]) => garden)
    .sort((a, b) => a - b)[0] ?? -1;

/** A filter: which gardens (null: the whole network, learners outside gardens too) and which
 * quarters. */
interface Filter {
  name: string;
  gardens: number[] | null;
  quarters: [number, number];
}

const SCOPES: { name: string; gardens: number[] | null }[] = [
  { name: 'network', gardens: null },
  ...GARDENS.map((_, g) => ({ name: `garden ${g}`, gardens: [g] })),
  { name: 'county 0', gardens: [0, 1] },
  { name: 'county 1', gardens: [2, 3] },
  { name: 'advisor of 1, 2, 3', gardens: [1, 2, 3] },
];
const PERIODS: [number, number][] = [
  [0, 2],
  [0, 0],
  [1, 1],
  [2, 2],
  [0, 1],
  [1, 2],
];
const FILTERS: Filter[] = SCOPES.flatMap((scope) =>
  PERIODS.map((quarters) => ({
    name: `${scope.name}, ${QUARTERS[quarters[0]]}..${QUARTERS[quarters[1]]}`,
    gardens: scope.gardens,
    quarters,
  })),
);

/** Whether every learner counted under `b` is counted under `a` as well. */
const covers = (a: Filter, b: Filter) =>
  (a.gardens === null || (b.gardens !== null && b.gardens.every((g) => a.gardens!.includes(g)))) &&
  a.quarters[0] <= b.quarters[0] &&
  b.quarters[1] <= a.quarters[1];

/** Counts whose learners nest: [the larger, the smaller] within one lesson. */
type Cell = (lesson: Omit<LessonInsight, 'anonymous'>) => number;
const n = (count: number | null) => count ?? 0;
const CELLS: Record<string, Cell> = {
  started: (l) => n(l.started),
  completed: (l) => n(l.completed),
  yes: (l) => n(l.answers.yes),
  some: (l) => n(l.answers.some),
  no: (l) => n(l.answers.no),
  answered: (l) => n(l.answers.yes) + n(l.answers.some) + n(l.answers.no),
};
const NESTED: [string, string][] = [
  ['started', 'started'],
  ['started', 'completed'],
  ['started', 'answered'],
  ['completed', 'completed'],
  ['completed', 'answered'],
  ['completed', 'yes'],
  ['completed', 'some'],
  ['completed', 'no'],
  ['answered', 'yes'],
  ['answered', 'answered'],
  ['yes', 'yes'],
  ['some', 'some'],
  ['no', 'no'],
];

/** The true count of a cell under a filter, from the generated learners. */
function truth(learners: Learner[], filter: Filter, lesson: number, cell: string): number {
  return learners.filter((learner) => {
    const home = homeOf(learner);
    if (filter.gardens !== null && !filter.gardens.includes(home)) return false;
    const done = learner.lessons[lesson];
    if (!done || done.quarter < filter.quarters[0] || done.quarter > filter.quarters[1]) {
      return false;
    }
    if (cell === 'started') return true;
    if (!done.completed) return false;
    if (cell === 'completed') return true;
    if (cell === 'answered') return done.rating !== null;
    return done.rating === cell;
  }).length;
}

/** The true number of learners under a filter who chose `topic`. */
function wishTruth(learners: Learner[], filter: Filter, topic: string): number {
  return learners.filter((learner) => {
    const first = learner.lessons.find((done) => done !== null);
    if (!learner.wish?.includes(topic) || !first) return false;
    const home = homeOf(learner);
    if (filter.gardens !== null && !filter.gardens.includes(home)) return false;
    return first.quarter >= filter.quarters[0] && first.quarter <= filter.quarters[1];
  }).length;
}

describe('insight numbers never single anyone out', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await database.db
      .insertInto('gardens')
      .values(
        GARDENS.map((id, g) => ({
          id,
          name: `Hage ${g}`,
          county: COUNTY_OF[g] === 0 ? 'Nordland' : 'Troms',
          municipality: null,
          created_at: 0,
        })),
      )
      .execute();
  });
  afterAll(() => database.close());

  async function store(learners: Learner[]) {
    const { db } = database;
    for (const table of ['progress', 'consents', 'memberships', 'users'] as const) {
      await db.deleteFrom(table).execute();
    }
    if (learners.length === 0) return;
    const ids = learners.map((_, i) => `user-${i}`);
    await db
      .insertInto('users')
      .values(ids.map((id) => ({ id, email: `${id}@x.no`, password_hash: 'x', created_at: 0 })))
      .execute();
    const memberships = learners.flatMap((learner, i) =>
      learner.memberships.map(([garden, consent]) => ({ user: ids[i]!, garden, consent })),
    );
    if (memberships.length > 0) {
      await db
        .insertInto('memberships')
        .values(
          memberships.map((m) => ({
            user_id: m.user,
            garden_id: GARDENS[m.garden]!,
            firm_id: null,
            display_name: m.user,
            joined_at: 0,
          })),
        )
        .execute();
      await db
        .insertInto('consents')
        .values(
          memberships.map((m) => ({
            user_id: m.user,
            garden_id: GARDENS[m.garden]!,
            text_version: '2026-12-02',
            given_at: 0,
            withdrawn_at: m.consent ? null : 1,
          })),
        )
        .execute();
    }
    const progress = learners.flatMap((learner, i) =>
      learner.lessons.flatMap((done, l) => {
        if (!done) return [];
        const p = emptyProgress(COURSE, LESSONS[l]!);
        p.openedAt = p.lastOpenedAt = TIME_IN[done.quarter]!;
        if (done.completed) p.completedAt = p.lastCompletedAt = TIME_IN[done.quarter]! + 1;
        if (done.rating) {
          p.rating = { value: done.rating, at: 1, clientId: 'c', eventId: 'e' };
        }
        if (learner.wish && learner.lessons.findIndex((d) => d !== null) === l) {
          const wishes = { topics: learner.wish, text: '', forAuthors: false };
          p.wishes = { value: wishes, at: 1, clientId: 'c', eventId: 'e' };
        }
        p.time = { c: done.minutes * 60 + 30 } as typeof p.time;
        return [
          {
            user_id: ids[i]!,
            course_id: COURSE,
            lesson_id: LESSONS[l]!,
            data: JSON.stringify(p),
            version: 1,
            updated_at: 0,
            ...insightFacts(p),
          },
        ];
      }),
    );
    for (let i = 0; i < progress.length; i += 200) {
      await db
        .insertInto('progress')
        .values(progress.slice(i, i + 200))
        .execute();
    }
  }

  /** The lessons' numbers and, as a fourth lesson-like row, the topics' counts. */
  const ask = async (filter: Filter) => {
    const scope = {
      courseId: COURSE,
      gardens: filter.gardens === null ? null : filter.gardens.map((g) => GARDENS[g]!),
      from: QUARTERS[filter.quarters[0]],
      to: QUARTERS[filter.quarters[1]],
    };
    const topics = new Map(
      topicInsights(await wishRows(database.db, scope)).map((t) => [t.topicId, t.learners]),
    );
    return {
      lessons: lessonInsights(LESSONS, await atomLessons(database.db, scope)),
      topics: TOPICS.map((topic) => topics.get(topic) ?? null),
    };
  };

  const runs = testPostgresUrl() ? 150 : 500;
  it(`holds for ${runs} random networks under ${FILTERS.length} filters each`, async () => {
    let shownNumbers = 0;
    let pairs = 0;
    await fc.assert(
      fc.asyncProperty(networkArbitrary, async (learners) => {
        await store(learners);
        const replies = new Map<Filter, Awaited<ReturnType<typeof ask>>>();
        for (const filter of FILTERS) replies.set(filter, await ask(filter));
        for (const [filter, { lessons, topics }] of replies) {
          topics.forEach((value, t) => {
            if (value !== null) {
              expect(value).toBeGreaterThanOrEqual(MIN_GROUP);
              shownNumbers += 1;
            }
            expect(value ?? 0).toBeLessThanOrEqual(wishTruth(learners, filter, TOPICS[t]!));
          });
          lessons.forEach((lesson, l) => {
            for (const [cell, read] of Object.entries(CELLS)) {
              const value = read(lesson);
              // Shown numbers rest on at least five learners, and never count anyone twice.
              if (cell !== 'answered' && value !== 0) {
                expect(value).toBeGreaterThanOrEqual(MIN_GROUP);
                shownNumbers += 1;
              }
              expect(value).toBeLessThanOrEqual(truth(learners, filter, l, cell));
            }
            if (lesson.medianMinutes !== null) expect(lesson.completed).not.toBeNull();
          });
        }
        // Any two numbers over nested groups differ by 0 or by at least five.
        for (const [a, { lessons: aLessons, topics: aTopics }] of replies) {
          for (const [b, { lessons: bLessons, topics: bTopics }] of replies) {
            if (!covers(a, b)) continue;
            aTopics.forEach((value, t) => {
              const difference = n(value) - n(bTopics[t]!);
              pairs += 1;
              if (difference !== 0 && difference < MIN_GROUP) {
                throw new Error(`topic ${TOPICS[t]} "${a.name}" minus "${b.name}": ${difference}`);
              }
            });
            for (let l = 0; l < LESSONS.length; l += 1) {
              for (const [larger, smaller] of NESTED) {
                if (a === b && larger === smaller) continue;
                const difference = CELLS[larger]!(aLessons[l]!) - CELLS[smaller]!(bLessons[l]!);
                pairs += 1;
                if (difference !== 0 && difference < MIN_GROUP) {
                  throw new Error(
                    `${larger} under "${a.name}" minus ${smaller} under "${b.name}", ` +
                      `lesson ${LESSONS[l]}: ${difference}`,
                  );
                }
              }
            }
          }
        }
      }),
      { numRuns: runs },
    );
    console.log(
      `insight privacy: ${runs} cases × ${FILTERS.length} filters, ${shownNumbers} numbers shown, ` +
        `${pairs} nested differences, 0 under ${MIN_GROUP}`,
    );
    expect(shownNumbers).toBeGreaterThan(0);
  }, 600_000);
});
