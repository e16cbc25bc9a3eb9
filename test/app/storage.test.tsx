// The storage screen (/lagring): used and free space, persistence and the button to ask for it,
// every course on the device with its size, and deleting from there.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { getStoredCourse, storeCourse } from '../../src/client-core/db/courses';
import { completeLesson } from '../../src/client-core/db/learner-actions';
import { getLessonProgress } from '../../src/client-core/db/progress';
import { createI18n } from '../../src/app/i18n';
import { downloadCourseForOffline } from '../../src/app/offline/downloads';
import { mediaCacheName } from '../../src/shared/offline-caches';
import { renderApp, setupAppTests, stubApi } from '../utils/app';
import { stubStorage } from '../utils/browser';
import { installCaches } from '../utils/cache-storage';
import { catalogueEntryOf, ferjekurs, tryggEpost } from '../utils/bundles';

setupAppTests();

const space = /[\s\u00a0\u202f]/g;
const text = (el: Element) => el.textContent!.replace(space, ' ');

describe('storage screen', () => {
  it('shows used and free space, persistence, and each course with its size', async () => {
    const caches = installCaches();
    const { storage, facts } = stubStorage({
      usage: 3_400_000,
      quota: 1_203_400_000,
      persisted: false,
      grant: false,
    });
    stubApi({ bundles: [ferjekurs, tryggEpost] });
    await downloadCourseForOffline('ferjekurs', { entry: catalogueEntryOf(ferjekurs) });
    await storeCourse(tryggEpost);
    renderApp('/lagring');
    expect(await screen.findByRole('heading', { level: 1, name: 'Lagring' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Lagring – Lommekurs'));

    const space_ = await screen.findByRole('region', { name: 'Plass på enheten' });
    await waitFor(() => expect(text(space_)).toContain('Brukt av Lommekurs3,4 MB'));
    expect(text(space_)).toContain('Ledig for Lommekurs1,2 GB');
    expect(storage.estimate).toHaveBeenCalled();
    await waitFor(() =>
      expect(text(space_)).toContain(
        'Varig lagringNei. Nettleseren kan slette nedlastingene hvis enheten får lite plass.',
      ),
    );

    // One sentence on why, next to the button; nothing was asked before the learner chose to.
    expect(text(space_)).toContain(
      'Med varig lagring blir nedlastede kurs og fremgangen din liggende, også når telefonen får lite plass.',
    );
    expect(storage.persist).not.toHaveBeenCalled();
    fireEvent.click(within(space_).getByRole('button', { name: 'Be om varig lagring' }));
    expect(
      await within(space_).findByText(
        'Nettleseren sa nei. Installer appen og bruk den jevnlig, så kan svaret bli et annet senere.',
      ),
    ).toBeTruthy();
    expect(storage.persist).toHaveBeenCalledTimes(1);
    facts.grant = true;
    fireEvent.click(within(space_).getByRole('button', { name: 'Be om varig lagring' }));
    expect(
      await within(space_).findByText('Nettleseren sa ja: nedlastingene er nå varig lagret.'),
    ).toBeTruthy();
    expect(text(space_)).toContain('Varig lagringJa.');
    expect(within(space_).queryByRole('button', { name: 'Be om varig lagring' })).toBeNull();

    const courses = screen.getByRole('region', { name: 'Kurs på enheten' });
    const items = await within(courses).findAllByRole('listitem');
    expect(items.map((i) => within(i).getByRole('heading').textContent)).toEqual([
      'Digitalt på ferja',
      'Trygg e-post',
    ]);
    const size = createI18n('nb').bytes(catalogueEntryOf(ferjekurs).bundleBytes + 1_200_000);
    await waitFor(() =>
      expect(text(items[0]!)).toContain(
        `Tilgjengelig uten nett · Bruker ${size.replace(space, ' ')}`,
      ),
    );
    expect(text(items[1]!)).toContain('Tilgjengelig uten nett');

    // Delete from here: asks first, keeps progress.
    await completeLesson('ferjekurs', 'ruta');
    fireEvent.click(await within(items[0]!).findByRole('button', { name: 'Slett nedlastingen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Slette nedlastingen?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Slett' }));
    await waitFor(() => expect(within(courses).getAllByRole('listitem')).toHaveLength(1));
    await waitFor(() =>
      expect(
        within(courses)
          .getAllByRole('status')
          .map((s) => s.textContent),
      ).toContain('Nedlastingen av Digitalt på ferja er slettet.'),
    );
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Kurs på enheten' })),
    );
    expect(await getStoredCourse('ferjekurs')).toBeUndefined();
    expect(caches.caches.has(mediaCacheName('ferjekurs'))).toBe(false);
    expect((await getLessonProgress('ferjekurs', 'ruta'))?.completedAt).not.toBeNull();
  });

  it('lists an interrupted download and says when the browser gives no estimate', async () => {
    installCaches();
    stubApi({
      bundles: [ferjekurs],
      media: (url) => (url === ferjekurs.media[2]!.url ? 'offline' : 'ok'),
    });
    await downloadCourseForOffline('ferjekurs', { entry: catalogueEntryOf(ferjekurs) }).catch(
      () => {},
    );
    renderApp('/lagring');
    expect(
      await screen.findByText('Denne nettleseren forteller ikke hvor mye plass som er brukt.'),
    ).toBeTruthy();
    expect(screen.getByText('Denne nettleseren sier ikke om lagringen er varig.')).toBeTruthy();
    const courses = screen.getByRole('region', { name: 'Kurs på enheten' });
    const item = await within(courses).findByRole('listitem');
    await waitFor(() => expect(text(item)).toContain('Delvis lastet ned · Bruker 900 kB'));
  });

  it('is linked from settings and home', async () => {
    stubApi({});
    const { unmount } = renderApp('/innstillinger');
    expect(screen.getByRole('link', { name: 'Lagring og nedlastinger' }).getAttribute('href')).toBe(
      '/lagring',
    );
    unmount();
    renderApp('/');
    // Home shows it below the course list, once the list is read.
    expect(await screen.findByRole('link', { name: 'Lagring og nedlastinger' })).toBeTruthy();
  });
});
