// The insight page's queries at network scale (issue 15, acceptance 4): 50,000 learners and
// 2 million events — 200 business gardens in the 15 counties holding four in five of the learners,
// the rest in no garden — each learner with 8 lessons of the served courses over four quarters,
// rows made the way the server makes them (events folded with the shared merge into `progress`
// with its insight facts). Then, through the real app in process (routing, session, the access
// rule, the grouped queries, the privacy rule, JSON), GET /api/v1/insight/courses/{id} for every
// course under four filters (none, one county, one garden, two quarters) as an analyst, and the
// same as an advisor of five gardens. p50/p95 per request on SQLite (a file, as the server runs
// it) and on PostgreSQL. The target: p95 ≤ 300 ms on both.
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { sql, type Insertable } from 'kysely';
import type { CompiledCourse } from '../../../src/content/types';
import { createApp } from '../../../src/server/app';
import { loadCatalogue } from '../../../src/server/catalogue';
import { openDatabase, type DatabaseTarget } from '../../../src/server/db/database';
import type { Db, Schema } from '../../../src/server/db/schema';
import { insightFacts } from '../../../src/server/insight/facts';
import { createLogger } from '../../../src/server/logger';
import { grantNetworkRole } from '../../../src/server/network/queries';
import { createSession } from '../../../src/server/sessions/sessions';
import { COUNTY_NAMES } from '../../../src/shared/counties';
import { EVENT_VERSION, LESSON_RATINGS, type LearnerEvent } from '../../../src/shared/events';
import type { CourseInsight } from '../../../src/shared/insight-protocol';
import { CONSENT_TEXT_VERSION } from '../../../src/shared/network-protocol';
import { applyEvent, emptyProgress } from '../../../src/shared/progress';
import { uuidv7 } from '../../../src/shared/uuid';
import { eventRow } from '../../utils/learners';
import { absolute, atMost, median, percentile, type Figure } from '../figure';
import type { BenchGroup } from '../groups';
import { onBothDatabases } from '../postgres';

const LEARNERS = 50_000;
const GARDENS = 200;
const LESSONS_EACH = 8;
/** Events per lesson: opened, progressed, time, completed, rated — 40 a learner, 2 million. */
const EVENTS_EACH = 5;
const ROUNDS = 5;
const TARGET_MS = 300;
/** The first day of the four quarters the activity spreads over (2026). */
const QUARTER_STARTS = [0, 3, 6, 9].map((month) => Date.UTC(2026, month, 15, 9));
const NOW = Date.UTC(2026, 11, 2, 12);
/** Learners inserted per batch: their rows are made and written, then dropped. */
const BATCH = 1000;

type Row<T extends keyof Schema> = Insertable<Schema[T]>;

/** A learner's five events on one lesson, each a second apart: a completed lesson ends with its
 * completion and an answer to "Var dette nyttig for deg?", a stopped one with more reading. */
function lessonEvents(
  base: { clientId: string; courseId: string; lessonId: string },
  { start, learner, completed }: { start: number; learner: number; completed: boolean },
  seq: () => number,
): LearnerEvent[] {
  let at = start;
  const event = (type: LearnerEvent['type'], payload: unknown) =>
    ({
      ...base,
      v: EVENT_VERSION,
      id: uuidv7((at += 1000)),
      seq: seq(),
      at,
      type,
      payload,
    }) as LearnerEvent;
  const seconds = 60 + ((learner * 37) % 900);
  return [
    event('lesson.opened', {}),
    event('lesson.progressed', { position: completed ? 1 : 0.3 }),
    event('time.spent', { seconds }),
    completed ? event('lesson.completed', {}) : event('lesson.progressed', { position: 0.5 }),
    completed
      ? event('lesson.rated', { answer: LESSON_RATINGS[learner % 3]! })
      : event('time.spent', { seconds: seconds + 30 }),
  ];
}

async function insertChunked(db: Db, table: keyof Schema, rows: readonly object[]) {
  // 12 columns at most: 400 rows stay under SQLite's and PostgreSQL's parameter limits.
  for (let i = 0; i < rows.length; i += 400) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + 400) as never)
      .execute();
  }
}

/** Seeds the network; returns the gardens and their counties. */
async function seedNetwork(db: Db, courses: readonly CompiledCourse[]): Promise<string[]> {
  const gardens = Array.from({ length: GARDENS }, (_, g) => ({
    id: randomUUID(),
    name: `Hage ${g}`,
    county: COUNTY_NAMES[g % COUNTY_NAMES.length]!,
    municipality: null,
    created_at: NOW - 400 * 24 * 60 * 60_000,
  }));
  await insertChunked(db, 'gardens', gardens);
  const lessons = courses.flatMap((course) =>
    course.bundle.lessons.map((lesson) => ({ courseId: course.bundle.id, lessonId: lesson.id })),
  );
  for (let first = 0; first < LEARNERS; first += BATCH) {
    const users: Row<'users'>[] = [];
    const memberships: Row<'memberships'>[] = [];
    const consents: Row<'consents'>[] = [];
    const events: Row<'events'>[] = [];
    const progress: Row<'progress'>[] = [];
    for (let i = first; i < first + BATCH; i += 1) {
      const userId = randomUUID();
      const clientId = `client-insight-${i}`;
      users.push({
        id: userId,
        email: `elev-${i}@innsikt.bench`,
        password_hash: 'bench: never logs in',
        created_at: NOW - 400 * 24 * 60 * 60_000,
        email_verified_at: null,
      });
      if (i % 5 !== 4) {
        const garden = gardens[(i * 7919) % GARDENS]!.id;
        memberships.push({
          user_id: userId,
          garden_id: garden,
          firm_id: null,
          display_name: `Elev ${i}`,
          joined_at: NOW,
        });
        consents.push({
          user_id: userId,
          garden_id: garden,
          text_version: CONSENT_TEXT_VERSION,
          given_at: NOW,
          withdrawn_at: null,
        });
      }
      let seq = 0;
      const nextSeq = () => ++seq;
      const start = QUARTER_STARTS[i % QUARTER_STARTS.length]! + (i % 60) * 60 * 60_000;
      for (let l = 0; l < LESSONS_EACH; l += 1) {
        const { courseId, lessonId } = lessons[(i * 3 + l) % lessons.length]!;
        const lessonEventsOf = lessonEvents(
          { clientId, courseId, lessonId },
          // One lesson in four is left before the end.
          { start: start + l * 60_000, learner: i, completed: (i + l) % 4 !== 0 },
          nextSeq,
        );
        const p = lessonEventsOf.reduce(applyEvent, emptyProgress(courseId, lessonId));
        for (const event of lessonEventsOf) {
          events.push(eventRow(event, { userId, clientId, receivedAt: event.at }));
        }
        progress.push({
          user_id: userId,
          course_id: courseId,
          lesson_id: lessonId,
          data: JSON.stringify(p),
          ...insightFacts(p),
          version: 1,
          updated_at: start,
        });
      }
    }
    await insertChunked(db, 'users', users);
    await insertChunked(db, 'memberships', memberships);
    await insertChunked(db, 'consents', consents);
    await insertChunked(db, 'events', events);
    await insertChunked(db, 'progress', progress);
  }
  return gardens.map((g) => g.id);
}

interface Timings {
  analyst: number[];
  advisor: number[];
  events: number;
  progress: number;
  shown: number;
  hidden: number;
}

async function measureOn(target: DatabaseTarget, courses: CompiledCourse[]): Promise<Timings> {
  const database = await openDatabase(target);
  try {
    const db = database.db;
    const gardens = await seedNetwork(db, courses);
    // PostgreSQL's autovacuum vacuums and analyses a table after a bulk load like this one
    // (without statistics the planner guesses, and without the visibility map no index-only
    // scan); the SQLite server runs no ANALYZE, so the SQLite figures are without, as it runs.
    if (database.dialect === 'postgres') await sql`VACUUM ANALYZE`.execute(db);
    const [analystId, advisorId] = [randomUUID(), randomUUID()];
    for (const [id, email] of [
      [analystId, 'analytiker@innsikt.bench'],
      [advisorId, 'radgiver@innsikt.bench'],
    ] as const) {
      await db
        .insertInto('users')
        .values({ id, email, password_hash: 'x', created_at: NOW, email_verified_at: null })
        .execute();
    }
    await grantNetworkRole(db, analystId, 'analyst', NOW);
    await insertChunked(
      db,
      'advisors',
      gardens
        .slice(0, 5)
        .map((garden_id) => ({ garden_id, user_id: advisorId, added_at: NOW, added_by: null })),
    );
    const analyst = (await createSession(db, analystId, NOW)).token;
    const advisor = (await createSession(db, advisorId, NOW)).token;
    const app: Hono = createApp({
      catalogue: courses,
      distDir: join(tmpdir(), 'lommekurs-bench-insight-no-dist'),
      logger: createLogger('silent'),
      database,
      now: () => NOW,
    });
    const counts = await Promise.all(
      (['events', 'progress'] as const).map((table) =>
        db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ),
    );
    const filters = [
      '',
      `?county=${encodeURIComponent(COUNTY_NAMES[3]!)}`,
      `?garden=${gardens[2]}`,
      '?from=2026-Q2&to=2026-Q3',
    ];
    let shown = 0;
    let hidden = 0;
    const ask = async (token: string, path: string): Promise<number> => {
      const t0 = performance.now();
      const response = await app.request(path, { headers: { Authorization: `Bearer ${token}` } });
      const body = (await response.json()) as CourseInsight;
      const ms = performance.now() - t0;
      if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
      for (const lesson of body.lessons) {
        for (const n of [lesson.started, lesson.completed]) {
          if (n === null) hidden += 1;
          else shown += 1;
        }
      }
      return ms;
    };
    const paths = courses.flatMap((course) =>
      filters.map((filter) => `/api/v1/insight/courses/${course.bundle.id}${filter}`),
    );
    for (const path of paths) await ask(analyst, path); // warm-up
    const analystTimes: number[] = [];
    const advisorTimes: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const path of paths) {
        analystTimes.push(await ask(analyst, path));
        advisorTimes.push(await ask(advisor, path.replace(/\?garden=.*/, '')));
      }
    }
    return {
      analyst: analystTimes,
      advisor: advisorTimes,
      events: seeded(Number(counts[0]!.n), LEARNERS * LESSONS_EACH * EVENTS_EACH, 'events'),
      progress: seeded(Number(counts[1]!.n), LEARNERS * LESSONS_EACH, 'progress rows'),
      shown,
      hidden,
    };
  } finally {
    await database.close();
  }
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

/** `actual`, after checking the seed made as many rows as it meant to. */
function seeded(actual: number, meant: number, what: string): number {
  if (actual !== meant) throw new Error(`the seed made ${actual} ${what}, not ${meant}`);
  return actual;
}

function figuresOf(dialect: string, t: Timings, where: string): Figure[] {
  const data =
    `${LEARNERS} learners in ${GARDENS} gardens (one in five in none), ${t.progress} progress ` +
    `rows, ${t.events} events, ${where}; in process through the real app`;
  const budget = { kind: 'budget' as const, label: 'issue 15 target', value: TARGET_MS };
  return [
    atMost(
      `insight: course page p95, analyst (${dialect})`,
      percentile(t.analyst, 95),
      'ms',
      budget,
      1,
      `${t.analyst.length} requests (every course × no filter, a county, a garden, two ` +
        `quarters; ${ROUNDS} rounds), p50 ${ms(median(t.analyst))}; ${data}`,
    ),
    atMost(
      `insight: course page p95, advisor of 5 gardens (${dialect})`,
      percentile(t.advisor, 95),
      'ms',
      budget,
      1,
      `${t.advisor.length} requests, p50 ${ms(median(t.advisor))}; ${data}`,
    ),
    absolute(
      `insight: counts shown / "færre enn 5" (${dialect})`,
      t.shown / Math.max(1, t.shown + t.hidden),
      'share',
      'report',
      null,
      `${t.shown} counts shown and ${t.hidden} under five across every reply`,
    ),
  ];
}

async function measure(): Promise<Figure[]> {
  const courses = await loadCatalogue('courses', createLogger('silent'));
  return onBothDatabases(
    process.env.INSIGHT_ONLY,
    (target) => measureOn(target, courses),
    figuresOf,
  );
}

/** The insight group of `npm run bench` (INSIGHT_ONLY=sqlite|postgres runs one database). */
export const insight: BenchGroup = { name: 'insight', measure };
