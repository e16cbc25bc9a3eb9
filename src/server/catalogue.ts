// The course catalogue the server starts with: every folder under COURSES_DIR compiled once.
// A course with authoring errors is refused (each error logged as `file:line: message`) and the
// rest are served, so one author's typo never takes the other courses offline.
import { stat } from 'node:fs/promises';
import { relative } from 'node:path';
import { compileCatalogue, formatError, type CompiledCourse } from '../content';
import type { Logger } from './logger';

/** Compiles the courses in `coursesDir` and returns those without errors (ids are unique). */
export async function loadCatalogue(coursesDir: string, logger: Logger): Promise<CompiledCourse[]> {
  const info = await stat(coursesDir).catch(() => null);
  if (!info?.isDirectory()) {
    logger.warn({ dir: coursesDir }, 'courses directory not found: serving no courses');
    return [];
  }
  const { courses, failures } = await compileCatalogue(coursesDir);
  for (const failure of failures) {
    const course = relative(process.cwd(), failure.dir) || failure.dir;
    for (const error of failure.errors) {
      logger.warn({ course, file: error.file, line: error.line }, formatError(error));
    }
    logger.warn({ course, errors: failure.errors.length }, `course refused: ${course}`);
  }
  logger.info(
    { dir: coursesDir, courses: courses.length, refused: failures.length },
    `${courses.length} course(s) served, ${failures.length} refused`,
  );
  return courses;
}
