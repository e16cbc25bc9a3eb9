// The insight page (issue 15) in the whole app against the REAL server in process: learners push
// through the real sync route (and learners without an account send answers anonymously), and the
// app's own controller asks GET /api/v1/insight, the course's aggregates and the texts for its
// authors. An analyst sees the numbers and "færre enn 5" (a garden of four), the anonymous
// answers, the topics of "Hva vil du lære mer om?", the course's health and the texts — never
// next to a garden or county — and the tables and the CSV file hold the same cells; an advisor's
// filters list only their garden, and the texts are neither asked for nor shown; a learner gets
// no link in Settings and "no access" on the route; offline says so; axe finds nothing.
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import axe from 'axe-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { storeCourse } from '../../src/client-core/db/courses';
import type { CompiledCourse } from '../../src/content/types';
import { InsightScreen } from '../../src/app/screens/lazy';
import { loadCatalogue } from '../../src/server/catalogue';
import { createLogger } from '../../src/server/logger';
import { grantNetworkRole } from '../../src/server/network/queries';
import { CONSENT_TEXT_VERSION } from '../../src/shared/network-protocol';
import { stubApi } from '../utils/app';
import { tryggEpost } from '../utils/bundles';
import { makeTempRoot, writeCourse } from '../utils/course-fixture';
import { createTestLearner, makeEvent, newClientId, push, pushBody } from '../utils/learners';
import type { SyncHarness } from '../utils/sync-harness';
import { EMAIL, registerKari, renderWithServer, setupSyncUiTests } from '../utils/sync-ui';

const COURSE = tryggEpost.id;
const FJORD = '5a5a5a5a-5a5a-4a5a-8a5a-5a5a5a5a5a5a';
const NORD = '6b6b6b6b-6b6b-4b6b-8b6b-6b6b6b6b6b6b';

let root: string;
let served: CompiledCourse[];
const harness = setupSyncUiTests(() => ({ catalogue: served }));

// The server serves the course the app's catalogue lists, with the same lessons.
beforeAll(async () => {
  root = await makeTempRoot();
  await writeCourse(root, {
    id: COURSE,
    lessons: tryggEpost.lessons.map((lesson) => ({ id: lesson.id })),
  });
  served = await loadCatalogue(root, createLogger('silent'));
  await InsightScreen.preload();
});
afterAll(() => rm(root, { recursive: true, force: true }));

type Answer = 'yes' | 'some' | 'no';

/** What a learner does beyond reading the first lesson and opening the second. */
interface Doings {
  /** Their answer to "Var dette nyttig for deg?" on the first lesson ("Ja" unless said). */
  answer?: Answer;
  /** A comment on the first lesson that the authors may read. */
  comment?: string;
  /** They complete the second lesson too, with this answer. */
  second?: Answer;
  /** "Hva vil du lære mer om?", on the second lesson, with a text the authors may read. */
  wish?: { topics: string[]; text?: string };
}

/** A learner of `gardenId` (with consent; null: of none) who reads the first lesson for 150
 * seconds, completes it and answers (`answer`, "Ja"), and opens the second. */
async function learnerIn(h: SyncHarness, gardenId: string | null, doings: Doings = {}) {
  const { db } = h.server;
  const learner = await createTestLearner(db);
  const now = Date.now();
  if (gardenId !== null) await joinGarden(h, learner.userId, gardenId);
  const clientId = newClientId();
  const [first, second] = tryggEpost.lessons;
  let seq = 0;
  const event = (type: Parameters<typeof makeEvent>[0], lessonId: string, payload: object) =>
    makeEvent(type, payload as never, {
      clientId,
      at: now + seq * 1000,
      seq: ++seq,
      courseId: COURSE,
      lessonId,
    });
  const { answer = 'yes', comment, second: secondAnswer, wish } = doings;
  const response = await push(
    h.app,
    learner.token,
    pushBody(clientId, [
      event('lesson.opened', first!.id, {}),
      event('time.spent', first!.id, { seconds: 150 }),
      event('lesson.completed', first!.id, {}),
      event('lesson.rated', first!.id, { answer }),
      ...(comment
        ? [event('lesson.commented', first!.id, { text: comment, forAuthors: true })]
        : []),
      event('lesson.opened', second!.id, {}),
      ...(secondAnswer
        ? [
            event('lesson.completed', second!.id, {}),
            event('lesson.rated', second!.id, { answer: secondAnswer }),
          ]
        : []),
      ...(wish
        ? [
            event('course.wished', second!.id, {
              topics: wish.topics,
              text: wish.text ?? '',
              forAuthors: wish.text !== undefined,
            }),
          ]
        : []),
    ]),
  );
  expect(response.status, await response.clone().text()).toBe(200);
}

/** The learner joins the garden with consent. */
async function joinGarden(h: SyncHarness, userId: string, gardenId: string) {
  const { db } = h.server;
  const now = Date.now();
  await db
    .insertInto('memberships')
    .values({
      user_id: userId,
      garden_id: gardenId,
      firm_id: null,
      display_name: userId,
      joined_at: now,
    })
    .execute();
  await db
    .insertInto('consents')
    .values({
      user_id: userId,
      garden_id: gardenId,
      text_version: CONSENT_TEXT_VERSION,
      given_at: now,
      withdrawn_at: null,
    })
    .execute();
}

/** Learners without an account send these answers anonymously (POST /api/v1/feedback/anonymous). */
async function sendAnonymously(h: SyncHarness, events: { lessonId: string; payload: object }[]) {
  const body = {
    events: events.map(({ lessonId, payload }) => ({
      id: randomUUID(),
      type: 'answer' in payload ? 'lesson.rated' : 'lesson.commented',
      courseId: COURSE,
      lessonId,
      at: Date.now(),
      payload,
    })),
  };
  const response = await h.app.request('/api/v1/feedback/anonymous', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

/** Fjordhagen (Vestland) with six learners, Nordhagen (Nordland) with four; Kari signed in on
 * the app, with `role`. */
async function network(h: SyncHarness, role: 'analyst' | 'advisor' | 'learner') {
  const { db } = h.server;
  const now = Date.now();
  await db
    .insertInto('gardens')
    .values([
      { id: FJORD, name: 'Fjordhagen', county: 'Vestland', municipality: null, created_at: now },
      { id: NORD, name: 'Nordhagen', county: 'Nordland', municipality: null, created_at: now },
    ])
    .execute();
  for (let i = 0; i < 6; i += 1) await learnerIn(h, FJORD);
  for (let i = 0; i < 4; i += 1) await learnerIn(h, NORD);
  await registerKari(h);
  const kari = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', EMAIL)
    .executeTakeFirstOrThrow();
  if (role === 'analyst') await grantNetworkRole(db, kari.id, 'analyst', now);
  if (role === 'advisor') {
    await db
      .insertInto('advisors')
      .values({ garden_id: FJORD, user_id: kari.id, added_at: now, added_by: null })
      .execute();
  }
  stubApi({ bundles: [tryggEpost] });
  // The course is on the device: the tables name the lessons by their titles.
  await storeCourse(tryggEpost);
}

const table = (caption: string) => screen.getByRole('table', { name: caption });

/** The table's body as text cells, row by row (the row heading first). */
const cells = (caption: string) =>
  within(table(caption))
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole(/cell|rowheader/)
        .map((cell) => cell.textContent),
    );

const optionsOf = (label: string) =>
  within(screen.getByLabelText(label))
    .getAllByRole('option')
    .map((option) => option.textContent);

async function axeViolations(): Promise<string[]> {
  const result = await axe.run(document.documentElement, {
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
}

const FUNNEL = 'Startet og fullført per leksjon, med median tid';
const ANSWERS = 'Svar på «Var dette nyttig for deg?» per leksjon';
const ANONYMOUS = 'Svar uten konto på «Var dette nyttig for deg?» per leksjon';
const TOPICS = 'Kursdeltakere per tema de vil lære mer om';
const FEWER = 'færre enn 5';
const [FIRST, SECOND] = tryggEpost.lessons.map((lesson) => lesson.title);

/** The CSV file's heading row for the lessons, with the anonymous answers' columns. */
const LESSON_FIELDS = [
  'Leksjon',
  'Startet',
  'Fullført',
  'Median minutter',
  'Ja',
  'Litt',
  'Nei',
  'Ja, anonymt',
  'Litt, anonymt',
  'Nei, anonymt',
];

/** The lessons' tables side by side, row by row: what the CSV file's lesson rows must be. */
const lessonLines = () => {
  const [funnel, answers, anonymous] = [cells(FUNNEL), cells(ANSWERS), cells(ANONYMOUS)];
  return funnel.map((row, i) => [...row, ...answers[i]!.slice(1), ...anonymous[i]!.slice(1)]);
};

/** Press "Last ned CSV"; the file's lines, split into cells. */
async function downloadCsv(): Promise<string[][]> {
  const saved: Blob[] = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    saved.push(blob);
    return 'blob:lommekurs/1';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  fireEvent.click(screen.getByRole('button', { name: 'Last ned CSV' }));
  await screen.findByText(/^Lastet ned lommekurs-innsikt-trygg-e-post-\d{4}-\d\d-\d\d\.csv\.$/);
  const text = (await saved[0]!.text()).replace(/^\uFEFF/, '');
  return text.split('\r\n').map((line) => line.split(';'));
}

/** The items of the list after the heading `name` (a health list, a lesson's texts). */
const listAfter = (name: string, level = 3) => {
  const list = screen.getByRole('heading', { level, name }).nextElementSibling as HTMLElement;
  return within(list)
    .getAllByRole('listitem')
    .map((item) => item.textContent);
};

/** Beside the network's learners, the learner voice: ten more in Fjordhagen — five answer
 * "Litt" (one with a comment for the authors) and stop at the second lesson, five answer "Nei"
 * and complete the second (one wish with a text) — a learner of no garden with a topic of their
 * own, and learners without an account: five "Ja" on the first lesson and a comment. */
async function voices(h: SyncHarness) {
  for (let i = 0; i < 5; i += 1) {
    await learnerIn(h, FJORD, {
      answer: 'some',
      comment: i === 0 ? 'Mer om passord, takk' : undefined,
      wish: { topics: ['informasjonssikkerhet', 'nettbutikk'] },
    });
  }
  for (let i = 0; i < 5; i += 1) {
    await learnerIn(h, FJORD, {
      answer: 'no',
      second: 'some',
      wish: {
        topics: ['informasjonssikkerhet'],
        text: i === 0 ? 'Noe om fakturasvindel' : undefined,
      },
    });
  }
  await learnerIn(h, null, { wish: { topics: ['personvern-gdpr'] } });
  const first = tryggEpost.lessons[0]!.id;
  await sendAnonymously(h, [
    ...Array.from({ length: 5 }, () => ({ lessonId: first, payload: { answer: 'yes' } })),
    { lessonId: first, payload: { text: 'Savnet eksempler', forAuthors: true } },
  ]);
}

describe('the insight page against the real server', () => {
  it('shows the analyst the numbers, "færre enn 5" for small groups, and the same cells in the CSV', async () => {
    const h = harness();
    await network(h, 'analyst');
    renderWithServer(h, '/innsikt');
    await screen.findByRole('heading', { level: 1, name: 'Innsikt' });
    await screen.findByRole('table', { name: FUNNEL });
    expect(screen.getByText('Du ser hele nettverket.')).toBeTruthy();
    const rule = screen.getByRole('link', { name: 'Slik behandler vi opplysningene (personvern)' });
    expect(rule.getAttribute('href')).toBe('/personvern');
    // Nordhagen's four are held back: the network's numbers are Fjordhagen's six.
    const titles = tryggEpost.lessons.map((lesson) => lesson.title);
    expect(cells(FUNNEL)).toEqual([
      [titles[0], '6', '6', '2'],
      [titles[1], '6', FEWER, FEWER],
      [titles[2], FEWER, FEWER, FEWER],
      [titles[3], FEWER, FEWER, FEWER],
    ]);
    expect(cells(ANSWERS)[0]).toEqual([tryggEpost.lessons[0]!.title, '6', FEWER, FEWER]);
    // The charts are images with a summary; the tables carry the numbers.
    expect(screen.getAllByRole('img').map((img) => img.getAttribute('aria-label'))).toEqual([
      'Stolpediagram over hvor mange som startet og fullførte hver av 4 leksjoner. Tallene står i tabellen.',
      'Stolpediagram over svarene Ja, Litt og Nei for hver av 4 leksjoner. Tallene står i tabellen.',
    ]);
    // Every county for the network; both gardens.
    expect(optionsOf('Fylke')).toHaveLength(16);
    expect(optionsOf('Næringshage')).toEqual(['Alle næringshager', 'Fjordhagen', 'Nordhagen']);
    expect(optionsOf('Fra kvartal')).toHaveLength(9);
    expect(await axeViolations()).toEqual([]);

    // The CSV file: the tables' cells, "færre enn 5" as words; no topic was chosen.
    const lines = await downloadCsv();
    expect(lines[0]).toEqual(LESSON_FIELDS);
    expect(lines.slice(1)).toEqual(lessonLines());
    expect(lines[2]).toEqual([titles[1], '6', ...Array<string>(8).fill(FEWER)]);

    // Nordhagen alone: four learners, nothing shown.
    fireEvent.change(screen.getByLabelText('Næringshage'), { target: { value: NORD } });
    await waitFor(() =>
      expect(cells(FUNNEL)[0]).toEqual([tryggEpost.lessons[0]!.title, FEWER, FEWER, FEWER]),
    );
    expect(await axeViolations()).toEqual([]);
  });

  it("shows the analyst the learners' voice: anonymous answers, topics, the course's health and the texts for the authors", async () => {
    const h = harness();
    await network(h, 'analyst');
    await voices(h);
    renderWithServer(h, '/innsikt');
    await screen.findByRole('table', { name: TOPICS });
    expect(cells(ANSWERS)[0]).toEqual([FIRST, '6', '5', '5']);
    // Answers without an account: the whole network's, as answers.
    expect(cells(ANONYMOUS)[0]).toEqual([FIRST, '5', FEWER, FEWER]);
    expect(
      screen.getByRole('heading', { level: 3, name: 'Svar uten konto (anonyme)' }),
    ).toBeTruthy();
    expect(
      screen.getByText(/^Svar fra kursdeltakere uten konto .*Dette er svar, ikke kursdeltakere/),
    ).toBeTruthy();
    // "Hva vil du lære mer om?": labels from courses/topics.yml, most chosen first; the one of a
    // learner of no garden is held back.
    expect(screen.getByRole('heading', { level: 2, name: 'Hva vil du lære mer om?' })).toBeTruthy();
    expect(cells(TOPICS)).toEqual([
      ['Informasjonssikkerhet', '10'],
      ['Nettbutikk og netthandel', '5'],
      ['Personvern og GDPR', FEWER],
    ]);
    expect(screen.getAllByRole('img').map((img) => img.getAttribute('aria-label'))[2]).toBe(
      'Stolpediagram over hvor mange kursdeltakere som valgte hvert av 3 temaer. Tallene står i tabellen.',
    );
    // The course's health: only shares of numbers shown (the second lesson's "Ja" and "Nei" are
    // held back; the first lost nobody).
    expect(screen.getByRole('heading', { level: 2, name: 'Kurshelse' })).toBeTruthy();
    expect(listAfter('Lavest andel «Ja»')).toEqual([`${FIRST}: 38 % svarte Ja (6 av 16 svar)`]);
    expect(listAfter('Størst frafall')).toEqual([
      `${SECOND}: 69 % fullførte ikke (16 startet, 5 fullførte)`,
    ]);
    // The texts learners let the authors read, by lesson, from accounts and without.
    await screen.findByRole('heading', { level: 4, name: FIRST });
    expect(listAfter(FIRST!, 4)).toEqual([
      'Kommentar: Mer om passord, takk',
      'Kommentar: Savnet eksempler',
    ]);
    expect(listAfter(SECOND!, 4)).toEqual(['Ønske: Noe om fakturasvindel']);
    const textRequests = () => h.requests.filter((request) => request.path.endsWith('/texts'));
    expect(textRequests()).toHaveLength(1);
    expect(await axeViolations()).toEqual([]);

    // The CSV file: the lessons' cells with the anonymous answers, then the topics' table.
    const lines = await downloadCsv();
    expect(lines[0]).toEqual(LESSON_FIELDS);
    expect(lines.slice(1, 5)).toEqual(lessonLines());
    expect(lines[1]).toEqual([FIRST, '16', '16', '2', '6', '5', '5', '5', FEWER, FEWER]);
    expect(lines.slice(5)).toEqual([[''], ['Tema', 'Kursdeltakere'], ...cells(TOPICS)]);

    // A garden chosen: no texts next to it, and no anonymous answers; the page says why.
    fireEvent.change(screen.getByLabelText('Næringshage'), { target: { value: FJORD } });
    await screen.findByText(/^Tekstene vises ikke når en næringshage eller et fylke er valgt/);
    expect(screen.queryByText('Mer om passord, takk')).toBeNull();
    expect(screen.queryByRole('table', { name: ANONYMOUS })).toBeNull();
    expect(screen.getByText(/^Svar uten konto har ingen næringshage eller fylke/)).toBeTruthy();
    expect(textRequests()).toHaveLength(1);
    expect(await axeViolations()).toEqual([]);
  });

  it('offers the analyst the page in Settings', async () => {
    const h = harness();
    await network(h, 'analyst');
    renderWithServer(h, '/innstillinger');
    const link = await screen.findByRole('link', { name: /^Innsikt:/ });
    expect(link.getAttribute('href')).toBe('/innsikt');
  });

  it('lists only their own garden, and its county, for an advisor', async () => {
    const h = harness();
    await network(h, 'advisor');
    renderWithServer(h, '/innsikt');
    await screen.findByRole('table', { name: FUNNEL });
    expect(screen.getByText('Du ser 1 næringshage: den du er rådgiver i.')).toBeTruthy();
    expect(optionsOf('Næringshage')).toEqual(['Alle næringshager', 'Fjordhagen']);
    expect(optionsOf('Fylke')).toEqual(['Alle fylker', 'Vestland']);
    expect(cells(FUNNEL)[0]).toEqual([tryggEpost.lessons[0]!.title, '6', '6', '2']);
  });

  it('shows an advisor the topics of their gardens, and neither anonymous answers nor the texts', async () => {
    const h = harness();
    await network(h, 'advisor');
    await voices(h);
    renderWithServer(h, '/innsikt');
    await screen.findByRole('table', { name: TOPICS });
    expect(cells(TOPICS)).toEqual([
      ['Informasjonssikkerhet', '10'],
      ['Nettbutikk og netthandel', '5'],
    ]);
    expect(screen.queryByRole('table', { name: ANONYMOUS })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Kurshelse' })).toBeNull();
    expect(screen.queryByText('Mer om passord, takk')).toBeNull();
    expect(h.requests.filter((request) => request.path.endsWith('/texts'))).toEqual([]);
    expect(await axeViolations()).toEqual([]);
    // Its CSV file: no anonymous columns.
    const lines = await downloadCsv();
    expect(lines[0]).toEqual(LESSON_FIELDS.slice(0, 7));
  });

  it('gives a learner no link, and "no access" on the route', async () => {
    const h = harness();
    await network(h, 'learner');
    const settings = renderWithServer(h, '/innstillinger');
    await screen.findByRole('heading', { name: 'Har du en kode?' });
    await screen.findByText('Du er ikke med i noen næringshage.');
    expect(screen.queryByRole('link', { name: /^Innsikt:/ })).toBeNull();
    settings.unmount();
    renderWithServer(h, '/innsikt');
    await screen.findByText(
      'Du har ikke tilgang til innsikt. Siden er for analytikere og for rådgivere i næringshager.',
    );
    expect(screen.queryByRole('table')).toBeNull();
    expect(await axeViolations()).toEqual([]);
  });

  it('says that insight needs a connection when the server cannot be reached', async () => {
    const h = harness();
    await network(h, 'analyst');
    h.failNext('/api/v1/insight', { kind: 'network' });
    renderWithServer(h, '/innsikt');
    await screen.findByText('Innsikt trenger nett. Koble til og prøv igjen.');
    fireEvent.click(screen.getByRole('button', { name: 'Prøv igjen' }));
    await screen.findByRole('table', { name: FUNNEL });
  });
});
