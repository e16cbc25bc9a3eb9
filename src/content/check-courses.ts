// The `courses:check` command without its process: compile, print, choose an exit code. A catalogue
// root's topics.yml ("Hva vil du lære mer om?", issue 15) is checked with its courses.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { compileCatalogue } from './catalogue';
import { compileCourse, COURSE_FILE } from './compile-course';
import { compileTopics, TOPICS_FILE, type TopicsResult } from './topics';
import { formatError, formatWarning } from './types';
import type { CatalogueResult } from './catalogue';

/** `1 course`, `2 courses`. */
export const plural = (count: number, word: string): string =>
  `${count} ${word}${count === 1 ? '' : 's'}`;

/** The courses of `dir`: one course folder (with a course.md) or a catalogue root. Throws when
 * the folder cannot be read. */
export const compileDir = async (dir: string): Promise<CatalogueResult> => {
  const isCourse = await stat(path.join(dir, COURSE_FILE)).then(
    (file) => file.isFile(),
    () => false,
  );
  if (!isCourse) return compileCatalogue(dir);
  const result = await compileCourse(dir);
  return result.course
    ? { courses: [result.course], failures: [], warnings: result.warnings }
    : { courses: [], failures: [result], warnings: result.warnings };
};

/** compileDir for a command: undefined (after printing why) when `dir` cannot be read. */
export const compileDirFor = async (
  command: string,
  dir: string,
  printError: (line: string) => void,
): Promise<Awaited<ReturnType<typeof compileDir>> | undefined> => {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) {
    printError(`${command}: cannot read "${dir}": no such folder`);
    return undefined;
  }
  try {
    return await compileDir(dir);
  } catch (error) {
    printError(`${command}: cannot read "${dir}": ${(error as Error).message}`);
    return undefined;
  }
};

/** The topics file of `dir`, checked, or undefined when it has none. */
const topicsOf = async (dir: string): Promise<TopicsResult | undefined> => {
  const file = path.join(dir, TOPICS_FILE);
  const exists = await stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
  return exists ? compileTopics(file) : undefined;
};

/** Runs the check on `dir` and returns the process exit code. Warnings are printed (before the
 * errors) and do not change it. */
export const checkCourses = async (
  dir: string,
  print: (line: string) => void = console.log,
  printError: (line: string) => void = console.error,
): Promise<number> => {
  const compiled = await compileDirFor('courses:check', dir, printError);
  if (!compiled) return 2;
  const { courses, failures, warnings } = compiled;

  const total = courses.length + failures.length;
  if (total === 0) {
    print(`${dir}: no courses found (a course is a folder with a ${COURSE_FILE})`);
    return 1;
  }
  for (const warning of warnings) print(formatWarning(warning));
  const warned = warnings.length > 0 ? ` (${plural(warnings.length, 'warning')})` : '';
  const topics = await topicsOf(dir);
  const topicErrors = topics?.errors ?? [];
  const errors = [...failures.flatMap((failure) => failure.errors), ...topicErrors];
  for (const error of errors) print(formatError(error));
  if (errors.length > 0) {
    const where = [
      ...(failures.length > 0 || topicErrors.length === 0
        ? [`${failures.length} of ${plural(total, 'course')}`]
        : []),
      ...(topicErrors.length > 0 ? [TOPICS_FILE] : []),
    ];
    print(`${plural(errors.length, 'error')} in ${where.join(' and ')}${warned}`);
    return 1;
  }
  const lessons = courses.reduce((sum, course) => sum + course.bundle.lessons.length, 0);
  const listed = topics?.topics ? `, ${plural(topics.topics.length, 'topic')}` : '';
  print(`${plural(courses.length, 'course')}, ${plural(lessons, 'lesson')}${listed}: OK${warned}`);
  return 0;
};
