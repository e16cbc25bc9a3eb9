// The update prompt: a fake Workbox (the part of workbox-window the app uses) announces a waiting
// worker; nothing happens until the learner presses "Oppdater", and the page reloads only once
// the new worker controls it.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { storeCourse } from '../../src/client-core/db/courses';
import { startServiceWorker } from '../../src/app/offline/service-worker';
import { renderApp, setupAppTests, stubApi } from '../utils/app';
import { tryggEpost } from '../utils/bundles';
import { FakeWorkbox } from '../utils/fake-workbox';

setupAppTests();

function start(url: string) {
  stubApi({});
  const view = renderApp(url);
  const workbox = new FakeWorkbox();
  const reload = vi.fn();
  startServiceWorker(view.state.update, { workbox, reload });
  return { ...view, workbox, reload };
}

const banner = () => screen.getByRole('banner');

describe('a new version of the app', () => {
  it('is announced, and applied only when the learner presses "Oppdater"', async () => {
    const { workbox, reload } = start('/');
    expect(workbox.register).toHaveBeenCalledTimes(1);
    expect(within(banner()).queryByRole('button', { name: 'Oppdater' })).toBeNull();

    workbox.emit('waiting');
    expect(await within(banner()).findByText('Ny versjon er klar')).toBeTruthy();
    const update = within(banner()).getByRole('button', { name: 'Oppdater' });
    await new Promise((r) => setTimeout(r, 20));
    expect(workbox.messageSkipWaiting).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();

    fireEvent.click(update);
    expect(workbox.messageSkipWaiting).toHaveBeenCalledTimes(1);
    expect(reload).not.toHaveBeenCalled();
    await waitFor(() =>
      expect(within(banner()).getByRole('button', { name: 'Oppdaterer …' })).toBeTruthy(),
    );
    workbox.emit('controlling');
    expect(reload).toHaveBeenCalledTimes(1);
    workbox.emit('controlling');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('never interrupts a lesson: the banner shows, nothing else happens', async () => {
    await storeCourse(tryggEpost);
    const { workbox, reload } = start('/kurs/trygg-epost/kjenn-igjen-svindel');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Kjenn igjen svindel' }),
    ).toBeTruthy();
    workbox.emit('waiting');
    expect(await within(banner()).findByRole('button', { name: 'Oppdater' })).toBeTruthy();
    workbox.emit('controlling', { isUpdate: false });
    await new Promise((r) => setTimeout(r, 20));
    expect(workbox.messageSkipWaiting).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
    expect(screen.getByRole('heading', { level: 1, name: 'Kjenn igjen svindel' })).toBeTruthy();
  });

  it('"Ikke nå" hides the banner for the session and keeps the old version', async () => {
    const { workbox, reload, state } = start('/');
    workbox.emit('waiting');
    fireEvent.click(await within(banner()).findByRole('button', { name: 'Ikke nå' }));
    await waitFor(() => expect(within(banner()).queryByText('Ny versjon er klar')).toBeNull());
    workbox.emit('waiting');
    await new Promise((r) => setTimeout(r, 20));
    expect(within(banner()).queryByRole('button', { name: 'Oppdater' })).toBeNull();
    expect(state.update.status.value).toBe('dismissed');
    expect(workbox.messageSkipWaiting).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
  });

  it('offers a reload when another tab took the new version into use', async () => {
    const { workbox, reload } = start('/');
    workbox.emit('controlling', { isUpdate: true });
    fireEvent.click(await within(banner()).findByRole('button', { name: 'Oppdater' }));
    expect(workbox.messageSkipWaiting).not.toHaveBeenCalled();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('is not registered outside a production build', () => {
    stubApi({});
    const { state } = renderApp('/');
    startServiceWorker(state.update);
    expect(state.update.status.value).toBe('none');
    // No worker connected: the learner's click can do nothing, and there is nothing to ask.
    state.update.applyUpdate();
    expect(state.update.status.value).toBe('none');
  });
});
