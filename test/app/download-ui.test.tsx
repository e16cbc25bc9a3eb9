// The trip pack in the interface: download buttons with sizes, byte progress, failures with
// "Prøv igjen", "Last ned alt", deleting with a confirmation, and updates in place.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { getStoredCourse, storeCourse } from '../../src/client-core/db/courses';
import { db } from '../../src/client-core/db/db';
import { getDownload } from '../../src/client-core/db/downloads';
import { completeLesson } from '../../src/client-core/db/learner-actions';
import { getLessonProgress } from '../../src/client-core/db/progress';
import { createI18n } from '../../src/app/i18n';
import { downloadCourseForOffline } from '../../src/app/offline/downloads';
import { mediaCacheName } from '../../src/shared/offline-caches';
import { mediaRequests, renderApp, setupAppTests, stubApi } from '../utils/app';
import { stubStorage } from '../utils/browser';
import { installCaches, quotaError } from '../utils/cache-storage';
import { catalogueEntryOf, ferjekurs, ferjekursV2, kontorNn, tryggEpost } from '../utils/bundles';

setupAppTests();

const MEDIA = ferjekurs.media.map((m) => m.url);
const space = /[\s\u00a0\u202f]/.source;
const card = async (title: string) =>
  (await screen.findByRole('link', { name: title })).closest('li') as HTMLElement;

describe('downloading from the catalogue', () => {
  it('shows the size first, the progress in bytes, then "available offline"', async () => {
    const caches = installCaches();
    const { storage } = stubStorage({ persisted: false, grant: true });
    stubApi({ bundles: [ferjekurs, tryggEpost], chunkBytes: 50_000 });
    renderApp('/kurs');
    const ferje = await card('Digitalt på ferja');
    const button = await within(ferje).findByRole('button', {
      name: new RegExp(`^Last ned \\(1,2${space}MB\\)$`),
    });
    expect(button.getAttribute('aria-describedby')).toBe('course-title-ferjekurs');
    fireEvent.click(button);

    const bar = await within(ferje).findByRole('progressbar', {
      name: 'Nedlasting av Digitalt på ferja',
    });
    const total = catalogueEntryOf(ferjekurs).bundleBytes + 1_200_000;
    await waitFor(() => expect(bar.getAttribute('aria-valuemax')).toBe(String(total)));
    await waitFor(() => expect(Number(bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0));
    expect(bar.getAttribute('aria-valuetext')).toMatch(new RegExp(`^\\d(,\\d)? av 1,2${space}MB$`));
    // The same words are shown next to the bar.
    expect(bar.parentElement!.querySelector('.progress-text')!.textContent).toBe(
      bar.getAttribute('aria-valuetext'),
    );
    expect(within(ferje).getByRole('button', { name: 'Avbryt nedlastingen' })).toBeTruthy();

    expect(await within(ferje).findByText('Tilgjengelig uten nett')).toBeTruthy();
    await waitFor(() =>
      expect(
        within(ferje)
          .getAllByRole('status')
          .map((s) => s.textContent),
      ).toContain('Digitalt på ferja er lastet ned og kan brukes uten nett.'),
    );
    expect(within(ferje).queryByRole('progressbar')).toBeNull();
    expect(within(ferje).getByRole('button', { name: 'Slett nedlastingen' })).toBeTruthy();
    expect(caches.caches.get(mediaCacheName('ferjekurs'))!.paths().sort()).toEqual(
      [...MEDIA].sort(),
    );
    // The download did not ask the browser for persistent storage (Firefox would have put a
    // question to the learner out of nowhere); the learner is offered it, with why.
    expect(storage.persist).not.toHaveBeenCalled();
    expect(
      await screen.findByText(
        'Med varig lagring blir nedlastede kurs og fremgangen din liggende, også når telefonen får lite plass.',
      ),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Be om varig lagring' }));
    expect(
      await screen.findByText('Nettleseren har lovet å ta vare på nedlastingene dine.'),
    ).toBeTruthy();
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'Be om varig lagring' })).toBeNull();
  });

  it('offers persistent storage only once something is downloaded, and never asks by itself', async () => {
    installCaches();
    const { storage } = stubStorage({ persisted: false, grant: false });
    stubApi({ bundles: [ferjekurs] });
    renderApp('/kurs');
    await card('Digitalt på ferja');
    await waitFor(() => expect(storage.persisted).toHaveBeenCalled());
    expect(screen.queryByRole('button', { name: 'Be om varig lagring' })).toBeNull();

    await downloadCourseForOffline('ferjekurs', { entry: catalogueEntryOf(ferjekurs) });
    fireEvent.click(await screen.findByRole('button', { name: 'Be om varig lagring' }));
    const denied = await screen.findByText(
      /^Nettleseren kan slette nedlastingene hvis enheten får lite plass\./,
    );
    expect(within(denied).getByRole('link', { name: 'Lagring og nedlastinger' })).toBeTruthy();
    expect(storage.persist).toHaveBeenCalledTimes(1);
  });

  it('says why a download stopped, and "Prøv igjen" resumes without fetching twice', async () => {
    installCaches();
    const fetchMock = stubApi({
      bundles: [ferjekurs],
      media: (url, n) => (url === MEDIA[1] && n === 1 ? { status: 500 } : 'ok'),
    });
    renderApp('/kurs');
    const ferje = await card('Digitalt på ferja');
    fireEvent.click(await within(ferje).findByRole('button', { name: /^Last ned/ }));
    const alert = await within(ferje).findByRole('alert');
    expect(alert.textContent).toContain(
      'Tjeneren svarte med en feil (kode 500), så nedlastingen stoppet. Prøv igjen senere.',
    );
    expect(within(ferje).queryByText('Tilgjengelig uten nett')).toBeNull();
    fireEvent.click(within(alert).getByRole('button', { name: 'Prøv igjen' }));
    expect(await within(ferje).findByText('Tilgjengelig uten nett')).toBeTruthy();
    expect(mediaRequests(fetchMock)).toEqual([MEDIA[0], MEDIA[1], MEDIA[1], MEDIA[2]]);
  });

  it('explains a full disk with the space the course needs', async () => {
    const caches = installCaches();
    stubStorage({ usage: 1_000_000, quota: 501_000_000 });
    (await caches.open(mediaCacheName('ferjekurs'))).failPut = () => {
      throw quotaError();
    };
    stubApi({ bundles: [ferjekurs] });
    renderApp('/kurs');
    const ferje = await card('Digitalt på ferja');
    fireEvent.click(await within(ferje).findByRole('button', { name: /^Last ned/ }));
    const alert = await within(ferje).findByRole('alert');
    expect(alert.textContent!.replace(/\s/g, ' ')).toContain(
      'Det er ikke nok lagringsplass på enheten. Kurset trenger 1,2 MB. Slett andre nedlastinger',
    );
    expect(await db.courses.count()).toBe(0);
    expect(await db.lessons.count()).toBe(0);
  });

  it('"Last ned alt" downloads every course not yet available, one after another', async () => {
    installCaches();
    const fetchMock = stubApi({ bundles: [ferjekurs, tryggEpost, kontorNn] });
    await storeCourse(kontorNn); // a course without media is available once stored
    renderApp('/kurs');
    const all = await screen.findByRole('button', { name: /^Last ned alt \(/ });
    const expected =
      catalogueEntryOf(ferjekurs).bundleBytes +
      1_200_000 +
      catalogueEntryOf(tryggEpost).bundleBytes +
      catalogueEntryOf(tryggEpost).mediaBytes;
    fireEvent.click(all);
    const bar = await screen.findByRole('progressbar', { name: 'Nedlasting av alle kurs' });
    expect(bar.getAttribute('aria-valuemax')).toBe(String(expected));
    expect(bar.getAttribute('aria-valuetext')).toMatch(/^Kurs 1 av 2: /);
    expect(
      await screen.findByText('Alle kursene er lastet ned og kan brukes uten nett.', {
        selector: 'p:not([role])',
      }),
    ).toBeTruthy();
    for (const id of ['ferjekurs', 'trygg-epost', 'berekraftig-kontor'])
      expect(await getStoredCourse(id)).toBeDefined();
    expect((await getDownload('ferjekurs'))?.state).toBe('complete');
    // Sequential: the second bundle was asked for after the last image of the first course.
    const urls = fetchMock.mock.calls.map(([u]) => String(u));
    expect(urls.indexOf('/api/v1/courses/trygg-epost')).toBeGreaterThan(urls.indexOf(MEDIA[2]!));
    expect(urls).not.toContain('/api/v1/courses/berekraftig-kontor');
  });
});

describe('deleting a download', () => {
  it('asks first, keeps the download on "Avbryt", and keeps progress on "Slett"', async () => {
    const caches = installCaches();
    stubApi({ bundles: [ferjekurs] });
    await downloadCourseForOffline('ferjekurs', { entry: catalogueEntryOf(ferjekurs) });
    await completeLesson('ferjekurs', 'kartet');
    renderApp('/kurs');
    const ferje = await card('Digitalt på ferja');
    const remove = await within(ferje).findByRole('button', { name: 'Slett nedlastingen' });
    remove.focus();
    fireEvent.click(remove);

    let dialog = await screen.findByRole('dialog', { name: 'Slette nedlastingen?' });
    expect(dialog.textContent).toContain('Fremdriften din blir ikke slettet.');
    const cancel = within(dialog).getByRole('button', { name: 'Avbryt' });
    expect(document.activeElement).toBe(cancel);
    fireEvent.click(cancel);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(remove));
    expect(caches.caches.has(mediaCacheName('ferjekurs'))).toBe(true);

    // Escape closes it too.
    fireEvent.click(remove);
    dialog = await screen.findByRole('dialog');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    fireEvent.click(remove);
    dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Slett' }));
    await waitFor(() => expect(caches.caches.has(mediaCacheName('ferjekurs'))).toBe(false));
    await waitFor(async () => expect(await getStoredCourse('ferjekurs')).toBeUndefined());
    expect(await getDownload('ferjekurs')).toBeUndefined();
    expect(await db.lessons.where('courseId').equals('ferjekurs').count()).toBe(0);
    expect((await getLessonProgress('ferjekurs', 'kartet'))?.completedAt).not.toBeNull();
    expect(
      await within(ferje).findByText('Nedlastingen av Digitalt på ferja er slettet.'),
    ).toBeTruthy();
    expect(
      await within(ferje).findByRole('button', {
        name: new RegExp(`^Last ned \\(1,2${space}MB\\)$`),
      }),
    ).toBeTruthy();
  });

  it('on the course page, does not fetch the course again behind the learner’s back', async () => {
    installCaches();
    const fetchMock = stubApi({ bundles: [ferjekurs] });
    await downloadCourseForOffline('ferjekurs', { entry: catalogueEntryOf(ferjekurs) });
    renderApp('/kurs/ferjekurs');
    const section = await screen.findByRole('region', { name: 'Bruk uten nett' });
    expect(within(section).getByText('Tilgjengelig uten nett')).toBeTruthy();
    fireEvent.click(await within(section).findByRole('button', { name: 'Slett nedlastingen' }));
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Slett' }),
    );
    expect(
      await screen.findByText('Kurset er slettet fra enheten. Fremdriften din er tatt vare på.'),
    ).toBeTruthy();
    fetchMock.mockClear();
    await new Promise((r) => setTimeout(r, 20));
    expect(fetchMock).not.toHaveBeenCalledWith('/api/v1/courses/ferjekurs', expect.anything());
    expect(await screen.findByRole('button', { name: /^Last ned \(/ })).toBeTruthy();
  });
});

describe('course updates', () => {
  it('offers the newer version with its size and updates in place, keeping progress', async () => {
    installCaches();
    stubApi({ bundles: [ferjekurs] });
    await downloadCourseForOffline('ferjekurs', { entry: catalogueEntryOf(ferjekurs) });
    await completeLesson('ferjekurs', 'kartet');
    await completeLesson('ferjekurs', 'billetten');
    const fetchMock = stubApi({ bundles: [ferjekursV2] });
    renderApp('/kurs');
    const ferje = await card('Digitalt på ferja');
    expect(await within(ferje).findByText('Oppdatering tilgjengelig')).toBeTruthy();
    const size = createI18n('nb').bytes(catalogueEntryOf(ferjekursV2).bundleBytes + 850_000);
    expect(size).toMatch(new RegExp(`^85\\d${space}kB$`));
    const update = within(ferje).getByRole('button', { name: `Oppdater kurset (${size})` });
    // The old version is still there while nothing has been clicked.
    expect((await getStoredCourse('ferjekurs'))?.version).toBe(1);
    fireEvent.click(update);
    await waitFor(() =>
      expect(
        within(ferje)
          .getAllByRole('status')
          .map((s) => s.textContent),
      ).toContain('Digitalt på ferja er oppdatert.'),
    );
    expect((await getStoredCourse('ferjekurs'))?.version).toBe(2);
    expect((await getDownload('ferjekurs'))?.version).toBe(2);
    await waitFor(() => expect(within(ferje).queryByText('Oppdatering tilgjengelig')).toBeNull());
    expect(within(ferje).getByText('Tilgjengelig uten nett')).toBeTruthy();
    // Only the changed image was fetched; progress is kept and counts current lessons only.
    expect(mediaRequests(fetchMock)).toEqual([ferjekursV2.media[1]!.url]);
    const bar = within(ferje).getByRole('progressbar', { name: 'Fremdrift i Digitalt på ferja' });
    expect(bar.getAttribute('aria-valuenow')).toBe('33');
    expect((await getLessonProgress('ferjekurs', 'billetten'))?.completedAt).not.toBeNull();
  });

  it('shows the update on the course page too', async () => {
    installCaches();
    stubApi({ bundles: [ferjekurs] });
    await downloadCourseForOffline('ferjekurs', { entry: catalogueEntryOf(ferjekurs) });
    stubApi({ bundles: [ferjekursV2] });
    renderApp('/kurs/ferjekurs');
    const section = await screen.findByRole('region', { name: 'Bruk uten nett' });
    expect(await within(section).findByText('Oppdatering tilgjengelig')).toBeTruthy();
    expect(within(section).getByText(/^Versjon 2 er klar\./)).toBeTruthy();
    fireEvent.click(within(section).getByRole('button', { name: /^Oppdater kurset \(/ }));
    await waitFor(async () => expect((await getStoredCourse('ferjekurs'))?.version).toBe(2));
    expect(await screen.findByRole('heading', { level: 2, name: 'Leksjoner' })).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('link', { name: 'Pausen' })).toBeTruthy());
  });
});

describe('download controls without Cache Storage', () => {
  it('say that this browser cannot store courses offline', async () => {
    vi.stubGlobal('caches', undefined);
    stubApi({ bundles: [ferjekurs] });
    renderApp('/kurs');
    const ferje = await card('Digitalt på ferja');
    fireEvent.click(await within(ferje).findByRole('button', { name: /^Last ned/ }));
    expect((await within(ferje).findByRole('alert')).textContent).toContain(
      'Denne nettleseren kan ikke lagre kurs for bruk uten nett.',
    );
  });
});
