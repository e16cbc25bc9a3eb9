// "Var dette nyttig for deg?" and "Hva vil du lære mer om?" on the server (issue 15):
// `lesson.rated`, `lesson.commented` and `course.wished` are taken for any lesson of a served course
// (of any kind), merged into the progress row last-writer-wins, come back in the pull, and show in
// the learner's data export with the events. A comment or wish text past 280 characters, and more
// than three topics, are refused with a 4xx rejection entry, never a 5xx; any safe topic id is
// taken (the app's list may change between versions).
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountExport } from '../../src/server/auth/export';
import type { Database } from '../../src/server/db/database';
import { isCourseWished, isRated } from '../../src/shared/progress';
import type { InvalidEventsResponse, PushResponse } from '../../src/shared/sync-protocol';
import {
  createSyncTestApp,
  createTestLearner,
  dumpSyncTables,
  makeEvent,
  newClientId,
  pullAll,
  push,
  pushBody,
} from '../utils/learners';
import { outlineCatalogue } from '../utils/sync-catalogue';
import { openTestDatabase } from '../utils/test-database';

const NOW = Date.now();

const catalogue = outlineCatalogue([
  [
    'kurs',
    [
      ['lesen', {}],
      ['quiz', { questions: { q1: ['a', 'b'] } }],
      ['sjekk', { items: ['i1'] }],
      ['tanker', { reflection: true }],
    ],
  ],
]);

let database: Database;
let app: Hono;

beforeAll(async () => {
  database = await openTestDatabase();
  app = createSyncTestApp(database, () => NOW, catalogue);
});
afterAll(() => database.close());

let seq = 0;
const rate = (
  clientId: string,
  answer: 'yes' | 'some' | 'no' | 'skipped',
  at: number,
  lessonId = 'lesen',
) =>
  makeEvent('lesson.rated', { answer }, { clientId, courseId: 'kurs', lessonId, at, seq: ++seq });
const comment = (
  clientId: string,
  text: string,
  forAuthors: boolean,
  at: number,
  lessonId = 'lesen',
) =>
  makeEvent(
    'lesson.commented',
    { text, forAuthors },
    { clientId, courseId: 'kurs', lessonId, at, seq: ++seq },
  );

const wish = (
  clientId: string,
  topics: string[],
  at: number,
  { text = '', forAuthors = false, lessonId = 'tanker' } = {},
) =>
  makeEvent(
    'course.wished',
    { topics, text, forAuthors },
    { clientId, courseId: 'kurs', lessonId, at, seq: ++seq },
  );

async function pushReply(token: string, clientId: string, events: readonly unknown[]) {
  const response = await push(app, token, pushBody(clientId, events));
  return { status: response.status, body: (await response.json()) as unknown };
}

describe('lesson ratings and comments on the server', () => {
  it.each(['lesen', 'quiz', 'sjekk', 'tanker'])(
    'takes both for the %s lesson (any kind of lesson)',
    async (lessonId) => {
      const learner = await createTestLearner(database.db);
      const clientId = newClientId();
      const events = [
        rate(clientId, 'some', NOW - 2000, lessonId),
        comment(clientId, 'Mangler eksempler', true, NOW - 1000, lessonId),
      ];
      const { status, body } = await pushReply(learner.token, clientId, events);
      expect(status).toBe(200);
      expect((body as PushResponse).acked).toEqual(events.map((e) => e.id));
      const { rows } = await pullAll(app, learner.token);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.progress.rating?.value).toBe('some');
      expect(rows[0]!.progress.comment?.value).toEqual({
        text: 'Mangler eksempler',
        forAuthors: true,
      });
    },
  );

  it('refuses them for a lesson the catalogue does not have', async () => {
    const learner = await createTestLearner(database.db);
    const clientId = newClientId();
    const { status, body } = await pushReply(learner.token, clientId, [
      rate(clientId, 'yes', NOW - 2000, 'ingen'),
      comment(clientId, 'Hei', false, NOW - 1000, 'ingen'),
    ]);
    expect(status).toBe(400);
    expect((body as InvalidEventsResponse).rejected.map((r) => r.reason)).toEqual([
      'unknown_lesson',
      'unknown_lesson',
    ]);
  });

  it('refuses a comment of 281 characters, and an unknown answer, with a 4xx entry each; stores nothing', async () => {
    const learner = await createTestLearner(database.db);
    const clientId = newClientId();
    const before = await dumpSyncTables(database.db);
    const good = rate(clientId, 'yes', NOW - 3000);
    const fine = comment(clientId, 'x', false, NOW - 2000);
    const long = { ...fine, payload: { text: 'x'.repeat(281), forAuthors: false } };
    const odd = { ...rate(clientId, 'no', NOW - 1000), payload: { answer: 'kanskje' } };
    const { status, body } = await pushReply(learner.token, clientId, [good, long, odd]);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    const reply = body as InvalidEventsResponse & { error: string };
    expect(reply.error).toBe('invalid_events');
    expect(reply.rejected.map((r) => [r.index, r.id])).toEqual([
      [1, long.id],
      [2, odd.id],
    ]);
    expect(await dumpSyncTables(database.db)).toEqual(before);
    // 280 characters are taken.
    const fits = comment(clientId, 'x'.repeat(280), false, NOW - 500);
    expect((await pushReply(learner.token, clientId, [good, fits])).status).toBe(200);
  });

  it('keeps the latest rating and comment, whatever order the devices push in', async () => {
    const learner = await createTestLearner(database.db);
    const phone = newClientId();
    const laptop = newClientId();
    const early = rate(phone, 'yes', NOW - 4000);
    const earlyComment = comment(phone, 'Første', true, NOW - 4000);
    const late = rate(laptop, 'no', NOW - 3000);
    const lateComment = comment(laptop, 'Andre', false, NOW - 3000);
    expect((await pushReply(learner.token, laptop, [late, lateComment])).status).toBe(200);
    expect((await pushReply(learner.token, phone, [early, earlyComment])).status).toBe(200);
    const { rows } = await pullAll(app, learner.token);
    expect(rows).toHaveLength(1);
    const progress = rows[0]!.progress;
    expect(progress.rating).toEqual({
      value: 'no',
      at: late.at,
      clientId: laptop,
      eventId: late.id,
    });
    expect(progress.comment?.value).toEqual({ text: 'Andre', forAuthors: false });
    expect(isRated(progress)).toBe(true);
  });

  it('shows both, and their events, in the data export', async () => {
    const learner = await createTestLearner(database.db);
    const clientId = newClientId();
    const events = [
      rate(clientId, 'skipped', NOW - 2000),
      comment(clientId, 'Hei', true, NOW - 1000),
    ];
    expect((await pushReply(learner.token, clientId, events)).status).toBe(200);
    const response = await app.request('/api/v1/me/export', {
      headers: { Authorization: `Bearer ${learner.token}` },
    });
    expect(response.status).toBe(200);
    const document = (await response.json()) as AccountExport;
    expect(document.progress).toHaveLength(1);
    expect(document.progress[0]!.rating?.value).toBe('skipped');
    expect(document.progress[0]!.comment?.value).toEqual({ text: 'Hei', forAuthors: true });
    expect(document.events.map((e) => e.event)).toEqual(events);
  });
});

describe('"Hva vil du lære mer om?" on the server', () => {
  it('takes any safe topic id on any lesson, keeps the latest answer whatever the push order, and pulls it back', async () => {
    const learner = await createTestLearner(database.db);
    const phone = newClientId();
    const laptop = newClientId();
    // A topic this server's app has never listed is taken: the list changes between versions.
    const early = wish(phone, ['e-faktura-ehf', 'et-emne-fra-en-nyere-app'], NOW - 3000, {
      text: 'Mer om lønn',
      forAuthors: true,
    });
    const late = wish(laptop, [], NOW - 2000);
    expect((await pushReply(learner.token, laptop, [late])).status).toBe(200);
    expect((await pushReply(learner.token, phone, [early])).status).toBe(200);
    const { rows } = await pullAll(app, learner.token);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.progress.lessonId).toBe('tanker');
    expect(rows[0]!.progress.wishes).toEqual({
      value: { topics: [], text: '', forAuthors: false },
      at: late.at,
      clientId: laptop,
      eventId: late.id,
    });
    expect(isCourseWished(rows.map((row) => row.progress))).toBe(true);
    // Not progress: the lesson it rides on is not opened or completed by it.
    expect(rows[0]!.progress.completedAt).toBeNull();
  });

  it('refuses four topics, a topic twice and a text of 281 characters with a 4xx entry each; stores nothing', async () => {
    const learner = await createTestLearner(database.db);
    const clientId = newClientId();
    const before = await dumpSyncTables(database.db);
    const good = wish(clientId, ['a', 'b', 'c'], NOW - 4000);
    const four = {
      ...good,
      payload: { topics: ['a', 'b', 'c', 'd'], text: '', forAuthors: false },
    };
    const twice = { ...good, payload: { topics: ['a', 'a'], text: '', forAuthors: false } };
    const long = { ...good, payload: { topics: [], text: 'x'.repeat(281), forAuthors: false } };
    const { status, body } = await pushReply(learner.token, clientId, [good, four, twice, long]);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    const reply = body as InvalidEventsResponse & { error: string };
    expect(reply.error).toBe('invalid_events');
    expect(reply.rejected.map((r) => r.index)).toEqual([1, 2, 3]);
    expect(await dumpSyncTables(database.db)).toEqual(before);
    const unknown = await pushReply(learner.token, clientId, [
      wish(clientId, [], NOW - 1000, { lessonId: 'ingen' }),
    ]);
    expect(unknown.status).toBe(400);
    expect((unknown.body as InvalidEventsResponse).rejected.map((r) => r.reason)).toEqual([
      'unknown_lesson',
    ]);
  });

  it('shows it, and its event, in the data export', async () => {
    const learner = await createTestLearner(database.db);
    const clientId = newClientId();
    const event = wish(clientId, ['personvern-gdpr'], NOW - 1000, {
      text: 'Hei',
      forAuthors: true,
    });
    expect((await pushReply(learner.token, clientId, [event])).status).toBe(200);
    const response = await app.request('/api/v1/me/export', {
      headers: { Authorization: `Bearer ${learner.token}` },
    });
    expect(response.status).toBe(200);
    const document = (await response.json()) as AccountExport;
    expect(document.progress.map((p) => p.wishes?.value)).toEqual([
      { topics: ['personvern-gdpr'], text: 'Hei', forAuthors: true },
    ]);
    expect(document.events.map((e) => e.event)).toEqual([event]);
  });
});
