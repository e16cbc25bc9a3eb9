// "Konto og synkronisering" on the settings screen, with the real SyncController against the real
// server: the account state and the way to the account screen, and both GDPR actions (export,
// delete) reachable from settings.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { stubApi } from '../utils/app';
import {
  EMAIL,
  PASSWORD,
  registerKari,
  renderWithServer,
  setupSyncUiTests,
} from '../utils/sync-ui';

const harness = setupSyncUiTests();

const section = () => screen.getByRole('region', { name: 'Konto og synkronisering' });

describe('settings: account and sync', () => {
  // Opened by its address, the screen must not send focus past the language choice to the
  // account heading when the account finishes loading (issue 11: "Opening /innstillinger directly
  // focuses Konto og synkronisering"): focus stays at the start, so Tab follows the page order.
  it('opened directly while signed in: focus stays at the start of the page', async () => {
    stubApi({});
    await registerKari(harness());
    (document.activeElement as HTMLElement | null)?.blur();
    renderWithServer(harness(), '/innstillinger');
    await within(section()).findByText(`Logget inn som ${EMAIL}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const heading = within(section()).getByRole('heading', { name: 'Konto og synkronisering' });
    expect(document.activeElement).not.toBe(heading);
    expect([document.body, screen.getByRole('heading', { level: 1 })]).toContain(
      document.activeElement,
    );
  });

  it('signed out: says progress is on this device only, and leads to the account screen', async () => {
    stubApi({});
    renderWithServer(harness(), '/innstillinger');
    await within(section()).findByText(
      'Du er ikke logget inn. Fremgangen din er bare lagret på denne enheten.',
    );
    const link = within(section()).getByRole('link', { name: 'Opprett konto eller logg inn' });
    expect(link.getAttribute('href')).toBe('/konto');
    expect(within(section()).queryByRole('button')).toBeNull();
  });

  it('signed in: who, the export and the deletion, right here', async () => {
    stubApi({});
    await registerKari(harness());
    renderWithServer(harness(), '/innstillinger');
    await within(section()).findByText(`Logget inn som ${EMAIL}`);
    expect(
      within(section()).getByRole('link', { name: 'Gå til kontoen' }).getAttribute('href'),
    ).toBe('/konto');
    expect(
      within(section()).getByRole('button', { name: 'Last ned alt fra kontoen' }),
    ).toBeTruthy();

    fireEvent.click(within(section()).getByRole('button', { name: 'Slett kontoen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Slette kontoen?' });
    fireEvent.input(within(dialog).getByLabelText('Skriv passordet ditt for å bekrefte'), {
      target: { value: PASSWORD },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Slett kontoen for godt' }));
    await within(section()).findByText('Kontoen din er slettet.');
    await within(section()).findByRole('link', { name: 'Opprett konto eller logg inn' });
    // The delete button went with the account: focus is on the section's heading.
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(section()).getByRole('heading', { name: 'Konto og synkronisering' }),
      ),
    );
    expect(await harness().server.db.selectFrom('users').selectAll().execute()).toEqual([]);
  });
});
