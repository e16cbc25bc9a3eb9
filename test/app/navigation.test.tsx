import { screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { storeCourse } from '../../src/client-core/db/courses';
import { tryggEpost } from '../utils/bundles';
import { renderApp, setupAppTests, stubApi } from '../utils/app';

setupAppTests();

describe('app shell and navigation', () => {
  it('has landmarks, a skip link and one h1, and marks the current page', async () => {
    stubApi({});
    renderApp('/');
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('main').id).toBe('main');
    const skip = screen.getByRole('link', { name: 'Hopp til innholdet' });
    expect(skip.getAttribute('href')).toBe('#main');
    const nav = screen.getByRole('navigation', { name: 'Hovedmeny' });
    expect(within(nav).getByRole('link', { name: 'Hjem' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    await waitFor(() => expect(document.title).toBe('Dine kurs – Lommekurs'));

    within(nav).getByRole('link', { name: 'Innstillinger' }).click();
    const h1 = await screen.findByRole('heading', { level: 1, name: 'Innstillinger' });
    await waitFor(() => expect(document.activeElement).toBe(h1));
    expect(
      within(nav).getByRole('link', { name: 'Innstillinger' }).getAttribute('aria-current'),
    ).toBe('page');
    expect(within(nav).getByRole('link', { name: 'Hjem' }).getAttribute('aria-current')).toBeNull();
  });

  it('shows a not-found screen for unknown paths', async () => {
    stubApi({});
    renderApp('/finnes/ikke/her');
    expect(screen.getByRole('heading', { level: 1, name: 'Fant ikke siden' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Gå til forsiden' }).getAttribute('href')).toBe('/');
  });

  it('links lessons to their neighbours and back to the course', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    renderApp('/kurs/trygg-epost/sjekk-rutinene');
    await screen.findByRole('heading', { level: 1, name: 'Sjekk rutinene' });
    expect(screen.getByText('Leksjon 3 av 4')).toBeTruthy();
    const pager = screen.getByRole('navigation', { name: 'Leksjoner' });
    expect(
      within(pager).getByRole('link', { name: 'Forrige: Test deg selv' }).getAttribute('href'),
    ).toBe('/kurs/trygg-epost/test-deg-selv');
    within(pager).getByRole('link', { name: 'Neste: Hva gjør dere?' }).click();
    expect(await screen.findByRole('heading', { level: 1, name: 'Hva gjør dere?' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Leksjoner' }).textContent).not.toContain(
      'Neste',
    );

    screen.getByRole('link', { name: 'Trygg e-post' }).click();
    expect(await screen.findByRole('heading', { level: 1, name: 'Trygg e-post' })).toBeTruthy();
    expect(location.pathname).toBe('/kurs/trygg-epost');
  });

  it('says so when a lesson is not in the course', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    renderApp('/kurs/trygg-epost/borte');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Fant ikke leksjonen' }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Tilbake til kurset' }).getAttribute('href')).toBe(
      '/kurs/trygg-epost',
    );
  });

  // Every screen is a chunk of its own (issue 13): one that cannot be loaded — offline before the
  // service worker cached it — shows the chunk-error screen, focused like any other page.
  it('shows the chunk-error screen when a screen chunk cannot be loaded', async () => {
    vi.resetModules();
    vi.doMock('../../src/app/screens/SettingsScreen', () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    try {
      // Fresh modules: the setup loaded the real chunk into the shared ones.
      const fresh = await import('../utils/app');
      fresh.stubApi({});
      fresh.renderApp('/');
      await screen.findByRole('heading', { level: 1, name: 'Dine kurs' });
      screen.getByRole('link', { name: 'Innstillinger' }).click();
      const h1 = await screen.findByRole('heading', { level: 1, name: 'Kunne ikke åpne siden' });
      await waitFor(() => expect(document.activeElement).toBe(h1));
      expect(screen.getByRole('navigation', { name: 'Hovedmeny' })).toBeTruthy();
    } finally {
      vi.doUnmock('../../src/app/screens/SettingsScreen');
    }
  });
});
