// The advisor's garden view (issue 14, acceptance 5): a garden of 1,000 consenting learners, each
// with progress in 6 served courses, its rows made the way the server makes them (events folded
// with the shared merge, `applyEvent`, stored in `events` and `progress` as a push stores them);
// then, through the real app in process (routing, session check, the access rule, the summaries,
// JSON), the advisor's full view — every page of GET /gardens/{id}/learners — 50 times, and 100
// learner details. p50/p95 of a page, of the full view and of a detail, on SQLite (a file, as the
// server runs it) and on PostgreSQL. The target: p95 ≤ 100 ms for a page on SQLite.
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import type { Insertable } from 'kysely';
import type { CompiledCourse } from '../../../src/content/types';
import { createApp } from '../../../src/server/app';
import { loadCatalogue } from '../../../src/server/catalogue';
import { openDatabase, type Database, type DatabaseTarget } from '../../../src/server/db/database';
import type { Db, Schema } from '../../../src/server/db/schema';
import { insightFacts } from '../../../src/server/insight/facts';
import { createLogger } from '../../../src/server/logger';
import { createSession } from '../../../src/server/sessions/sessions';
import { EVENT_VERSION, type LearnerEvent } from '../../../src/shared/events';
import {
  CONSENT_TEXT_VERSION,
  LEARNER_PAGE,
  type LearnerList,
} from '../../../src/shared/network-protocol';
import { applyEvent, emptyProgress } from '../../../src/shared/progress';
import { uuidv7 } from '../../../src/shared/uuid';
import { absolute, atMost, median, percentile, type Figure } from '../figure';
import type { BenchGroup } from '../groups';
import { onBothDatabases } from '../postgres';
import { eventRow } from '../../utils/learners';

const LEARNERS = 1000;
const COURSES = 6;
const FIRMS = 40;
const FULL_VIEWS = 50;
const DETAILS = 100;
const TARGET_MS = 100;
const DAY = 24 * 60 * 60_000;
/** The bench's clock: every learner's activity lies in the 30 days before it. */
const NOW = Date.UTC(2026, 11, 2, 12);

type Row<T extends keyof Schema> = Insertable<Schema[T]>;

/** Rows of the seeded garden, inserted in chunks. */
interface Seed {
  users: Row<'users'>[];
  learnerSync: Row<'learner_sync'>[];
  clients: Row<'clients'>[];
  memberships: Row<'memberships'>[];
  consents: Row<'consents'>[];
  events: Row<'events'>[];
  progress: Row<'progress'>[];
}

/** A learner's events on one lesson: how far they got decides which (opened, progressed, time,
 * the lesson's own acts — quiz answers, checklist ticks, a reflection shared or not — completed). */
function lessonEvents(
  course: CompiledCourse,
  lessonIndex: number,
  {
    clientId,
    learner,
    start,
    completed,
  }: {
    clientId: string;
    learner: number;
    start: number;
    completed: boolean;
  },
  nextSeq: () => number,
): LearnerEvent[] {
  const lesson = course.bundle.lessons[lessonIndex]!;
  const base = { clientId, courseId: course.bundle.id, lessonId: lesson.id, v: EVENT_VERSION };
  let at = start;
  const events: LearnerEvent[] = [];
  const add = (type: LearnerEvent['type'], payload: unknown) => {
    at += 20_000;
    events.push({ ...base, id: uuidv7(at), seq: nextSeq(), at, type, payload } as LearnerEvent);
  };
  add('lesson.opened', {});
  add('lesson.progressed', { position: completed ? 1 : 0.5 });
  if (lesson.kind === 'quiz') {
    for (const question of lesson.questions) {
      const option = question.options[(learner + question.id.length) % question.options.length]!;
      add('quiz.answered', {
        attemptId: uuidv7(at),
        questionId: question.id,
        chosen: [option.id],
        correct: option.correct,
        score: option.correct ? 1 : 0,
      });
    }
  }
  if (lesson.kind === 'checklist') {
    for (const item of lesson.items) add('checklist.toggled', { itemId: item.id, checked: true });
  }
  if (lesson.kind === 'reflection') {
    add('reflection.saved', { text: `Tanker fra elev ${learner} om ${lesson.id}.` });
    if (learner % 2 === 0) add('reflection.shared', { shared: true });
  }
  add('time.spent', { seconds: 60 + ((learner * 37 + lessonIndex * 11) % 540) });
  if (completed) add('lesson.completed', {});
  return events;
}

/** The garden: 1,000 members with consent, each in all 6 courses, some far, some idle. */
function seedRows(courses: readonly CompiledCourse[], gardenId: string, firmIds: string[]): Seed {
  const seed: Seed = {
    users: [],
    learnerSync: [],
    clients: [],
    memberships: [],
    consents: [],
    events: [],
    progress: [],
  };
  for (let i = 0; i < LEARNERS; i++) {
    const userId = randomUUID();
    const clientId = `client-bench-${i}`;
    const joinedAt = NOW - 60 * DAY;
    seed.users.push({
      id: userId,
      email: `elev-${i}@hage.bench`,
      password_hash: 'bench: never logs in',
      created_at: joinedAt,
      email_verified_at: null,
    });
    seed.learnerSync.push({ user_id: userId, version: 1, epoch: `bench-${i}` });
    seed.clients.push({ client_id: clientId, user_id: userId, created_at: joinedAt });
    seed.memberships.push({
      user_id: userId,
      garden_id: gardenId,
      firm_id: firmIds[i % FIRMS]!,
      display_name: `Elev ${i}`,
      joined_at: joinedAt,
    });
    seed.consents.push({
      user_id: userId,
      garden_id: gardenId,
      text_version: CONSENT_TEXT_VERSION,
      given_at: joinedAt,
      withdrawn_at: null,
    });
    let seq = 0;
    const nextSeq = () => ++seq;
    // Last active between 0 and 29 days ago: about half of them idle past the follow-up limit.
    const lastDay = NOW - (i % 30) * DAY;
    const receivedAt = lastDay + 60 * 60_000;
    for (const [c, course] of courses.entries()) {
      const lessons = course.bundle.lessons.length;
      const reached = 1 + ((i * 7 + c * 3) % lessons);
      for (let l = 0; l < reached; l++) {
        const completed = l < reached - 1 || (i + c) % 3 === 0;
        const start = lastDay - (COURSES - c) * DAY - (reached - l) * 60 * 60_000;
        const events = lessonEvents(course, l, { clientId, learner: i, start, completed }, nextSeq);
        const progress = events.reduce(
          applyEvent,
          emptyProgress(course.bundle.id, course.bundle.lessons[l]!.id),
        );
        for (const event of events) {
          seed.events.push(eventRow(event, { userId, clientId, receivedAt }));
        }
        seed.progress.push({
          user_id: userId,
          course_id: course.bundle.id,
          lesson_id: progress.lessonId,
          data: JSON.stringify(progress),
          ...insightFacts(progress),
          version: 1,
          updated_at: receivedAt,
        });
      }
    }
  }
  return seed;
}

async function insertChunked<T extends keyof Seed>(
  db: Db,
  table: Parameters<Db['insertInto']>[0],
  rows: Seed[T],
): Promise<void> {
  // 11 columns at most: 500 rows stay under SQLite's and PostgreSQL's parameter limits.
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + 500) as never)
      .execute();
  }
}

/** Seeds the garden; returns the app, the garden id, the advisor's token and the learner ids. */
async function seedGarden(
  database: Database,
  courses: readonly CompiledCourse[],
): Promise<{ app: Hono; gardenId: string; token: string; learnerIds: string[] }> {
  const db = database.db;
  const gardenId = randomUUID();
  const advisorId = randomUUID();
  await db
    .insertInto('gardens')
    .values({
      id: gardenId,
      name: 'Benkehagen',
      county: 'Vestland',
      municipality: null,
      created_at: NOW - 90 * DAY,
    })
    .execute();
  const firmIds = Array.from({ length: FIRMS }, () => randomUUID());
  await insertChunked(
    db,
    'firms',
    firmIds.map((id, i) => ({
      id,
      garden_id: gardenId,
      name: `Firma ${i}`,
      org_number: null,
      created_at: NOW - 90 * DAY,
    })) as never,
  );
  await db
    .insertInto('users')
    .values({
      id: advisorId,
      email: 'radgiver@hage.bench',
      password_hash: 'bench: never logs in',
      created_at: NOW - 90 * DAY,
      email_verified_at: null,
    })
    .execute();
  await db
    .insertInto('advisors')
    .values({ garden_id: gardenId, user_id: advisorId, added_at: NOW - 90 * DAY, added_by: null })
    .execute();
  const seed = seedRows(courses, gardenId, firmIds);
  await insertChunked(db, 'users', seed.users);
  await insertChunked(db, 'learner_sync', seed.learnerSync);
  await insertChunked(db, 'clients', seed.clients);
  await insertChunked(db, 'memberships', seed.memberships);
  await insertChunked(db, 'consents', seed.consents);
  await insertChunked(db, 'events', seed.events);
  await insertChunked(db, 'progress', seed.progress);
  const { token } = await createSession(db, advisorId, NOW);
  const app = createApp({
    catalogue: courses,
    distDir: join(tmpdir(), 'lommekurs-bench-garden-no-dist'),
    logger: createLogger('silent'),
    database,
    now: () => NOW,
  });
  return {
    app,
    gardenId,
    token,
    learnerIds: seed.users.map((u) => u.id),
  };
}

/** Timings of one database, in ms. */
interface Timings {
  pages: number[];
  /** CPU time of this process per page (user + system): less swayed by a busy machine than
   * wall time; on PostgreSQL the database server's own CPU is not in it. */
  pageCpu: number[];
  views: number[];
  details: number[];
  events: number;
  progress: number;
}

/** One request: wall ms, CPU ms of this process, and the parsed reply. */
async function timed(app: Hono, path: string, token: string): Promise<[number, number, unknown]> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const response = await app.request(path, { headers: { Authorization: `Bearer ${token}` } });
  const body: unknown = await response.json();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
  return [ms, (cpu.user + cpu.system) / 1000, body];
}

async function measureOn(target: DatabaseTarget, courses: CompiledCourse[]): Promise<Timings> {
  const database = await openDatabase(target);
  try {
    const { app, gardenId, token, learnerIds } = await seedGarden(database, courses);
    const counts = await Promise.all(
      (['events', 'progress'] as const).map((table) =>
        database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ),
    );
    const list = `/api/v1/network/gardens/${gardenId}/learners`;
    const fullView = async (pages: number[], pageCpu: number[]) => {
      let after: string | null = null;
      let seen = 0;
      const t0 = performance.now();
      do {
        const path: string = after === null ? list : `${list}?after=${after}`;
        const [ms, cpu, body] = await timed(app, path, token);
        const page = body as LearnerList;
        pages.push(ms);
        pageCpu.push(cpu);
        seen += page.learners.length;
        after = page.next;
      } while (after !== null);
      const total = performance.now() - t0;
      if (seen !== LEARNERS) throw new Error(`the full view listed ${seen} learners`);
      return total;
    };
    await fullView([], []); // warm-up: statement caches, JIT
    const pages: number[] = [];
    const pageCpu: number[] = [];
    const views: number[] = [];
    for (let i = 0; i < FULL_VIEWS; i++) views.push(await fullView(pages, pageCpu));
    const details: number[] = [];
    for (let i = 0; i < DETAILS; i++) {
      const learnerId = learnerIds[(i * 97) % learnerIds.length]!;
      details.push((await timed(app, `${list}/${learnerId}`, token))[0]);
    }
    return {
      pages,
      pageCpu,
      views,
      details,
      events: Number(counts[0]!.n),
      progress: Number(counts[1]!.n),
    };
  } finally {
    await database.close();
  }
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

function figuresOf(dialect: string, t: Timings, where: string): Figure[] {
  const pages = LEARNERS / LEARNER_PAGE;
  const data =
    `${LEARNERS} consenting learners × ${COURSES} courses (${t.progress} progress rows, ` +
    `${t.events} events), ${where}; in process through the real app`;
  const budget = { kind: 'budget' as const, label: 'issue 14 target', value: TARGET_MS };
  return [
    atMost(
      `garden view: learner page p95 (${dialect})`,
      percentile(t.pages, 95),
      'ms',
      budget,
      1,
      `${t.pages.length} page requests of ${LEARNER_PAGE} learners (${FULL_VIEWS} full views × ` +
        `${pages} pages), p50 ${ms(median(t.pages))}; ${data}`,
    ),
    atMost(
      `garden view: learner page CPU p95 (${dialect})`,
      percentile(t.pageCpu, 95),
      'ms',
      budget,
      1,
      `CPU time of the server process (user + system) per page, p50 ${ms(median(t.pageCpu))}: ` +
        `the work a page costs, less swayed by other processes than wall time` +
        (dialect === 'PostgreSQL' ? ' (without the database server’s own CPU)' : ''),
    ),
    absolute(
      `garden view: all ${pages} pages p95 (${dialect})`,
      percentile(t.views, 95),
      'ms',
      'report (the target is per page)',
      null,
      `${t.views.length} full views, p50 ${ms(median(t.views))}; ${data}`,
    ),
    atMost(
      `garden view: learner detail p95 (${dialect})`,
      percentile(t.details, 95),
      'ms',
      budget,
      1,
      `${t.details.length} details of learners across the garden, p50 ${ms(median(t.details))}; ${data}`,
    ),
  ];
}

async function measure(): Promise<Figure[]> {
  const courses = (await loadCatalogue('courses', createLogger('silent')))
    .sort((a, b) => (a.bundle.id < b.bundle.id ? -1 : 1))
    .slice(0, COURSES);
  if (courses.length < COURSES) throw new Error(`only ${courses.length} courses in courses/`);
  return onBothDatabases(
    process.env.GARDEN_ONLY,
    (target) => measureOn(target, courses),
    figuresOf,
  );
}

/** The garden-view group of `npm run bench` (GARDEN_ONLY=sqlite|postgres runs one database). */
export const gardenView: BenchGroup = { name: 'garden-view', measure };
