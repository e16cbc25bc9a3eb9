// "Begynne på nytt" on the course page: the dialog says what is reset and what is kept, cancel
// changes nothing, and confirming records one reset per lesson in one action, after which the
// course reads as not started while time and the reflection text stay.
import { screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { resetCourseProgress } from '../../src/client-core/db/course-reset';
import { storeCourse } from '../../src/client-core/db/courses';
import { db } from '../../src/client-core/db/db';
import {
  addTimeSpent,
  completeLesson,
  saveReflection,
  toggleChecklistItem,
} from '../../src/client-core/db/learner-actions';
import { getCourseProgress, getLessonProgress } from '../../src/client-core/db/progress';
import { secondsSpent } from '../../src/shared/progress';
import { tryggEpost } from '../utils/bundles';
import { renderApp, setupAppTests, stubApi } from '../utils/app';

setupAppTests();

const COURSE = 'trygg-epost';

describe('resetting a course', () => {
  it('is not offered before the learner has done anything in the course', async () => {
    stubApi({ bundles: [tryggEpost] });
    await storeCourse(tryggEpost);
    renderApp(`/kurs/${COURSE}`);
    await screen.findByRole('heading', { name: 'Leksjoner' });
    expect(screen.queryByRole('button', { name: 'Nullstill fremgangen i kurset' })).toBeNull();
  });

  it('says what is reset and what is kept; cancel changes nothing', async () => {
    stubApi({ bundles: [tryggEpost] });
    await storeCourse(tryggEpost);
    await completeLesson(COURSE, 'kjenn-igjen-svindel');
    renderApp(`/kurs/${COURSE}`);
    const button = await screen.findByRole('button', { name: 'Nullstill fremgangen i kurset' });
    button.click();
    const dialog = await screen.findByRole('dialog', {
      name: 'Nullstille fremgangen i «Trygg e-post»?',
    });
    const text = dialog.textContent ?? '';
    expect(text).toContain('hvilke leksjoner som er fullført, og hvor langt du har lest');
    expect(text).toContain('svarene og resultatene i quizene');
    expect(text).toContain('avkryssingene i sjekklistene');
    expect(text).toContain('det du har skrevet i refleksjonene');
    expect(text).toContain('tiden du har brukt');
    expect(text).toContain('på de andre enhetene dine også');
    within(dialog).getByRole('button', { name: 'Avbryt' }).click();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await db.outbox.toArray()).filter((e) => e.type === 'lesson.reset').length).toBe(0);
    expect((await getLessonProgress(COURSE, 'kjenn-igjen-svindel'))?.completedAt).not.toBeNull();
  });

  it('confirmed: the course reads as not started, time and reflection stay', async () => {
    stubApi({ bundles: [tryggEpost] });
    await storeCourse(tryggEpost);
    await completeLesson(COURSE, 'kjenn-igjen-svindel');
    await toggleChecklistItem(COURSE, 'sjekk-rutinene', 'tofaktor', true);
    await saveReflection(COURSE, 'hva-gjor-dere', 'Vi ringer alltid tilbake.');
    await addTimeSpent(COURSE, 'kjenn-igjen-svindel', 120);
    renderApp(`/kurs/${COURSE}`);
    const bar = await screen.findByRole('progressbar', { name: 'Kursfremdrift' });
    expect(bar.getAttribute('aria-valuenow')).not.toBe('0');

    (await screen.findByRole('button', { name: 'Nullstill fremgangen i kurset' })).click();
    const dialog = await screen.findByRole('dialog');
    within(dialog).getByRole('button', { name: 'Nullstill kurset' }).click();

    expect(
      await screen.findByText('Fremgangen i kurset er nullstilt. Du kan begynne på nytt.'),
    ).toBeTruthy();
    await waitFor(() =>
      expect(
        screen.getByRole('progressbar', { name: 'Kursfremdrift' }).getAttribute('aria-valuenow'),
      ).toBe('0'),
    );
    expect(screen.queryByRole('button', { name: 'Nullstill fremgangen i kurset' })).toBeNull();
    expect(screen.queryAllByText('Fullført')).toHaveLength(0);
    // Not started any more: the course page offers to start, not to continue.
    expect(await screen.findByRole('link', { name: 'Start kurset' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Fortsett' })).toBeNull();

    // One reset event per lesson of the course, and nothing else, recorded together.
    const resets = (await db.outbox.toArray()).filter((e) => e.type === 'lesson.reset');
    expect(resets.map((e) => e.lessonId).sort()).toEqual(
      tryggEpost.lessons.map((l) => l.id).sort(),
    );
    const progress = await getCourseProgress(COURSE);
    expect(progress.get('kjenn-igjen-svindel')?.completedAt).toBeNull();
    expect(progress.get('sjekk-rutinene')?.checklist).toEqual({});
    expect(progress.get('hva-gjor-dere')?.reflection?.value).toBe('Vi ringer alltid tilbake.');
    expect(secondsSpent(progress.get('kjenn-igjen-svindel')!)).toBe(120);
  });

  it('what the learner does after a reset counts again', async () => {
    await storeCourse(tryggEpost);
    await completeLesson(COURSE, 'kjenn-igjen-svindel');
    await resetCourseProgress(COURSE, ['kjenn-igjen-svindel']);
    expect((await getLessonProgress(COURSE, 'kjenn-igjen-svindel'))?.completedAt).toBeNull();
    const events = await completeLesson(COURSE, 'kjenn-igjen-svindel');
    expect(events.map((e) => e.type)).toContain('lesson.completed');
    expect((await getLessonProgress(COURSE, 'kjenn-igjen-svindel'))?.completedAt).not.toBeNull();
  });
});
