// Settings → Næringshage with the real SyncController against the real server in process: the
// gardens the learner is a member of, withdrawing consent behind a confirmation (membership gone,
// consent withdrawn and logged on the server), the device copy offline with its time, a typed code
// going on to the consent screen, the advisor link, signed out, and axe with the dialog open.
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { db } from '../../src/client-core/db/db';
import { getSetting } from '../../src/client-core/db/settings';
import { createI18n } from '../../src/app/i18n';
import { placeholderMismatches } from '../../src/app/i18n/feature-texts';
import { NETWORK_SETTING } from '../../src/app/network/membership-store';
import { networkSettingsTexts } from '../../src/app/network/network-settings-texts';
import { violations } from '../utils/advisor-network';
import { stubApi } from '../utils/app';
import { renderWithServer, setupSyncUiTests } from '../utils/sync-ui';
import {
  gardenOf,
  gardenWithCode,
  joinThroughServer,
  membershipOf,
  routeNetworkToHarness,
  storeNetworkCopy,
} from './network-support';

vi.setConfig({ testTimeout: 30_000 });
// Lazy screens, scrypt and a first sync on a busy machine: a second is not always enough.
configure({ asyncUtilTimeout: 5000 });

const harness = setupSyncUiTests();

const section = () => screen.findByRole('region', { name: 'Næringshage' });

function open(url = '/innstillinger') {
  stubApi({});
  routeNetworkToHarness(harness());
  return renderWithServer(harness(), url);
}

/** A learner signed in on the app's database, a member of Vekstparken on the server. */
async function member() {
  const { code, garden } = await gardenWithCode(harness());
  const learner = await harness().signedInLearner(db);
  await joinThroughServer(harness(), learner.token, code);
  return { learner, garden };
}

describe('Settings → Næringshage', () => {
  it('lists the gardens, and withdraws consent after a confirmation that says what happens', async () => {
    const { learner, garden } = await member();
    open();
    const list = await within(await section()).findByRole('list', {
      name: 'Næringshagene du er med i',
    });
    const item = within(list).getByRole('listitem');
    expect(within(item).getByText('Vekstparken')).toBeTruthy();
    expect(within(item).getByText('Firma: Kaffebrenneriet AS')).toBeTruthy();
    expect(within(item).getByText(/^Med siden \d+\. \w+ \d{4}$/)).toBeTruthy();

    // Focused as a real click does: the dialog gives focus back to its opener, or, the opener
    // gone with the membership, to the section's heading.
    const opener = within(item).getByRole('button', { name: 'Trekk samtykket for Vekstparken' });
    opener.focus();
    fireEvent.click(opener);
    const dialog = await screen.findByRole('dialog', { name: 'Trekke samtykket for Vekstparken?' });
    expect(dialog.textContent).toContain(
      'Rådgiverne der får ikke noe mer om deg fra Lommekurs, og du forsvinner fra oversikten deres neste gang den oppdateres.',
    );
    // Focus starts on the safe choice.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Avbryt' }));
    expect(await violations()).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Trekk samtykket' }));

    const heading = screen.getByRole('heading', { name: 'Næringshage' });
    await within(await section()).findByText(
      'Du har trukket samtykket og er ikke lenger med i Vekstparken.',
    );
    await within(await section()).findByText('Du er ikke med i noen næringshage.');
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const server = harness().server.db;
    expect(await server.selectFrom('memberships').selectAll().execute()).toEqual([]);
    const [consent] = await server.selectFrom('consents').selectAll().execute();
    expect(consent).toMatchObject({ user_id: learner.userId, garden_id: garden.id });
    expect(consent!.withdrawn_at).toEqual(expect.any(Number));
    const log = await server.selectFrom('consent_log').select('kind').orderBy('at').execute();
    expect(log.map((row) => row.kind)).toEqual(['given', 'withdrawn']);
    // The device copy says so too.
    const copy = await getSetting<{ me: { memberships: unknown[] } } | null>(NETWORK_SETTING, null);
    expect(copy?.me.memberships).toEqual([]);
  });

  it('keeps the membership when the learner cancels', async () => {
    await member();
    open();
    const list = await within(await section()).findByRole('list', {
      name: 'Næringshagene du er med i',
    });
    fireEvent.click(within(list).getByRole('button', { name: 'Trekk samtykket for Vekstparken' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(harness().requests.filter((r) => r.method === 'DELETE')).toEqual([]);
    expect(await harness().server.db.selectFrom('memberships').selectAll().execute()).toHaveLength(
      1,
    );
  });

  it('shows the device copy offline with its time, and says a withdrawal needs the network', async () => {
    const learner = await harness().signedInLearner(db);
    const fetchedAt = Date.UTC(2026, 11, 1, 13, 2);
    await storeNetworkCopy(learner.userId, { memberships: [membershipOf(gardenOf())] }, fetchedAt);
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    open();
    const list = await within(await section()).findByRole('list', {
      name: 'Næringshagene du er med i',
    });
    const { date, time } = createI18n('nb');
    await within(await section()).findByText(
      `Lista er fra ${date(fetchedAt)} kl. ${time(fetchedAt)}. Den oppdateres når du er på nett.`,
    );
    expect(harness().requests.filter((r) => r.path === '/api/v1/network/me')).toEqual([]);

    harness().failNext('/api/v1/network/memberships/', { kind: 'network' });
    fireEvent.click(within(list).getByRole('button', { name: 'Trekk samtykket for Vekstparken' }));
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Trekk samtykket' }),
    );
    await within(await section()).findByText(
      'Du er uten nett. Samtykket kan bare trekkes når enheten er på nett – prøv igjen da.',
    );
    expect(
      within(await section()).getByRole('list', { name: 'Næringshagene du er med i' }),
    ).toBeTruthy();
  });

  it('takes a typed code on to the consent screen', async () => {
    const { code } = await gardenWithCode(harness());
    await harness().signedInLearner(db);
    open();
    const field = await within(await section()).findByLabelText('Koden fra næringshagen');
    fireEvent.input(field, { target: { value: code.toLowerCase() } });
    fireEvent.click(within(await section()).getByRole('button', { name: 'Gå videre' }));
    await screen.findByRole('heading', { level: 1, name: 'Bli med i en næringshage' });
    expect(location.pathname).toBe('/bli-med');
    expect(location.hash).toBe(`#${code}`);
    await screen.findByRole('region', { name: 'Vekstparken' });
  });

  it('links to the advisor screens for an advisor, and always to the privacy statement', async () => {
    const { garden } = await gardenWithCode(harness());
    const learner = await harness().signedInLearner(db);
    const { unmount } = open();
    const privacy = await within(await section()).findByRole('link', {
      name: 'Personvern: hva rådgiverne ser, og hva de ikke ser',
    });
    expect(privacy.getAttribute('href')).toBe('/personvern');
    await within(await section()).findByText('Du er ikke med i noen næringshage.');
    expect(within(await section()).queryByRole('link', { name: /^Rådgiver/ })).toBeNull();
    await harness()
      .server.db.insertInto('advisors')
      .values({ garden_id: garden.id, user_id: learner.userId, added_at: 0, added_by: null })
      .execute();
    // Settings opened again: the section fetches again.
    unmount();
    open();
    const link = await within(await section()).findByRole('link', {
      name: 'Rådgiver: næringshagene du er rådgiver i',
    });
    expect(link.getAttribute('href')).toBe('/radgiver');
  });

  it('signed out: says a code and an account are enough, and removes the copy at sign-out', async () => {
    const { learner } = await member();
    const { sync } = open();
    await within(await section()).findByRole('list', { name: 'Næringshagene du er med i' });
    await waitFor(async () => expect(await getSetting(NETWORK_SETTING, null)).not.toBeNull());
    await sync.signOut({ discardUnsynced: true });
    await within(await section()).findByText(
      'Du er ikke logget inn. Har du en kode fra en næringshage, kan du opprette en konto når du blir med.',
    );
    await waitFor(async () => expect(await getSetting(NETWORK_SETTING, null)).toBeNull());
    expect(learner.userId).toBeTruthy();
  });

  it('has the same placeholders in nb, nn and en', () => {
    expect(placeholderMismatches(networkSettingsTexts)).toEqual([]);
  });
});
