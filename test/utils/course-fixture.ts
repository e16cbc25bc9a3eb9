// Writes small course folders (course.md, lesson files, media) into a temp dir for tests of the
// course compiler and the server. Every default compiles cleanly, so a test overrides only the
// part it is about. Front matter is written one field a line, in a fixed order, so tests can name
// exact lines:
//
//   course.md                        lesson file (no advisor)      lesson file with advisor
//   1 ---        6 version           1 ---                         1–5 as before
//   2 id         7 audience          2 id                          6 advisor
//   3 title      8 sources           3 title                       7 sources
//   4 summary    9 ---               4 kind                        8 checked
//   5 language                       5 minutes                     9 ---
//                                    6 sources                    10 (blank)
//                                    7 checked                    11 first body line
//                                    8 ---
//                                    9 (blank)
//                                   10 first body line
//
// Extra course.md fields (`meta`, e.g. `translations`) go on line 9 on, before the closing `---`;
// extra lesson fields (`frontMatter`) after `checked`. `sources` and `checked` are written as one
// line each (JSON, which is valid YAML).
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LessonKind } from '../../src/shared/course';

/** One lesson file. `undefined` in `frontMatter` removes a default field. */
export interface LessonFixture {
  id: string;
  kind?: LessonKind;
  title?: string;
  minutes?: number;
  advisor?: string;
  /** Markdown under the front matter; a valid body for the kind when omitted. */
  body?: string;
  /** File name; `NN-<id>.md` by position when omitted. */
  file?: string;
  /** Extra or replacement front matter fields (new ones written after the defaults; a default
   * keeps its line). `{ sources: undefined }` removes a default field. */
  frontMatter?: Record<string, unknown>;
  /** The whole file as written: overrides everything else but `file`. */
  raw?: string;
}

/** One course folder. */
export interface CourseFixture {
  id: string;
  /** Folder name under the root; the id when omitted. */
  folder?: string;
  /** Extra or replacement course.md fields; `undefined` removes a default field. */
  meta?: Record<string, unknown>;
  /** The whole course.md as written (`null`: no course.md at all). */
  courseMd?: string | null;
  /** One reading lesson when omitted. */
  lessons?: LessonFixture[];
  /** Files under the course folder by relative path, e.g. `{ 'media/a.png': TINY_PNG }`. */
  files?: Record<string, string | Uint8Array>;
}

/** A valid 1×1 PNG (70 bytes). */
export const TINY_PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  ),
);

/** A fresh empty temp dir to write courses into. */
export const makeTempRoot = (prefix = 'lommekurs-courses-'): Promise<string> =>
  mkdtemp(path.join(tmpdir(), prefix));

/** A valid body for each lesson kind. */
export const DEFAULT_BODIES: Record<LessonKind, string> = {
  reading: 'Some text to read.\n',
  quiz: [
    'A short quiz.',
    '',
    '## Is this right? {#q1}',
    '',
    '- [x] Yes',
    '  > Because it is.',
    '- [ ] No',
    '  > Because it is not.',
    '',
  ].join('\n'),
  checklist: ['Tick what you have done.', '', '- [ ] First thing {#first}', ''].join('\n'),
  reflection: 'What would you do?\n',
};

/** The `sources` every fixture lesson has unless `frontMatter` replaces or removes it. */
export const DEFAULT_LESSON_SOURCES = [{ title: 'A lesson source', url: 'https://example.org/l' }];

/** The `checked` date every fixture lesson has unless `frontMatter` replaces or removes it. */
export const DEFAULT_CHECKED = '2026-01-15';

/** Writes `key: value` lines; values as JSON, which is valid YAML and always one line. */
const yamlLines = (fields: Record<string, unknown>): string[] =>
  Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`);

/** The text of course.md for `course`. */
export const courseMarkdown = (course: CourseFixture): string =>
  [
    '---',
    ...yamlLines({
      id: course.id,
      title: `Course ${course.id}`,
      summary: 'A course for tests.',
      language: 'nb',
      version: 1,
      audience: 'Testers',
      sources: [{ title: 'A source', url: 'https://example.org/' }],
      ...course.meta,
    }),
    '---',
    '',
  ].join('\n');

/** The text of a lesson file for `lesson`. */
export const lessonMarkdown = (lesson: LessonFixture): string => {
  if (lesson.raw !== undefined) return lesson.raw;
  const kind = lesson.kind ?? 'reading';
  return [
    '---',
    ...yamlLines({
      id: lesson.id,
      title: lesson.title ?? `Lesson ${lesson.id}`,
      kind,
      minutes: lesson.minutes ?? 2,
      advisor: lesson.advisor,
      sources: DEFAULT_LESSON_SOURCES,
      checked: DEFAULT_CHECKED,
      ...lesson.frontMatter,
    }),
    '---',
    '',
    lesson.body ?? DEFAULT_BODIES[kind],
  ].join('\n');
};

/** Default file name of the lesson at `index`: `01-<id>.md`. */
export const lessonFileName = (lesson: LessonFixture, index: number): string =>
  lesson.file ?? `${String(index + 1).padStart(2, '0')}-${lesson.id}.md`;

/** Writes `course` as a folder under `root` and returns the folder's path. */
export const writeCourse = async (root: string, course: CourseFixture): Promise<string> => {
  const dir = path.join(root, course.folder ?? course.id);
  await mkdir(dir, { recursive: true });
  if (course.courseMd !== null) {
    await writeFile(path.join(dir, 'course.md'), course.courseMd ?? courseMarkdown(course));
  }
  const lessons = course.lessons ?? [{ id: 'first-lesson' }];
  await Promise.all(
    lessons.map((lesson, index) =>
      writeFile(path.join(dir, lessonFileName(lesson, index)), lessonMarkdown(lesson)),
    ),
  );
  for (const [file, content] of Object.entries(course.files ?? {})) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  }
  return dir;
};
