// The recovery screens with the real SyncController against the real server in process (no
// mailer there, so no mail goes out): "Glemt passordet?" gives the same neutral sentence for
// any address; a reset link that does not work says so and offers a new one; a link without a
// token says it is incomplete; the token is taken out of the address bar.
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { stubApi } from '../utils/app';
import { registerKari, renderWithServer, setupSyncUiTests, EMAIL } from '../utils/sync-ui';

const harness = setupSyncUiTests();
const SENT = 'Hvis adressen har en konto hos oss, har vi sendt en lenke. Den virker i 30 minutter.';

async function askForLink(email: string) {
  renderWithServer(harness(), '/konto/glemt-passord');
  await screen.findByRole('heading', { level: 1, name: 'Glemt passordet' });
  fireEvent.input(screen.getByLabelText('E-postadresse'), { target: { value: email } });
  fireEvent.click(screen.getByRole('button', { name: 'Send lenken' }));
  return screen.findByText(SENT);
}

describe('Glemt passordet?', () => {
  it('says the same for an address with an account as for one without', async () => {
    stubApi({});
    await registerKari(harness());
    const known = await askForLink(EMAIL);
    expect(known.getAttribute('role')).toBe('status');
    expect(screen.queryByLabelText('E-postadresse')).toBeNull();
  });

  it('says the same for an unknown address', async () => {
    stubApi({});
    expect(await askForLink('ingen-konto@firma.no')).toBeTruthy();
  });

  it('checks the address before asking', async () => {
    stubApi({});
    renderWithServer(harness(), '/konto/glemt-passord');
    await screen.findByRole('heading', { level: 1, name: 'Glemt passordet' });
    fireEvent.click(screen.getByRole('button', { name: 'Send lenken' }));
    expect(await screen.findByText('Skriv e-postadressen din.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('E-postadresse'));
  });
});

describe('the reset link', () => {
  it('that no longer works says so and offers a new one; the token leaves the address bar', async () => {
    stubApi({});
    renderWithServer(harness(), `/konto/nytt-passord#token=${'A'.repeat(43)}`);
    await screen.findByRole('heading', { level: 1, name: 'Velg nytt passord' });
    await waitFor(() => expect(location.hash).toBe(''));
    const password = 'et godt og langt passord';
    fireEvent.input(screen.getByLabelText('Nytt passord'), { target: { value: password } });
    fireEvent.input(screen.getByLabelText('Det nye passordet en gang til'), {
      target: { value: password },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre nytt passord' }));
    expect(await screen.findByText(/^Lenken virker ikke lenger\./)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Be om en ny lenke' }).getAttribute('href')).toBe(
      '/konto/glemt-passord',
    );
  });

  it('without a token says it is incomplete', async () => {
    stubApi({});
    renderWithServer(harness(), '/konto/nytt-passord');
    expect(await screen.findByText(/^Lenken er ikke hel\./)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Lagre nytt passord' })).toBeNull();
  });
});
