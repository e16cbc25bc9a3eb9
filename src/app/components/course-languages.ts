// Which courses a learner sees first, and the same course in other languages: the catalogue puts
// courses in the interface language first, and a course links to its translations the catalogue
// lists.
import { LANGUAGES, type CatalogueEntry, type CourseLanguage } from '../../shared/course';
import type { UiLanguage } from '../i18n';

/** Course languages a learner reads best, best first: a nynorsk reader also reads bokmål. */
const PREFERRED: Record<UiLanguage, CourseLanguage[]> = {
  nb: ['nb'],
  nn: ['nn', 'nb'],
  en: ['en'],
};

/** Rank of a course language for a learner: preferred languages by preference, then the rest. */
const rank = (ui: UiLanguage, language: string): number => {
  const i = PREFERRED[ui].indexOf(language as CourseLanguage);
  return i >= 0 ? i : PREFERRED[ui].length;
};

/** The catalogue with courses in the learner's languages first, each group in the order given
 * (the server's order: by title). */
export const byLanguagePreference = <T extends { language: string }>(
  entries: readonly T[],
  ui: UiLanguage,
): T[] =>
  entries
    .map((entry, i) => ({ entry, i, r: rank(ui, entry.language) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map(({ entry }) => entry);

/** One translation of a course that the catalogue lists. */
export interface Translation {
  language: CourseLanguage;
  entry: CatalogueEntry;
}

/** The translations of a course the catalogue lists, in another language than the course's own:
 * the learner's languages first, then in LANGUAGES order. */
export function listedTranslations(
  course: { id: string; language: string; translations?: Partial<Record<CourseLanguage, string>> },
  catalogue: readonly CatalogueEntry[] | undefined,
  ui: UiLanguage,
): Translation[] {
  if (!course.translations || !catalogue) return [];
  const found: Translation[] = [];
  for (const language of LANGUAGES) {
    const id = course.translations[language];
    if (!id || id === course.id || language === course.language) continue;
    const entry = catalogue.find((e) => e.id === id && e.language === language);
    if (entry) found.push({ language, entry });
  }
  return found.sort((a, b) => rank(ui, a.language) - rank(ui, b.language));
}
