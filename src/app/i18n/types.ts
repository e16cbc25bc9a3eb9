// The shape every dictionary must have, derived from the bokmål source so that a missing key in
// nn or en is a type error, and `t(key, params)` knows which params each key needs. Generic over
// the source, so a feature's own texts (./feature-texts.ts) are typed the same way as the app's.
import type { nb } from './nb';

/** One form per CLDR plural category; `other` is always required. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** A bokmål source: each key a sentence or plural forms. */
export type SourceTexts = Record<string, string | PluralMessage>;

/** A translation of `S`: a plain sentence where nb has one, plural forms where nb has them. */
export type MessagesOf<S extends SourceTexts> = {
  [K in keyof S]: S[K] extends string ? string : PluralMessage;
};

type Placeholders<T> = T extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;

/** The {placeholder} names of a key of `S`. */
export type ParamNameOf<S extends SourceTexts, K extends keyof S> = S[K] extends string
  ? Placeholders<S[K]>
  : Placeholders<S[K][keyof S[K]]>;

/** `t('key')` for keys without placeholders, `t('key', { name: value })` for the others. */
export type ParamArgsOf<S extends SourceTexts, K extends keyof S> = [ParamNameOf<S, K>] extends [
  never,
]
  ? []
  : [params: Record<ParamNameOf<S, K>, string | number>];

/** Translate a key of `S` into the current language. Numbers in params are formatted for the
 * locale. */
export type TranslateOf<S extends SourceTexts> = <K extends keyof S & string>(
  key: K,
  ...params: ParamArgsOf<S, K>
) => string;

type Source = typeof nb;

/** A key of the app's dictionary. */
export type MessageKey = keyof Source;

/** The app's dictionary in one language. */
export type Messages = MessagesOf<Source>;

/** The {placeholder} names of a key of the app's dictionary. */
export type ParamName<K extends MessageKey> = ParamNameOf<Source, K>;

/** The params of a key of the app's dictionary. */
export type ParamArgs<K extends MessageKey> = ParamArgsOf<Source, K>;

/** Translate a key of the app's dictionary into the current language. */
export type Translate = TranslateOf<Source>;
