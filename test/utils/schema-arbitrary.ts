// fast-check arbitraries from the JSON Schemas of the OpenAPI document: values of the schema's
// shape whose strings are often the ones that have hurt servers before (prototype keys, NUL,
// lone surrogates, odd Unicode), and malformed variants of them (a field dropped, a type wrong,
// an unknown field, any JSON at all). Used by the contract fuzz.
import fc from 'fast-check';

/** A JSON Schema as zod emits it. */
export type JsonSchema = Record<string, unknown>;

/** Strings that have broken servers: prototype members, control characters, broken UTF-16,
 * normalisation traps, lengths at the edges. */
export const HOSTILE_STRINGS: readonly string[] = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '\udc00\ud800',
  '\u202e',
  '\u0085',
  'ﬁ',
  'e\u0301',
  'ｋａｒｉ',
  '😀',
  '../../etc/passwd',
  '%00',
  '0',
  '-1',
  '1e3',
  'null',
  'x'.repeat(81),
  'x'.repeat(300),
];

/** Email addresses with odd Unicode: ligatures, fullwidth, NFD, RTL, NUL, lone surrogates. */
export const ODD_EMAILS: readonly string[] = [
  'Kari@Firma.no ',
  'ｋａｒｉ@ｆｉｒｍａ.ｎｏ',
  'ﬁrma@example.no',
  'e\u0301va@example.no',
  'ev\u00e1@example.no',
  'sur\ud800.x@example.no',
  'sur\ud801.x@example.no',
  'nul\u0000@example.no',
  '\u202eon.elpmaxe@ilak',
  '__proto__@example.no',
  'constructor@example.no',
  'toString@example.no',
  'a@b',
  '@example.no',
  'ola@@example.no',
  `${'x'.repeat(250)}@e.no`,
  'ола@пример.рф',
  'Σίσυφος@παράδειγμα.ελ',
];

/** Values a schema-shaped field may be given besides generated ones, by property name. */
export interface KnownValues {
  /** Emails of accounts that exist. */
  emails: readonly string[];
  /** Passwords of those accounts. */
  passwords: readonly string[];
  /** Ids that exist, by property name (e.g. `questionId`, and `chosen` for its items). */
  ids?: Readonly<Record<string, readonly string[]>>;
}

interface Context {
  root: JsonSchema;
  known: KnownValues;
  depth: number;
  name?: string;
}

const asSchema = (value: unknown): JsonSchema =>
  typeof value === 'object' && value !== null ? (value as JsonSchema) : {};

/** An object with these own enumerable entries, even `__proto__` (which a literal would make
 * the prototype instead of a key), so JSON.stringify sends it as a key. */
export function ownObject(
  entries: readonly (readonly [string, unknown])[],
): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(object, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return object;
}

function resolveRef(ref: string, root: JsonSchema): JsonSchema {
  let node: unknown = root;
  for (const part of ref.replace(/^#\//, '').split('/')) node = asSchema(node)[part];
  return asSchema(node);
}

function patternArbitrary(pattern: string): fc.Arbitrary<string> | undefined {
  try {
    return fc.stringMatching(new RegExp(pattern, 'u'));
  } catch {
    return undefined;
  }
}

function stringArbitrary(schema: JsonSchema, ctx: Context): fc.Arbitrary<string> {
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? Math.min(schema.maxLength, 200) : 40;
  const plain = fc.string({
    minLength: min,
    maxLength: Math.max(min, max),
    unit: 'grapheme-ascii',
  });
  const unicode = fc.string({ minLength: min, maxLength: Math.max(min, max), unit: 'binary' });
  const pattern = typeof schema.pattern === 'string' ? patternArbitrary(schema.pattern) : undefined;
  const shaped = pattern ?? fc.oneof(plain, unicode);
  // A pattern (a UUID) is mostly kept, so the rest of the value gets looked at too.
  const choices: fc.WeightedArbitrary<string>[] = [
    { arbitrary: shaped, weight: pattern ? 12 : 6 },
    { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: pattern ? 1 : 3 },
  ];
  const ids = ctx.name === undefined ? undefined : ctx.known.ids?.[ctx.name];
  if (ids && ids.length > 0) choices.push({ arbitrary: fc.constantFrom(...ids), weight: 12 });
  const name = ctx.name?.toLowerCase() ?? '';
  if (name.includes('email')) {
    choices.push({ arbitrary: fc.constantFrom(...ODD_EMAILS), weight: 4 });
    if (ctx.known.emails.length > 0) {
      choices.push({ arbitrary: fc.constantFrom(...ctx.known.emails), weight: 4 });
    }
  }
  if (name.includes('password') && ctx.known.passwords.length > 0) {
    choices.push({ arbitrary: fc.constantFrom(...ctx.known.passwords), weight: 6 });
  }
  return fc.oneof(...choices);
}

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lower =
    typeof schema.minimum === 'number'
      ? schema.minimum
      : typeof schema.exclusiveMinimum === 'number'
        ? schema.exclusiveMinimum + (integer ? 1 : Number.EPSILON)
        : -1e6;
  const upper =
    typeof schema.maximum === 'number'
      ? schema.maximum
      : typeof schema.exclusiveMaximum === 'number'
        ? schema.exclusiveMaximum - (integer ? 1 : Number.EPSILON)
        : 1e6;
  const inside = integer
    ? fc.integer({
        min: Math.max(lower, Number.MIN_SAFE_INTEGER),
        max: Math.min(upper, Number.MAX_SAFE_INTEGER),
      })
    : fc.double({ min: lower, max: upper, noNaN: true, noDefaultInfinity: true });
  return fc.oneof(
    { arbitrary: inside, weight: 9 },
    { arbitrary: fc.constantFrom(-1, 0, 1, 0.5, 2 ** 53, -(2 ** 53), 1e308, -0), weight: 1 },
  );
}

function objectArbitrary(schema: JsonSchema, ctx: Context): fc.Arbitrary<unknown> {
  const properties = asSchema(schema.properties);
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const fields = Object.entries(properties).map(([key, value]) => {
    const arb = valueArbitrary(asSchema(value), { ...ctx, depth: ctx.depth + 1, name: key });
    const entry = arb.map((v) => [key, v] as const);
    return required.has(key)
      ? entry.map((e) => [e])
      : fc.option(entry, { nil: undefined }).map((e) => (e ? [e] : []));
  });
  const additional = schema.additionalProperties;
  const extraKeys =
    additional && typeof additional === 'object'
      ? fc.array(
          fc.tuple(
            schema.propertyNames
              ? valueArbitrary(asSchema(schema.propertyNames), ctx).map(String)
              : fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 12 })),
            valueArbitrary(asSchema(additional), { ...ctx, depth: ctx.depth + 1 }),
          ),
          { maxLength: ctx.depth > 3 ? 1 : 4 },
        )
      : fc.constant([] as [string, unknown][]);
  return fc
    .tuple(fc.tuple(...fields), extraKeys)
    .map(([own, extra]) => ownObject([...own.flat(), ...extra]));
}

function arrayArbitrary(schema: JsonSchema, ctx: Context): fc.Arbitrary<unknown[]> {
  if (Array.isArray(schema.prefixItems)) {
    return fc.tuple(...schema.prefixItems.map((item) => valueArbitrary(asSchema(item), ctx)));
  }
  const minLength = typeof schema.minItems === 'number' ? schema.minItems : 0;
  const cap = ctx.depth > 2 ? 3 : 6;
  const maxLength = Math.max(
    minLength,
    Math.min(typeof schema.maxItems === 'number' ? schema.maxItems : cap, cap),
  );
  const items = asSchema(schema.items);
  // Items are named after their array (`chosen`), so known ids reach them too.
  return fc.array(valueArbitrary(items, { ...ctx, depth: ctx.depth + 1 }), {
    minLength,
    maxLength,
  });
}

/** Values shaped by `schema` (mostly valid; strings often hostile). */
export function valueArbitrary(schema: JsonSchema, ctx: Context): fc.Arbitrary<unknown> {
  if (ctx.depth > 8) return fc.constant(null);
  if (typeof schema.$ref === 'string')
    return valueArbitrary(resolveRef(schema.$ref, ctx.root), ctx);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  for (const key of ['oneOf', 'anyOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) {
      return fc.oneof(...options.map((option) => valueArbitrary(asSchema(option), ctx)));
    }
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) {
    return valueArbitrary(asSchema(schema.allOf[0]), ctx);
  }
  const type = schema.type;
  if (Array.isArray(type)) {
    return fc.oneof(...type.map((t) => valueArbitrary({ ...schema, type: t }, ctx)));
  }
  switch (type) {
    case 'string':
      return stringArbitrary(schema, ctx);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return arrayArbitrary(schema, ctx);
    case 'object':
      return objectArbitrary(schema, ctx);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A broken copy of a valid-shaped value: a required field dropped, a field of the wrong type,
 * an unknown or prototype-named field added, or the whole value replaced by other JSON. */
export function malformedArbitrary(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const wrong = fc.oneof(
    fc.constantFrom(null, true, 0, -1, '', [], {}, 'x'.repeat(2000), 1e308),
    fc.jsonValue({ maxDepth: 2 }),
  );
  return fc.oneof(
    fc.tuple(valid, fc.nat(), wrong).map(([value, n, replacement]) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return replacement;
      const entries = Object.entries(value);
      if (entries.length === 0) return ownObject([['__proto__', replacement]]);
      const i = n % entries.length;
      return n % 2 === 0
        ? ownObject(entries.filter((_, j) => j !== i))
        : ownObject(entries.map(([k, v], j) => [k, j === i ? replacement : v] as const));
    }),
    fc
      .tuple(valid, fc.constantFrom(...HOSTILE_STRINGS, 'extra'), wrong)
      .map(([value, key, extra]) =>
        typeof value === 'object' && value !== null && !Array.isArray(value)
          ? ownObject([...Object.entries(value), [key, extra]])
          : extra,
      ),
    fc.jsonValue({ maxDepth: 3 }),
  );
}

/** `valueArbitrary` over a whole document (for `$ref`s) with known emails and passwords. */
export const schemaArbitrary = (
  schema: JsonSchema,
  root: JsonSchema,
  known: KnownValues,
): fc.Arbitrary<unknown> => valueArbitrary(schema, { root, known, depth: 0 });
