// The course catalogue the server starts with: every folder under COURSES_DIR compiled once.
// A course with authoring errors is refused (each error logged as `file:line: message`) and the
// rest are served, so one author's typo never takes the other courses offline. Courses past due
// for a new check of their facts are served too, with a warning.
import { stat } from 'node:fs/promises';
import { relative } from 'node:path';
import {
  compileCatalogue,
  formatError,
  osloToday,
  staleLessons,
  type CompiledCourse,
} from '../content';
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
  logStaleCourses(courses, logger);
  return courses;
}

/** One warning per course with lessons past due for a new check of their facts: they are still
 * served (the facts may well hold), but an author should look (`npm run courses:stale`). */
export function logStaleCourses(courses: CompiledCourse[], logger: Logger, today = osloToday()) {
  for (const course of courses) {
    const stale = staleLessons(course, today);
    if (stale.length === 0) continue;
    logger.warn(
      {
        course: course.bundle.id,
        lessons: stale.map((lesson) => lesson.lessonId),
        dueSince: stale[0]!.due,
      },
      `course ${course.bundle.id}: ${stale.length} lesson(s) past due for a new check since ${stale[0]!.due} (npm run courses:stale)`,
    );
  }
}
