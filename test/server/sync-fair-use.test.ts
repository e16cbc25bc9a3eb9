// Issue 12, "Fair use of sync" and "Strings", on the real app and database (SQLite, and
// PostgreSQL under test/pg): the catalogue is the truth, attempts and row size are capped, ids
// with control characters or broken UTF-16 are 400 (never 500), and ids that name
// Object.prototype's members are ordinary ids through push, pull and export.
import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import type { Database } from '../../src/server/db/database';
import { createLogger } from '../../src/server/logger';
import { MAX_PROGRESS_ROW_CHARS } from '../../src/server/sync/push';
import type { LearnerEvent } from '../../src/shared/events';
import {
  KEPT_ATTEMPTS_PER_END,
  KEPT_REVIEWS_PER_END,
  type LessonProgress,
} from '../../src/shared/progress';
import type {
  InvalidEventsResponse,
  PullResponse,
  PushResponse,
} from '../../src/shared/sync-protocol';
import { uuidv7 } from '../../src/shared/uuid';
import {
  createTestLearner,
  dumpSyncTables,
  makeEvent,
  newClientId,
  pull,
  pullAll,
  push,
  pushBody,
} from '../utils/learners';
import { outlineCatalogue, type LessonOutline } from '../utils/sync-catalogue';
import { openTestDatabase } from '../utils/test-database';

const NOW = Date.now();
const PROTO = ['constructor', 'toString', '__proto__'] as const;
/** 80-character item ids, so a few hundred ticks make a large row. */
const BIG_ITEMS = Array.from({ length: 1600 }, (_, i) => `item-${String(i).padStart(75, '0')}`);

const catalogue = outlineCatalogue([
  [
    'kurs',
    [
      ['lesen', {}],
      ['quiz', { questions: { q1: ['a', 'b'], q2: ['a', 'b', 'c'] } }],
      ['sjekk', { items: ['i1', 'i2'] }],
      ['stor-sjekk', { items: BIG_ITEMS }],
    ],
  ],
  // Every id named after a member of Object.prototype.
  ...PROTO.map((id): [string, [string, LessonOutline][]] => [
    id,
    [
      [id, { questions: { [id]: [...PROTO] } }],
      ['liste', { items: [...PROTO] }],
    ],
  ]),
]);

let database: Database;
let app: Hono;

beforeAll(async () => {
  database = await openTestDatabase();
  app = createApp({
    catalogue: [],
    distDir: '/nonexistent',
    logger: createLogger('silent'),
    database,
    now: () => NOW,
    syncCatalogue: catalogue,
    // The push rate and daily quota (helper D's middleware) are lifted, so the storm reaches the
    // fold whose caps these tests are about.
    pushRules: { pushesPerMinute: 1_000_000, eventsPerDay: 1_000_000_000 },
    rateLimitNamespace: `${randomBytes(6).toString('hex')}:`,
  });
});
afterAll(() => database.close());

const answer = (
  clientId: string,
  i: number,
  fields: {
    courseId?: string;
    lessonId?: string;
    questionId?: string;
    chosen?: readonly string[];
  } = {},
): LearnerEvent =>
  makeEvent(
    'quiz.answered',
    {
      attemptId: uuidv7(NOW - 100_000 + i),
      questionId: fields.questionId ?? 'q1',
      chosen: [...(fields.chosen ?? ['a'])],
      correct: false,
      score: 0,
    },
    {
      clientId,
      seq: i + 1,
      at: NOW - 100_000 + i,
      courseId: fields.courseId ?? 'kurs',
      lessonId: fields.lessonId ?? 'quiz',
    },
  );

async function pushOk(token: string, clientId: string, events: readonly unknown[]) {
  const response = await push(app, token, pushBody(clientId, events));
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as PushResponse;
}

async function pushRefused(token: string, clientId: string, events: readonly unknown[]) {
  const response = await push(app, token, pushBody(clientId, events));
  expect(response.status, await response.clone().text()).toBe(400);
  return (await response.json()) as InvalidEventsResponse & { error: string };
}

describe('the catalogue is the truth', () => {
  it.each([
    ['unknown_course', { courseId: 'not-a-real-course' }],
    ['unknown_lesson', { lessonId: 'no-such-lesson' }],
    ['unknown_question', { questionId: 'q9' }],
    ['unknown_option', { chosen: ['a', 'z'] }],
    ['unknown_lesson', { courseId: 'kurs', lessonId: 'constructor' }],
    ['unknown_course', { courseId: 'hasOwnProperty' }],
  ] as const)('refuses %s and stores nothing of the batch', async (reason, fields) => {
    const learner = await createTestLearner(database.db);
    const clientId = newClientId();
    const before = await dumpSyncTables(database.db);
    const events = [answer(clientId, 1), answer(clientId, 2, fields)];
    const reply = await pushRefused(learner.token, clientId, events);
    expect(reply.error).toBe('invalid_events');
    expect(reply.rejected).toEqual([
      { index: 1, id: events[1]!.id, reason, message: expect.any(String) as string },
    ]);
    expect(await dumpSyncTables(database.db)).toEqual(before);
    // The client drops the refused event and sends the rest: accepted.
    expect((await pushOk(learner.token, clientId, [events[0]])).acked).toEqual([events[0]!.id]);
  });

  it('refuses a checklist item the lesson does not have', async () => {
    const learner = await createTestLearner(database.db);
    const clientId = newClientId();
    const tick = (itemId: string) =>
      makeEvent(
        'checklist.toggled',
        { itemId, checked: true },
        { clientId, courseId: 'kurs', lessonId: 'sjekk', at: NOW - 1000 },
      );
    const reply = await pushRefused(learner.token, clientId, [tick('i1'), tick('i3')]);
    expect(reply.rejected.map((r) => [r.index, r.reason])).toEqual([[1, 'unknown_item']]);
    await pushOk(learner.token, clientId, [tick('i1')]);
  });
});

describe('review answers (issue 16)', () => {
  const review = (clientId: string, i: number, questionId: string, chosen: string[]) =>
    makeEvent(
      'review.answered',
      { questionId, chosen, correct: false },
      { clientId, courseId: 'kurs', lessonId: 'quiz', at: NOW - 50_000 + i },
    );

  it('refuses a question or an option the quiz does not have, and stores a valid answer', async () => {
    const learner = await createTestLearner(database.db);
    const clientId = newClientId();
    const events = [
      review(clientId, 1, 'q1', ['a']),
      review(clientId, 2, 'q9', ['a']),
      review(clientId, 3, 'q1', ['z']),
    ];
    const reply = await pushRefused(learner.token, clientId, events);
    expect(reply.rejected.map((r) => [r.index, r.reason])).toEqual([
      [1, 'unknown_question'],
      [2, 'unknown_option'],
    ]);
    await pushOk(learner.token, clientId, [events[0]]);
    const [row] = (await dumpSyncTables(database.db)).progress.filter(
      (r) => r.user_id === learner.userId,
    );
    const progress = JSON.parse(row!.data) as LessonProgress;
    expect(Object.values(progress.reviews ?? {})).toEqual([
      { questionId: 'q1', correct: false, at: NOW - 50_000 + 1 },
    ]);
  });

  it(`keeps the first and last ${KEPT_REVIEWS_PER_END} answers of a question however many arrive`, async () => {
    const learner = await createTestLearner(database.db);
    const clientId = newClientId();
    for (let round = 0; round < 3; round++) {
      const events = Array.from({ length: 100 }, (_, i) =>
        review(clientId, round * 100 + i, 'q1', ['a']),
      ).map((e, i) => ({ ...e, seq: round * 100 + i + 1 }));
      await pushOk(learner.token, clientId, events);
    }
    const [row] = (await dumpSyncTables(database.db)).progress.filter(
      (r) => r.user_id === learner.userId,
    );
    const ats = Object.values((JSON.parse(row!.data) as LessonProgress).reviews ?? {})
      .map((r) => r.at)
      .sort((x, y) => x - y);
    expect(ats).toHaveLength(2 * KEPT_REVIEWS_PER_END);
    expect(ats[0]).toBe(NOW - 50_000);
    expect(ats.at(-1)).toBe(NOW - 50_000 + 299);
  });
});

describe('caps', () => {
  it(`the storm of the issue (40 × 100 new attempts) leaves ${2 * KEPT_ATTEMPTS_PER_END} attempts in the row and a small pull`, async () => {
    const learner = await createTestLearner(database.db);
    const clientId = newClientId();
    for (let round = 0; round < 40; round++) {
      const batch = Array.from({ length: 100 }, (_, i) => answer(clientId, round * 100 + i));
      await pushOk(learner.token, clientId, batch);
    }
    const { rows } = await pullAll(app, learner.token);
    expect(rows).toHaveLength(1);
    const attempts = Object.values(rows[0]!.progress.attempts);
    expect(attempts).toHaveLength(2 * KEPT_ATTEMPTS_PER_END);
    // The first attempt (the score) is among them.
    expect(Math.min(...attempts.map((a) => a.at))).toBe(NOW - 100_000);
    const page = await pull(app, learner.token);
    expect((await page.text()).length).toBeLessThan(20_000);
  });

  it(`refuses the events that would grow a row past ${MAX_PROGRESS_ROW_CHARS} characters, and only those`, async () => {
    const learner = await createTestLearner(database.db);
    const clientId = newClientId();
    const tick = (itemId: string, i: number) =>
      makeEvent(
        'checklist.toggled',
        { itemId, checked: true },
        { clientId, courseId: 'kurs', lessonId: 'stor-sjekk', at: NOW - 100_000 + i, seq: i + 1 },
      );
    const ticks = BIG_ITEMS.map(tick);
    let refusedAt: number | null = null;
    for (let start = 0; start < ticks.length; start += 100) {
      const batch = ticks.slice(start, start + 100);
      const response = await push(app, learner.token, pushBody(clientId, batch));
      if (response.status === 200) continue;
      expect(response.status).toBe(400);
      const reply = (await response.json()) as InvalidEventsResponse;
      expect(reply.rejected.length).toBeGreaterThan(0);
      expect(new Set(reply.rejected.map((r) => r.reason))).toEqual(new Set(['progress_row_full']));
      refusedAt ??= start;
      // What the app does: drop the refused, send the rest — accepted.
      const refused = new Set(reply.rejected.map((r) => r.id));
      await pushOk(
        learner.token,
        clientId,
        batch.filter((e) => !refused.has(e.id)),
      );
    }
    expect(refusedAt).not.toBeNull();
    const row = await database.db
      .selectFrom('progress')
      .select('data')
      .where('user_id', '=', learner.userId)
      .executeTakeFirstOrThrow();
    expect(row.data.length).toBeLessThanOrEqual(MAX_PROGRESS_ROW_CHARS);
    expect(row.data.length).toBeGreaterThan(MAX_PROGRESS_ROW_CHARS - 1000);
    // An event that does not grow the row is still accepted.
    await pushOk(learner.token, clientId, [
      makeEvent(
        'checklist.toggled',
        { itemId: BIG_ITEMS[0]!, checked: false },
        {
          clientId,
          courseId: 'kurs',
          lessonId: 'stor-sjekk',
          at: NOW - 1,
          seq: 99_999,
        },
      ),
    ]);
  });
});

describe('strings: control characters and broken UTF-16 are 400, never 500', () => {
  const BAD = {
    NUL: 'kurs\u0000',
    'a control character': 'ku\u0007rs',
    'a lone high surrogate': 'kurs\ud800',
    'a lone low surrogate': '\udc00kurs',
  };

  it.each(Object.entries(BAD))('clientId with %s → 400 invalid_request', async (_, bad) => {
    const learner = await createTestLearner(database.db);
    const clientId = `client-${bad}`;
    const response = await push(app, learner.token, pushBody(clientId, []));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_request');
  });

  it.each(
    Object.entries(BAD).flatMap(([what, bad]) =>
      (['courseId', 'lessonId', 'clientId', 'questionId', 'chosen'] as const).map(
        (field) => [field, what, bad] as const,
      ),
    ),
  )('%s with %s → 400 invalid_event', async (field, _, bad) => {
    const learner = await createTestLearner(database.db);
    const clientId = newClientId();
    const event = answer(clientId, 1) as LearnerEvent & { payload: Record<string, unknown> };
    const raw =
      field === 'questionId' || field === 'chosen'
        ? {
            ...event,
            payload: { ...event.payload, [field]: field === 'chosen' ? [bad] : bad },
          }
        : { ...event, [field]: bad };
    const reply = await pushRefused(learner.token, clientId, [raw]);
    expect(reply.rejected.map((r) => r.reason)).toEqual(['invalid_event']);
  });

  it('a pull cursor naming a course with NUL restarts the pull instead of failing', async () => {
    const learner = await createTestLearner(database.db);
    const cursor = Buffer.from(
      JSON.stringify({ epoch: learner.epoch, version: 0, courseId: 'k\u0000', lessonId: '\ud800' }),
    ).toString('base64url');
    const response = await pull(app, learner.token, { cursor });
    expect(response.status).toBe(200);
    expect(((await response.json()) as PullResponse).reset).toBe(true);
  });
});

describe('ids named after Object.prototype members are ordinary ids', () => {
  it.each(PROTO)('course, lesson, question, option, item and client %s: push, pull', async (id) => {
    const learner = await createTestLearner(database.db);
    const clientId = id.padEnd(8, '_');
    const fields = { clientId, courseId: id, lessonId: id };
    const events = [
      makeEvent('lesson.opened', {}, { ...fields, at: NOW - 5000, seq: 1 }),
      makeEvent(
        'quiz.answered',
        { attemptId: uuidv7(NOW - 4000), questionId: id, chosen: [id], correct: false, score: 0.5 },
        { ...fields, at: NOW - 4000, seq: 2 },
      ),
      makeEvent(
        'quiz.answered',
        { attemptId: uuidv7(NOW - 3000), questionId: id, chosen: [id], correct: true, score: 1 },
        { ...fields, at: NOW - 3000, seq: 3 },
      ),
      makeEvent(
        'checklist.toggled',
        { itemId: id, checked: true },
        { ...fields, lessonId: 'liste', at: NOW - 2000, seq: 4 },
      ),
      makeEvent('time.spent', { seconds: 40 }, { ...fields, at: NOW - 1000, seq: 5 }),
    ];
    // In two pushes, so the second merges into the stored (JSON-parsed) row.
    await pushOk(learner.token, clientId, events.slice(0, 2));
    await pushOk(learner.token, clientId, events.slice(2));
    const { rows } = await pullAll(app, learner.token);
    const byLesson = new Map(rows.map((row) => [row.progress.lessonId, row.progress]));
    expect([...byLesson.keys()].sort()).toEqual([id, 'liste'].sort());
    const quiz: LessonProgress = byLesson.get(id)!;
    const list: LessonProgress = byLesson.get('liste')!;
    expect([quiz.courseId, list.courseId]).toEqual([id, id]);
    expect(Object.keys(quiz.attempts)).toHaveLength(2);
    expect(Object.entries(quiz.best)).toEqual([[id, 1]]);
    expect(Object.entries(quiz.time)).toEqual([[clientId, 40]]);
    expect(Object.keys(list.checklist)).toEqual([id]);
    expect(Object.getOwnPropertyDescriptor(list.checklist, id)?.value).toMatchObject({
      value: true,
    });
    for (const { attempts, best, checklist, time } of [quiz, list]) {
      expect(JSON.stringify({ attempts, best, checklist, time })).not.toContain('null');
    }
  });
});
