// The insight page (issue 15) in the whole app against the REAL server in process: learners push
// through the real sync route, and the app's own controller asks GET /api/v1/insight and the
// course's aggregates. An analyst sees the numbers and "færre enn 5" (a garden of four), the
// tables and the CSV file hold the same cells; an advisor's filters list only their garden; a
// learner gets no link in Settings and "no access" on the route; offline says so; axe finds
// nothing.
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

/** A learner of `gardenId` (with consent) who reads the first lesson for 150 seconds, completes
 * it and answers "Ja", and opens the second. */
async function learnerIn(h: SyncHarness, gardenId: string) {
  const { db } = h.server;
  const learner = await createTestLearner(db);
  const now = Date.now();
  await db
    .insertInto('memberships')
    .values({
      user_id: learner.userId,
      garden_id: gardenId,
      firm_id: null,
      display_name: learner.userId,
      joined_at: now,
    })
    .execute();
  await db
    .insertInto('consents')
    .values({
      user_id: learner.userId,
      garden_id: gardenId,
      text_version: CONSENT_TEXT_VERSION,
      given_at: now,
      withdrawn_at: null,
    })
    .execute();
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
  const response = await push(
    h.app,
    learner.token,
    pushBody(clientId, [
      event('lesson.opened', first!.id, {}),
      event('time.spent', first!.id, { seconds: 150 }),
      event('lesson.completed', first!.id, {}),
      event('lesson.rated', first!.id, { answer: 'yes' }),
      event('lesson.opened', second!.id, {}),
    ]),
  );
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
const FEWER = 'færre enn 5';

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

    // The CSV file: the tables' cells, "færre enn 5" as words.
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
    const lines = text.split('\r\n').map((line) => line.split(';'));
    expect(lines[0]).toEqual([
      'Leksjon',
      'Startet',
      'Fullført',
      'Median minutter',
      'Ja',
      'Litt',
      'Nei',
    ]);
    const funnel = cells(FUNNEL);
    const answers = cells(ANSWERS);
    expect(lines.slice(1)).toEqual(funnel.map((row, i) => [...row, ...answers[i]!.slice(1)]));
    expect(lines[2]).toEqual([titles[1], '6', FEWER, FEWER, FEWER, FEWER, FEWER]);

    // Nordhagen alone: four learners, nothing shown.
    fireEvent.change(screen.getByLabelText('Næringshage'), { target: { value: NORD } });
    await waitFor(() =>
      expect(cells(FUNNEL)[0]).toEqual([tryggEpost.lessons[0]!.title, FEWER, FEWER, FEWER]),
    );
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
