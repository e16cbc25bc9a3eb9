import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { getDownloadSettings, getSetting, setSetting } from '../../src/client-core/db/settings';
import { loadInitialLanguage } from '../../src/app/state/language';
import { loadInitialTextSize } from '../../src/app/state/text-size';
import { renderApp, setupAppTests, stubApi } from '../utils/app';
import { stubConnection } from '../utils/browser';

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

describe('text size', () => {
  it('scales the whole layout at once through the root font-size, and remembers the choice', async () => {
    stubApi({});
    const { state } = renderApp('/innstillinger');
    const group = screen.getByRole('group', { name: 'Tekststørrelse' });
    const normal = within(group).getByRole('radio', { name: 'Normal' }) as HTMLInputElement;
    expect(normal.checked).toBe(true);
    expect(document.documentElement.dataset.textSize).toBeUndefined();

    fireEvent.click(within(group).getByRole('radio', { name: 'Størst' }));
    await waitFor(() => expect(document.documentElement.dataset.textSize).toBe('largest'));
    expect(state.textSize.textSize.value).toBe('largest');
    expect(await screen.findByText('Tekststørrelsen er endret.')).toBeTruthy();
    await waitFor(async () => expect(await getSetting('textSize', null)).toBe('largest'));
    expect(await loadInitialTextSize()).toBe('largest');

    fireEvent.click(within(group).getByRole('radio', { name: 'Normal' }));
    await waitFor(() => expect(document.documentElement.dataset.textSize).toBeUndefined());
    await waitFor(async () => expect(await loadInitialTextSize()).toBe('normal'));
  });

  it('starts at normal when nothing, or something unknown, is stored', async () => {
    expect(await loadInitialTextSize()).toBe('normal');
    await setSetting('textSize', 'huge');
    expect(await loadInitialTextSize()).toBe('normal');
  });
});

describe('download settings', () => {
  it('downloads started courses automatically by default, and remembers a change', async () => {
    stubApi({});
    renderApp('/innstillinger');
    const group = screen.getByRole('group', { name: 'Nedlasting' });
    const auto = within(group).getByRole('checkbox', {
      name: 'Last ned kurs automatisk når jeg starter dem',
    }) as HTMLInputElement;
    await waitFor(() => expect(auto.disabled).toBe(false));
    expect(auto.checked).toBe(true);
    // jsdom has no navigator.connection: "only on Wi-Fi" cannot apply, and says so.
    const wifi = within(group).getByRole('checkbox', { name: 'Bare på Wi-Fi' }) as HTMLInputElement;
    expect(wifi.disabled).toBe(true);
    expect(wifi.getAttribute('aria-describedby')).toBe('wifi-unknown');
    expect(
      screen.getByText(
        'Denne enheten sier ikke fra om den er koblet til Wi-Fi, så «Bare på Wi-Fi» kan ikke brukes her.',
      ),
    ).toBeTruthy();

    fireEvent.click(auto);
    await waitFor(async () => expect((await getDownloadSettings()).auto).toBe(false));
    expect(await screen.findByText('Innstillingen er lagret.')).toBeTruthy();
  });

  it('offers "only on Wi-Fi" where the device reports its connection', async () => {
    stubConnection('cellular');
    stubApi({});
    renderApp('/innstillinger');
    const wifi = screen.getByRole('checkbox', { name: 'Bare på Wi-Fi' }) as HTMLInputElement;
    await waitFor(() => expect(wifi.disabled).toBe(false));
    expect(wifi.checked).toBe(false);
    fireEvent.click(wifi);
    await waitFor(async () => expect((await getDownloadSettings()).wifiOnly).toBe(true));
  });
});
