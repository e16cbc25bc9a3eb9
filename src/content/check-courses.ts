// The `courses:check` command without its process: compile, print, choose an exit code.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { compileCatalogue } from './catalogue';
import { compileCourse, COURSE_FILE } from './compile-course';
import { formatError, type CompiledCourse, type CourseCompileResult } from './types';

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Runs the check on `dir` and returns the process exit code. */
export const checkCourses = async (
  dir: string,
  print: (line: string) => void = console.log,
  printError: (line: string) => void = console.error,
): Promise<number> => {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) {
    printError(`courses:check: cannot read "${dir}": no such folder`);
    return 2;
  }

  let courses: CompiledCourse[];
  let failures: CourseCompileResult[];
  try {
    const isCourse = await stat(path.join(dir, COURSE_FILE)).then(
      (file) => file.isFile(),
      () => false,
    );
    if (isCourse) {
      const result = await compileCourse(dir);
      courses = result.course ? [result.course] : [];
      failures = result.course ? [] : [result];
    } else {
      ({ courses, failures } = await compileCatalogue(dir));
    }
  } catch (error) {
    printError(`courses:check: cannot read "${dir}": ${(error as Error).message}`);
    return 2;
  }

  const total = courses.length + failures.length;
  if (total === 0) {
    print(`${dir}: no courses found (a course is a folder with a ${COURSE_FILE})`);
    return 1;
  }
  const errors = failures.flatMap((failure) => failure.errors);
  for (const error of errors) print(formatError(error));
  if (errors.length > 0) {
    print(`${plural(errors.length, 'error')} in ${failures.length} of ${plural(total, 'course')}`);
    return 1;
  }
  const lessons = courses.reduce((sum, course) => sum + course.bundle.lessons.length, 0);
  print(`${plural(courses.length, 'course')}, ${plural(lessons, 'lesson')}: OK`);
  return 0;
};
