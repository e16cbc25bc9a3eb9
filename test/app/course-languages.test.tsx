import { screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { storeCourse } from '../../src/client-core/db/courses';
import type { UiLanguage } from '../../src/app/i18n';
import type { CatalogueEntry, CourseBundle } from '../../src/shared/course';
import { catalogueEntryOf, kontorNn, tryggEpost } from '../utils/bundles';
import { renderApp, setupAppTests, stubApi } from '../utils/app';

setupAppTests();

// One course in three languages (and a Sami translation the catalogue does not list), plus a
// course in bokmål and one in nynorsk without translations.
const tryggNb: CourseBundle = {
  ...tryggEpost,
  translations: { nn: 'trygg-epost-nn', en: 'safe-email', se: 'dorvvolas-e-poasta' },
};
const tryggNn: CourseBundle = {
  ...kontorNn,
  id: 'trygg-epost-nn',
  title: 'Trygg e-post',
  translations: { nb: 'trygg-epost', en: 'safe-email' },
};
const safeEmail: CourseBundle = {
  ...kontorNn,
  id: 'safe-email',
  title: 'Safe email',
  language: 'en',
  translations: { nb: 'trygg-epost', nn: 'trygg-epost-nn' },
};
const arkiv: CourseBundle = { ...kontorNn, id: 'arkiv', title: 'Arkivering', language: 'nb' };

const bundles = [arkiv, kontorNn, safeEmail, tryggNb, tryggNn];
/** As the server lists them: by title, then id. */
const catalogue: CatalogueEntry[] = bundles.map((b) => ({
  ...catalogueEntryOf(b),
  ...(b.translations ? { translations: b.translations } : {}),
}));

const cardOrder = () =>
  [...document.querySelectorAll('.card-title a')].map((a) => a.getAttribute('href'));

describe('courses by language', () => {
  it.each([
    ['nb', ['arkiv', 'trygg-epost', 'berekraftig-kontor', 'safe-email', 'trygg-epost-nn']],
    ['nn', ['berekraftig-kontor', 'trygg-epost-nn', 'arkiv', 'trygg-epost', 'safe-email']],
    ['en', ['safe-email', 'arkiv', 'berekraftig-kontor', 'trygg-epost', 'trygg-epost-nn']],
  ] as [UiLanguage, string[]][])(
    'a %s learner sees courses in their languages first, by title',
    async (language, ids) => {
      stubApi({ bundles, catalogue });
      renderApp('/kurs', language);
      await screen.findByRole('link', { name: 'Safe email' });
      expect(cardOrder()).toEqual(ids.map((id) => `/kurs/${id}`));
    },
  );

  it('links a course card to its translations the catalogue lists', async () => {
    stubApi({ bundles, catalogue });
    renderApp('/kurs');
    await screen.findByRole('link', { name: 'Safe email' });
    const title = document.getElementById('course-title-trygg-epost')!;
    expect(title.getAttribute('lang')).toBe('nb');
    const card = title.closest('li')!;
    const links = within(card).getAllByRole('link', { name: /Også på|Also in/ });
    expect(
      links.map((a) => [
        a.textContent,
        a.getAttribute('href'),
        a.getAttribute('hreflang'),
        a.getAttribute('lang'),
      ]),
    ).toEqual([
      ['Også på nynorsk', '/kurs/trygg-epost-nn', 'nn', 'nn'],
      ['Also in English', '/kurs/safe-email', 'en', 'en'],
    ]);
    // Which course it is a translation of comes from the card's title.
    expect(links[0].getAttribute('aria-describedby')).toBe(title.id);
    // No link to a language the catalogue does not list, nor on a course without translations.
    expect(within(card).queryByRole('link', { name: /samisk|Sami/ })).toBeNull();
    const arkivCard = screen.getByRole('heading', { name: 'Arkivering' }).closest('li')!;
    expect(within(arkivCard).queryByRole('link', { name: /Også på|Also in/ })).toBeNull();

    // A nynorsk course links back to bokmål, worded in bokmål.
    const nnCard = document.getElementById('course-title-trygg-epost-nn')!.closest('li')!;
    const back = within(nnCard).getByRole('link', { name: 'Også på bokmål' });
    expect(back.getAttribute('href')).toBe('/kurs/trygg-epost');
    expect(back.getAttribute('hreflang')).toBe('nb');
    expect(back.getAttribute('lang')).toBe('nb');
  });

  it('links the course page to its translations, and follows the link', async () => {
    stubApi({ bundles, catalogue });
    renderApp('/kurs/safe-email', 'en');
    await screen.findByRole('heading', { level: 1, name: 'Safe email' });
    const link = await screen.findByRole('link', { name: 'Også på bokmål' });
    expect(link.getAttribute('hreflang')).toBe('nb');
    expect(link.getAttribute('lang')).toBe('nb');
    expect(screen.getByRole('link', { name: 'Også på nynorsk' }).getAttribute('href')).toBe(
      '/kurs/trygg-epost-nn',
    );
    link.click();
    expect(await screen.findByRole('heading', { level: 1, name: 'Trygg e-post' })).toBeTruthy();
    await waitFor(() => expect(location.pathname).toBe('/kurs/trygg-epost'));
    expect(await screen.findByRole('link', { name: 'Also in English' })).toBeTruthy();
  });

  it('shows no translation link while the catalogue cannot be fetched', async () => {
    stubApi({ bundles, catalogue: 'offline' });
    await storeCourse(tryggNb);
    renderApp('/kurs/trygg-epost');
    await screen.findByRole('heading', { level: 1, name: 'Trygg e-post' });
    await screen.findByRole('heading', { level: 2, name: 'Leksjoner' });
    expect(screen.queryByRole('link', { name: /Også på|Also in/ })).toBeNull();
  });
});
