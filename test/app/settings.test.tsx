import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { getSetting, setSetting } from '../../src/app/db/settings';
import { loadInitialLanguage } from '../../src/app/state/app-state';
import { renderApp, setupAppTests, stubApi } from '../utils/app';

setupAppTests();

describe('language', () => {
  it('switches the whole interface at once and remembers the choice', async () => {
    stubApi({});
    const { state } = renderApp('/innstillinger');
    expect(screen.getByRole('heading', { level: 1, name: 'Innstillinger' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('nb');
    const group = screen.getByRole('group', { name: 'Språk' });
    expect(group).toBeTruthy();
    expect((screen.getByRole('radio', { name: 'Norsk bokmål' }) as HTMLInputElement).checked).toBe(
      true,
    );

    fireEvent.click(screen.getByRole('radio', { name: 'Norsk nynorsk' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Innstillingar' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Heim' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Hovudmeny' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('nn');
    await waitFor(async () => expect(await getSetting('language', null)).toBe('nn'));
    expect(await screen.findByText('Språket er endra.')).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Skip to content' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Settings – Lommekurs'));
    expect(document.documentElement.lang).toBe('en');
    await waitFor(async () => expect(await getSetting('language', null)).toBe('en'));
    expect(state.language.value).toBe('en');
  });

  it('starts in the stored language, else the browser language', async () => {
    vi.stubGlobal('navigator', { ...navigator, languages: ['nn-NO', 'nb'], onLine: true });
    expect(await loadInitialLanguage()).toBe('nn');
    vi.stubGlobal('navigator', { ...navigator, languages: ['fr-FR'], onLine: true });
    expect(await loadInitialLanguage()).toBe('nb');
    await setSetting('language', 'en');
    expect(await loadInitialLanguage()).toBe('en');
  });
});
