// Reads `topics.yml` in a catalogue root: the topics a learner can pick under "Hva vil du lære mer
// om?" when a course is finished (issue 15), each a kebab-case id with a label in bokmål, nynorsk
// and English. Read like a course's front matter, so every mistake is reported as
// `file:line: message` (an unknown field, a missing label, an id used twice) in one run. Checked
// by `npm run courses:check`; built into the app (vite.config.ts).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { CourseTopic } from '../shared/course-topics';
import { ErrorList, type Report } from './errors';
import { readYamlFile, validateFrontMatter } from './front-matter';
import { idSchema } from './front-matter-schemas';
import { formatError, type AuthoringError } from './types';

/** The topics' file, beside the course folders. */
export const TOPICS_FILE = 'topics.yml';

/** A label is one checkbox's text on a phone: short. */
const LABEL_MAX = 60;

const label = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(LABEL_MAX, `must be at most ${LABEL_MAX} characters`);

const topicsFileSchema = z.strictObject({
  topics: z
    .array(
      z.strictObject({
        id: idSchema,
        nb: label,
        nn: label,
        en: label,
      } satisfies Record<keyof CourseTopic, unknown>),
    )
    .min(1, 'must list at least one topic'),
});

/** The topics, or (only then) the authoring errors of the file. */
export interface TopicsResult {
  /** Present only when there are no errors. */
  topics?: CourseTopic[];
  errors: AuthoringError[];
}

/** Reads and checks a topics file; throws only when it cannot be read. */
export const compileTopics = async (file: string): Promise<TopicsResult> => {
  const errors = new ErrorList();
  const report = errors.for(path.resolve(file));
  const fields = readYamlFile(await readFile(file, 'utf8'), report);
  const valid = validateFrontMatter(fields, topicsFileSchema, report, {
    topics: 'missing field "topics": list the topics under it',
  });
  reportRepeatedIds(fields.data?.topics, fields.lineOf, report);
  const sorted = [...errors.items].sort((a, b) => a.line - b.line);
  return sorted.length === 0 && valid ? { topics: valid.topics, errors: [] } : { errors: sorted };
};

/** Reports each topic id used before, at its line. Read from the raw list, so a repeated id shows
 * beside the file's other mistakes. */
const reportRepeatedIds = (
  list: unknown,
  lineOf: (path: readonly PropertyKey[]) => number,
  report: Report,
): void => {
  if (!Array.isArray(list)) return;
  const firstLine = new Map<string, number>();
  list.forEach((item: unknown, index) => {
    const id = idSchema.safeParse((item as { id?: unknown } | null)?.id).data;
    if (id === undefined) return;
    const line = lineOf(['topics', index, 'id']);
    const first = firstLine.get(id);
    if (first === undefined) firstLine.set(id, line);
    else report(line, `topic id "${id}" is already used on line ${first}`);
  });
};

/** The topics of `file` for the app's build (vite.config.ts): throws with every mistake, one
 * `file:line: message` a line. */
export const loadTopics = async (file: string): Promise<CourseTopic[]> => {
  const { topics, errors } = await compileTopics(file);
  if (!topics) throw new Error(errors.map(formatError).join('\n'));
  return topics;
};
