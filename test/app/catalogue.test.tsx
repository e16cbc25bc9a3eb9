import { screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { storeCourse } from '../../src/client-core/db/courses';
import { completeLesson } from '../../src/client-core/db/learner-actions';
import { kontorNn, tryggEpost } from '../utils/bundles';
import { renderApp, setupAppTests, stubApi } from '../utils/app';

setupAppTests();

describe('catalogue', () => {
  it('lists the courses fetched from the API with their facts', async () => {
    const fetchMock = stubApi({ bundles: [tryggEpost, kontorNn] });
    renderApp('/kurs');
    expect(screen.getByRole('heading', { level: 1, name: 'Alle kurs' })).toBeTruthy();
    const link = await screen.findByRole('link', { name: 'Trygg e-post' });
    expect(link.getAttribute('href')).toBe('/kurs/trygg-epost');
    const card = link.closest('li')!;
    const text = card.textContent!.replace(/\s+/g, ' ');
    expect(text).toContain('Kjenn igjen svindel-e-post og lag gode rutiner i bedriften.');
    expect(text).toContain('4 leksjoner');
    expect(text).toContain('14 min');
    expect(text).toContain('Språk: bokmål');
    expect(text).toMatch(/Størrelse: 1,\d\sMB/);
    expect(screen.getByRole('link', { name: 'Berekraftig kontor' })).toBeTruthy();
    expect(screen.getByText('1 leksjon', { exact: false })).toBeTruthy();
    expect(screen.getByText('Språk: nynorsk')).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/courses', expect.anything());
    await waitFor(() => expect(document.title).toBe('Alle kurs – Lommekurs'));
  });

  it('shows progress for a started course', async () => {
    stubApi({ bundles: [tryggEpost, kontorNn] });
    await storeCourse(tryggEpost);
    await completeLesson('trygg-epost', 'kjenn-igjen-svindel');
    renderApp('/kurs');
    const bar = await screen.findByRole('progressbar', { name: 'Fremdrift i Trygg e-post' });
    expect(bar.getAttribute('aria-valuenow')).toBe('25');
    expect(screen.getAllByRole('progressbar')).toHaveLength(1);
  });

  it('falls back to the stored courses, with a sentence, when offline', async () => {
    stubApi({ catalogue: 'offline' });
    await storeCourse(kontorNn);
    const { state } = renderApp('/kurs');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'Kurslista kan ikke hentes nå. Her er kursene som er lagret på enheten.',
    );
    const stored = await screen.findByRole('region', { name: 'Kurs lagret på enheten' });
    expect(await within(stored).findByRole('link', { name: 'Berekraftig kontor' })).toBeTruthy();
    expect(state.connectivity.online.value).toBe(false);
    const banner = screen.getByRole('banner');
    expect(within(banner).getByRole('status').textContent).toBe('Frakoblet');

    // Back online: "Prøv igjen" fetches the catalogue.
    stubApi({ bundles: [tryggEpost, kontorNn] });
    within(alert).getByRole('button', { name: 'Prøv igjen' }).click();
    expect(await screen.findByRole('link', { name: 'Trygg e-post' })).toBeTruthy();
    expect(state.connectivity.online.value).toBe(true);
    expect(within(banner).getByRole('status').textContent).toBe('');
  });

  it('says what went wrong on an HTTP error', async () => {
    stubApi({ catalogue: { status: 503 } });
    renderApp('/kurs');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'Tjeneren svarte med en feil (kode 503). Prøv igjen senere.',
    );
    expect(await screen.findByText('Ingen kurs er lagret på enheten ennå.')).toBeTruthy();
  });
});
