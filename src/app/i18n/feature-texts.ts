// A feature's own strings, shipped in that feature's lazily loaded chunk instead of the app's
// dictionary in the first one (learners never download the advisor screens' words). Bokmål is the
// source; nynorsk and English must have the same keys (a type error otherwise) and the same
// {placeholders} (`placeholderMismatches`, called by each feature's test). Translated with the
// same plural and number rules as the app's dictionary, in the app's current language.
import { useMemo } from 'preact/hooks';
import { useI18n } from '../state/context';
import { localeOf, translator, type UiLanguage } from './index';
import type { MessagesOf, PluralMessage, SourceTexts, TranslateOf } from './types';

/** One feature's texts in the three interface languages. */
export interface FeatureTexts<S extends SourceTexts> {
  nb: S;
  nn: MessagesOf<S>;
  en: MessagesOf<S>;
}

/** Declares a feature's texts (only checks their types). */
export const defineTexts = <const S extends SourceTexts>(texts: FeatureTexts<S>): FeatureTexts<S> =>
  texts;

/** The translator of a feature's texts in `lang`, outside components (and in tests). */
export function translateTexts<S extends SourceTexts>(
  texts: FeatureTexts<S>,
  lang: UiLanguage,
): TranslateOf<S> {
  return translator(texts[lang] as SourceTexts, localeOf(lang)) as TranslateOf<S>;
}

/** The translator of a feature's texts in the app's current language. */
export function useTexts<S extends SourceTexts>(texts: FeatureTexts<S>): TranslateOf<S> {
  const { lang } = useI18n();
  return useMemo(() => translateTexts(texts, lang), [texts, lang]);
}

const placeholdersOf = (message: string | PluralMessage): string[][] =>
  (typeof message === 'string' ? [message] : Object.values(message)).map((form) =>
    [...(form ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort(),
  );

/** "nn key: {a} ≠ {b}" for each translation whose placeholders differ from bokmål's (every
 * plural form must have them all); empty when they agree. */
export function placeholderMismatches<S extends SourceTexts>(texts: FeatureTexts<S>): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(texts.nb)) {
    const source = [...new Set(placeholdersOf(texts.nb[key]).flat())].sort().join(',');
    for (const lang of ['nn', 'en'] as const) {
      for (const form of placeholdersOf((texts[lang] as SourceTexts)[key])) {
        const found = [...new Set(form)].sort().join(',');
        if (found !== source) problems.push(`${lang} ${key}: {${found}} ≠ {${source}}`);
      }
    }
  }
  return problems;
}
