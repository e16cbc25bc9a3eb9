// axe-core on every screen in jsdom (structure, names, roles, ARIA; colour contrast needs a real
// layout engine and is checked by the end-to-end Lighthouse run instead).
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { storeCourse } from '../../src/app/db/courses';
import { completeLesson } from '../../src/app/db/learner-actions';
import { kontorNn, tryggEpost } from '../utils/bundles';
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
