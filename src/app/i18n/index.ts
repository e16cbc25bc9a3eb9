// The app's interface languages, the translator and locale-aware formatting (Intl only: no
// library). Bokmål, the source language, ships with the app; nynorsk and English are chunks of
// their own, loaded on demand (loadDictionary): a switch awaits its dictionary, then is
// synchronous. Every chunk is precached, so a switch works offline too.
import { nb } from './nb';
import type { Messages, PluralMessage, SourceTexts, Translate } from './types';

export type { MessageKey, Translate } from './types';

export const UI_LANGUAGES = ['nb', 'nn', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** The dictionaries loaded so far; nb is always there. */
const loaded = new Map<UiLanguage, Messages>([['nb', nb]]);

const importers: Record<UiLanguage, () => Promise<Messages>> = {
  nb: async () => nb,
  nn: () => import('./nn').then((m) => m.nn),
  en: () => import('./en').then((m) => m.en),
};

/** Whether a language's dictionary is in memory, so createI18n(lang) can be called. */
export const hasDictionary = (lang: UiLanguage): boolean => loaded.has(lang);

/** Load a language's dictionary (once). Rejects when its chunk cannot be fetched. */
export async function loadDictionary(lang: UiLanguage): Promise<Messages> {
  const known = loaded.get(lang);
  if (known) return known;
  const dict = await importers[lang]();
  loaded.set(lang, dict);
  return dict;
}

/** "Også på nynorsk", "Also in English": a course link worded in the language it leads to, for
 * every language without loading its dictionary (test/app/i18n.test.ts checks each against
 * `course.alsoIn` and `language.<lang>` of that language). */
export const ALSO_IN: Record<UiLanguage, string> = {
  nb: 'Også på bokmål',
  nn: 'Også på nynorsk',
  en: 'Also in English',
};

/** Each language's name in that language, for the language picker. */
export const AUTONYMS: Record<UiLanguage, string> = {
  nb: 'Norsk bokmål',
  nn: 'Norsk nynorsk',
  en: 'English',
};

const LOCALES: Record<UiLanguage, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/** The BCP 47 locale of an interface language, for Intl. */
export const localeOf = (lang: UiLanguage): string => LOCALES[lang];

/** Numbers as the messages show them: at most one decimal, the locale's separators. */
export const numberFormatOf = (locale: string): Intl.NumberFormat =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });

/** Whether a stored or requested value is one of the interface languages. */
export const isUiLanguage = (value: unknown): value is UiLanguage =>
  typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);

/** The interface language for the browser's preferred languages: nb/no → nb, nn → nn, en → en,
 * in order of preference; anything else → nb. */
export function detectLanguage(preferred: readonly string[]): UiLanguage {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (primary === 'nb' || primary === 'no') return 'nb';
    if (primary === 'nn') return 'nn';
    if (primary === 'en') return 'en';
  }
  return 'nb';
}

/** Everything a component needs to speak the current language. */
export interface I18n {
  lang: UiLanguage;
  /** BCP 47 locale for Intl. */
  locale: string;
  t: Translate;
  /** A whole number or decimal, e.g. "1 234". */
  number: (value: number) => string;
  /** A 0–100 percentage, e.g. "67 %". */
  percent: (percent: number) => string;
  /** A byte size, e.g. "1,2 MB", "340 kB" or "3,1 GB". */
  bytes: (bytes: number) => string;
  /** Progress in bytes, both numbers in the unit of the total: "0,4 av 1,2 MB". */
  bytesOf: (done: number, total: number) => string;
  /** A date, e.g. "3. mars 2026". */
  date: (ms: number) => string;
  /** A clock time, e.g. "14:32". */
  time: (ms: number) => string;
  /** A calendar day given as midnight UTC (an ISO `YYYY-MM-DD` date), e.g. "27. november 2026",
   * the same day in every time zone. */
  calendarDate: (utcMidnightMs: number) => string;
}

/** A value made on its first use and kept. Making an Intl formatter loads locale data — tens of
 * milliseconds on a slow phone for the first — so each is made when a screen first formats with
 * it, not all of them in the task before the first paint (issue 13, Lighthouse's blocking time). */
export function onFirstUse<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/** `t` over one dictionary: picks the plural form by `count`, fills {placeholders}, formats
 * numbers for the locale (its number format given, or made on first use). Shared by the app's
 * dictionary and the features' own texts. */
export function translator<M extends SourceTexts>(
  dict: M,
  locale: string,
  numberFormat = onFirstUse(() => numberFormatOf(locale)),
): (key: keyof M & string, params?: Record<string, string | number>) => string {
  const plural = onFirstUse(() => new Intl.PluralRules(locale));
  return (key, params) => {
    const message: string | PluralMessage = dict[key];
    const template =
      typeof message === 'string'
        ? message
        : (message[plural().select(Number(params?.count ?? 0))] ?? message.other);
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params?.[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numberFormat().format(value) : value;
    });
  };
}

/** Build the translator and formatters for one language; its dictionary must be loaded (see
 * loadDictionary), or be given. */
export function createI18n(lang: UiLanguage, dict = loaded.get(lang)): I18n {
  if (!dict) throw new Error(`The ${lang} dictionary is not loaded: await loadDictionary() first`);
  const locale = LOCALES[lang];
  const numberFormat = onFirstUse(() => numberFormatOf(locale));
  const percentFormat = onFirstUse(() => new Intl.NumberFormat(locale, { style: 'percent' }));
  const unit = (u: 'kilobyte' | 'megabyte' | 'gigabyte') =>
    onFirstUse(
      () => new Intl.NumberFormat(locale, { style: 'unit', unit: u, maximumFractionDigits: 1 }),
    );
  const kB = unit('kilobyte');
  const MB = unit('megabyte');
  const GB = unit('gigabyte');
  // Decimal units (1 MB = 1 000 000 bytes), as phones and operators count data.
  const scale = (bytes: number) => (bytes < 1e6 ? 1e3 : bytes < 1e9 ? 1e6 : 1e9);
  // A no-break space keeps "8 kB" on one line.
  const glue = (text: string) => text.replace(/\s/g, '\u00a0');
  const bytes = (n: number) => {
    if (n <= 0) return glue(kB().format(0));
    if (n < 1e6) return glue(kB().format(Math.max(1, Math.round(n / 1e3))));
    return glue(n < 1e9 ? MB().format(n / 1e6) : GB().format(n / 1e9));
  };
  const dateFormat = onFirstUse(() => new Intl.DateTimeFormat(locale, { dateStyle: 'long' }));
  const dayFormat = onFirstUse(
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }),
  );
  const timeFormat = onFirstUse(() => new Intl.DateTimeFormat(locale, { timeStyle: 'short' }));

  const t = translator<Messages>(dict, locale, numberFormat) as Translate;

  return {
    lang,
    locale,
    t,
    number: (value) => numberFormat().format(value),
    percent: (percent) => percentFormat().format(percent / 100),
    bytes,
    bytesOf: (done, total) => {
      const unitSize = scale(total);
      const value = Math.min(Math.max(done, 0), total) / unitSize;
      const shown = unitSize === 1e3 ? Math.round(value) : value;
      return t('unit.bytesOf', { done: numberFormat().format(shown), total: bytes(total) });
    },
    date: (ms) => dateFormat().format(ms),
    time: (ms) => timeFormat().format(ms),
    calendarDate: (ms) => dayFormat().format(ms),
  };
}
