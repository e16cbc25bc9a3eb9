// Anonymous feedback (issue 15, acceptance 3): POST /api/v1/feedback/anonymous stores each event
// id exactly once under duplicates, retries (also at the same moment) and bodies that mix stored
// and new ids, and stores no identity: a dump of every table of the database holds no client id,
// address, user agent, token or exact time, and no comment the learner kept from the authors.
// Every bad request is a 4xx with its reason and stores nothing; the budget per address answers
// 429 with Retry-After and is never written to the database. Through the real app and database
// (SQLite, or PostgreSQL under test:pg).
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type AppOptions } from '../../src/server/app';
import type { Database } from '../../src/server/db/database';
import type { AnonymousFeedbackTable } from '../../src/server/db/schema';
import type { AnonymousFeedbackResponse } from '../../src/shared/anonymous-feedback';
import type { InvalidEventsResponse } from '../../src/shared/sync-protocol';
import { uuidv7 } from '../../src/shared/uuid';
import { outlineCatalogue } from '../utils/sync-catalogue';
import { dumpAllTables, valuesOf } from '../utils/table-dump';
import { openTestDatabase } from '../utils/test-database';
import { call } from './account-support';
import { captureLogger, type LogLine } from './support';

/** The server's clock: 2 December 2026, 10:00 in Oslo. */
const NOW = Date.UTC(2026, 11, 2, 9);
const PATH = '/api/v1/feedback/anonymous';
const ADDRESS = '203.0.113.77';
const USER_AGENT = 'Mozilla/5.0 (Linux; Android 14; Anonym-Telefon-42) Lommekurs/1.0';
const CLIENT_ID = 'klient-7f3a9c2e41d8';
const TOKEN = 'en-gammel-sesjon-som-ikke-skal-lagres-0123456789abcdef';

const catalogue = outlineCatalogue([
  [
    'kurs',
    [
      ['lesen', {}],
      ['quiz', { questions: { q1: ['a', 'b'] } }],
    ],
  ],
]);

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

/** The real app behind a trusted proxy (so the test says which address it speaks from). */
function feedbackApp(extra: Partial<AppOptions> = {}): { app: Hono; lines: LogLine[] } {
  const { logger, lines } = captureLogger();
  const app = createApp({
    catalogue: [],
    distDir: join(tmpdir(), 'lommekurs-anonymous-feedback-no-dist'),
    logger,
    database,
    now: () => NOW,
    trustProxy: true,
    syncCatalogue: catalogue,
    ...extra,
  });
  return { app, lines };
}

let minute = 0;
/** A distinct moment a few minutes before NOW (an exact event time the server must not keep). */
const moment = () => NOW - 60 * 60_000 + ++minute * 61_003;

const rated = (answer = 'yes', extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  type: 'lesson.rated',
  courseId: 'kurs',
  lessonId: 'lesen',
  at: moment(),
  payload: { answer },
  ...extra,
});

const commented = (text: string, forAuthors: boolean, extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  type: 'lesson.commented',
  courseId: 'kurs',
  lessonId: 'quiz',
  at: moment(),
  payload: { text, forAuthors },
  ...extra,
});

type SentEvent = ReturnType<typeof rated> | ReturnType<typeof commented>;

const HEADERS = {
  'X-Forwarded-For': ADDRESS,
  'User-Agent': USER_AGENT,
  Authorization: `Bearer ${TOKEN}`,
};

const send = (app: Hono, events: unknown, headers: Record<string, string> = HEADERS) =>
  call(app, 'POST', PATH, { body: { events }, headers });

async function accepted(response: Response): Promise<string[]> {
  expect(response.status, await response.clone().text()).toBe(200);
  expect(response.headers.get('Cache-Control')).toBe('no-store');
  return ((await response.json()) as AnonymousFeedbackResponse).accepted;
}

const rowsOf = (ids: readonly string[]): Promise<AnonymousFeedbackTable[]> =>
  ids.length === 0
    ? Promise.resolve([])
    : database.db
        .selectFrom('anonymous_feedback')
        .selectAll()
        .where('event_id', 'in', ids)
        .execute();

const countAll = async () =>
  Number(
    (
      await database.db
        .selectFrom('anonymous_feedback')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('POST /api/v1/feedback/anonymous: exactly once', () => {
  it('stores a rating and a comment for the authors as months, with no session needed', async () => {
    const { app } = feedbackApp();
    const rating = rated('some');
    const comment = commented('Mer om MVA, takk', true);
    const ids = await accepted(await send(app, [rating, comment]));
    expect(ids).toEqual([rating.id, comment.id]);
    const rows = await rowsOf(ids);
    expect(rows.find((row) => row.event_id === rating.id)).toEqual({
      event_id: rating.id,
      type: 'lesson.rated',
      course_id: 'kurs',
      lesson_id: 'lesen',
      answer: 'some',
      topics: null,
      text: null,
      for_authors: null,
      month: '2026-12',
      received_month: '2026-12',
    });
    expect(rows.find((row) => row.event_id === comment.id)).toMatchObject({
      type: 'lesson.commented',
      lesson_id: 'quiz',
      answer: null,
      text: 'Mer om MVA, takk',
      for_authors: 1,
    });
  });

  it('stores the topics of "Hva vil du lære mer om?", and its text only for the authors', async () => {
    const { app } = feedbackApp();
    const wish = (text: string, forAuthors: boolean) => ({
      id: randomUUID(),
      type: 'course.wished',
      courseId: 'kurs',
      lessonId: 'quiz',
      at: moment(),
      payload: { topics: ['ki', 'e-faktura-ehf'], text, forAuthors },
    });
    const open = wish('Mer om KI i regnskapet', true);
    const kept = wish('Min sjef forstår ikke KI', false);
    await accepted(await send(app, [open, kept]));
    const rows = await rowsOf([open.id, kept.id]);
    expect(rows.find((row) => row.event_id === open.id)).toMatchObject({
      type: 'course.wished',
      answer: null,
      topics: '["ki","e-faktura-ehf"]',
      text: 'Mer om KI i regnskapet',
      for_authors: 1,
    });
    expect(rows.find((row) => row.event_id === kept.id)).toMatchObject({
      topics: '["ki","e-faktura-ehf"]',
      text: null,
      for_authors: 0,
    });
  });

  it('keeps no text of a comment the learner kept from the authors', async () => {
    const { app } = feedbackApp();
    const comment = commented('Rådgiveren min heter Kari og hun var sur', false);
    await accepted(await send(app, [comment]));
    expect(await rowsOf([comment.id])).toEqual([
      expect.objectContaining({ type: 'lesson.commented', text: null, for_authors: 0 }),
    ]);
  });

  it('counts an event in the month of Oslo, and a future one in the month it arrived', async () => {
    const { app } = feedbackApp();
    // 31 January 23:30 UTC is already 1 February in Oslo.
    const lateJanuary = rated('no', { at: Date.UTC(2026, 0, 31, 23, 30) });
    const future = rated('yes', { at: Date.UTC(2027, 2, 1) });
    await accepted(await send(app, [lateJanuary, future]));
    const rows = await rowsOf([lateJanuary.id, future.id]);
    const monthOf = (id: string) => rows.find((row) => row.event_id === id)?.month;
    expect(monthOf(lateJanuary.id)).toBe('2026-02');
    expect(monthOf(future.id)).toBe('2026-12');
  });

  it('stores an id repeated in one body once, and lists it once', async () => {
    const { app } = feedbackApp();
    const first = rated('yes');
    // The same id again with another answer: the first copy of the body wins.
    const again = { ...first, payload: { answer: 'no' } };
    const other = rated('some');
    const ids = await accepted(await send(app, [first, again, other, first]));
    expect(ids).toEqual([first.id, other.id]);
    const rows = await rowsOf(ids);
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.event_id === first.id)?.answer).toBe('yes');
  });

  it('answers the same body sent 3 times alike, and stores each id once', async () => {
    const { app } = feedbackApp();
    const events = [rated('yes'), commented('Bra eksempler', true), rated('no')];
    const ids = events.map((event) => event.id);
    const before = await countAll();
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await accepted(await send(app, events))).toEqual(ids);
    }
    expect(await countAll()).toBe(before + 3);
    const rows = await rowsOf(ids);
    expect(rows.map((row) => row.event_id).sort()).toEqual([...ids].sort());
  });

  it('stores each id once when the same body arrives 3 times at the same moment', async () => {
    const { app } = feedbackApp();
    const events = [rated('some'), rated('yes'), commented('Litt for lang', true)];
    const ids = events.map((event) => event.id);
    const before = await countAll();
    const replies = await Promise.all([1, 2, 3].map(() => send(app, events)));
    for (const reply of replies) expect(await accepted(reply)).toEqual(ids);
    expect(await countAll()).toBe(before + 3);
  });

  it('acknowledges stored ids again beside new ones, storing only the new', async () => {
    const { app } = feedbackApp();
    const stored = [rated('yes'), rated('no')];
    await accepted(await send(app, stored));
    // The stored ones come back changed: the first copy stays.
    const resent = stored.map((event) => ({ ...event, payload: { answer: 'skipped' } }));
    const fresh = [rated('some'), commented('Hva med AI?', true)];
    const before = await countAll();
    const mixed: SentEvent[] = [fresh[0], ...resent, fresh[1]];
    expect(await accepted(await send(app, mixed))).toEqual(mixed.map((event) => event.id));
    expect(await countAll()).toBe(before + 2);
    const rows = await rowsOf(stored.map((event) => event.id));
    expect(rows.map((row) => row.answer).sort()).toEqual(['no', 'yes']);
  });
});

describe('POST /api/v1/feedback/anonymous: no identity', () => {
  it('leaves no client id, address, user agent, token or exact time in any table', async () => {
    const fresh = await openTestDatabase();
    try {
      const { logger, lines } = captureLogger();
      const app = createApp({
        catalogue: [],
        distDir: join(tmpdir(), 'lommekurs-anonymous-feedback-no-dist'),
        logger,
        database: fresh,
        now: () => NOW,
        trustProxy: true,
        syncCatalogue: catalogue,
        anonymousFeedbackBudget: { points: 10, seconds: 600 },
      });
      const secret = 'Hemmelig: vi sliter med lønnsomheten i Bodø';
      const events: SentEvent[] = [
        rated('yes'),
        rated('no'),
        commented('Mer om bærekraft', true),
        commented(secret, false),
      ];
      const headers = { ...HEADERS, 'X-Forwarded-For': `198.51.100.9, ${ADDRESS}` };
      // Sent twice, with a duplicate; then a body carrying the device's client id, refused.
      await accepted(await send(app, [...events, events[0]], headers));
      await accepted(await send(app, events, headers));
      const withClient = await send(app, [rated('yes', { clientId: CLIENT_ID, seq: 1 })], headers);
      expect(withClient.status).toBe(400);
      // Spent: the refusal too must not write the address down.
      expect((await send(app, [rated('yes')], headers)).status).toBe(429);

      const dump = await dumpAllTables(fresh);
      expect(dump.anonymous_feedback).toHaveLength(events.length);
      const values = valuesOf(dump);
      const forbidden = [
        CLIENT_ID,
        ADDRESS,
        '198.51.100.9',
        USER_AGENT,
        'Anonym-Telefon-42',
        TOKEN,
        secret,
        ...events.map((event) => String(event.at)),
      ];
      for (const needle of forbidden) {
        expect(values.filter(({ value }) => value.includes(needle))).toEqual([]);
      }
      // No time finer than a month: every value that could be a moment is a month.
      for (const row of dump.anonymous_feedback) {
        expect(row.month).toMatch(/^\d{4}-\d{2}$/);
        expect(row.received_month).toMatch(/^\d{4}-\d{2}$/);
      }
      // The budget is counted in memory: the database's rate-limit table got no row.
      expect(dump.rate_limits).toEqual([]);
      // Nor does the log name the address (the request lines, the 429's line).
      expect(lines.filter((line) => JSON.stringify(line).includes(ADDRESS))).toEqual([]);
      expect(lines).toContainEqual(
        expect.objectContaining({ msg: 'rate limited', rule: 'anonymous-feedback' }),
      );
      expect(lines).toContainEqual(
        expect.objectContaining({ msg: 'request', path: PATH, status: 200 }),
      );
    } finally {
      await fresh.close();
    }
  });

  it('refuses an event under its own UUIDv7 id, which holds the moment it was made', async () => {
    const { app } = feedbackApp();
    const response = await send(app, [rated('yes', { id: uuidv7(NOW) })]);
    expect(response.status).toBe(400);
    const reply = (await response.json()) as InvalidEventsResponse;
    expect(reply.rejected).toEqual([
      expect.objectContaining({
        index: 0,
        reason: 'invalid_event',
        message: expect.stringMatching(/^id:/),
      }),
    ]);
  });
});

describe('POST /api/v1/feedback/anonymous: refusals', () => {
  const refusedWith = async (response: Response, error: string) => {
    expect(response.status, await response.clone().text()).toBe(400);
    const body = (await response.json()) as { error: string; message: string };
    expect(body.error).toBe(error);
    expect(body.message.length).toBeGreaterThan(0);
    return body;
  };

  it.each([
    ['an id that is no UUID', () => rated('yes', { id: 'abc' }), 'invalid_event'],
    [
      'an event type never sent anonymously',
      () => rated('yes', { type: 'lesson.opened' }),
      'unknown_event_type',
    ],
    ['an unknown event type', () => rated('yes', { type: 'course.loved' }), 'unknown_event_type'],
    ['an answer not offered', () => rated('maybe'), 'invalid_event'],
    ['a comment of 281 characters', () => commented('x'.repeat(281), true), 'invalid_event'],
    [
      'a comment without forAuthors',
      () => ({ ...commented('Hei', true), payload: { text: 'Hei' } }),
      'invalid_event',
    ],
    ['a client id', () => rated('yes', { clientId: CLIENT_ID }), 'invalid_event'],
    ['a lesson the catalogue lacks', () => rated('yes', { lessonId: 'borte' }), 'unknown_lesson'],
    ['a course the catalogue lacks', () => rated('yes', { courseId: 'borte' }), 'unknown_course'],
    ['a negative time', () => rated('yes', { at: -1 }), 'invalid_event'],
  ])('refuses %s, storing none of the body', async (_name, make, reason) => {
    const { app } = feedbackApp();
    const good = rated('yes');
    const before = await countAll();
    const body = (await refusedWith(
      await send(app, [good, make()]),
      'invalid_events',
    )) as unknown as InvalidEventsResponse;
    expect(body.rejected).toEqual([expect.objectContaining({ index: 1, reason })]);
    expect(body.acked).toEqual([]);
    expect(await countAll()).toBe(before);
  });

  it('keeps a comment of exactly 280 characters', async () => {
    const { app } = feedbackApp();
    const comment = commented('æ'.repeat(280), true);
    await accepted(await send(app, [comment]));
    expect((await rowsOf([comment.id]))[0]?.text).toHaveLength(280);
  });

  it('refuses a body of more than 50 events, none, or no list, and one that is not JSON', async () => {
    const { app } = feedbackApp();
    const before = await countAll();
    await refusedWith(
      await send(
        app,
        Array.from({ length: 51 }, () => rated('yes')),
      ),
      'invalid_request',
    );
    await refusedWith(await send(app, []), 'invalid_request');
    await refusedWith(
      await call(app, 'POST', PATH, { body: { events: 'alle' } }),
      'invalid_request',
    );
    await refusedWith(
      await call(app, 'POST', PATH, { body: { events: [], extra: 1 } }),
      'invalid_request',
    );
    await refusedWith(await call(app, 'POST', PATH, { body: '{"events": [' }), 'invalid_json');
    expect(await countAll()).toBe(before);
    // 50 is the most, and fine.
    await accepted(
      await send(
        app,
        Array.from({ length: 50 }, () => rated('yes')),
      ),
    );
  });

  it('answers other methods 405 and a body past the limit 413', async () => {
    const { app } = feedbackApp();
    const get = await call(app, 'GET', PATH);
    expect(get.status).toBe(405);
    expect(get.headers.get('Allow')).toBe('POST');
    const huge = await call(app, 'POST', PATH, {
      body: { events: [commented('x'.repeat(200_000), true)] },
    });
    expect(huge.status).toBe(413);
  });
});

describe('POST /api/v1/feedback/anonymous: the budget per address', () => {
  it('takes one point per event (a bad request one), then 429 with Retry-After', async () => {
    const { app, lines } = feedbackApp({ anonymousFeedbackBudget: { points: 6, seconds: 600 } });
    const from = (address: string) => ({ 'X-Forwarded-For': address });
    await accepted(await send(app, [rated('yes'), rated('no'), rated('some')], from('192.0.2.5')));
    expect((await send(app, [], from('192.0.2.5'))).status).toBe(400);
    await accepted(await send(app, [rated('yes'), rated('no')], from('192.0.2.5')));
    const refused = await send(app, [rated('yes')], from('192.0.2.5'));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('Retry-After'))).toBeLessThanOrEqual(600);
    expect(((await refused.json()) as { error: string }).error).toBe('rate_limited');
    // Another address has its own budget.
    await accepted(await send(app, [rated('yes')], from('192.0.2.6')));
    const warning = lines.find((line) => line.msg === 'rate limited');
    expect(warning).toMatchObject({ rule: 'anonymous-feedback' });
    expect(warning).not.toHaveProperty('address');
  });
});
