// The consent screen (/bli-med) with the real SyncController against the real server in process:
// the code from the link's fragment or typed, the garden and the consent text, joining with a
// firm of the garden or a new one (org number checked first), creating an account on the spot
// (keeping local progress), the errors in plain words, nynorsk and English, and axe.
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { db } from '../../src/client-core/db/db';
import { completeLesson } from '../../src/client-core/db/learner-actions';
import { placeholderMismatches } from '../../src/app/i18n/feature-texts';
import { consentTexts } from '../../src/app/network/consent-texts';
import { joinErrorKey, previewErrorKey } from '../../src/app/network/join-errors';
import { joinTexts } from '../../src/app/network/join-texts';
import { RequestError } from '../../src/app/sync/requests';
import { CONSENT_TEXT_VERSION } from '../../src/shared/network-protocol';
import { violations } from '../utils/advisor-network';
import { stubApi } from '../utils/app';
import { dumpSyncTables } from '../utils/learners';
import { EMAIL, PASSWORD, renderWithServer, setupSyncUiTests } from '../utils/sync-ui';
import { gardenWithCode, joinThroughServer, ORG_A, routeNetworkToHarness } from './network-support';

vi.setConfig({ testTimeout: 30_000 });
// Lazy screens, scrypt and a first sync on a busy machine: a second is not always enough.
configure({ asyncUtilTimeout: 5000 });

const harness = setupSyncUiTests();

/** The harness's server rows of the learner's membership and consent. */
const serverRows = async () => ({
  memberships: await harness()
    .server.db.selectFrom('memberships')
    .select(['user_id', 'garden_id', 'display_name', 'firm_id'])
    .execute(),
  consents: await harness()
    .server.db.selectFrom('consents')
    .select(['user_id', 'garden_id', 'text_version', 'withdrawn_at'])
    .execute(),
  firms: await harness().server.db.selectFrom('firms').select(['name', 'org_number']).execute(),
});

/** Open /bli-med at `fragment` with the course API stubbed and the network routed. */
function open(fragment: string, language: 'nb' | 'nn' | 'en' = 'nb') {
  stubApi({});
  routeNetworkToHarness(harness());
  return renderWithServer(harness(), `/bli-med${fragment}`, { language });
}

const describedError = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id))
    .find((element) => element?.classList.contains('field-error'))?.textContent;

describe('the consent screen', () => {
  it('names the garden from the link and says exactly what advisors will and will not see', async () => {
    const { code } = await gardenWithCode(harness());
    await harness().signedInLearner(db);
    open(`#${code}`);
    await screen.findByRole('heading', { level: 1, name: 'Bli med i en næringshage' });
    const garden = await screen.findByRole('region', { name: 'Vekstparken' });
    expect(within(garden).getByText('Bodø, Nordland')).toBeTruthy();
    const will = screen.getByRole('list', { name: 'Dette ser rådgiverne i næringshagen' });
    expect(
      within(will)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Navnet du velger å vise dem, og firmaet ditt.',
      'Hvilke kurs du har begynt på og fullført, og hvilke leksjoner du har åpnet og fullført.',
      'Hvor mange minutter du har brukt i hvert kurs.',
      'Når du sist var aktiv, og når enheten din sist synkroniserte.',
      'Refleksjonene du selv deler med bryteren «Del med rådgiveren» – bare de.',
    ]);
    const wont = screen.getByRole('list', { name: 'Dette ser de ikke' });
    expect(
      within(wont)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Svarene dine i quizene.',
      'Refleksjoner du ikke deler.',
      'E-postadressen din.',
      'Noe som helst om deg etter at du har trukket samtykket.',
    ]);
    expect(
      screen.getByText(/du kan trekke samtykket når som helst under Innstillinger/),
    ).toBeTruthy();
    expect(
      screen.getByRole('link', { name: 'Les hele personvernerklæringen' }).getAttribute('href'),
    ).toBe('/personvern');
    await screen.findByRole('button', { name: 'Bli med i Vekstparken' });
    expect(await violations()).toEqual([]);
  });

  it('joins with a firm of the garden: membership and consent on the server, a confirmation', async () => {
    const { code, garden, firms } = await gardenWithCode(harness());
    const learner = await harness().signedInLearner(db);
    open(`#${code}`);
    const form = await screen.findByRole('region', { name: 'Bli med' });
    fireEvent.input(within(form).getByLabelText('Navnet rådgiverne ser'), {
      target: { value: '  Kari Nordmann ' },
    });
    fireEvent.click(within(form).getByRole('radio', { name: 'Kaffebrenneriet AS' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Bli med i Vekstparken' }));
    const done = await screen.findByRole('heading', { name: 'Du er med i Vekstparken' });
    await waitFor(() => expect(document.activeElement).toBe(done));
    expect(screen.getByRole('link', { name: 'Til forsiden' }).getAttribute('href')).toBe('/');
    const rows = await serverRows();
    expect(rows.memberships).toEqual([
      {
        user_id: learner.userId,
        garden_id: garden.id,
        display_name: 'Kari Nordmann',
        firm_id: firms[0]!.id,
      },
    ]);
    expect(rows.consents).toEqual([
      {
        user_id: learner.userId,
        garden_id: garden.id,
        text_version: CONSENT_TEXT_VERSION,
        withdrawn_at: null,
      },
    ]);
    expect(await violations()).toEqual([]);
  });

  it('checks the name and a new firm’s org number before sending, then adds the firm', async () => {
    const { code } = await gardenWithCode(harness(), { firms: [] });
    await harness().signedInLearner(db);
    open(`#${code}`);
    const form = await screen.findByRole('region', { name: 'Bli med' });
    // No firms in the garden yet: "Et annet firma" is chosen.
    expect(
      (within(form).getByRole('radio', { name: 'Et annet firma' }) as HTMLInputElement).checked,
    ).toBe(true);
    const before = harness().requests.length;
    fireEvent.click(within(form).getByRole('button', { name: 'Bli med i Vekstparken' }));
    const name = within(form).getByLabelText('Navnet rådgiverne ser');
    await waitFor(() => expect(describedError(name)).toBe('Skriv navnet rådgiverne skal se.'));
    expect(document.activeElement).toBe(name);
    fireEvent.input(name, { target: { value: 'Kari' } });
    fireEvent.input(within(form).getByLabelText('Firmaets navn'), {
      target: { value: 'Nordlys Regnskap' },
    });
    const org = within(form).getByLabelText('Organisasjonsnummer (valgfritt)');
    fireEvent.input(org, { target: { value: '974 760 674' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Bli med i Vekstparken' }));
    await waitFor(() =>
      expect(describedError(org)).toBe(
        'Organisasjonsnummeret stemmer ikke. Det har 9 siffer, for eksempel 974 760 673.',
      ),
    );
    expect(document.activeElement).toBe(org);
    expect(harness().requests.length).toBe(before);
    fireEvent.input(org, { target: { value: '974 760 673' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Bli med i Vekstparken' }));
    await screen.findByRole('heading', { name: 'Du er med i Vekstparken' });
    expect((await serverRows()).firms).toEqual([{ name: 'Nordlys Regnskap', org_number: ORG_A }]);
  });

  it('offers an account on the spot, keeps local progress, and goes on to join', async () => {
    const { code } = await gardenWithCode(harness());
    await completeLesson('kurs', 'l1');
    open(`#${code}`);
    const account = await screen.findByRole('region', { name: 'Du trenger en konto' });
    expect(within(account).getByText(/blir med inn i kontoen/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Bli med' })).toBeNull();
    expect(await violations()).toEqual([]);
    const register = within(account).getByRole('region', { name: 'Opprett konto' });
    fireEvent.input(within(register).getByLabelText('E-postadresse'), {
      target: { value: EMAIL },
    });
    fireEvent.input(within(register).getByLabelText(/^Passord/), { target: { value: PASSWORD } });
    const button = within(register).getByRole('button', { name: 'Opprett konto' });
    button.focus();
    fireEvent.click(button);
    // Registering and the first sync take a while on a busy machine: generous waits.
    const slow = { timeout: 8000 };
    const formHeading = await screen.findByRole('heading', { name: 'Bli med' }, slow);
    // The form the learner used is gone: focus goes on to the join form.
    await waitFor(() => expect(document.activeElement).toBe(formHeading), slow);
    // The progress made before the account is on the server.
    await waitFor(
      async () =>
        expect((await dumpSyncTables(harness().server.db)).events.length).toBeGreaterThan(0),
      slow,
    );
    const form = screen.getByRole('region', { name: 'Bli med' });
    fireEvent.input(within(form).getByLabelText('Navnet rådgiverne ser'), {
      target: { value: 'Kari' },
    });
    fireEvent.click(within(form).getByRole('radio', { name: 'Kaffebrenneriet AS' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Bli med i Vekstparken' }));
    await screen.findByRole('heading', { name: 'Du er med i Vekstparken' }, slow);
    expect((await serverRows()).memberships).toHaveLength(1);
  });

  it('lets the learner type a code, and says when no garden has it', async () => {
    await gardenWithCode(harness());
    await harness().signedInLearner(db);
    open('');
    const input = await screen.findByLabelText('Koden fra næringshagen');
    fireEvent.input(input, { target: { value: 'nh-7k3p' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gå videre' }));
    await waitFor(() =>
      expect(describedError(input)).toBe(
        'Koden har ikke riktig form. Den ser slik ut: NH-7K3P-Q2.',
      ),
    );
    fireEvent.input(input, { target: { value: ' nh-7k3p-q2 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gå videre' }));
    expect(
      await screen.findByText(
        'Vi fant ingen næringshage med denne koden. Den kan være skrevet feil, trukket tilbake eller utløpt. Be næringshagen om en ny kode.',
      ),
    ).toBeTruthy();
    // The address names the code, so a reload shows the same.
    expect(location.hash).toBe('#NH-7K3P-Q2');
    expect(await violations()).toEqual([]);
  });

  it('says when the link holds no code, with the field to type it', async () => {
    await harness().signedInLearner(db);
    open('#NH-7K3P');
    expect(
      await screen.findByText('Koden har ikke riktig form. Den ser slik ut: NH-7K3P-Q2.'),
    ).toBeTruthy();
    expect((screen.getByLabelText('Koden fra næringshagen') as HTMLInputElement).value).toBe(
      'NH-7K3P',
    );
  });

  it('tells a member they are one already, and joining again updates the name', async () => {
    const { code } = await gardenWithCode(harness());
    const learner = await harness().signedInLearner(db);
    await joinThroughServer(harness(), learner.token, code);
    open(`#${code}`);
    const form = await screen.findByRole('region', { name: 'Bli med' });
    await within(form).findByText(/^Du er allerede med i Vekstparken, siden /);
    const name = within(form).getByLabelText('Navnet rådgiverne ser') as HTMLInputElement;
    await waitFor(() => expect(name.value).toBe('Kari'));
    fireEvent.input(name, { target: { value: 'Kari N.' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Bli med i Vekstparken' }));
    await screen.findByRole('heading', { name: 'Du er med i Vekstparken' });
    expect((await serverRows()).memberships.map((m) => m.display_name)).toEqual(['Kari N.']);
  });

  it('says when it is offline, and tries again', async () => {
    const { code } = await gardenWithCode(harness());
    await harness().signedInLearner(db);
    harness().failNext('/api/v1/network/join/', { kind: 'network' });
    open(`#${code}`);
    expect(
      await screen.findByText('Du er uten nett. Koble til internett og prøv igjen.'),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Prøv igjen' }));
    await screen.findByRole('region', { name: 'Vekstparken' });
  });

  it('is in nynorsk and English', async () => {
    const { code } = await gardenWithCode(harness());
    await harness().signedInLearner(db);
    const nn = open(`#${code}`, 'nn');
    await screen.findByRole('heading', { level: 1, name: 'Bli med i ein næringshage' });
    await screen.findByRole('list', { name: 'Dette ser rådgjevarane i næringshagen' });
    await screen.findByRole('button', { name: 'Bli med i Vekstparken' });
    nn.unmount();
    open(`#${code}`, 'en');
    await screen.findByRole('heading', { level: 1, name: 'Join a business garden' });
    await screen.findByRole('list', { name: 'What they will not see' });
    await screen.findByRole('button', { name: 'Join Vekstparken' });
  });
});

describe('join errors in plain words', () => {
  it('maps each refusal to its sentence', () => {
    expect(joinErrorKey(new RequestError('consent_outdated'))).toBe('join.error.consentOutdated');
    expect(joinErrorKey(new RequestError('join_code_not_found'))).toBe('join.error.notFound');
    expect(joinErrorKey(new RequestError('firm_not_found'))).toBe('join.error.firm');
    expect(joinErrorKey(new RequestError('offline'))).toBe('join.error.offline');
    expect(joinErrorKey(new RequestError('signed_out'))).toBe('join.error.signedOut');
    expect(joinErrorKey(new RequestError('rate_limited'))).toBe('join.error.rateLimited');
    expect(joinErrorKey(new Error('x'))).toBe('join.error.other');
    expect(previewErrorKey({ kind: 'rate-limited', retryAfter: 60 })).toBe(
      'join.error.rateLimited',
    );
    expect(
      previewErrorKey({ kind: 'refused', status: 400, code: 'invalid_request', fields: {} }),
    ).toBe('join.codeInvalid');
    expect(previewErrorKey({ kind: 'retryable', reason: 'server' })).toBe('join.error.server');
  });

  it('has the same placeholders in nb, nn and en', () => {
    expect(placeholderMismatches(joinTexts)).toEqual([]);
    expect(placeholderMismatches(consentTexts)).toEqual([]);
  });
});
