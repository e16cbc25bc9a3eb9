// Compiles every course under a catalogue root: each subfolder with a course.md is one course.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { compileCourseFolder, COURSE_FILE, sortErrors } from './compile-course';
import { displayPath } from './errors';
import type { CompiledCourse, CourseCompileResult } from './types';

/** The courses that compiled, and those with authoring errors. */
export interface CatalogueResult {
  courses: CompiledCourse[];
  failures: CourseCompileResult[];
}

/**
 * Compiles all courses under `root`, in folder-name order. A course id used by an earlier folder
 * makes the later course fail. Throws only when `root` cannot be read.
 */
export const compileCatalogue = async (root: string): Promise<CatalogueResult> => {
  const absolute = path.resolve(root);
  const entries = await readdir(absolute, { withFileTypes: true });
  const folders = entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const courses: CompiledCourse[] = [];
  const failures: CourseCompileResult[] = [];
  const ids = new Map<string, string>();
  for (const folder of folders) {
    const dir = path.join(absolute, folder);
    const inside = await readdir(dir, { withFileTypes: true });
    if (!inside.some((entry) => entry.isFile() && entry.name === COURSE_FILE)) continue;

    const { result, id, idLine } = await compileCourseFolder(dir);
    if (id !== undefined) {
      const previous = ids.get(id);
      if (previous !== undefined) {
        result.errors = sortErrors([
          ...result.errors,
          {
            file: displayPath(path.join(dir, COURSE_FILE)),
            line: idLine,
            message: `course id "${id}" is already used by ${displayPath(previous)}`,
          },
        ]);
        delete result.course;
      } else {
        ids.set(id, dir);
      }
    }
    if (result.course) courses.push(result.course);
    else failures.push(result);
  }
  return { courses, failures };
};
