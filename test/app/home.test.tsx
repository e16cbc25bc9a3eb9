import { screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { storeCourse } from '../../src/client-core/db/courses';
import { completeLesson, openLesson } from '../../src/client-core/db/learner-actions';
import { kontorNn, tryggEpost } from '../utils/bundles';
import { renderApp, setupAppTests, stubApi } from '../utils/app';

setupAppTests();

describe('home', () => {
  it('invites a new learner to the catalogue', async () => {
    stubApi({ bundles: [tryggEpost] });
    renderApp('/');
    expect(screen.getByRole('heading', { level: 1, name: 'Dine kurs' })).toBeTruthy();
    expect(
      await screen.findByRole('heading', { name: 'Du har ikke begynt på noe kurs ennå' }),
    ).toBeTruthy();
    screen.getByRole('link', { name: 'Se alle kurs' }).click();
    expect(await screen.findByRole('heading', { level: 1, name: 'Alle kurs' })).toBeTruthy();
    expect(location.pathname).toBe('/kurs');
  });

  it('continues the most recent course at its next lesson', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    await storeCourse(kontorNn);
    await openLesson('berekraftig-kontor', 'skru-av');
    await new Promise((r) => setTimeout(r, 5));
    await completeLesson('trygg-epost', 'kjenn-igjen-svindel');
    renderApp('/');

    const card = await screen.findByRole('region', { name: 'Fortsett der du slapp' });
    expect(within(card).getByText('Trygg e-post')).toBeTruthy();
    expect(within(card).getByText('Neste leksjon: Test deg selv')).toBeTruthy();
    const started = screen.getByRole('region', { name: 'Kurs du har begynt på' });
    const bars = within(started).getAllByRole('progressbar');
    expect(bars.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Fremdrift i Trygg e-post',
      'Fremdrift i Berekraftig kontor',
    ]);
    expect(bars[0].getAttribute('aria-valuenow')).toBe('25');

    within(card).getByRole('link', { name: 'Fortsett' }).click();
    expect(await screen.findByRole('heading', { level: 1, name: 'Test deg selv' })).toBeTruthy();
    expect(location.pathname).toBe('/kurs/trygg-epost/test-deg-selv');
  });

  it('does not offer to continue a finished course', async () => {
    stubApi({});
    await storeCourse(kontorNn);
    await completeLesson('berekraftig-kontor', 'skru-av');
    renderApp('/');
    const started = await screen.findByRole('region', { name: 'Kurs du har begynt på' });
    expect(within(started).getByText('Fullført!')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Fortsett der du slapp' })).toBeNull();
  });
});
