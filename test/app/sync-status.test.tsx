// The sync status under the header, with the real SyncController against the real server in
// process, faults injected at the network: signed out it says where progress is and links to
// the account; signed in it counts pending changes, shows the last sync, runs "Synkroniser nå",
// and has one sentence per problem — offline, server (with the retry time), signed out (401),
// update required (426, through the app's update prompt), refused events. The outbox is kept
// through every problem.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/client-core/db/db';
import { completeLesson } from '../../src/client-core/db/learner-actions';
import { createI18n } from '../../src/app/i18n';
import { startServiceWorker } from '../../src/app/offline/service-worker';
import { stubApi } from '../utils/app';
import { FakeWorkbox } from '../utils/fake-workbox';
import { dumpSyncTables } from '../utils/learners';
import {
  EMAIL,
  PASSWORD,
  registerKari,
  renderWithServer,
  setupSyncUiTests,
} from '../utils/sync-ui';

const harness = setupSyncUiTests();
const { time } = createI18n('nb');

const statusLine = () => screen.getByRole('region', { name: 'Synkronisering' });
const problems = () => within(statusLine()).getByRole('status');
const serverEvents = async () => (await dumpSyncTables(harness().server.db)).events.length;

/** Kari signed in with the home screen open, everything synced, and a completed lesson (one
 * action, two events) waiting: the debounced sync after it waits for a timer the test fires, if
 * ever. */
async function signedInWithPending(options: Parameters<typeof renderWithServer>[2] = {}) {
  stubApi({});
  await registerKari(harness());
  const view = renderWithServer(harness(), '/', options);
  await within(statusLine()).findByText('Alt er synkronisert');
  // The sync the app starts with has ended.
  await within(statusLine()).findByRole('button', { name: 'Synkroniser nå' });
  await completeLesson('kurs', 'l1');
  await within(statusLine()).findByText('1 endring venter');
  return view;
}

const syncNow = () =>
  fireEvent.click(within(statusLine()).getByRole('button', { name: 'Synkroniser nå' }));

describe('sync status', () => {
  it('signed out: progress is on this device, with a link to sign in', async () => {
    stubApi({});
    renderWithServer(harness(), '/');
    await within(statusLine()).findByText('Lagret på denne enheten');
    const link = within(statusLine()).getByRole('link', { name: 'Logg inn for å synkronisere' });
    expect(link.getAttribute('href')).toBe('/konto');
    expect(within(statusLine()).queryByRole('button')).toBeNull();
    fireEvent.click(link);
    await screen.findByRole('heading', { level: 1, name: 'Konto' });
    // The account screen does not repeat it while nobody is signed in.
    expect(screen.queryByRole('region', { name: 'Synkronisering' })).toBeNull();
    expect(harness().requests).toEqual([]);
  });

  it("speaks the learner's language", async () => {
    stubApi({});
    renderWithServer(harness(), '/', { language: 'nn' });
    const line = screen.getByRole('region', { name: 'Synkronisering' });
    await within(line).findByText('Lagra på denne eininga');
    expect(within(line).getByRole('link', { name: 'Logg inn for å synkronisere' })).toBeTruthy();
  });

  it('signed in: pending count, "Synkroniser nå" busy while it runs, then the time of the sync', async () => {
    const { sync } = await signedInWithPending();
    let release = () => {};
    harness().failNext('/api/v1/sync/push', {
      kind: 'hold',
      until: new Promise<void>((resolve) => (release = resolve)),
    });
    syncNow();
    const busy = await within(statusLine()).findByRole('button', { name: 'Synkroniserer …' });
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    expect(await serverEvents()).toBe(0);
    release();
    await within(statusLine()).findByText('Alt er synkronisert');
    await within(statusLine()).findByRole('button', { name: 'Synkroniser nå' });
    const at = sync.status.value.lastSyncedAt!;
    expect(within(statusLine()).getByText(`Sist synkronisert kl. ${time(at)}`)).toBeTruthy();
    expect(await serverEvents()).toBe(2);
    expect(problems().textContent).toBe('');
  });

  it('offline: says it syncs when the network is back, and keeps the changes', async () => {
    // The browser reports no network: the sync stops before any request.
    let offline = false;
    await signedInWithPending({ isOffline: () => offline });
    offline = true;
    syncNow();
    expect(
      await within(problems()).findByText('Frakoblet — synkroniseres når nettet er tilbake'),
    ).toBeTruthy();
    expect(within(statusLine()).getByText('1 endring venter')).toBeTruthy();
    expect(await db.outbox.count()).toBe(2);
  });

  it('server down with the network up: says the server does not answer, not "Frakoblet"', async () => {
    await signedInWithPending();
    harness().failNext('/api/v1/sync/push', { kind: 'network' });
    syncNow();
    await within(problems()).findByText(/^Tjeneren svarer ikke akkurat nå/);
    expect(problems().textContent).not.toContain('Frakoblet');
    expect(within(statusLine()).getByText('1 endring venter')).toBeTruthy();
    expect(await db.outbox.count()).toBe(2);
  });

  it('server error: says when it tries again, and does so then', async () => {
    const { sync, timers } = await signedInWithPending();
    harness().failNext('/api/v1/sync/push', { kind: 'status', status: 503 });
    syncNow();
    await within(problems()).findByText(/^Tjeneren svarer ikke akkurat nå — prøver igjen kl\./);
    const retryAt = sync.status.value.nextRetryAt!;
    expect(problems().textContent).toBe(
      `Tjeneren svarer ikke akkurat nå — prøver igjen kl.\u00a0${time(retryAt)}. Endringene dine er lagret på enheten og sendes når den svarer.`,
    );
    expect(await db.outbox.count()).toBe(2);

    // The retry the scheduler set (the newest timer) goes through.
    while (timers.pending().length > 0) timers.fireNext();
    await within(statusLine()).findByText('Alt er synkronisert');
    await waitFor(() => expect(problems().textContent).toBe(''));
    expect(await serverEvents()).toBe(2);
  });

  it('signed out by the server (401): asks to sign in again, keeps the changes, then syncs them', async () => {
    await signedInWithPending();
    await harness().server.db.deleteFrom('sessions').execute();
    syncNow();
    const link = await within(problems()).findByRole('link', {
      name: 'Logg inn igjen for å synkronisere',
    });
    expect(within(problems()).getByText('Endringene dine er tatt vare på.')).toBeTruthy();
    expect(within(statusLine()).queryByRole('button', { name: 'Synkroniser nå' })).toBeNull();
    expect(await db.outbox.count()).toBe(2);

    fireEvent.click(link);
    const login = await screen.findByRole('region', { name: 'Logg inn' });
    expect(screen.getByText(/^Du er logget ut av kontoen på denne enheten\./)).toBeTruthy();
    fireEvent.input(within(login).getByLabelText('E-postadresse'), { target: { value: EMAIL } });
    fireEvent.input(within(login).getByLabelText(/^Passord/), { target: { value: PASSWORD } });
    fireEvent.click(within(login).getByRole('button', { name: 'Logg inn' }));
    await screen.findByRole('heading', { name: `Logget inn som ${EMAIL}` });
    await within(statusLine()).findByText('Alt er synkronisert');
    expect(await serverEvents()).toBe(2);
  });

  it('update required (426): asks to update through the app update prompt, keeps the changes', async () => {
    const workbox = new FakeWorkbox();
    workbox.onUpdate = () => workbox.emit('waiting');
    const { state } = await signedInWithPending({ schemaVersion: 0 });
    const reload = (): void => undefined;
    startServiceWorker(state.update, { workbox, reload });
    // A version offered earlier and declined: the 426 brings the prompt back.
    workbox.emit('waiting');
    state.update.dismissUpdate();
    expect(state.update.status.value).toBe('dismissed');
    syncNow();
    await within(problems()).findByText('Oppdater appen for å synkronisere.');
    expect(within(problems()).getByText('Endringene dine er tatt vare på.')).toBeTruthy();
    // The app looked for the new version at once, found it, and shows the usual prompt.
    await waitFor(() => expect(workbox.update).toHaveBeenCalledTimes(1));
    expect(await within(screen.getByRole('banner')).findByText('Ny versjon er klar')).toBeTruthy();
    expect(await db.outbox.count()).toBe(2);

    fireEvent.click(within(problems()).getByRole('button', { name: 'Oppdater appen' }));
    expect(workbox.messageSkipWaiting).toHaveBeenCalledTimes(1);
    await within(problems()).findByRole('button', { name: 'Oppdaterer …' });
    expect(await serverEvents()).toBe(0);
  });

  it('events the server refused: says how many, until the learner has seen it', async () => {
    await signedInWithPending();
    // A device clock two months ahead: the server refuses the first event for good.
    const first = (await db.outbox.orderBy('seq').first())!;
    await db.outbox.update(first.seq, { at: Date.now() + 60 * 24 * 60 * 60_000 });
    syncNow();
    await within(problems()).findByText(
      '1 endring ble avvist av tjeneren og kan ikke synkroniseres.',
    );
    // The queue moved on: the other event is on the server, nothing waits.
    await within(statusLine()).findByText('Alt er synkronisert');
    expect(await serverEvents()).toBe(1);
    fireEvent.click(within(problems()).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(problems().textContent).toBe(''));
  });
});
