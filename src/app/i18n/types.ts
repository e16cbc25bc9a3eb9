// The shape every dictionary must have, derived from the bokmål source so that a missing key in
// nn or en is a type error, and `t(key, params)` knows which params each key needs.
import type { nb } from './nb';

type Source = typeof nb;

/** A message key. */
export type MessageKey = keyof Source;

/** One form per CLDR plural category; `other` is always required. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** A translation: a plain sentence where nb has one, plural forms where nb has them. */
export type Messages = {
  [K in MessageKey]: Source[K] extends string ? string : PluralMessage;
};

type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;

/** The {placeholder} names of a key in the source language. */
export type ParamName<K extends MessageKey> = Source[K] extends string
  ? Placeholders<Source[K]>
  : Placeholders<Source[K][keyof Source[K]]>;

/** `t('key')` for keys without placeholders, `t('key', { name: value })` for the others. */
export type ParamArgs<K extends MessageKey> = [ParamName<K>] extends [never]
  ? []
  : [params: Record<ParamName<K>, string | number>];

/** Translate a key into the current language. Numbers in params are formatted for the locale. */
export type Translate = <K extends MessageKey>(key: K, ...params: ParamArgs<K>) => string;
