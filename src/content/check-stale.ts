// The `courses:stale` command without its process: list every lesson whose facts are past due for
// a new check (`checked` + the course's `review_every_months`), and choose an exit code.
import { compileDirFor, plural } from './check-courses';
import { displayPath } from './errors';
import { nextDue, osloToday, staleLessons } from './freshness';

/** Lists the stale lessons of `dir` as of `today`; returns 0 when none is past due, 1 when any
 * is, 2 when the folder cannot be read or a course has errors. */
export const checkStale = async (
  dir: string,
  today = osloToday(),
  print: (line: string) => void = console.log,
  printError: (line: string) => void = console.error,
): Promise<number> => {
  const compiled = await compileDirFor('courses:stale', dir, printError);
  if (!compiled) return 2;
  const { courses, failures } = compiled;
  const stale = courses.flatMap((course) =>
    staleLessons(course, today).map((lesson) => ({ ...lesson, every: course.reviewEveryMonths })),
  );
  for (const lesson of stale) {
    print(
      `${displayPath(lesson.file)}:${lesson.line}: checked ${lesson.checked}, due for a new check since ${lesson.due} (every ${plural(lesson.every, 'month')})`,
    );
  }
  for (const failure of failures) {
    printError(`${displayPath(failure.dir)}: has errors, not checked: run npm run courses:check`);
  }
  const lessons = courses.reduce((sum, course) => sum + course.bundle.lessons.length, 0);
  const staleCourses = new Set(stale.map((lesson) => lesson.courseId)).size;
  if (stale.length > 0) {
    print(
      `${plural(stale.length, 'lesson')} in ${staleCourses} of ${plural(courses.length, 'course')} past due on ${today}: check them against their sources and update "checked"`,
    );
    return 1;
  }
  const next = nextDue(courses);
  print(
    `${plural(courses.length, 'course')}, ${plural(lessons, 'lesson')}: none past due on ${today}${next ? ` (next due ${next})` : ''}`,
  );
  return failures.length > 0 ? 2 : 0;
};
