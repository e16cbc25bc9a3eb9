import { screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { storeCourse } from '../../src/client-core/db/courses';
import type { UiLanguage } from '../../src/app/i18n';
import type { CourseBundle, Lesson } from '../../src/shared/course';
import { tryggEpost } from '../utils/bundles';
import { renderApp, setupAppTests, stubApi } from '../utils/app';

setupAppTests();

const SOURCES = [
  { title: 'Nettvett: Svindel på e-post', url: 'https://nettvett.no/svindel/' },
  { title: 'NSM: Grunnprinsipper for IKT-sikkerhet', url: 'https://nsm.no/grunnprinsipper' },
];

/** The fixture course with known sources and check date on every lesson (all four kinds). */
const withSources: CourseBundle = {
  ...tryggEpost,
  lessons: tryggEpost.lessons.map((lesson) => ({
    ...lesson,
    sources: SOURCES,
    checked: '2026-11-27',
  })),
};

/** The same course as an app before lesson sources stored it: neither field. */
const storedBefore: CourseBundle = {
  ...tryggEpost,
  lessons: tryggEpost.lessons.map((lesson) => {
    const { sources: _s, checked: _c, ...old } = lesson;
    return old as Lesson;
  }),
};

const text = (el: Element) => el.textContent!.replace(/\s+/g, ' ').trim();

describe('lesson sources', () => {
  it.each(tryggEpost.lessons.map((l) => [l.kind, l.id]))(
    'end a %s lesson, below the player and above the pager',
    async (_kind, lessonId) => {
      stubApi({});
      await storeCourse(withSources);
      renderApp(`/kurs/trygg-epost/${lessonId}`);
      const heading = await screen.findByRole('heading', { level: 2, name: 'Kilder' });
      const section = screen.getByRole('region', { name: 'Kilder' });
      expect(section.contains(heading)).toBe(true);

      const links = within(section).getAllByRole('link');
      expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual(
        SOURCES.map((s) => [s.title, s.url]),
      );
      // Same tab: no target, so no rel needed.
      for (const link of links) expect(link.getAttribute('target')).toBeNull();
      expect(links[0].closest('li')!.getAttribute('lang')).toBe('nb');

      const time = section.querySelector('time')!;
      expect(time.getAttribute('datetime')).toBe('2026-11-27');
      expect(time.textContent).toBe('27. november 2026');
      expect(text(time.parentElement!)).toBe('Sist kontrollert 27. november 2026');

      // Order on the page: player content, then sources, then the pager.
      const player = document.querySelector('.player')!;
      const pager = screen.getByRole('navigation', { name: 'Leksjoner' });
      expect(player.compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING).toBe(
        Node.DOCUMENT_POSITION_FOLLOWING,
      );
      expect(section.compareDocumentPosition(pager) & Node.DOCUMENT_POSITION_FOLLOWING).toBe(
        Node.DOCUMENT_POSITION_FOLLOWING,
      );
    },
  );

  it.each([
    ['nn', 'Kjelder', 'Sist kontrollert 27. november 2026'],
    ['en', 'Sources', 'Last checked 27 November 2026'],
  ] as [UiLanguage, string, string][])(
    'are worded in %s, the date formatted for it',
    async (language, heading, checked) => {
      stubApi({});
      await storeCourse(withSources);
      renderApp('/kurs/trygg-epost/kjenn-igjen-svindel', language);
      await screen.findByRole('heading', { level: 2, name: heading });
      const section = screen.getByRole('region', { name: heading });
      expect(text(section.querySelector('time')!.parentElement!)).toBe(checked);
    },
  );

  it('renders a source without a url as text', async () => {
    stubApi({});
    await storeCourse({
      ...withSources,
      lessons: withSources.lessons.map((l) => ({ ...l, sources: [{ title: 'Egen erfaring' }] })),
    });
    renderApp('/kurs/trygg-epost/kjenn-igjen-svindel');
    const section = await screen.findByRole('region', { name: 'Kilder' });
    expect(within(section).getByText('Egen erfaring').tagName).toBe('LI');
    expect(within(section).queryByRole('link')).toBeNull();
  });

  it('shows no date for a check date that is not a real day', async () => {
    stubApi({});
    await storeCourse({
      ...withSources,
      lessons: withSources.lessons.map((l) => ({ ...l, checked: '2026-02-30' })),
    });
    renderApp('/kurs/trygg-epost/kjenn-igjen-svindel');
    const section = await screen.findByRole('region', { name: 'Kilder' });
    expect(within(section).getAllByRole('link')).toHaveLength(2);
    expect(section.querySelector('time')).toBeNull();
  });

  it('renders nothing for a lesson stored before lessons had sources', async () => {
    stubApi({});
    await storeCourse(storedBefore);
    renderApp('/kurs/trygg-epost/kjenn-igjen-svindel');
    expect(await screen.findByRole('button', { name: 'Merk som lest' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Kilder' })).toBeNull();
    expect(document.querySelector('time')).toBeNull();
    expect(screen.getByRole('navigation', { name: 'Leksjoner' })).toBeTruthy();
  });
});
