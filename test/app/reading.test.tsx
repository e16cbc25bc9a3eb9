import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { storeCourse } from '../../src/client-core/db/courses';
import { recordPosition } from '../../src/client-core/db/learner-actions';
import { getLessonProgress } from '../../src/client-core/db/progress';
import { kontorNn, tryggEpost } from '../utils/bundles';
import { renderApp, setupAppTests, stubApi } from '../utils/app';

setupAppTests();

describe('reading lesson', () => {
  it('is marked as read, completes the course and shows 100 %', async () => {
    stubApi({});
    await storeCourse(kontorNn);
    renderApp('/kurs/berekraftig-kontor/skru-av');
    expect(await screen.findByRole('heading', { level: 1, name: 'Skru av' })).toBeTruthy();
    expect(await screen.findByText('Skru av skjermane når de går heim.')).toBeTruthy();
    // Opening is recorded.
    await waitFor(async () =>
      expect((await getLessonProgress('berekraftig-kontor', 'skru-av'))?.openedAt).not.toBeNull(),
    );
    screen.getByRole('button', { name: 'Merk som lest' }).click();

    const done = await screen.findByRole('heading', { level: 2, name: 'Du har fullført kurset!' });
    await waitFor(() => expect(document.activeElement).toBe(done));
    const bar = screen.getByRole('progressbar', { name: 'Kursfremdrift' });
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('100'));
    const progress = await getLessonProgress('berekraftig-kontor', 'skru-av');
    expect(progress?.completedAt).not.toBeNull();
    expect(progress?.furthest).toBe(1);
    expect(screen.queryByRole('button', { name: 'Merk som lest' })).toBeNull();

    screen.getByRole('link', { name: 'Tilbake til kurset' }).click();
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Du har fullført kurset!' }),
    ).toBeTruthy();
  });

  it('offers the next lesson after completion', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    renderApp('/kurs/trygg-epost/kjenn-igjen-svindel');
    (await screen.findByRole('button', { name: 'Merk som lest' })).click();
    expect(await screen.findByRole('heading', { name: 'Leksjonen er fullført' })).toBeTruthy();
    expect(screen.getByText('Du har lest denne leksjonen.')).toBeTruthy();
    screen.getByRole('link', { name: 'Neste leksjon' }).click();
    expect(await screen.findByRole('heading', { level: 1, name: 'Test deg selv' })).toBeTruthy();
    // Focus follows navigation to the new screen's heading.
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 })),
    );
  });

  it('records the scroll position, throttled, and resumes there', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    await recordPosition('trygg-epost', 'kjenn-igjen-svindel', 0.4);
    const scrollTo = vi.fn();
    vi.stubGlobal('scrollTo', scrollTo);
    renderApp('/kurs/trygg-epost/kjenn-igjen-svindel');
    await screen.findByRole('button', { name: 'Merk som lest' });
    // Resumed: jsdom has no layout, so the target is 0 + 0.4 × 1 − innerHeight, clamped to 0.
    await waitFor(() => expect(scrollTo).toHaveBeenCalledWith({ top: 0, behavior: 'instant' }));

    // jsdom lays nothing out, so the whole (empty) text is in view: position 1.
    fireEvent.scroll(window);
    await waitFor(async () =>
      expect((await getLessonProgress('trygg-epost', 'kjenn-igjen-svindel'))?.resume?.value).toBe(
        1,
      ),
    );
  });
});
