// The account screen (/konto) with the real SyncController against the real server in process:
// registering adopts local progress and shows the signed-in view; field errors in bokmål with
// focus on the field; a request-level error (offline, too many attempts) under the form; signing
// out warns about unsynced changes; the data export downloads JSON; deleting the account asks for
// the password and says when it is wrong.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../src/client-core/db/db';
import { completeLesson } from '../../src/client-core/db/learner-actions';
import { dumpSyncTables } from '../utils/learners';
import {
  EMAIL,
  PASSWORD,
  registerKari,
  renderWithServer,
  setupSyncUiTests,
} from '../utils/sync-ui';
import { stubApi } from '../utils/app';

const harness = setupSyncUiTests();

const users = () => harness().server.db.selectFrom('users').select('email').execute();

const registerForm = () => screen.getByRole('region', { name: 'Opprett konto' });
const loginForm = () => screen.getByRole('region', { name: 'Logg inn' });

/** Fill in one of the two forms and submit it, focusing the button as a real click does (the
 * account screen moves focus only when the focused control is replaced). */
function submit(form: HTMLElement, email: string, password: string) {
  fireEvent.input(within(form).getByLabelText('E-postadresse'), { target: { value: email } });
  fireEvent.input(within(form).getByLabelText(/^Passord/), { target: { value: password } });
  const button = within(form).getByRole('button', { name: /^(Opprett konto|Logg inn)$/ });
  button.focus();
  fireEvent.click(button);
}

/** The error sentence tied to an input through aria-describedby. */
const describedError = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id))
    .find((element) => element?.classList.contains('field-error'))?.textContent;

describe('signed out', () => {
  it('offers "Logg inn" before "Opprett konto": a returning learner does not scroll past it', async () => {
    stubApi({});
    renderWithServer(harness(), '/konto');
    const login = await screen.findByRole('region', { name: 'Logg inn' });
    const register = screen.getByRole('region', { name: 'Opprett konto' });
    expect(login.compareDocumentPosition(register) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('explains the account, and registering adopts local progress into the signed-in view', async () => {
    stubApi({});
    await completeLesson('kurs', 'l1');
    renderWithServer(harness(), '/konto');
    await screen.findByText(/Lommekurs virker uten konto/);
    expect(
      screen.getByText('Det du allerede har gjort på denne enheten, blir med inn i kontoen.'),
    ).toBeTruthy();
    const form = registerForm();
    const email = within(form).getByLabelText('E-postadresse') as HTMLInputElement;
    const password = within(form).getByLabelText(/^Passord/) as HTMLInputElement;
    expect(email.autocomplete).toBe('email');
    expect(password.autocomplete).toBe('new-password');
    expect(password.type).toBe('password');
    expect(within(form).getByText('Minst 12 tegn.')).toBeTruthy();
    expect((within(loginForm()).getByLabelText(/^Passord/) as HTMLInputElement).autocomplete).toBe(
      'current-password',
    );
    fireEvent.click(within(form).getByLabelText('Vis passordet'));
    expect(password.type).toBe('text');

    submit(form, EMAIL, PASSWORD);
    const heading = await screen.findByRole('heading', { name: `Logget inn som ${EMAIL}` });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const status = screen.getByRole('region', { name: 'Synkronisering' });
    await within(status).findByText('Alt er synkronisert');
    expect(await within(status).findByText(/^Sist synkronisert kl\. \d\d:\d\d$/)).toBeTruthy();
    // The two events recorded before the account existed are on the server now.
    const server = await dumpSyncTables(harness().server.db);
    expect(server.events).toHaveLength(2);
    expect(await db.outbox.count()).toBe(0);
  });

  it('shows field errors in bokmål, checked before anything is sent, and focuses the first', async () => {
    stubApi({});
    renderWithServer(harness(), '/konto');
    const form = await waitFor(registerForm);
    submit(form, 'kari.example.test', 'kort');
    const email = within(form).getByLabelText('E-postadresse');
    const password = within(form).getByLabelText(/^Passord/);
    await waitFor(() =>
      expect(describedError(email)).toBe(
        'Skriv en gyldig e-postadresse, for eksempel navn@firma.no.',
      ),
    );
    expect(describedError(password)).toBe('Passordet må ha minst 12 tegn.');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(email);

    submit(form, EMAIL, 'kort');
    await waitFor(() => expect(describedError(password)).toBe('Passordet må ha minst 12 tegn.'));
    expect(describedError(email)).toBeUndefined();
    expect(document.activeElement).toBe(password);
    expect(harness().requests).toEqual([]);
  });

  it('says an address is taken, at the address', async () => {
    stubApi({});
    await harness().api().register({ email: EMAIL, password: PASSWORD });
    renderWithServer(harness(), '/konto');
    const form = await waitFor(registerForm);
    submit(form, EMAIL, PASSWORD);
    const email = within(form).getByLabelText('E-postadresse');
    await waitFor(() =>
      expect(describedError(email)).toBe(
        'Det finnes allerede en konto med denne e-postadressen. Logg inn i stedet.',
      ),
    );
    expect(document.activeElement).toBe(email);
    expect(screen.queryByRole('heading', { name: /^Logget inn som/ })).toBeNull();
  });

  it('signs in; a wrong password is shown at the password, too many attempts says how long to wait', async () => {
    stubApi({});
    await harness().api().register({ email: EMAIL, password: PASSWORD });
    renderWithServer(harness(), '/konto');
    const form = await waitFor(loginForm);
    submit(form, EMAIL, 'galt passord her');
    const password = within(form).getByLabelText(/^Passord/);
    await waitFor(() => expect(describedError(password)).toBe('Feil e-postadresse eller passord.'));
    expect(document.activeElement).toBe(password);

    // Spend the server's budget for wrong passwords (src/server/auth/attempts.ts): it then asks
    // for a wait, 30 seconds at first ("1 minutt") and longer after more failures.
    for (let i = 0; i < 20; i++) {
      const result = await harness().api().login({ email: EMAIL, password: 'galt passord her' });
      if (result.kind === 'rate-limited') break;
    }
    submit(form, EMAIL, PASSWORD);
    const alert = await within(form).findByText(
      /^For mange forsøk\. Vent \d+ minutt(er)? og prøv igjen\./,
    );
    expect(alert.getAttribute('role')).toBe('alert');
  });

  it('tells the learner without a connection, under the form, and offline before they try', async () => {
    stubApi({});
    const { state } = renderWithServer(harness(), '/konto');
    const form = await waitFor(loginForm);
    harness().failNext('/api/v1/auth/login', { kind: 'network' });
    submit(form, EMAIL, PASSWORD);
    expect(
      await within(form).findByText('Fikk ikke kontakt med Lommekurs. Sjekk nettet og prøv igjen.'),
    ).toBeTruthy();
    state.connectivity.noteReachable(false);
    expect(
      await screen.findByText(
        'Du er frakoblet. Koble til nettet for å opprette konto eller logge inn.',
      ),
    ).toBeTruthy();
  });
});

describe('signed in', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('warns before signing out with unsynced changes: cancel, then sync first', async () => {
    stubApi({});
    await registerKari(harness());
    renderWithServer(harness(), '/konto');
    await screen.findByRole('heading', { name: `Logget inn som ${EMAIL}` });
    // Recorded after the last sync; the debounced sync waits for a timer the test never fires.
    await completeLesson('kurs', 'l1');
    await screen.findByText('1 endring venter');

    fireEvent.click(screen.getByRole('button', { name: 'Logg ut' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ikke alt er synkronisert' });
    expect(
      within(dialog).getByText(
        '1 endring er ikke synkronisert ennå. Logger du ut nå, blir den slettet fra enheten uten å komme inn i kontoen.',
      ),
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await db.outbox.count()).toBe(2);

    fireEvent.click(screen.getByRole('button', { name: 'Logg ut' }));
    const again = await screen.findByRole('dialog', { name: 'Ikke alt er synkronisert' });
    fireEvent.click(within(again).getByRole('button', { name: 'Synkroniser først' }));
    await screen.findByText('Du er logget ut.');
    expect(await screen.findByRole('region', { name: 'Opprett konto' })).toBeTruthy();
    // Synced before the device forgot them: on the server exactly once, gone from the device.
    expect((await dumpSyncTables(harness().server.db)).events).toHaveLength(2);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.progress.count()).toBe(0);
  });

  it('"Logg ut likevel" discards the unsynced changes; without any, a plain confirmation', async () => {
    stubApi({});
    await registerKari(harness());
    const { sync } = renderWithServer(harness(), '/konto');
    await screen.findByRole('heading', { name: `Logget inn som ${EMAIL}` });
    // The sync at start has ended: none is under way to take the completion along at once.
    await sync.syncNow();
    await completeLesson('kurs', 'l1');
    await screen.findByText('1 endring venter');
    fireEvent.click(screen.getByRole('button', { name: 'Logg ut' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ikke alt er synkronisert' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Logg ut likevel' }));
    await screen.findByText('Du er logget ut.');
    expect((await dumpSyncTables(harness().server.db)).events).toHaveLength(0);
    expect(await db.outbox.count()).toBe(0);

    submit(await screen.findByRole('region', { name: 'Logg inn' }), EMAIL, PASSWORD);
    await screen.findByRole('heading', { name: `Logget inn som ${EMAIL}` });
    await screen.findByText('Alt er synkronisert');
    fireEvent.click(screen.getByRole('button', { name: 'Logg ut' }));
    const confirm = await screen.findByRole('dialog', { name: 'Logge ut?' });
    expect(
      within(confirm).getByText(
        'Fremgangen din blir fjernet fra denne enheten. Den er trygt lagret på kontoen og kommer tilbake når du logger inn igjen.',
      ),
    ).toBeTruthy();
    fireEvent.click(within(confirm).getByRole('button', { name: 'Logg ut' }));
    await screen.findByText('Du er logget ut.');
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 })),
    );
  });

  it('downloads the data export as lommekurs-data.json', async () => {
    stubApi({});
    await completeLesson('kurs', 'l1');
    await registerKari(harness());
    const saved: Blob[] = [];
    const downloads: string[] = [];
    // jsdom has no object URLs and does not download: the browser's part, stood in for here.
    URL.createObjectURL = vi.fn((blob: Blob) => {
      saved.push(blob);
      return 'blob:lommekurs/1';
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      downloads.push(`${this.download} ${this.href}`);
    });
    renderWithServer(harness(), '/konto');
    fireEvent.click(await screen.findByRole('button', { name: 'Last ned alt fra kontoen' }));
    await screen.findByText('Dataene er lagret som lommekurs-data.json.');
    expect(downloads).toEqual(['lommekurs-data.json blob:lommekurs/1']);
    expect(saved).toHaveLength(1);
    const data = JSON.parse(await saved[0]!.text()) as Record<string, unknown>;
    const text = JSON.stringify(data);
    expect(text).toContain(EMAIL);
    const eventIds = (await dumpSyncTables(harness().server.db)).events.map((e) => e.id);
    expect(eventIds).toHaveLength(2);
    for (const id of eventIds) expect(text).toContain(id);
  });

  it('deletes the account only with the right password, and says when it is wrong', async () => {
    stubApi({});
    await registerKari(harness());
    renderWithServer(harness(), '/konto');
    fireEvent.click(await screen.findByRole('button', { name: 'Slett kontoen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Slette kontoen?' });
    expect(
      within(dialog).getByText(/blir slettet for godt, for alle enheter\. Det kan ikke angres\./),
    ).toBeTruthy();
    expect(within(dialog).getByText(/Andre enheter der du er logget inn, sier fra/)).toBeTruthy();
    const password = within(dialog).getByLabelText('Skriv passordet ditt for å bekrefte');
    expect(document.activeElement).toBe(password);
    const confirm = within(dialog).getByRole('button', { name: 'Slett kontoen for godt' });

    fireEvent.click(confirm);
    await waitFor(() => expect(describedError(password)).toBe('Skriv passordet ditt.'));
    fireEvent.input(password, { target: { value: 'galt passord her' } });
    fireEvent.click(confirm);
    await waitFor(() => expect(describedError(password)).toBe('Passordet er feil.'));
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(password);
    expect(await users()).toEqual([{ email: EMAIL }]);

    fireEvent.input(password, { target: { value: PASSWORD } });
    fireEvent.keyDown(password, { key: 'Enter' });
    await screen.findByText('Kontoen din er slettet.');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await screen.findByRole('region', { name: 'Opprett konto' })).toBeTruthy();
    expect(await users()).toEqual([]);
  });
});
