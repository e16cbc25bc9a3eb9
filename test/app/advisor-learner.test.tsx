// "Forbered samtale" (issue 14) in the whole app: one learner's courses with lesson titles from
// the course on the device (ids when it is not there, and a way to fetch it), the reflections
// the learner shared beside the course's suggestions for the advisor, a print button, the offline
// copy with its time, a learner who is gone (404) dropped from the copy, nn/en, and axe. The app's
// real sync controller and request code run; `fetch` answers the advisor routes by path
// (test/utils/advisor-network.ts).
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import axe from 'axe-core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetAdvisorCopy } from '../../src/app/advisor/forget-copy';
import { inviteTexts } from '../../src/app/advisor/invite-texts';
import { joinCodeTexts } from '../../src/app/advisor/join-code-texts';
import { learnerTexts } from '../../src/app/advisor/learner-texts';
import { openAdvisorCopy, readLearnerDetail } from '../../src/app/advisor/offline-copy';
import { requestErrorTexts } from '../../src/app/advisor/request-errors';
import { placeholderMismatches } from '../../src/app/i18n/feature-texts';
import { storeCourse } from '../../src/client-core/db/courses';
import type { LearnerDetail, LearnerSummary } from '../../src/shared/network-protocol';
import { renderApp, setupAppTests } from '../utils/app';
import { tryggEpost } from '../utils/bundles';
import {
  ADVISOR_ID,
  DAY,
  GARDEN_ID,
  learner,
  learnerCourse,
  signInAdvisor,
  stubNetwork,
  updatedAtNb,
  type Answer,
} from '../utils/advisor-network';

setupAppTests();

beforeEach(() => forgetAdvisorCopy());

async function violations() {
  const result = await axe.run(document.documentElement, {
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
}

const SHARED = 'Vi ringer alltid leverandøren før vi betaler.';
const SUGGESTION = 'Ta med svaret til rådgiveren i næringshagen.';

/** Kari, stuck in "Trygg e-post": one lesson of four completed, nothing for 20 days. */
function kari(): LearnerSummary {
  return learner({
    displayName: 'Kari Nordmann',
    needsFollowUp: true,
    courses: [learnerCourse({ lastActivityAt: Date.now() - 20 * DAY, needsFollowUp: true })],
  });
}

/** Kari's detail: the first lesson completed, the reflection opened and (maybe) shared. */
function detailOf(
  summary: LearnerSummary,
  { shared = true, fetchedAt = Date.now() }: { shared?: boolean; fetchedAt?: number } = {},
): LearnerDetail {
  const at = Date.UTC(2026, 10, 20, 10);
  return {
    learner: summary,
    courses: [
      {
        courseId: 'trygg-epost',
        lessons: [
          {
            lessonId: 'kjenn-igjen-svindel',
            state: 'completed',
            minutes: 7,
            lastActivityAt: at,
            completedAt: at,
            sharedReflection: null,
          },
          {
            lessonId: 'hva-gjor-dere',
            state: 'opened',
            minutes: 5,
            lastActivityAt: at,
            completedAt: null,
            sharedReflection: shared ? { text: SHARED, at } : null,
          },
        ],
      },
    ],
    fetchedAt,
  };
}

const pathOf = (summary: LearnerSummary) => `/radgiver/hage/${GARDEN_ID}/elev/${summary.id}`;

/** Answers the detail route of `summary` with `detail`; everything else is offline. */
const detailAnswer =
  (summary: LearnerSummary, detail: Answer) =>
  (path: string): Answer | undefined =>
    path === `/api/v1/network/gardens/${GARDEN_ID}/learners/${summary.id}` ? detail : undefined;

async function storedDetail(learnerId: string) {
  const copy = await openAdvisorCopy();
  try {
    return await readLearnerDetail(copy, ADVISOR_ID, GARDEN_ID, learnerId);
  } finally {
    copy.close();
  }
}

describe('Forbered samtale', () => {
  it('shows each lesson by title with its state, and the shared reflection beside the suggestion', async () => {
    await storeCourse(tryggEpost);
    await signInAdvisor();
    const summary = kari();
    const fetchedAt = Date.now() - 60_000;
    stubNetwork(detailAnswer(summary, detailOf(summary, { fetchedAt })));
    renderApp(pathOf(summary));

    await screen.findByRole('heading', { level: 1, name: 'Forbered samtale: Kari Nordmann' });
    await waitFor(() => expect(document.title).toBe('Forbered samtale: Kari Nordmann – Lommekurs'));
    expect(screen.getByText(updatedAtNb(fetchedAt))).toBeTruthy();
    expect(screen.getByText('Fjordfisk AS')).toBeTruthy();
    expect(screen.getAllByText('Trenger oppfølging').length).toBeGreaterThan(0);
    expect(screen.getByRole('link', { name: /Tilbake til hagen/ }).getAttribute('href')).toBe(
      `/radgiver/hage/${GARDEN_ID}`,
    );

    const course = await screen.findByRole('region', { name: 'Trygg e-post' });
    await within(course).findByText('Kjenn igjen svindel');
    expect(within(course).getByText(/^1 av 4 leksjoner fullført · 12 minutter/)).toBeTruthy();
    const lessons = within(course).getByRole('list', { name: 'Leksjoner i Trygg e-post' });
    const items = within(lessons).getAllByRole('listitem');
    // Every lesson in course order, opened or not.
    expect(items.map((item) => item.querySelector('h3')?.textContent)).toEqual([
      'Kjenn igjen svindel',
      'Test deg selv',
      'Sjekk rutinene',
      'Hva gjør dere?',
    ]);
    expect(items[0].textContent).toContain('Fullført 20. november 2026 · 7 minutter');
    expect(items[1].textContent).toContain('Ikke åpnet');
    expect(items[3].textContent).toContain('Påbegynt · 5 minutter');
    // The shared reflection and the course's suggestion side by side, in the reflection's item.
    const reflection = within(items[3]);
    expect(reflection.getByRole('heading', { level: 4, name: 'Delt refleksjon' })).toBeTruthy();
    expect(reflection.getByText(SHARED)).toBeTruthy();
    expect(
      reflection.getByRole('heading', { level: 4, name: 'Forslag til samtalen' }),
    ).toBeTruthy();
    expect(reflection.getByText(SUGGESTION)).toBeTruthy();
    expect(screen.getByText(/aldri svar på quizer/)).toBeTruthy();
    expect(await violations()).toEqual([]);
  });

  it('says when a reflection is not shared, and prints with the "Skriv ut" button', async () => {
    await storeCourse(tryggEpost);
    await signInAdvisor();
    const summary = kari();
    stubNetwork(detailAnswer(summary, detailOf(summary, { shared: false })));
    const print = vi.fn();
    vi.stubGlobal('print', print);
    renderApp(pathOf(summary));
    const item = (await screen.findByText('Hva gjør dere?')).closest('li') as HTMLElement;
    expect(within(item).getByText('Ingen delt refleksjon.')).toBeTruthy();
    expect(screen.queryByText(SHARED)).toBeNull();
    // The suggestion is there to prepare the conversation even so.
    expect(within(item).getByText(SUGGESTION)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Skriv ut' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('without the course on the device shows lesson ids, and fetches the course for titles', async () => {
    await signInAdvisor();
    const summary = kari();
    const detail = detailOf(summary);
    stubNetwork((path) =>
      path === '/api/v1/courses/trygg-epost' ? tryggEpost : detailAnswer(summary, detail)(path),
    );
    renderApp(pathOf(summary));
    await screen.findByRole('heading', { level: 1, name: 'Forbered samtale: Kari Nordmann' });
    const course = screen.getByRole('region', { name: 'trygg-epost' });
    expect((await within(course).findByText('kjenn-igjen-svindel')).tagName).toBe('CODE');
    expect(within(course).getByText(SHARED)).toBeTruthy();
    expect(within(course).getByText(/Kurset er ikke lagret på denne enheten/)).toBeTruthy();
    expect(await violations()).toEqual([]);

    fireEvent.click(within(course).getByRole('button', { name: 'Hent kurset' }));
    const titled = await screen.findByRole('region', { name: 'Trygg e-post' });
    expect(within(titled).getByText('Kjenn igjen svindel')).toBeTruthy();
    expect(within(titled).getByText(SUGGESTION)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Hent kurset' })).toBeNull();
  });

  it('offline, shows the stored copy with its time', async () => {
    await storeCourse(tryggEpost);
    await signInAdvisor();
    const summary = kari();
    const yesterday = Date.now() - DAY;
    stubNetwork(detailAnswer(summary, detailOf(summary, { fetchedAt: yesterday })));
    const first = renderApp(pathOf(summary));
    await screen.findByText(SHARED);
    await waitFor(async () => expect(await storedDetail(summary.id)).not.toBeNull());
    first.unmount();

    stubNetwork(() => 'offline');
    renderApp(pathOf(summary));
    const notice = await screen.findByText(/Du er uten nett\. Du ser kopien/);
    expect(notice.closest('p')?.textContent).toContain(updatedAtNb(yesterday, false));
    expect(await screen.findByText(SHARED)).toBeTruthy();
    expect(await violations()).toEqual([]);
  });

  it('a learner the server no longer shows (404) is said to be gone, and dropped from the copy', async () => {
    await signInAdvisor();
    const summary = kari();
    stubNetwork(detailAnswer(summary, detailOf(summary)));
    const first = renderApp(pathOf(summary));
    await screen.findByText(SHARED);
    await waitFor(async () => expect(await storedDetail(summary.id)).not.toBeNull());
    first.unmount();

    stubNetwork(detailAnswer(summary, { status: 404, error: 'learner_not_found' }));
    renderApp(pathOf(summary));
    await screen.findByText(/Kanskje eleven har trukket samtykket sitt/);
    expect(screen.queryByText(SHARED)).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Forbered samtale' })).toBeTruthy();
    await waitFor(async () => expect(await storedDetail(summary.id)).toBeNull());
    expect(await violations()).toEqual([]);
  });

  it('speaks nynorsk and English', async () => {
    await storeCourse(tryggEpost);
    await signInAdvisor();
    const summary = kari();
    stubNetwork(detailAnswer(summary, detailOf(summary)));
    const nn = renderApp(pathOf(summary), 'nn');
    await screen.findByRole('heading', { level: 1, name: 'Førebu samtale: Kari Nordmann' });
    expect(screen.getByRole('button', { name: 'Skriv ut' })).toBeTruthy();
    nn.unmount();
    renderApp(pathOf(summary), 'en');
    await screen.findByRole('heading', { level: 1, name: 'Prepare a conversation: Kari Nordmann' });
    expect(await screen.findByText('Suggestion for the conversation')).toBeTruthy();
    expect(screen.getByText('Shared reflection')).toBeTruthy();
  });
});

describe('the texts of the learner view, invites and join codes', () => {
  it('have the same placeholders in nb, nn and en', () => {
    expect([
      ...placeholderMismatches(learnerTexts),
      ...placeholderMismatches(inviteTexts),
      ...placeholderMismatches(joinCodeTexts),
      ...placeholderMismatches(requestErrorTexts),
    ]).toEqual([]);
  });
});
