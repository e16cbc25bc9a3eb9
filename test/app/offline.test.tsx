// Offline awareness: no request at all while the browser reports no connection, the "Frakoblet"
// indicator (also after a failed request), what the catalogue, course and lesson screens show for
// courses that are and are not available offline, and the automatic download of started courses.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { getStoredCourse, storeCourse } from '../../src/client-core/db/courses';
import { getDownload } from '../../src/client-core/db/downloads';
import { completeLesson } from '../../src/client-core/db/learner-actions';
import { setDownloadSetting } from '../../src/client-core/db/settings';
import { downloadCourseForOffline } from '../../src/app/offline/downloads';
import { CATALOGUE_CACHE } from '../../src/shared/offline-caches';
import { mediaRequests, renderApp, setupAppTests, stubApi } from '../utils/app';
import { stubConnection, stubOnLine } from '../utils/browser';
import { installCaches } from '../utils/cache-storage';
import { catalogueEntryOf, ferjekurs, kontorNn, tryggEpost } from '../utils/bundles';

setupAppTests();

const indicator = () => within(screen.getByRole('banner')).getByRole('status');

async function downloaded() {
  stubApi({ bundles: [ferjekurs] });
  await downloadCourseForOffline('ferjekurs', { entry: catalogueEntryOf(ferjekurs) });
}

describe('while the browser reports no connection', () => {
  it('the home screen makes no request and says "Frakoblet"', async () => {
    installCaches();
    await storeCourse(kontorNn);
    await completeLesson('berekraftig-kontor', 'skru-av');
    const fetchMock = stubApi({ bundles: [kontorNn] });
    stubOnLine(false);
    renderApp('/');
    expect(await screen.findByRole('region', { name: 'Kurs du har begynt på' })).toBeTruthy();
    expect(indicator().textContent).toBe('Frakoblet');
    await new Promise((r) => setTimeout(r, 30));
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('the catalogue makes no request and shows the stored courses with a sentence', async () => {
    await storeCourse(kontorNn);
    const fetchMock = stubApi({ bundles: [kontorNn, tryggEpost] });
    stubOnLine(false);
    renderApp('/kurs');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'Kurslista kan ikke hentes nå. Her er kursene som er lagret på enheten.',
    );
    const stored = screen.getByRole('region', { name: 'Kurs lagret på enheten' });
    expect(await within(stored).findByRole('link', { name: 'Berekraftig kontor' })).toBeTruthy();
    expect(within(stored).getByText('Tilgjengelig uten nett')).toBeTruthy();
    expect(indicator().textContent).toBe('Frakoblet');
    fireEvent.click(within(alert).getByRole('button', { name: 'Prøv igjen' }));
    await new Promise((r) => setTimeout(r, 30));
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('the catalogue lists the cached catalogue, saying which courses work offline', async () => {
    const caches = installCaches();
    await downloaded();
    await storeCourse(tryggEpost);
    // What the service worker kept from its last network-first response.
    const entries = [ferjekurs, tryggEpost, kontorNn].map((b) => catalogueEntryOf(b));
    await (
      await caches.open(CATALOGUE_CACHE)
    ).put('/api/v1/courses', new Response(JSON.stringify({ courses: entries })));
    const fetchMock = stubApi({ bundles: [ferjekurs] });
    stubOnLine(false);
    renderApp('/kurs');
    expect(
      await screen.findByText(
        'Du er frakoblet. Kurs som ikke er lastet ned, kan ikke åpnes før du er på nett igjen.',
      ),
    ).toBeTruthy();
    const cardOf = async (title: string) =>
      (await screen.findByRole('link', { name: title })).closest('li') as HTMLElement;
    const ferje = await cardOf('Digitalt på ferja');
    expect(await within(ferje).findByText('Tilgjengelig uten nett')).toBeTruthy();
    // Stored without media: complete. Not stored at all: not available, and no download button.
    expect(
      await within(await cardOf('Trygg e-post')).findByText('Tilgjengelig uten nett'),
    ).toBeTruthy();
    const kontor = await cardOf('Berekraftig kontor');
    expect(await within(kontor).findByText('Ikke tilgjengelig uten nett')).toBeTruthy();
    // Offline, a downloaded course can still be deleted, and nothing offers a download.
    expect(await within(ferje).findByRole('button', { name: 'Slett nedlastingen' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Last ned/ })).toBeNull();
    expect(within(kontor).queryByRole('button')).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('a course that is not on the device says so, without a request', async () => {
    const fetchMock = stubApi({ bundles: [ferjekurs] });
    stubOnLine(false);
    renderApp('/kurs/ferjekurs');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Ikke tilgjengelig uten nett' }),
    ).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain(
      'Kurset er ikke lastet ned til denne enheten. Koble til nettet for å åpne det.',
    );
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('a lesson of a course that is not downloaded is not opened; a downloaded one is', async () => {
    installCaches();
    await storeCourse(ferjekurs); // the outline only: its images are not on the device
    stubApi({});
    stubOnLine(false);
    const { unmount } = renderApp('/kurs/ferjekurs/kartet');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Ikke tilgjengelig uten nett' }),
    ).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain(
      'Denne leksjonen er ikke lastet ned til enheten.',
    );
    expect(screen.getByRole('link', { name: 'Tilbake til kurset' })).toBeTruthy();
    unmount();

    stubOnLine(true);
    await downloaded();
    const fetchMock = stubApi({});
    stubOnLine(false);
    renderApp('/kurs/ferjekurs/kartet');
    expect(await screen.findByRole('heading', { level: 1, name: 'Kartet' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Kart over sambandet' })).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('the offline indicator', () => {
  it('shows "Frakoblet" after a failed request and clears on the online event', async () => {
    stubApi({ catalogue: 'offline' });
    const { state } = renderApp('/kurs');
    await waitFor(() => expect(indicator().textContent).toBe('Frakoblet'));
    expect(state.connectivity.online.value).toBe(false);
    const fetchMock = stubApi({ bundles: [tryggEpost] });
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(indicator().textContent).toBe(''));
    // The catalogue that failed is fetched again.
    expect(await screen.findByRole('link', { name: 'Trygg e-post' })).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/courses', expect.anything());
    window.dispatchEvent(new Event('offline'));
    await waitFor(() => expect(indicator().textContent).toBe('Frakoblet'));
  });
});

describe('automatic download of a started course', () => {
  it('downloads the course in full when the learner opens a lesson online', async () => {
    installCaches();
    const fetchMock = stubApi({ bundles: [ferjekurs] });
    renderApp('/kurs/ferjekurs/kartet');
    expect(await screen.findByRole('heading', { level: 1, name: 'Kartet' })).toBeTruthy();
    await waitFor(async () => expect((await getDownload('ferjekurs'))?.state).toBe('complete'), {
      timeout: 3000,
    });
    expect(mediaRequests(fetchMock).sort()).toEqual(ferjekurs.media.map((m) => m.url).sort());
    // The bundle stored for the page went along as ETag: it was not sent twice.
    const bundleCalls = fetchMock.mock.calls.filter(([u]) => u === '/api/v1/courses/ferjekurs');
    expect(bundleCalls).toHaveLength(2);
    expect(new Headers(bundleCalls[1]![1]!.headers).get('If-None-Match')).toBe(
      `"${ferjekurs.hash}"`,
    );
  });

  it('does nothing when the setting is off', async () => {
    installCaches();
    await setDownloadSetting('auto', false);
    const fetchMock = stubApi({ bundles: [ferjekurs] });
    await storeCourse(ferjekurs);
    renderApp('/kurs/ferjekurs/kartet');
    expect(await screen.findByRole('heading', { level: 1, name: 'Kartet' })).toBeTruthy();
    await new Promise((r) => setTimeout(r, 50));
    expect(fetchMock).not.toHaveBeenCalled();
    expect(await getDownload('ferjekurs')).toBeUndefined();
  });

  it('"Bare på Wi-Fi" waits for Wi-Fi where the device reports its connection', async () => {
    installCaches();
    await setDownloadSetting('wifiOnly', true);
    stubConnection('cellular');
    const fetchMock = stubApi({ bundles: [ferjekurs] });
    await storeCourse(ferjekurs);
    const { unmount } = renderApp('/kurs/ferjekurs/kartet');
    expect(await screen.findByRole('heading', { level: 1, name: 'Kartet' })).toBeTruthy();
    await new Promise((r) => setTimeout(r, 50));
    expect(mediaRequests(fetchMock)).toEqual([]);
    unmount();

    stubConnection('wifi');
    renderApp('/kurs/ferjekurs/ruta');
    await waitFor(async () => expect((await getDownload('ferjekurs'))?.state).toBe('complete'), {
      timeout: 3000,
    });
    expect(await getStoredCourse('ferjekurs')).toBeDefined();
  });
});
