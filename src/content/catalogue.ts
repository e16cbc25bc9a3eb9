// Compiles every course under a catalogue root: each subfolder with a course.md is one course.
// Then checks what spans courses: unique course ids and the `translations:` links between courses.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import {
  compileCourseFolder,
  COURSE_FILE,
  sortErrors,
  type CourseFolderResult,
} from './compile-course';
import { displayPath } from './errors';
import type { AuthoringError, CompiledCourse, CourseCompileResult } from './types';

/** The courses that compiled, those with authoring errors, and every course's warnings. */
export interface CatalogueResult {
  courses: CompiledCourse[];
  failures: CourseCompileResult[];
  warnings: AuthoringError[];
}

/**
 * Compiles all courses under `root`, in folder-name order. A course id used by an earlier folder
 * makes the later course fail; so does a translation link to a course that is not in the
 * catalogue or not in the linked language. Throws only when `root` cannot be read.
 */
export const compileCatalogue = async (root: string): Promise<CatalogueResult> => {
  const absolute = path.resolve(root);
  const entries = await readdir(absolute, { withFileTypes: true });
  const folders = entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const compiled: (CourseFolderResult & { dir: string })[] = [];
  const ids = new Map<string, CourseFolderResult & { dir: string }>();
  for (const folder of folders) {
    const dir = path.join(absolute, folder);
    const inside = await readdir(dir, { withFileTypes: true });
    if (!inside.some((entry) => entry.isFile() && entry.name === COURSE_FILE)) continue;

    const folderResult = { ...(await compileCourseFolder(dir)), dir };
    const { result, id, idLine } = folderResult;
    if (id !== undefined) {
      const previous = ids.get(id);
      if (previous !== undefined) {
        fail(result, idLine, `course id "${id}" is already used by ${displayPath(previous.dir)}`);
      } else {
        ids.set(id, folderResult);
      }
    }
    compiled.push(folderResult);
  }

  // A link need not be returned: an nn course may link to its nb original before the original
  // links back.
  for (const { result, translations } of compiled) {
    for (const { language, courseId, line } of translations) {
      const target = ids.get(courseId);
      if (target === undefined) {
        fail(
          result,
          line,
          `"translations.${language}" links to course "${courseId}", which is not in ${displayPath(absolute)}`,
        );
      } else if (target.language !== undefined && target.language !== language) {
        fail(
          result,
          line,
          `"translations.${language}" links to course "${courseId}", which is in ${target.language}, not ${language}`,
        );
      }
    }
  }

  const courses: CompiledCourse[] = [];
  const failures: CourseCompileResult[] = [];
  for (const { result } of compiled) {
    if (result.course) courses.push(result.course);
    else failures.push(result);
  }
  return { courses, failures, warnings: compiled.flatMap(({ result }) => result.warnings) };
};

/** Adds a cross-course error to the course.md of `result` and withdraws its bundle. */
const fail = (result: CourseCompileResult, line: number, message: string): void => {
  result.errors = sortErrors([
    ...result.errors,
    { file: displayPath(path.join(result.dir, COURSE_FILE)), line, message },
  ]);
  delete result.course;
};
