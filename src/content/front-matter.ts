// Splits a Markdown file into its YAML front matter and body, keeping track of lines so that every
// error points at the line an author has to fix: the key of a bad field, the YAML syntax error, or
// the Markdown node. A file that is all YAML (courses/topics.yml) is read the same way.
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import type { z } from 'zod';
import type { Report } from './errors';

/** YAML "field: value" lines, parsed, with the file line of each key. */
export interface YamlFields {
  /** Parsed YAML: undefined when it is not usable (the error is reported). */
  data: Record<string, unknown> | undefined;
  /** 1-based file line of a key (or list item); line 1 when it is absent. */
  lineOf(path: readonly PropertyKey[]): number;
}

export interface FrontMatter extends YamlFields {
  /** The file with its front matter lines blanked, so Markdown positions are file lines. */
  body: string;
}

const fence = /^---[ \t]*$/;
const closingFence = /^(---|\.\.\.)[ \t]*$/;

const linesOf = (text: string): string[] => text.replace(/^\uFEFF/, '').split(/\r?\n/);

/** Reads the front matter of `text`, reporting a missing fence or invalid YAML. */
export const readFrontMatter = (text: string, report: Report): FrontMatter => {
  const lines = linesOf(text);
  const none = { data: undefined, lineOf: () => 1 };
  if (!fence.test(lines[0] ?? '')) {
    report(1, 'missing front matter: the file must start with a line "---"');
    return { ...none, body: lines.join('\n') };
  }
  const end = lines.findIndex((line, index) => index > 0 && closingFence.test(line));
  if (end < 0) {
    report(1, 'front matter is not closed: add a line "---" after the last field');
    return { ...none, body: '' };
  }

  const body = [...lines.slice(0, end + 1).map(() => ''), ...lines.slice(end + 1)].join('\n');
  // The YAML starts on file line 2.
  return { ...readYamlLines(lines.slice(1, end), 2, 'front matter', report), body };
};

/** Reads a file that is all YAML "field: value" lines, reporting invalid YAML. */
export const readYamlFile = (text: string, report: Report): YamlFields =>
  readYamlLines(linesOf(text), 1, 'the file', report);

/** Parses `yamlLines`, the first of them on file line `firstLine`, as "field: value" lines; `what`
 * names them in a message ("invalid YAML in front matter: …"). */
const readYamlLines = (
  yamlLines: string[],
  firstLine: number,
  what: string,
  report: Report,
): YamlFields => {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlLines.join('\n'), {
    lineCounter,
    prettyErrors: true,
    uniqueKeys: true,
  });
  const fileLine = (yamlLine: number): number => yamlLine + firstLine - 1;
  const lineAt = (offset: number): number => fileLine(lineCounter.linePos(offset).line);
  const lineOf = (path: readonly PropertyKey[]): number => keyLine(doc, path, lineAt);

  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      const line = openingQuoteLine(yamlLines, error.message, error.linePos?.[0].line);
      report(fileLine(line), `invalid YAML in ${what}: ${message}`);
    }
    return { data: undefined, lineOf };
  }
  const value: unknown = doc.toJS();
  if (value === null || value === undefined) return { data: {}, lineOf };
  if (typeof value !== 'object' || Array.isArray(value)) {
    report(firstLine, `${what} must be a list of "field: value" lines`);
    return { data: undefined, lineOf };
  }
  return { data: value as Record<string, unknown>, lineOf };
};

/**
 * yaml reports an unclosed quote where the file ends; the author has to fix the line where the
 * quote opens: the first line that starts a quoted value and has an odd number of that quote.
 */
const openingQuoteLine = (yamlLines: string[], message: string, line = 1): number => {
  const quote = /^Missing closing (["'])quote/.exec(message)?.[1];
  if (!quote) return line;
  const opensQuote = new RegExp(`(^|[:,[{-])\\s*${quote}`);
  const opening = yamlLines
    .slice(0, line)
    .findIndex(
      (text) =>
        opensQuote.test(text) && (text.replace(/\\./g, '').split(quote).length - 1) % 2 === 1,
    );
  return opening < 0 ? line : opening + 1;
};

/** Line of the deepest node along `path` that exists (the key of a map entry, or a list item). */
const keyLine = (
  doc: Document,
  path: readonly PropertyKey[],
  lineAt: (offset: number) => number,
) => {
  let node: unknown = doc.contents;
  let line = 1;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment);
      if (!pair || !isNode(pair.key) || !pair.key.range) break;
      line = lineAt(pair.key.range[0]);
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (!isNode(item) || !item.range) break;
      line = lineAt(item.range[0]);
      node = item;
    } else {
      break;
    }
  }
  return line;
};

const expected: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  array: 'a list',
  object: 'a set of "field: value" lines',
  boolean: 'true or false',
};

const fieldName = (path: readonly PropertyKey[]): string =>
  path
    .map((segment, index) =>
      typeof segment === 'number'
        ? `[${segment + 1}]`
        : `${index > 0 ? '.' : ''}${String(segment)}`,
    )
    .join('');

const valueAt = (data: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (value, segment) =>
      value !== null && typeof value === 'object'
        ? (value as Record<PropertyKey, unknown>)[segment]
        : undefined,
    data,
  );

/**
 * Validates front matter (or a YAML file's fields) against a zod schema, reporting each problem at
 * its field's line with the field's name. `missing` replaces the message for an absent top-level field (reported at line 1).
 * Returns the parsed value, or undefined when anything is wrong.
 */
export const validateFrontMatter = <T>(
  frontMatter: YamlFields,
  schema: z.ZodType<T>,
  report: Report,
  missing: Readonly<Record<string, string>> = {},
): T | undefined => {
  if (frontMatter.data === undefined) return undefined;
  const result = schema.safeParse(frontMatter.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        report(frontMatter.lineOf([...path, key]), `unknown field "${fieldName([...path, key])}"`);
      }
    } else if (valueAt(frontMatter.data, path) === undefined) {
      const custom = path.length === 1 ? missing[String(path[0])] : undefined;
      report(frontMatter.lineOf(path), custom ?? `missing field "${fieldName(path)}"`);
    } else {
      // zod's own messages start with "Invalid input"; the schemas' messages are already phrased
      // for authors ("must be …").
      const message =
        issue.code === 'invalid_type' && issue.message.startsWith('Invalid input')
          ? `must be ${expected[issue.expected] ?? issue.expected}`
          : issue.message;
      report(frontMatter.lineOf(path), `field "${fieldName(path)}" ${message}`);
    }
  }
  return undefined;
};
