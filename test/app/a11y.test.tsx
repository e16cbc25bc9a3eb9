// axe-core on every screen in jsdom (structure, names, roles, ARIA; colour contrast needs a real
// layout engine and is checked by the end-to-end Lighthouse run instead).
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { storeCourse } from '../../src/app/db/courses';
import { completeLesson } from '../../src/app/db/learner-actions';
import { downloadCourseForOffline } from '../../src/app/offline/downloads';
import { catalogueEntryOf, ferjekurs, ferjekursV2, kontorNn, tryggEpost } from '../utils/bundles';
import { stubStorage } from '../utils/browser';
import { installCaches } from '../utils/cache-storage';
import { renderApp, setupAppTests, stubApi } from '../utils/app';

setupAppTests();

async function violations() {
  const result = await axe.run(document.documentElement, {
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
}

describe('accessibility (axe)', () => {
  it('home, empty and in progress', async () => {
    stubApi({});
    const { unmount } = renderApp('/');
    await screen.findByRole('heading', { name: 'Du har ikke begynt på noe kurs ennå' });
    expect(await violations()).toEqual([]);
    unmount();
    await storeCourse(tryggEpost);
    await completeLesson('trygg-epost', 'kjenn-igjen-svindel');
    renderApp('/');
    await screen.findByRole('region', { name: 'Fortsett der du slapp' });
    expect(await violations()).toEqual([]);
  });

  it('catalogue, online and offline', async () => {
    stubApi({ bundles: [tryggEpost, kontorNn] });
    const { unmount } = renderApp('/kurs');
    await screen.findByRole('link', { name: 'Trygg e-post' });
    expect(await violations()).toEqual([]);
    unmount();
    stubApi({ catalogue: 'offline' });
    await storeCourse(kontorNn);
    renderApp('/kurs');
    await screen.findByRole('link', { name: 'Berekraftig kontor' });
    expect(await violations()).toEqual([]);
  });

  it('course page', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    renderApp('/kurs/trygg-epost');
    await screen.findByRole('region', { name: 'Leksjoner' });
    expect(await violations()).toEqual([]);
  });

  it('every lesson kind', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    for (const lesson of tryggEpost.lessons) {
      const { unmount } = renderApp(`/kurs/trygg-epost/${lesson.id}`);
      await screen.findByRole('heading', { level: 1, name: lesson.title });
      await screen.findByRole('navigation', { name: 'Leksjoner' });
      expect(await violations(), lesson.kind).toEqual([]);
      if (lesson.kind === 'quiz') {
        fireEvent.click(screen.getByRole('radio', { name: 'Betaler med en gang' }));
        screen.getByRole('button', { name: 'Svar' }).click();
        await screen.findByRole('button', { name: 'Prøv igjen' });
        expect(await violations(), 'quiz feedback').toEqual([]);
      }
      unmount();
    }
  });

  it('downloads: buttons, progress, cancelling, confirmation dialog, update offer', async () => {
    installCaches();
    stubApi({
      bundles: [ferjekurs],
      media: (url, n) => (n === 1 && url === ferjekurs.media[0]!.url ? 'stall' : 'ok'),
    });
    renderApp('/kurs');
    const card = (await screen.findByRole('link', { name: 'Digitalt på ferja' })).closest('li')!;
    const download = await within(card).findByRole('button', { name: /^Last ned \(/ });
    expect(await violations()).toEqual([]);
    fireEvent.click(download);
    await within(card).findByRole('progressbar');
    expect(await violations()).toEqual([]);
    fireEvent.click(within(card).getByRole('button', { name: 'Avbryt nedlastingen' }));
    await within(card).findByRole('button', { name: /^Last ned \(/ });
    cleanup();

    stubApi({ bundles: [ferjekurs] });
    await downloadCourseForOffline('ferjekurs', { entry: catalogueEntryOf(ferjekurs) });
    stubApi({ bundles: [ferjekursV2] });
    renderApp('/kurs/ferjekurs');
    await screen.findByText('Oppdatering tilgjengelig');
    expect(await violations()).toEqual([]);
    fireEvent.click(await screen.findByRole('button', { name: 'Slett nedlastingen' }));
    await screen.findByRole('dialog');
    expect(await violations()).toEqual([]);
  });

  it('storage screen, offline indicator and update banner', async () => {
    installCaches();
    stubStorage({ persisted: false });
    stubApi({ catalogue: 'offline' });
    await storeCourse(kontorNn);
    const { state } = renderApp('/lagring');
    await screen.findByRole('heading', { level: 1, name: 'Lagring' });
    await screen.findByRole('button', { name: 'Be om varig lagring' });
    await screen.findByRole('button', { name: 'Slett nedlastingen' });
    state.online.value = false;
    state.update.value = 'ready';
    state.install.value = 'ios';
    await screen.findByText('Frakoblet');
    expect(await violations()).toEqual([]);
  });

  it('settings and not found', async () => {
    stubApi({});
    const { unmount } = renderApp('/innstillinger');
    expect(await violations()).toEqual([]);
    unmount();
    renderApp('/ukjent');
    await waitFor(() => expect(document.title).toBe('Fant ikke siden – Lommekurs'));
    expect(await violations()).toEqual([]);
  });
});
