// The insight route end to end (issue 15): learners push through the real sync, the push keeps
// the insight facts beside their progress, and an analyst or an advisor reads counts of at least
// five — a garden of four reads "færre enn 5" (null), a learner without consent counts in no
// garden, and an advisor sees only the gardens they advise.
import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledCourse } from '../../src/content/types';
import { loadCatalogue } from '../../src/server/catalogue';
import type { Database } from '../../src/server/db/database';
import { createLogger } from '../../src/server/logger';
import { grantNetworkRole } from '../../src/server/network/queries';
import { catalogueIndex } from '../../src/server/sync/lesson-index';
import type { InsightAccess } from '../../src/shared/insight-access';
import type { AuthorTexts, CourseInsight } from '../../src/shared/insight-protocol';
import { makeTempRoot, writeCourse } from '../utils/course-fixture';
import { makeEvent, newClientId, push, pushBody } from '../utils/learners';
import { openTestDatabase } from '../utils/test-database';
import { accountTestApp, call, register, T0 } from './account-support';
import { removeTemp } from './support';

const COURSE = 'innsikt';
const GARDEN_A = randomUUID();
const GARDEN_B = randomUUID();

let database: Database;
let root: string;
let app: Hono;
const tokens: Record<'analyst' | 'advisorA' | 'advisorB' | 'learner', string> = {
  analyst: '',
  advisorA: '',
  advisorB: '',
  learner: '',
};

let n = 0;
async function user(): Promise<{ token: string; id: string }> {
  const { token, user: u } = await register(app, `innsikt-${++n}@test.no`);
  return { token, id: u.id };
}

/** A learner who reads the first lesson for 150 seconds, completes it and answers "Ja", and
 * opens the second. `garden`: the garden they joined with consent (a withdrawn one if `withdrawn`). */
async function learner(garden: string | null, withdrawn = false): Promise<string> {
  const { token, id } = await user();
  if (garden !== null) {
    await database.db
      .insertInto('memberships')
      .values({ user_id: id, garden_id: garden, firm_id: null, display_name: id, joined_at: T0 })
      .execute();
    await database.db
      .insertInto('consents')
      .values({
        user_id: id,
        garden_id: garden,
        text_version: '2026-12-02',
        given_at: T0,
        withdrawn_at: withdrawn ? T0 + 1 : null,
      })
      .execute();
  }
  const clientId = newClientId();
  let seq = 0;
  const event = (type: Parameters<typeof makeEvent>[0], lessonId: string, payload: object) =>
    makeEvent(type, payload as never, {
      clientId,
      at: T0 + seq * 1000,
      seq: ++seq,
      courseId: COURSE,
      lessonId,
    });
  const response = await push(
    app,
    token,
    pushBody(clientId, [
      event('lesson.opened', 'lese', {}),
      event('time.spent', 'lese', { seconds: 150 }),
      event('lesson.completed', 'lese', {}),
      event('lesson.rated', 'lese', { answer: 'yes' }),
      event('lesson.commented', 'lese', { text: `Kommentar ${n}`, forAuthors: n % 2 === 0 }),
      event('lesson.opened', 'videre', {}),
      event('course.wished', 'videre', {
        topics: ['sikkerhet', 'ki'],
        text: `Ønske ${n}`,
        forAuthors: n % 2 === 1,
      }),
    ]),
  );
  expect(response.status, await response.clone().text()).toBe(200);
  return token;
}

beforeAll(async () => {
  database = await openTestDatabase();
  root = await makeTempRoot();
  await writeCourse(root, { id: COURSE, lessons: [{ id: 'lese' }, { id: 'videre' }] });
  const courses: CompiledCourse[] = await loadCatalogue(root, createLogger('silent'));
  app = accountTestApp(database, undefined, undefined, {
    catalogue: courses,
    syncCatalogue: catalogueIndex(courses),
  }).app;
  await database.db
    .insertInto('gardens')
    .values([
      { id: GARDEN_A, name: 'Hage A', county: 'Nordland', municipality: null, created_at: T0 },
      { id: GARDEN_B, name: 'Hage B', county: 'Troms', municipality: null, created_at: T0 },
    ])
    .execute();
  const analyst = await user();
  await grantNetworkRole(database.db, analyst.id, 'analyst', T0);
  tokens.analyst = analyst.token;
  for (const [key, garden] of [
    ['advisorA', GARDEN_A],
    ['advisorB', GARDEN_B],
  ] as const) {
    const advisor = await user();
    await database.db
      .insertInto('advisors')
      .values({ garden_id: garden, user_id: advisor.id, added_at: T0, added_by: null })
      .execute();
    tokens[key] = advisor.token;
  }
  for (let i = 0; i < 6; i += 1) await learner(GARDEN_A);
  await learner(GARDEN_A, true); // withdrew: counts in no garden
  for (let i = 0; i < 4; i += 1) await learner(GARDEN_B);
  tokens.learner = await learner(null);
  // Five learners without an account answer "Ja" anonymously, one of them twice (a retry), and
  // five want to learn more about "ki" (one lets the authors read why).
  const anonymous = [
    ...Array.from({ length: 5 }, () => ({
      id: randomUUID(),
      type: 'lesson.rated',
      courseId: COURSE,
      lessonId: 'lese',
      at: T0,
      payload: { answer: 'yes' },
    })),
    ...Array.from({ length: 5 }, (_, i) => ({
      id: randomUUID(),
      type: 'course.wished',
      courseId: COURSE,
      lessonId: 'videre',
      at: T0,
      payload: { topics: ['ki'], text: `Anonymt ønske ${i}`, forAuthors: i === 0 },
    })),
  ];
  for (const events of [anonymous, anonymous.slice(0, 1)]) {
    const sent = await call(app, 'POST', '/api/v1/feedback/anonymous', { body: { events } });
    expect(sent.status, await sent.clone().text()).toBe(200);
  }
});

afterAll(async () => {
  await database.close();
  await removeTemp(root);
});

async function insight(token: string, query = ''): Promise<CourseInsight> {
  const response = await call(app, 'GET', `/api/v1/insight/courses/${COURSE}${query}`, { token });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as CourseInsight;
}

describe('the texts for the course authors', () => {
  it('gives an analyst only what learners let the authors read, with nothing about who', async () => {
    const response = await call(app, 'GET', `/api/v1/insight/courses/${COURSE}/texts`, {
      token: tokens.analyst,
    });
    expect(response.status).toBe(200);
    const { texts } = (await response.json()) as AuthorTexts;
    // 12 learners: the even ones let the authors read their comment, the odd ones their wish;
    // and one anonymous wish.
    expect(texts.filter((t) => t.kind === 'lesson')).toHaveLength(6);
    expect(texts.filter((t) => t.kind === 'course')).toHaveLength(7);
    expect(texts.map((t) => t.text)).toContain('Anonymt ønske 0');
    expect(texts.map((t) => t.text)).not.toContain('Anonymt ønske 1');
    expect(texts.every((t) => Object.keys(t).sort().join() === 'kind,lessonId,text')).toBe(true);
    expect(texts.map((t) => t.lessonId)).toEqual([
      ...Array(6).fill('lese'),
      ...Array(7).fill('videre'),
    ]);
    for (const token of [tokens.advisorA, tokens.learner]) {
      const refused = await call(app, 'GET', `/api/v1/insight/courses/${COURSE}/texts`, { token });
      expect(refused.status).toBe(403);
    }
  });
});

describe('what insight a caller may see', () => {
  const access = async (token: string) => {
    const response = await call(app, 'GET', '/api/v1/insight', { token });
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as InsightAccess;
  };

  it('lists every garden for the analyst, only their own for an advisor, nothing for a learner', async () => {
    expect(await access(tokens.analyst)).toEqual({
      scope: 'network',
      gardens: [
        { id: GARDEN_A, name: 'Hage A', county: 'Nordland' },
        { id: GARDEN_B, name: 'Hage B', county: 'Troms' },
      ],
    });
    expect(await access(tokens.advisorA)).toEqual({
      scope: 'gardens',
      gardens: [{ id: GARDEN_A, name: 'Hage A', county: 'Nordland' }],
    });
    expect((await access(tokens.advisorB)).gardens.map((g) => g.id)).toEqual([GARDEN_B]);
    const learnerAsks = await call(app, 'GET', '/api/v1/insight', { token: tokens.learner });
    expect(learnerAsks.status).toBe(403);
    expect((await call(app, 'GET', '/api/v1/insight')).status).toBe(401);
  });
});

describe('insight of a course', () => {
  it('counts the garden of six for the analyst, and leaves out the four and the two outside', async () => {
    const { lessons, minGroup } = await insight(tokens.analyst);
    expect(minGroup).toBe(5);
    expect(lessons).toEqual([
      {
        lessonId: 'lese',
        started: 6,
        completed: 6,
        answers: { yes: 6, some: null, no: null },
        medianMinutes: 2,
        anonymous: { yes: 5, some: null, no: null },
      },
      {
        lessonId: 'videre',
        started: 6,
        completed: null,
        answers: { yes: null, some: null, no: null },
        medianMinutes: null,
        anonymous: { yes: null, some: null, no: null },
      },
    ]);
    // "Hva vil du lære mer om?": the six of garden A; the four of B and the two outside are
    // under five in their atoms.
    // With the five anonymous answers for "ki" (the unfiltered network only).
    expect((await insight(tokens.analyst)).topics).toEqual([
      { topicId: 'ki', learners: 11 },
      { topicId: 'sikkerhet', learners: 6 },
    ]);
    expect((await insight(tokens.analyst, `?garden=${GARDEN_A}`)).topics).toEqual([
      { topicId: 'ki', learners: 6 },
      { topicId: 'sikkerhet', learners: 6 },
    ]);
    // The county of garden B, or B itself: four learners, "færre enn 5" everywhere.
    for (const query of ['?county=Troms', `?garden=${GARDEN_B}`]) {
      const b = await insight(tokens.analyst, query);
      expect(b.lessons.flatMap((l) => [l.started, l.completed, l.answers.yes])).toEqual(
        Array(6).fill(null),
      );
      // Anonymous answers have no garden: never under a garden or county filter.
      expect(b.lessons.map((l) => l.anonymous)).toEqual([null, null]);
    }
    // Only quarters without any learner: nothing.
    const empty = await insight(tokens.analyst, '?from=2025-Q1&to=2025-Q4');
    expect(empty.lessons[0]!.started).toBeNull();
  });

  it('shows an advisor their own gardens only', async () => {
    expect((await insight(tokens.advisorA)).lessons[0]!.started).toBe(6);
    expect((await insight(tokens.advisorA, '?county=Troms')).lessons[0]!.started).toBeNull();
    expect((await insight(tokens.advisorB)).lessons[0]!.started).toBeNull();
    const other = await call(app, 'GET', `/api/v1/insight/courses/${COURSE}?garden=${GARDEN_B}`, {
      token: tokens.advisorA,
    });
    expect(other.status).toBe(403);
    const learnerAsks = await call(app, 'GET', `/api/v1/insight/courses/${COURSE}`, {
      token: tokens.learner,
    });
    expect(learnerAsks.status).toBe(403);
  });

  it('refuses a malformed filter with a reason', async () => {
    for (const [query, reason] of [
      ['?from=2026-Q5', 'from'],
      ['?from=2026-Q3&to=2026-Q1', 'from must not be after to'],
      ['?county=Atlantis', 'county'],
      ['?garden=x', 'garden'],
      ['?period=1', 'period'],
    ] as const) {
      const response = await call(app, 'GET', `/api/v1/insight/courses/${COURSE}${query}`, {
        token: tokens.analyst,
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toContain(reason);
    }
  });
});
