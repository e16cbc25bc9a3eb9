// A feature's own texts: typed like the app's dictionary, translated with the same plural and
// number rules, and checked for placeholders that differ from bokmål's.
import { describe, expect, it } from 'vitest';
import {
  defineTexts,
  placeholderMismatches,
  translateTexts,
} from '../../src/app/i18n/feature-texts';

const texts = defineTexts({
  nb: { title: 'Rådgiver', learners: { one: '{count} elev', other: '{count} elever' } },
  nn: { title: 'Rådgjevar', learners: { one: '{count} elev', other: '{count} elevar' } },
  en: { title: 'Advisor', learners: { one: '{count} learner', other: '{count} learners' } },
});

describe('feature texts', () => {
  it('translates in each language with its plural forms and number format', () => {
    expect(translateTexts(texts, 'nn')('title')).toBe('Rådgjevar');
    expect(translateTexts(texts, 'en')('learners', { count: 1 })).toBe('1 learner');
    expect(translateTexts(texts, 'nb')('learners', { count: 1234 })).toBe('1\u00a0234 elever');
  });

  it('finds a translation whose placeholders differ from bokmål, in any plural form', () => {
    expect(placeholderMismatches(texts)).toEqual([]);
    const broken = defineTexts({
      nb: { a: 'Hei {name}', b: { one: '{count} dag', other: '{count} dager' } },
      nn: { a: 'Hei {namn}', b: { one: '{count} dag', other: '{count} dagar' } },
      en: { a: 'Hi {name}', b: { one: 'one day', other: '{count} days' } },
    });
    expect(placeholderMismatches(broken)).toEqual(['nn a: {namn} ≠ {name}', 'en b: {} ≠ {count}']);
  });
});
