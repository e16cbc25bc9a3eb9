// The install store: the browser's prompt kept for the learner's click, the iOS steps, nothing
// once installed, and persistent storage asked for after installation.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createInstallStore } from '../../../src/app/offline/install';
import { installPromptEvent } from '../../utils/install-prompt';

let stop = () => {};
afterEach(() => {
  stop();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

function started() {
  const persistence = { requestPersistence: vi.fn(async () => true) };
  const store = createInstallStore(persistence);
  stop = store.start();
  return { store, persistence };
}

describe('the install store', () => {
  it('offers nothing before the browser does, and promptInstall then does nothing', async () => {
    const { store } = started();
    expect(store.offer.value).toBe('none');
    await store.promptInstall();
    expect(store.offer.value).toBe('none');
  });

  it('keeps the prompt event for promptInstall, uses it once, and records an acceptance', async () => {
    const { store, persistence } = started();
    const event = installPromptEvent('accepted');
    dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(store.offer.value).toBe('prompt');
    await store.promptInstall();
    expect(event.prompt).toHaveBeenCalledTimes(1);
    expect(store.offer.value).toBe('installed');
    await store.promptInstall();
    expect(event.prompt).toHaveBeenCalledTimes(1);
    dispatchEvent(new Event('appinstalled'));
    expect(persistence.requestPersistence).toHaveBeenCalledTimes(1);
  });

  it('a declined prompt offers nothing until the browser sends a new event', async () => {
    const { store } = started();
    dispatchEvent(installPromptEvent('dismissed'));
    await store.promptInstall();
    expect(store.offer.value).toBe('none');
    dispatchEvent(installPromptEvent('accepted'));
    expect(store.offer.value).toBe('prompt');
  });

  it('iPhone: the steps; installed app: nothing, whatever the browser sends', () => {
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15',
    );
    expect(started().store.offer.value).toBe('ios');
    stop();
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query === '(display-mode: standalone)',
    }));
    const { store } = started();
    expect(store.offer.value).toBe('installed');
    dispatchEvent(installPromptEvent('accepted'));
    expect(store.offer.value).toBe('installed');
  });

  it('stops listening', () => {
    const { store } = started();
    stop();
    dispatchEvent(installPromptEvent('accepted'));
    expect(store.offer.value).toBe('none');
  });
});
