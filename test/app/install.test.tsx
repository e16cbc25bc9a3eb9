// Installation: the browser's prompt behind "Installer Lommekurs" (on home and settings), the
// steps for iPhone and iPad, nothing once installed; persistent storage is asked for after.
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp, setupAppTests, stubApi } from '../utils/app';
import { stubStorage } from '../utils/browser';
import { installPromptEvent } from '../utils/install-prompt';

setupAppTests();

let stop = () => {};
afterEach(() => stop());

function start(url: string) {
  stubApi({});
  const view = renderApp(url);
  stop = view.state.install.start();
  return view;
}

describe('installation', () => {
  it('keeps the browser prompt for the button and hides the button once installed', async () => {
    const { storage } = stubStorage({ persisted: false, grant: true });
    start('/');
    expect(screen.queryByRole('button', { name: 'Installer Lommekurs' })).toBeNull();
    const event = installPromptEvent('accepted');
    window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    const button = await screen.findByRole('button', { name: 'Installer Lommekurs' });
    expect(screen.getByRole('region', { name: 'Installer appen' })).toBeTruthy();
    fireEvent.click(button);
    expect(event.prompt).toHaveBeenCalledTimes(1);
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Installer Lommekurs' })).toBeNull(),
    );
    window.dispatchEvent(new Event('appinstalled'));
    await waitFor(() => expect(storage.persist).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('region', { name: 'Installer appen' })).toBeNull();
  });

  it('is offered in settings too, and again after the learner declined', async () => {
    const { state } = start('/innstillinger');
    window.dispatchEvent(installPromptEvent('dismissed'));
    fireEvent.click(await screen.findByRole('button', { name: 'Installer Lommekurs' }));
    await waitFor(() => expect(state.install.offer.value).toBe('none'));
    window.dispatchEvent(installPromptEvent('accepted'));
    expect(await screen.findByRole('button', { name: 'Installer Lommekurs' })).toBeTruthy();
  });

  it('explains Share → Add to Home Screen on an iPhone', async () => {
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
    );
    start('/');
    expect(
      await screen.findByText(
        'Slik installerer du på iPhone eller iPad: Trykk på Del-knappen, og velg «Legg til på Hjem-skjerm».',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Installer Lommekurs' })).toBeNull();
  });

  it('offers nothing when running as an installed app', async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query === '(display-mode: standalone)',
    }));
    const { state } = start('/');
    window.dispatchEvent(installPromptEvent('accepted'));
    await new Promise((r) => setTimeout(r, 10));
    expect(state.install.offer.value).toBe('installed');
    expect(screen.queryByRole('region', { name: 'Installer appen' })).toBeNull();
  });
});
