// A lesson that changed after the learner completed it: the notice on the home screen, the course
// page and the lesson, in the learner's language, until the lesson is opened; progress is kept.
// Also the checklist's honest time: reading and the work it asks for, apart.
import { screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { storeCourse } from '../../src/client-core/db/courses';
import { db } from '../../src/client-core/db/db';
import { completeLesson } from '../../src/client-core/db/learner-actions';
import type { CourseBundle } from '../../src/shared/course';
import { tryggEpost } from '../utils/bundles';
import { renderApp, setupAppTests, stubApi } from '../utils/app';

setupAppTests();

const SUMMARY = 'Nytt tegn på svindel: falske fakturaer fra kjente leverandører.';

/** Version 4 of the course: the first lesson changed on 2 December 2026, the checklist says how
 * long its work takes. */
const updated: CourseBundle = {
  ...tryggEpost,
  version: 4,
  hash: 'b'.repeat(64),
  lessons: tryggEpost.lessons.map((lesson) =>
    lesson.id === 'kjenn-igjen-svindel'
      ? {
          ...lesson,
          changes: [
            { date: '2026-12-02', summary: SUMMARY },
            { date: '2026-06-01', summary: 'Eldre endring.' },
          ],
        }
      : lesson.kind === 'checklist'
        ? { ...lesson, taskMinutes: { from: 30, to: 60 } }
        : lesson,
  ),
};

/** The learner completed the first lesson on 20 November 2026, before the change. */
async function completedBeforeTheChange() {
  vi.useFakeTimers({ now: new Date('2026-11-20T09:00:00+01:00'), toFake: ['Date'] });
  await storeCourse(tryggEpost);
  await completeLesson('trygg-epost', 'kjenn-igjen-svindel');
  vi.useRealTimers();
  await storeCourse(updated);
}

describe('a lesson updated since the learner took it', () => {
  it('is announced on home and the course page, and told on the lesson until opened', async () => {
    stubApi({ bundles: [updated] });
    await completedBeforeTheChange();
    const { unmount } = renderApp('/');

    const home = await screen.findByRole('region', {
      name: '1 leksjon du har tatt, er oppdatert',
    });
    expect(home.textContent).toContain('Oppdatert 2. desember 2026: ' + SUMMARY);
    within(home).getByRole('link', { name: 'Trygg e-post: Kjenn igjen svindel' });
    unmount();

    const course = renderApp('/kurs/trygg-epost');
    const notice = await screen.findByRole('region', {
      name: '1 leksjon du har tatt, er oppdatert',
    });
    within(notice).getByRole('link', { name: 'Kjenn igjen svindel' }).click();

    const lessonNotice = await screen.findByRole('region', { name: 'Oppdatert 2. desember 2026' });
    expect(within(lessonNotice).getByText(SUMMARY)).toBeTruthy();
    expect(lessonNotice.textContent).toContain('Fremgangen din er tatt vare på.');
    // Opening recorded the change as seen; the notice stays for this visit.
    await vi.waitFor(async () => {
      expect((await db.progress.get(['trygg-epost', 'kjenn-igjen-svindel']))?.changeSeen).toBe(
        '2026-12-02',
      );
    });
    expect(screen.getByRole('region', { name: 'Oppdatert 2. desember 2026' })).toBeTruthy();
    course.unmount();

    renderApp('/kurs/trygg-epost');
    await screen.findByRole('heading', { level: 1, name: 'Trygg e-post' });
    expect(screen.queryByRole('region', { name: /er oppdatert$/ })).toBeNull();
    const lessons = within(screen.getByRole('region', { name: 'Leksjoner' })).getAllByRole(
      'listitem',
    );
    expect(lessons[0]!.textContent).toContain('Fullført');
    expect(lessons[0]!.textContent).not.toContain('Oppdatert');
  });

  it('marks the lesson in the course’s list, in nynorsk and English too', async () => {
    stubApi({ bundles: [updated] });
    await completedBeforeTheChange();
    const nn = renderApp('/kurs/trygg-epost', 'nn');
    await screen.findByRole('region', { name: '1 leksjon du har teke, er oppdatert' });
    const first = within(screen.getByRole('region', { name: 'Leksjonar' })).getAllByRole(
      'listitem',
    )[0]!;
    expect(first.textContent).toContain('Oppdatert');
    nn.unmount();

    renderApp('/', 'en');
    const home = await screen.findByRole('region', {
      name: '1 lesson you have taken has been updated',
    });
    expect(home.textContent).toContain('Updated 2 December 2026: ' + SUMMARY);
  });

  it('is not announced to a learner who completed the new version', async () => {
    stubApi({ bundles: [updated] });
    await storeCourse(updated);
    vi.useFakeTimers({ now: new Date('2026-12-05T09:00:00+01:00'), toFake: ['Date'] });
    await completeLesson('trygg-epost', 'kjenn-igjen-svindel');
    vi.useRealTimers();
    renderApp('/kurs/trygg-epost');
    await screen.findByRole('heading', { level: 1, name: 'Trygg e-post' });
    expect(screen.queryByRole('region', { name: /er oppdatert$/ })).toBeNull();
  });
});

describe('a checklist’s time', () => {
  it('shows the reading and the work apart, on the course page and the lesson', async () => {
    stubApi({ bundles: [updated] });
    await storeCourse(updated);
    renderApp('/kurs/trygg-epost');
    await screen.findByRole('heading', { level: 1, name: 'Trygg e-post' });
    const lessons = within(screen.getByRole('region', { name: 'Leksjoner' })).getAllByRole(
      'listitem',
    );
    expect(lessons[2]!.textContent).toContain('4 min å lese · oppgaven tar 30–60 min');
    expect(lessons[0]!.textContent).toContain('4 min');
    expect(lessons[0]!.textContent).not.toContain('å lese');
  });
});
