// The advisor's garden view in the whole app (issue 14): /radgiver with its gardens and empty
// state, /radgiver/hage/:id with firms, the learners' table, its flag, sorting and filtering,
// every page fetched, the offline copy with "Sist oppdatert", errors, and axe. The app's real
// sync controller and request code run; `fetch` answers the advisor routes (test/utils/advisor-network.ts).
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AdvisorHome, GardenScreen } from '../../src/app/screens/lazy';
import { forgetAdvisorCopy } from '../../src/app/advisor/forget-copy';
import {
  openAdvisorCopy,
  readGardenView,
  readLearnerDetail,
} from '../../src/app/advisor/offline-copy';
import { advisorTexts } from '../../src/app/advisor/texts';
import { placeholderMismatches } from '../../src/app/i18n/feature-texts';
import { renderApp, setupAppTests } from '../utils/app';
import {
  ADVISOR_ID,
  DAY,
  GARDEN_ID,
  OTHER_ADVISOR_ID,
  garden,
  gardenAnswers,
  gardenDetail,
  learner,
  learnerDetail,
  signInAdvisor,
  stubNetwork,
  updatedAtNb,
  violations,
} from '../utils/advisor-network';
import type { LearnerSummary } from '../../src/shared/network-protocol';

setupAppTests();
// The advisor chunks load before the first test, as a visited screen's would: a cold transform on
// a busy machine must not eat the first test's wait.
beforeAll(() => Promise.all([AdvisorHome.preload(), GardenScreen.preload()]));

beforeEach(() => forgetAdvisorCopy());

const GARDEN_PATH = `/radgiver/hage/${GARDEN_ID}`;

/** Open the garden online with `learners` and leave once the view is stored on the device. */
async function visitOnline(learners: LearnerSummary[], expectedStored = learners.length) {
  stubNetwork(gardenAnswers(learners));
  const view = renderApp(GARDEN_PATH);
  await screen.findByText(/^Viser /);
  await waitFor(async () =>
    expect((await storedView())?.value.learners).toHaveLength(expectedStored),
  );
  view.unmount();
}

const tableRowNames = () =>
  within(screen.getByRole('table'))
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent);

async function storedView(userId = ADVISOR_ID) {
  const copy = await openAdvisorCopy();
  try {
    return await readGardenView(copy, userId, GARDEN_ID);
  } finally {
    copy.close();
  }
}

describe('/radgiver', () => {
  it('lists the gardens the advisor advises with their counts, and links to each', async () => {
    await signInAdvisor();
    stubNetwork((path) => {
      if (path.startsWith('/api/v1/network/gardens?')) return { gardens: [garden()], next: null };
      if (path === `/api/v1/network/gardens/${GARDEN_ID}`) return gardenDetail();
      return undefined;
    });
    renderApp('/radgiver');
    const link = await screen.findByRole('link', { name: 'Nordhagen næringshage' });
    expect(link.getAttribute('href')).toBe(GARDEN_PATH);
    expect(screen.getByText('2 bedrifter · 1 rådgiver')).toBeTruthy();
    expect(screen.getByText('Bergen, Vestland')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Rådgiver' })).toBeTruthy();
    expect(document.title).toBe('Rådgiver – Lommekurs');
    expect(await violations()).toEqual([]);
  });

  it('lists only gardens the user advises (a network admin gets every garden from GET /gardens)', async () => {
    await signInAdvisor();
    const other = garden({ id: '77777777-7777-4777-8777-777777777777', name: 'Annen hage' });
    stubNetwork((path) => {
      if (path.startsWith('/api/v1/network/gardens?')) {
        return { gardens: [garden(), other], next: null };
      }
      if (path === `/api/v1/network/gardens/${GARDEN_ID}`) return gardenDetail();
      if (path === `/api/v1/network/gardens/${other.id}`) {
        return gardenDetail({ garden: other, advisors: [] });
      }
      return undefined;
    });
    renderApp('/radgiver');
    await screen.findByRole('link', { name: 'Nordhagen næringshage' });
    expect(screen.queryByRole('link', { name: 'Annen hage' })).toBeNull();
  });

  it('says so to a user who advises no garden', async () => {
    await signInAdvisor();
    stubNetwork((path) =>
      path.startsWith('/api/v1/network/gardens?') ? { gardens: [], next: null } : undefined,
    );
    renderApp('/radgiver');
    await screen.findByText('Du er ikke rådgiver i noen næringshage ennå.');
    expect(await violations()).toEqual([]);
  });

  it('asks a signed-out visitor to sign in, and fetches nothing', async () => {
    const network = stubNetwork(() => undefined);
    renderApp('/radgiver');
    await screen.findByText('Logg inn med kontoen din for å se rådgiversidene.');
    expect(screen.getByRole('link', { name: 'Logg inn' }).getAttribute('href')).toBe('/konto');
    expect(network.mock.calls.map(([url]) => String(url))).not.toContainEqual(
      expect.stringContaining('/network/'),
    );
  });
});

describe('/radgiver/hage/:gardenId', () => {
  it('shows firms, the learners with the flag and their figures, linking to "Forbered samtale"', async () => {
    await signInAdvisor();
    const fetchedAt = Date.now() - 60_000;
    const stuck = learner({
      displayName: 'Kari Nordmann',
      needsFollowUp: true,
      lastActivityAt: Date.now() - 20 * DAY,
    });
    const fine = learner({ displayName: 'Ola Hansen', firm: null });
    stubNetwork(gardenAnswers([stuck, fine], { fetchedAt }));
    renderApp(GARDEN_PATH);
    await screen.findByRole('heading', { level: 1, name: 'Nordhagen næringshage' });
    expect(screen.getByText(updatedAtNb(fetchedAt))).toBeTruthy();

    const firmsSection = screen.getByRole('region', { name: 'Bedrifter' });
    expect(within(firmsSection).getByText('Fjordfisk AS')).toBeTruthy();
    expect(firmsSection.textContent).toContain('Fjordfisk AS (974760673) · 1 elev');
    expect(firmsSection.textContent).toContain('Bakeriet på hjørnet · 0 elever');

    const table = screen.getByRole('table', { name: 'Elevene i Nordhagen næringshage' });
    const kari = within(table).getByRole('link', { name: 'Forbered samtale med Kari Nordmann' });
    expect(kari.getAttribute('href')).toBe(`${GARDEN_PATH}/elev/${stuck.id}`);
    const kariRow = kari.closest('tr') as HTMLElement;
    expect(within(kariRow).getByText('Trenger oppfølging')).toBeTruthy();
    expect(within(kariRow).getByText('1 påbegynt, 0 fullført')).toBeTruthy();
    expect(within(kariRow).getByText('12')).toBeTruthy();
    const olaRow = within(table)
      .getByRole('link', { name: /Ola Hansen/ })
      .closest('tr')!;
    expect(within(olaRow as HTMLElement).getByText('Ingen bedrift')).toBeTruthy();
    expect(within(olaRow as HTMLElement).queryByText('Trenger oppfølging')).toBeNull();
    expect(screen.getByText('1 trenger oppfølging')).toBeTruthy();
    // The table scrolls in its own focusable, labelled region at 360 px.
    const region = screen.getByRole('region', { name: 'Elevene i Nordhagen næringshage' });
    expect(region.tabIndex).toBe(0);
    expect(await violations()).toEqual([]);
  });

  it('fetches every page of a big garden', async () => {
    await signInAdvisor();
    const learners = Array.from({ length: 5 }, (_, i) => learner({ displayName: `Lærling ${i}` }));
    const network = stubNetwork(gardenAnswers(learners, { pageSize: 2 }));
    renderApp(GARDEN_PATH);
    await screen.findByText('Viser 5 av 5 elever');
    const pages = network.mock.calls
      .map(([url]) => String(url))
      .filter((url) => url.includes('/learners?'));
    expect(pages).toHaveLength(3);
    expect(pages[1]).toContain(`after=${learners[1].id}`);
    expect(pages[2]).toContain(`after=${learners[3].id}`);
  });

  it('sorts by name (æøå last), last activity and follow-up first; filters by firm, flag and name', async () => {
    await signInAdvisor();
    const now = Date.now();
    const learners = [
      learner({ displayName: 'Åse', lastActivityAt: now - 3 * DAY, firm: null }),
      learner({ displayName: 'Øystein', lastActivityAt: now - DAY, needsFollowUp: true }),
      learner({ displayName: 'Bjørn', lastActivityAt: null }),
      learner({ displayName: 'Anne', lastActivityAt: now - 2 * DAY, needsFollowUp: true }),
    ];
    stubNetwork(gardenAnswers(learners));
    renderApp(GARDEN_PATH);
    await screen.findByRole('table');
    expect(tableRowNames()).toEqual(['Anne', 'Bjørn', 'Øystein', 'Åse']);

    const sort = screen.getByLabelText('Sorter etter');
    fireEvent.change(sort, { target: { value: 'activity' } });
    expect(tableRowNames()).toEqual(['Øystein', 'Anne', 'Åse', 'Bjørn']);
    fireEvent.change(sort, { target: { value: 'followUp' } });
    expect(tableRowNames()).toEqual(['Anne', 'Øystein', 'Bjørn', 'Åse']);

    fireEvent.click(screen.getByLabelText('Bare de som trenger oppfølging'));
    expect(tableRowNames()).toEqual(['Anne', 'Øystein']);
    expect(screen.getByText('Viser 2 av 4 elever')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Bare de som trenger oppfølging'));

    const firm = screen.getByLabelText('Bedrift');
    fireEvent.change(firm, { target: { value: 'none' } });
    expect(tableRowNames()).toEqual(['Åse']);
    fireEvent.change(firm, { target: { value: 'firm:f1' } });
    expect(tableRowNames()).toEqual(['Anne', 'Øystein', 'Bjørn']);
    fireEvent.change(firm, { target: { value: 'all' } });

    fireEvent.input(screen.getByLabelText('Søk på navn'), { target: { value: 'øYs' } });
    expect(tableRowNames()).toEqual(['Øystein']);
    fireEvent.input(screen.getByLabelText('Søk på navn'), { target: { value: 'zzz' } });
    expect(screen.getByText('Ingen elever passer til valgene dine.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(await violations()).toEqual([]);
  });

  it('says when no learner has joined yet', async () => {
    await signInAdvisor();
    stubNetwork(gardenAnswers([]));
    renderApp(GARDEN_PATH);
    await screen.findByText(
      'Ingen elever har blitt med ennå. Lag en kode nedenfor og del den med bedriftene.',
    );
  });
});

describe('the offline copy', () => {
  it('offline, shows the last view with its time (the date too when not today)', async () => {
    await signInAdvisor();
    const yesterday = Date.now() - DAY;
    const kari = learner({ displayName: 'Kari Nordmann' });
    stubNetwork(gardenAnswers([kari], { fetchedAt: yesterday }));
    const first = renderApp(GARDEN_PATH);
    await screen.findByRole('table');
    await waitFor(async () => expect((await storedView())?.value.learners).toHaveLength(1));
    first.unmount();

    stubNetwork(() => 'offline');
    renderApp(GARDEN_PATH);
    const notice = await screen.findByText(/Du er uten nett\. Du ser kopien/);
    expect(notice.closest('p')?.textContent).toContain(updatedAtNb(yesterday, false));
    expect(screen.getByRole('link', { name: /Kari Nordmann/ })).toBeTruthy();
    expect(await violations()).toEqual([]);
  });

  it('is replaced, not merged: a learner who withdrew is gone at the next refresh, details too', async () => {
    await signInAdvisor();
    const kari = learner({ displayName: 'Kari Nordmann' });
    const ola = learner({ displayName: 'Ola Hansen' });
    await visitOnline([kari, ola]);
    // C2b's detail of Ola, stored as "Forbered samtale" would.
    const { saveLearnerDetail } = await import('../../src/app/advisor/offline-copy');
    const copy = await openAdvisorCopy();
    await saveLearnerDetail(copy, ADVISOR_ID, GARDEN_ID, {
      value: learnerDetail(ola),
      fetchedAt: Date.now(),
    });
    copy.close();

    // Ola withdrew: the server no longer lists him.
    await visitOnline([kari]);

    stubNetwork(() => 'offline');
    renderApp(GARDEN_PATH);
    await screen.findByText(/Du er uten nett\. Du ser kopien/);
    expect(screen.getByRole('link', { name: /Kari Nordmann/ })).toBeTruthy();
    expect(screen.queryByText(/Ola Hansen/)).toBeNull();
    const after = await openAdvisorCopy();
    expect(await readLearnerDetail(after, ADVISOR_ID, GARDEN_ID, ola.id)).toBeNull();
    after.close();
  });

  it('is never shown to another user on the same device', async () => {
    await signInAdvisor();
    await visitOnline([learner({ displayName: 'Kari Nordmann' })]);

    await signInAdvisor(OTHER_ADVISOR_ID);
    stubNetwork(() => 'offline');
    renderApp(GARDEN_PATH);
    await screen.findByText(/ingen kopi er lagret på denne enheten ennå/);
    expect(screen.queryByText(/Kari Nordmann/)).toBeNull();
  });

  it('offline with no copy, and a refusal, say so in plain words; a refusal drops the copy', async () => {
    await signInAdvisor();
    stubNetwork(() => 'offline');
    const first = renderApp(GARDEN_PATH);
    await screen.findByText(
      'Du er uten nett, og ingen kopi er lagret på denne enheten ennå. Prøv igjen når du er på nett.',
    );
    expect(await violations()).toEqual([]);
    first.unmount();

    await visitOnline([learner()]);

    // No longer an advisor of the garden: 403, and the copy goes.
    stubNetwork(() => ({ status: 403, error: 'forbidden' }));
    renderApp(GARDEN_PATH);
    await screen.findByText('Du er ikke rådgiver i denne næringshagen.');
    expect(screen.queryByRole('table')).toBeNull();
    await waitFor(async () => expect(await storedView()).toBeNull());
  });

  it('when the server fails, shows the copy and says the server could not be reached; "Oppdater" fetches again', async () => {
    await signInAdvisor();
    await visitOnline([learner({ displayName: 'Kari Nordmann' })]);

    stubNetwork(() => ({ status: 503, error: 'unavailable' }));
    renderApp(GARDEN_PATH);
    await screen.findByText(/Fikk ikke kontakt med serveren\. Du ser kopien/);
    stubNetwork(gardenAnswers([learner({ displayName: 'Per Fersk' })]));
    fireEvent.click(screen.getByRole('button', { name: 'Oppdater' }));
    await screen.findByRole('link', { name: /Per Fersk/ });
    expect(screen.queryByText(/Du ser kopien/)).toBeNull();
  });
});

describe('back online', () => {
  it('refreshes by itself when the connection returns', async () => {
    await signInAdvisor();
    await visitOnline([learner({ displayName: 'Kari Nordmann' })]);
    stubNetwork(() => 'offline');
    renderApp(GARDEN_PATH);
    window.dispatchEvent(new Event('offline'));
    await screen.findByText(/Du er uten nett\. Du ser kopien/);
    stubNetwork(gardenAnswers([learner({ displayName: 'Per Fersk' })]));
    window.dispatchEvent(new Event('online'));
    await screen.findByRole('link', { name: /Per Fersk/ });
    expect(screen.queryByText(/Kari Nordmann/)).toBeNull();
  });
});

describe('texts', () => {
  it('nn and en have the placeholders of nb', () => {
    expect(placeholderMismatches(advisorTexts)).toEqual([]);
  });

  it('the screens read in nynorsk and English', async () => {
    await signInAdvisor();
    stubNetwork(gardenAnswers([learner({ displayName: 'Kari Nordmann', needsFollowUp: true })]));
    const nn = renderApp(GARDEN_PATH, 'nn');
    await screen.findByRole('table', { name: 'Elevane i Nordhagen næringshage' });
    expect(screen.getAllByText('Treng oppfølging').length).toBeGreaterThan(0);
    nn.unmount();
    renderApp(GARDEN_PATH, 'en');
    await screen.findByRole('table', { name: 'The learners of Nordhagen næringshage' });
    expect(screen.getByRole('button', { name: 'Download as CSV' })).toBeTruthy();
  });
});
