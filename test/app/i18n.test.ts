import { describe, expect, it, vi } from 'vitest';
import {
  ALSO_IN,
  UI_LANGUAGES,
  createI18n,
  detectLanguage,
  isUiLanguage,
  type UiLanguage,
} from '../../src/app/i18n';
import { en } from '../../src/app/i18n/en';
import { nb } from '../../src/app/i18n/nb';
import { nn } from '../../src/app/i18n/nn';
import type { Messages, PluralMessage } from '../../src/app/i18n/types';

/** Every dictionary, by language (the app loads nn and en on demand). */
const dictionaries: Record<UiLanguage, Messages> = { nb, nn, en };

type Message = string | PluralMessage;
const forms = (m: Message): string[] => (typeof m === 'string' ? [m] : Object.values(m));
const placeholders = (m: Message) =>
  new Set(forms(m).flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1])));

describe('dictionaries', () => {
  const keys = Object.keys(nb).sort();

  it.each(UI_LANGUAGES)('%s has exactly the keys of nb', (lang) => {
    expect(Object.keys(dictionaries[lang]).sort()).toEqual(keys);
  });

  it.each(UI_LANGUAGES)('%s has no empty strings', (lang) => {
    for (const [key, message] of Object.entries(dictionaries[lang])) {
      for (const form of forms(message as Message))
        expect(form.trim(), `${lang} ${key}`).not.toBe('');
    }
  });

  it.each(['nn', 'en'] as const)('%s keeps every {placeholder} of nb, and adds none', (lang) => {
    for (const key of keys as (keyof typeof nb)[]) {
      const source = placeholders(nb[key] as Message);
      const target = dictionaries[lang][key] as Message;
      expect(placeholders(target), `${lang} ${key}`).toEqual(source);
      // Every plural form needs the placeholders too, not only one of them.
      for (const form of forms(target))
        for (const name of source) expect(form, `${lang} ${key}`).toContain(`{${name}}`);
    }
  });

  it.each(['nn', 'en'] as const)('%s is a translation: no sentence is copied from nb', (lang) => {
    // Short words may coincide in bokmål and nynorsk (Kurs, Prøv igjen, Fullført); sentences of
    // six words or more may not.
    const copied = keys.filter((k) => {
      const key = k as keyof typeof nb;
      const source = JSON.stringify(nb[key]);
      return source.split(' ').length >= 6 && JSON.stringify(dictionaries[lang][key]) === source;
    });
    expect(copied).toEqual([]);
  });

  it('plural messages have a `one` and an `other` form in every language', () => {
    for (const lang of UI_LANGUAGES)
      for (const message of Object.values(dictionaries[lang]))
        if (typeof message !== 'string')
          expect(Object.keys(message).sort()).toEqual(['one', 'other']);
  });
});

describe('dictionaries on demand', () => {
  // Fresh modules: the test setup has loaded every dictionary into the shared ones.
  const freshI18n = async () => {
    vi.resetModules();
    return import('../../src/app/i18n');
  };

  it('has bokmål at once and loads nn and en when asked', async () => {
    const i18n = await freshI18n();
    expect(i18n.hasDictionary('nb')).toBe(true);
    expect(i18n.createI18n('nb').t('nav.home')).toBe(nb['nav.home']);
    for (const lang of ['nn', 'en'] as const) {
      expect(i18n.hasDictionary(lang)).toBe(false);
      expect(() => i18n.createI18n(lang)).toThrow(/not loaded/);
      expect(await i18n.loadDictionary(lang)).toEqual(dictionaries[lang]);
      expect(i18n.createI18n(lang).t('nav.home')).toBe(dictionaries[lang]['nav.home']);
    }
  });

  it('a switch waits for the dictionary, and changes nothing when it cannot be loaded', async () => {
    vi.resetModules();
    vi.doMock('../../src/app/i18n/en', () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    try {
      const { createLanguageStore } = await import('../../src/app/state/language');
      const store = createLanguageStore('nb');
      await expect(store.setLanguage('en')).rejects.toThrow();
      expect(store.language.value).toBe('nb');
      expect(document.documentElement.lang).toBe('nb');
      const switching = store.setLanguage('nn');
      // Not switched before the dictionary has arrived: no half-translated screen.
      expect(store.language.value).toBe('nb');
      await switching;
      expect(store.language.value).toBe('nn');
      expect(store.i18n.value.t('nav.home')).toBe(nn['nav.home']);
    } finally {
      vi.doUnmock('../../src/app/i18n/en');
    }
  });

  it.each(UI_LANGUAGES)('ALSO_IN[%s] is what that language calls the link', (lang) => {
    const { t } = createI18n(lang);
    expect(ALSO_IN[lang]).toBe(t('course.alsoIn', { language: t(`language.${lang}`) }));
  });
});

describe('translator', () => {
  it('fills params, formats numbers and picks plural forms', () => {
    const { t } = createI18n('nb');
    expect(t('unit.lessons', { count: 1 })).toBe('1 leksjon');
    expect(t('unit.lessons', { count: 4 })).toBe('4 leksjoner');
    expect(t('unit.bytesOf', { done: '2', total: '4 MB' })).toBe('2 av 4 MB');
    expect(createI18n('nn').t('unit.lessons', { count: 4 })).toBe('4 leksjonar');
    expect(createI18n('en').t('unit.lessons', { count: 1 })).toBe('1 lesson');
  });

  it('formats sizes, percentages and dates for the locale', () => {
    const nbI18n = createI18n('nb');
    const space = /[\s\u00a0\u202f]/;
    expect(nbI18n.bytes(1_234_567)).toMatch(new RegExp(`^1,2${space.source}MB$`));
    expect(nbI18n.bytes(340_000)).toMatch(new RegExp(`^340${space.source}kB$`));
    expect(createI18n('en').bytes(1_234_567)).toBe('1.2\u00a0MB');
    expect(nbI18n.percent(67)).toMatch(new RegExp(`^67${space.source}%$`));
    expect(createI18n('en').percent(67)).toBe('67%');
    expect(nbI18n.date(Date.UTC(2026, 2, 3, 12))).toBe('3. mars 2026');
  });

  it('makes each Intl formatter when it is first used, once', () => {
    const made = { NumberFormat: 0, DateTimeFormat: 0, PluralRules: 0 };
    for (const name of Object.keys(made) as (keyof typeof made)[]) {
      const Real = Intl[name] as new (...args: unknown[]) => object;
      vi.spyOn(Intl, name).mockImplementation(function (...args: unknown[]) {
        made[name] += 1;
        return new Real(...args);
      } as never);
    }
    try {
      const { t, number, date } = createI18n('nb');
      expect(t('unit.bytesOf', { done: '2', total: '4 MB' })).toBe('2 av 4 MB');
      expect(made).toEqual({ NumberFormat: 0, DateTimeFormat: 0, PluralRules: 0 });
      expect(t('unit.lessons', { count: 4 })).toBe('4 leksjoner');
      expect(t('unit.lessons', { count: 1 })).toBe('1 leksjon');
      expect(number(2.5)).toBe('2,5');
      expect(number(1)).toBe('1');
      expect(date(Date.UTC(2026, 2, 3, 12))).toBe('3. mars 2026');
      // One of each kind used (t's number format is number's): the byte, percent, day and time
      // formats are not made.
      expect(made).toEqual({ NumberFormat: 1, DateTimeFormat: 1, PluralRules: 1 });
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe('detectLanguage', () => {
  it.each([
    [['nb-NO'], 'nb'],
    [['nb'], 'nb'],
    [['no'], 'nb'],
    [['nn-NO'], 'nn'],
    [['nn'], 'nn'],
    [['en-US'], 'en'],
    [['en'], 'en'],
    [['de-DE'], 'nb'],
    [['de-DE', 'nn-NO'], 'nn'],
    [[], 'nb'],
  ])('%j → %s', (preferred, expected) => {
    expect(detectLanguage(preferred)).toBe(expected);
  });

  it('recognises stored values', () => {
    expect(isUiLanguage('nn')).toBe(true);
    expect(isUiLanguage('se')).toBe(false);
    expect(isUiLanguage(null)).toBe(false);
  });
});

describe('sizes and byte progress', () => {
  it('keeps number and unit together and shows progress in the unit of the total', () => {
    const nb = createI18n('nb');
    expect(nb.bytes(8_000)).toBe('8\u00a0kB');
    expect(nb.bytes(0)).toBe('0\u00a0kB');
    expect(nb.bytes(3_100_000_000)).toBe('3,1\u00a0GB');
    expect(nb.bytesOf(400_000, 1_200_000)).toBe('0,4 av 1,2\u00a0MB');
    expect(nb.bytesOf(0, 1_200_000)).toBe('0 av 1,2\u00a0MB');
    expect(nb.bytesOf(2_000_000, 1_200_000)).toBe('1,2 av 1,2\u00a0MB');
    expect(nb.bytesOf(120_000, 340_000)).toBe('120 av 340\u00a0kB');
    expect(createI18n('en').bytesOf(400_000, 1_200_000)).toBe('0.4 of 1.2\u00a0MB');
    expect(createI18n('nn').bytesOf(400_000, 1_200_000)).toBe('0,4 av 1,2\u00a0MB');
  });
});
