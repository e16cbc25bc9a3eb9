import { screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { getStoredCourse, storeCourse } from '../../src/client-core/db/courses';
import { completeLesson, openLesson } from '../../src/client-core/db/learner-actions';
import { tryggEpost } from '../utils/bundles';
import { renderApp, setupAppTests, stubApi } from '../utils/app';

setupAppTests();

const progressbar = () => screen.getByRole('progressbar', { name: 'Kursfremdrift' });

describe('course page', () => {
  it('fetches and stores a course on first visit, then shows it', async () => {
    const fetchMock = stubApi({ bundles: [tryggEpost] });
    renderApp('/kurs/trygg-epost');
    expect(await screen.findByRole('heading', { level: 1, name: 'Trygg e-post' })).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/courses/trygg-epost', expect.anything());
    expect((await getStoredCourse('trygg-epost'))?.version).toBe(3);
    expect(
      screen.getByText('Kjenn igjen svindel-e-post og lag gode rutiner i bedriften.'),
    ).toBeTruthy();
    expect(screen.getByText('For: Ledere i små bedrifter')).toBeTruthy();
    expect(progressbar().getAttribute('aria-valuenow')).toBe('0');
    expect(screen.getByRole('link', { name: 'Start kurset' }).getAttribute('href')).toBe(
      '/kurs/trygg-epost/kjenn-igjen-svindel',
    );
    await waitFor(() => expect(document.title).toBe('Trygg e-post – Lommekurs'));

    const lessons = within(screen.getByRole('region', { name: 'Leksjoner' })).getAllByRole(
      'listitem',
    );
    expect(lessons).toHaveLength(4);
    expect(lessons[1].textContent).toContain('Test deg selv');
    expect(lessons[1].textContent).toContain('Quiz');
    expect(lessons[1].textContent).toContain('3 min');
    expect(lessons[1].textContent).toContain('Ikke startet');
    expect(lessons[2].textContent).toContain('Sjekkliste');
    expect(lessons[3].textContent).toContain('Refleksjon');

    const sources = screen.getByRole('region', { name: 'Kilder' });
    expect(
      within(sources).getByRole('link', { name: 'Nasjonal sikkerhetsmyndighet: Grunnprinsipper' }),
    ).toBeTruthy();
    expect(within(sources).getByText('Egen erfaring fra næringshagen')).toBeTruthy();
  });

  it('is played from the device when offline', async () => {
    stubApi({ catalogue: 'offline', bundle: { 'trygg-epost': 'offline' } });
    await storeCourse(tryggEpost);
    renderApp('/kurs/trygg-epost');
    expect(await screen.findByRole('heading', { level: 1, name: 'Trygg e-post' })).toBeTruthy();
  });

  it('shows the percentage, lesson states and where to continue', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    await completeLesson('trygg-epost', 'kjenn-igjen-svindel');
    await openLesson('trygg-epost', 'test-deg-selv');
    renderApp('/kurs/trygg-epost');
    await screen.findByRole('heading', { level: 1, name: 'Trygg e-post' });
    expect(progressbar().getAttribute('aria-valuenow')).toBe('25');
    expect(progressbar().getAttribute('aria-valuetext')).toMatch(/^25\s%\sfullført$/);
    const lessons = within(screen.getByRole('region', { name: 'Leksjoner' })).getAllByRole(
      'listitem',
    );
    expect(lessons[0].textContent).toContain('Fullført');
    expect(lessons[1].textContent).toContain('Påbegynt');
    expect(lessons[2].textContent).toContain('Ikke startet');
    const resume = screen.getByRole('link', { name: 'Fortsett' });
    expect(resume.getAttribute('href')).toBe('/kurs/trygg-epost/test-deg-selv');
    expect(screen.getByText('Neste: Test deg selv')).toBeTruthy();
    expect(screen.queryByText('Fullført!')).toBeNull();
  });

  it('shows the finished state when every lesson is completed', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    for (const lesson of tryggEpost.lessons) await completeLesson('trygg-epost', lesson.id);
    renderApp('/kurs/trygg-epost');
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Du har fullført kurset!' }),
    ).toBeTruthy();
    expect(progressbar().getAttribute('aria-valuenow')).toBe('100');
    expect(screen.queryByRole('link', { name: 'Fortsett' })).toBeNull();
    const today = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'long' }).format(Date.now());
    expect(screen.getByText(`Fullført ${today}.`)).toBeTruthy();
  });

  it('explains a failed download and retries', async () => {
    stubApi({ bundle: { 'trygg-epost': 'offline' } });
    renderApp('/kurs/trygg-epost');
    const alert = await screen.findByRole('alert');
    // The request failed for lack of a connection: the course is not on the device, so say that.
    expect(alert.textContent).toContain(
      'Kurset er ikke lastet ned til denne enheten. Koble til nettet for å åpne det.',
    );
    expect(
      screen.getByRole('heading', { level: 1, name: 'Ikke tilgjengelig uten nett' }),
    ).toBeTruthy();
    stubApi({ bundles: [tryggEpost] });
    within(alert).getByRole('button', { name: 'Prøv igjen' }).click();
    expect(await screen.findByRole('heading', { level: 1, name: 'Trygg e-post' })).toBeTruthy();
  });

  it('says so when the course does not exist', async () => {
    stubApi({});
    renderApp('/kurs/finnes-ikke');
    expect(await screen.findByRole('heading', { level: 1, name: 'Fant ikke kurset' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Til alle kurs' })).toBeTruthy();
  });

  it('rejects a payload it cannot play', async () => {
    stubApi({ bundle: { 'trygg-epost': { ...tryggEpost, format: 2 } } });
    renderApp('/kurs/trygg-epost');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Svaret fra tjeneren var ikke slik appen ventet.');
    await waitFor(async () => expect(await getStoredCourse('trygg-epost')).toBeUndefined());
  });
});
