// Anonymous answers of a learner without an account (issue 15), through the whole app and the
// REAL server in process: with the first answer the learner is asked once "Kan svarene dine
// sendes anonymt?"; yes sends copies of the ratings and comments (no client id, an id of their
// own, a comment kept from the authors without its text) while the outbox keeps every event for
// an account made later; no sends nothing at all, and neither does a signed-in device. A send that
// fails (no network, a dropped answer after the server stored it) is tried again and stored once.
import { configure, fireEvent, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import {
  chooseAnonymousSending,
  readAnonymousSending,
} from '../../src/client-core/db/anonymous-feedback';
import { createAnonymousSendingStore } from '../../src/app/state/anonymous-sending';
import { storeCourse } from '../../src/client-core/db/courses';
import { db } from '../../src/client-core/db/db';
import { commentOnLesson, rateLesson, wishCourse } from '../../src/client-core/db/learner-actions';
import { storeSession } from '../../src/client-core/db/sync-state';
import {
  ANONYMOUS_FEEDBACK_PATH,
  sendAnonymousFeedback,
} from '../../src/client-core/sync/anonymous-sender';
import { UUID_V4 } from '../../src/shared/uuid';
import { tryggEpost } from '../utils/bundles';
import { stubApi } from '../utils/app';
import { renderWithServer, setupSyncUiTests } from '../utils/sync-ui';

vi.setConfig({ testTimeout: 30_000 });
configure({ asyncUtilTimeout: 5000 });

const harness = setupSyncUiTests();

const COURSE = 'trygg-epost';
const LESSON = 'kjenn-igjen-svindel';
const URL = `/kurs/${COURSE}/${LESSON}`;
const QUESTION = 'Kan svarene dine sendes anonymt?';

const serverRows = () =>
  harness().server.db.selectFrom('anonymous_feedback').selectAll().orderBy('type').execute();
const anonymousRequests = () =>
  harness().requests.filter((request) => request.path === ANONYMOUS_FEEDBACK_PATH);
const outboxOf = (type: string) => db.outbox.filter((event) => event.type === type).toArray();

/** Open the lesson with the app syncing to the harness, complete it and answer "Ja". */
async function completeAndRate() {
  stubApi({});
  await storeCourse(tryggEpost);
  const view = renderWithServer(harness(), URL);
  (await screen.findByRole('button', { name: 'Merk som lest' })).click();
  const question = await screen.findByRole('group', { name: 'Var dette nyttig for deg?' });
  fireEvent.click(question.querySelector('button') as HTMLButtonElement);
  return view;
}

async function axeViolations(): Promise<string[]> {
  const result = await axe.run(document.documentElement, {
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map((violation) => violation.id);
}

/** Let the focus moves that follow an answer (to "Hva manglet?") settle: a learner taps on only
 * after them, and Preact runs a child's effects before its parent's. */
const focusSettled = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('"Kan svarene dine sendes anonymt?" without an account', () => {
  it('asks with the first answer; yes sends anonymous copies and the outbox keeps the events', async () => {
    const { sync } = await completeAndRate();
    const ask = await screen.findByRole('group', { name: QUESTION });
    await focusSettled();
    expect(ask.textContent).toContain('uten konto, enhets-ID eller IP-adresse');
    expect(await axeViolations()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Ja, send anonymt' }));
    expect(await screen.findByText('Svarene dine sendes anonymt.')).toBe(document.activeElement);
    expect(screen.queryByRole('group', { name: QUESTION })).toBeNull();
    expect(await readAnonymousSending(db)).toBe('yes');

    // A comment kept from the authors: sent without its text.
    fireEvent.input(screen.getByRole('textbox', { name: 'Kommentar (valgfritt)' }), {
      target: { value: 'Dette er bare for meg' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await screen.findByText('Takk for svaret!');
    await sync.syncNow();

    await waitFor(async () => expect(await serverRows()).toHaveLength(2));
    const rows = await serverRows();
    expect(rows[0]).toMatchObject({ type: 'lesson.commented', text: null, for_authors: 0 });
    expect(rows[1]).toMatchObject({ type: 'lesson.rated', answer: 'yes', lesson_id: LESSON });

    // What went over the wire: copies under ids of their own, no client id, no comment text.
    const rated = await outboxOf('lesson.rated');
    const commented = await outboxOf('lesson.commented');
    expect(rated).toHaveLength(1);
    expect(commented).toHaveLength(1);
    const sent = anonymousRequests().flatMap(
      (request) => (request.body as { events: Record<string, unknown>[] }).events,
    );
    expect(sent).toHaveLength(2);
    for (const event of sent) {
      expect(event.id).toMatch(UUID_V4);
      expect([rated[0].id, commented[0].id]).not.toContain(event.id);
      expect(Object.keys(event).sort()).toEqual([
        'at',
        'courseId',
        'id',
        'lessonId',
        'payload',
        'type',
      ]);
    }
    expect(JSON.stringify(sent)).not.toContain('Dette er bare for meg');
    const clientId = (await db.meta.get('clientId'))?.value as string;
    expect(JSON.stringify(anonymousRequests())).not.toContain(clientId);

    // Nothing more to send: a later sync sends nothing again.
    const before = anonymousRequests().length;
    await sync.syncNow();
    expect(anonymousRequests()).toHaveLength(before);
  });

  it('no keeps everything on the device: not one request, and no second asking', async () => {
    const { sync } = await completeAndRate();
    await screen.findByRole('group', { name: QUESTION });
    await focusSettled();
    fireEvent.click(screen.getByRole('button', { name: 'Nei, behold dem her' }));
    expect(await screen.findByText('Svarene dine blir på denne enheten.')).toBe(
      document.activeElement,
    );
    await commentOnLesson(COURSE, LESSON, { text: 'Til forfatterne', forAuthors: true });
    await sync.syncNow();
    expect(harness().requests).toEqual([]);
    expect(await serverRows()).toEqual([]);
    expect(await readAnonymousSending(db)).toBe('no');
    // A new start of the app knows the answer: the question (shown only while 'unasked') is not
    // asked again.
    const restarted = createAnonymousSendingStore();
    await waitFor(() => expect(restarted.choice.value).toBe('no'));
    expect(await outboxOf('lesson.rated')).toHaveLength(1);
  });

  it('is not asked, and nothing is sent, on a signed-in device', async () => {
    await storeSession(db, {
      token: 'token',
      user: { id: 'kari', email: 'kari@example.test', createdAt: 0, emailVerified: false },
      expiresAt: Date.now() + 86_400_000,
    });
    await chooseAnonymousSending('yes', db);
    await completeAndRate();
    await screen.findByRole('heading', { name: 'Hva manglet?' });
    expect(screen.queryByRole('group', { name: QUESTION })).toBeNull();
    const api = harness().api();
    expect(await sendAnonymousFeedback({ database: db, api })).toEqual({ kind: 'off' });
    expect(anonymousRequests()).toEqual([]);
  });
});

describe('sending anonymously', () => {
  it('sends nothing before the learner is asked', async () => {
    await rateLesson(COURSE, LESSON, 'yes');
    const api = harness().api();
    expect(await sendAnonymousFeedback({ database: db, api })).toEqual({ kind: 'off' });
    expect(harness().requests).toEqual([]);
  });

  it('keeps everything after a failure, and stores each answer once after a lost answer', async () => {
    await chooseAnonymousSending('yes', db);
    await rateLesson(COURSE, LESSON, 'some');
    await commentOnLesson(COURSE, LESSON, { text: 'Mer om phishing', forAuthors: true });
    const api = harness().api();

    harness().failNext(ANONYMOUS_FEEDBACK_PATH, { kind: 'network' });
    expect(await sendAnonymousFeedback({ database: db, api })).toEqual({ kind: 'failed' });
    expect(await serverRows()).toEqual([]);

    // The server stores them, then the connection drops: the device does not know, sends again.
    harness().failNext(ANONYMOUS_FEEDBACK_PATH, { kind: 'drop-after-commit' });
    expect(await sendAnonymousFeedback({ database: db, api })).toEqual({ kind: 'failed' });
    expect(await serverRows()).toHaveLength(2);
    expect(await sendAnonymousFeedback({ database: db, api })).toEqual({
      kind: 'sent',
      sent: 2,
      refused: 0,
    });
    const rows = await serverRows();
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.type === 'lesson.commented')?.text).toBe('Mer om phishing');
    // The three requests carried the same copy ids.
    const idsOf = (request: { body: unknown }) =>
      (request.body as { events: { id: string }[] }).events.map((event) => event.id);
    const [first, second, third] = anonymousRequests();
    expect(idsOf(second)).toEqual(idsOf(first));
    expect(idsOf(third)).toEqual(idsOf(first));
    // The outbox still holds both events, for an account made later.
    expect(await db.outbox.count()).toBeGreaterThanOrEqual(2);
    // Settled: nothing more goes out.
    expect(await sendAnonymousFeedback({ database: db, api })).toEqual({
      kind: 'sent',
      sent: 0,
      refused: 0,
    });
    expect(anonymousRequests()).toHaveLength(3);
  });

  it('sends "Hva vil du lære mer om?" too, its text only when the authors may read it', async () => {
    await chooseAnonymousSending('yes', db);
    const OTHER = tryggEpost.lessons[1]!.id;
    await wishCourse(COURSE, LESSON, { topics: ['ki'], text: 'Mer om KI', forAuthors: true });
    await wishCourse(COURSE, OTHER, { topics: ['ki'], text: 'Hemmelig', forAuthors: false });
    const api = harness().api();
    expect(await sendAnonymousFeedback({ database: db, api })).toEqual({
      kind: 'sent',
      sent: 2,
      refused: 0,
    });
    const rows = await serverRows();
    expect(rows.map((row) => [row.type, row.topics, row.text]).sort()).toEqual([
      ['course.wished', '["ki"]', null],
      ['course.wished', '["ki"]', 'Mer om KI'],
    ]);
    // The kept text never left the device.
    expect(JSON.stringify(anonymousRequests().map((request) => request.body))).not.toContain(
      'Hemmelig',
    );
  });

  it('sends a long outbox in batches of 50', async () => {
    await chooseAnonymousSending('yes', db);
    for (let i = 0; i < 60; i++) await rateLesson(COURSE, LESSON, i % 2 ? 'yes' : 'no');
    // Changes within one millisecond may fold together: count what the outbox holds.
    const waiting = (await outboxOf('lesson.rated')).length;
    expect(waiting).toBeGreaterThan(50);
    const api = harness().api();
    expect(await sendAnonymousFeedback({ database: db, api })).toEqual({
      kind: 'sent',
      sent: waiting,
      refused: 0,
    });
    expect(
      anonymousRequests().map((request) => (request.body as { events: unknown[] }).events.length),
    ).toEqual([50, waiting - 50]);
    expect(await serverRows()).toHaveLength(waiting);
    expect(await outboxOf('lesson.rated')).toHaveLength(waiting);
  });
});
