// Searching the catalogue: a course matches when every word of the query is in its title or
// summary, ignoring case, accents and extra spaces ("e-post" and "E-POST" alike).
import type { CatalogueEntry } from '../../shared/course';

/** Lower case without accents (é → e; æ, ø and å stay letters of their own). */
const fold = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/(?<![aA])\u030a|[\u0300-\u0309\u030b-\u036f]/g, '')
    .normalize('NFC')
    .toLocaleLowerCase('nb');

/** The words of a query; none for an empty or blank query. */
export const searchWords = (query: string): string[] => fold(query).split(/\s+/).filter(Boolean);

/** The entries matching the query, in their order; all of them for a blank query. */
export function searchCourses<T extends Pick<CatalogueEntry, 'title' | 'summary'>>(
  entries: readonly T[],
  query: string,
): T[] {
  const words = searchWords(query);
  if (words.length === 0) return [...entries];
  return entries.filter((entry) => {
    const text = fold(`${entry.title} ${entry.summary}`);
    return words.every((word) => text.includes(word));
  });
}
