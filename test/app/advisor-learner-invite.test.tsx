// The advisor invite link (/radgiver/invitasjon#token=…, issue 14) against the real server in
// process: the token leaves the address bar at once; a signed-in user accepts with one button and
// lands on the garden; a visitor without a session signs in or registers on the spot and then
// accepts; a used, expired, unknown or someone else's invite is said in plain words; axe.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/client-core/db/db';
import { getSession, markSignedOut } from '../../src/client-core/db/sync-state';
import { createLogger } from '../../src/server/logger';
import { createGarden, inviteAdvisor, type NetworkDeps } from '../../src/server/network/gardens';
import { advisorsOf } from '../../src/server/network/queries';
import type { SyncHarness } from '../utils/sync-harness';
import {
  EMAIL,
  PASSWORD,
  registerKari,
  renderWithServer,
  setupSyncUiTests,
} from '../utils/sync-ui';

const harness = setupSyncUiTests();
const DAY = 24 * 60 * 60_000;

async function violations() {
  const result = await axe.run(document.documentElement, {
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
}

const deps = (h: SyncHarness, now = Date.now): NetworkDeps => ({
  db: h.server.db,
  logger: createLogger('silent'),
  mailer: null,
  now,
});

/** A garden on the server and an invite for `email`; returns the garden and the link's path. */
async function invite(h: SyncHarness, email = EMAIL, { age = 0 } = {}) {
  const garden = await createGarden(deps(h), { name: 'Fjordhagen', county: 'Vestland' });
  const made = await inviteAdvisor(
    deps(h, () => Date.now() - age),
    { gardenId: garden.id, email, invitedBy: null },
    { origin: 'http://lommekurs.test', lang: 'nb' },
  );
  const link = new URL(made!.link);
  return { garden, path: link.pathname + link.hash };
}

const advisorIds = async (h: SyncHarness, gardenId: string) =>
  (await advisorsOf(h.server.db, gardenId)).map((row) => row.email);

describe('the advisor invite link', () => {
  it('signed in: takes the token out of the address bar, accepts with one button, opens the garden', async () => {
    await registerKari(harness());
    const { garden, path } = await invite(harness());
    renderWithServer(harness(), path);
    await screen.findByRole('heading', { level: 1, name: 'Invitasjon som rådgiver' });
    await waitFor(() => expect(location.hash).toBe(''));
    expect(location.pathname).toBe('/radgiver/invitasjon');
    await screen.findByText(`Du er logget inn som ${EMAIL}.`);
    await waitFor(() => expect(document.title).toBe('Invitasjon som rådgiver – Lommekurs'));
    expect(await violations()).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Godta invitasjonen' }));
    await waitFor(() => expect(location.pathname).toBe(`/radgiver/hage/${garden.id}`));
    expect(await advisorIds(harness(), garden.id)).toEqual([EMAIL]);
  });

  it('signed out: offers sign-in and registration on the spot, keeps the token, then accepts', async () => {
    const { garden, path } = await invite(harness());
    renderWithServer(harness(), path);
    await screen.findByText(/^Logg inn med e-postadressen invitasjonen ble sendt til/);
    await waitFor(() => expect(location.hash).toBe(''));
    expect(screen.queryByRole('button', { name: 'Godta invitasjonen' })).toBeNull();
    expect(await violations()).toEqual([]);

    const form = screen.getByRole('region', { name: 'Opprett konto' });
    fireEvent.input(within(form).getByLabelText('E-postadresse'), { target: { value: EMAIL } });
    fireEvent.input(within(form).getByLabelText(/^Passord/), { target: { value: PASSWORD } });
    fireEvent.click(within(form).getByRole('button', { name: 'Opprett konto' }));
    await screen.findByText(`Du er logget inn som ${EMAIL}.`);
    fireEvent.click(screen.getByRole('button', { name: 'Godta invitasjonen' }));
    await waitFor(() => expect(location.pathname).toBe(`/radgiver/hage/${garden.id}`));
    expect(await advisorIds(harness(), garden.id)).toEqual([EMAIL]);
  });

  it('a session the server ended offers sign-in again (not registration), then accepts', async () => {
    await registerKari(harness());
    const { garden, path } = await invite(harness());
    const token = (await getSession(db))?.token;
    if (!token) throw new Error('Kari has no session');
    await markSignedOut(db, token, 'signed-out');
    renderWithServer(harness(), path);
    await screen.findByText(/^Logg inn med e-postadressen invitasjonen ble sendt til/);
    expect(screen.queryByRole('region', { name: 'Opprett konto' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Godta invitasjonen' })).toBeNull();
    const form = screen.getByRole('region', { name: 'Logg inn' });
    fireEvent.input(within(form).getByLabelText('E-postadresse'), { target: { value: EMAIL } });
    fireEvent.input(within(form).getByLabelText(/^Passord/), { target: { value: PASSWORD } });
    fireEvent.click(within(form).getByRole('button', { name: 'Logg inn' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Godta invitasjonen' }));
    await waitFor(() => expect(location.pathname).toBe(`/radgiver/hage/${garden.id}`));
  });

  it('an invite for another address says so, without naming it', async () => {
    await registerKari(harness());
    const { garden, path } = await invite(harness(), 'ola@example.test');
    renderWithServer(harness(), path);
    fireEvent.click(await screen.findByRole('button', { name: 'Godta invitasjonen' }));
    const alert = await screen.findByText(
      `Invitasjonen ble sendt til en annen e-postadresse enn ${EMAIL}. Logg ut, og logg inn med adressen invitasjonen ble sendt til.`,
    );
    expect(alert.getAttribute('role')).toBe('alert');
    expect(document.body.textContent).not.toContain('ola@example.test');
    expect(await advisorIds(harness(), garden.id)).toEqual([]);
    expect(await violations()).toEqual([]);
  });

  it('a used, an expired and an unknown invite each get their sentence', async () => {
    await registerKari(harness());
    const used = await invite(harness());
    const first = renderWithServer(harness(), used.path);
    fireEvent.click(await screen.findByRole('button', { name: 'Godta invitasjonen' }));
    await waitFor(() => expect(location.pathname).toBe(`/radgiver/hage/${used.garden.id}`));
    first.unmount();

    const second = renderWithServer(harness(), used.path);
    fireEvent.click(await screen.findByRole('button', { name: 'Godta invitasjonen' }));
    await screen.findByText(/^Invitasjonen er allerede brukt\./);
    expect(location.pathname).toBe('/radgiver/invitasjon');
    second.unmount();

    const old = await invite(harness(), EMAIL, { age: 8 * DAY });
    renderWithServer(harness(), old.path);
    fireEvent.click(await screen.findByRole('button', { name: 'Godta invitasjonen' }));
    await screen.findByText(/^Invitasjonen har gått ut \(den virker i 7 dager\)\./);
  });

  it('an unknown token and a link without a token', async () => {
    await registerKari(harness());
    const first = renderWithServer(harness(), `/radgiver/invitasjon#token=${'A'.repeat(22)}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Godta invitasjonen' }));
    await screen.findByText(/^Denne invitasjonen finnes ikke\./);
    first.unmount();

    renderWithServer(harness(), '/radgiver/invitasjon');
    await screen.findByText(/^Lenken er ikke hel\./);
    expect(screen.queryByRole('button', { name: 'Godta invitasjonen' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Til rådgiversiden' }).getAttribute('href')).toBe(
      '/radgiver',
    );
    expect(await violations()).toEqual([]);
  });

  it('speaks nynorsk and English', async () => {
    await registerKari(harness());
    const { path } = await invite(harness());
    const nn = renderWithServer(harness(), path, { language: 'nn' });
    await screen.findByRole('heading', { level: 1, name: 'Invitasjon som rådgjevar' });
    await screen.findByRole('button', { name: 'Godta invitasjonen' });
    nn.unmount();
    renderWithServer(harness(), '/radgiver/invitasjon', { language: 'en' });
    await screen.findByRole('heading', { level: 1, name: 'Invitation as an advisor' });
    expect(screen.getByText(/^The link is incomplete\./)).toBeTruthy();
  });
});
