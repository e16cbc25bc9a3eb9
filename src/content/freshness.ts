// Which lessons are due for a new check of their facts: a lesson's `checked` date plus its
// course's `review_every_months`. Courses about law and threats go stale as time passes, so
// `npm run courses:stale` and the server's start-up log say so — while `courses:check` keeps
// passing, because time passing must not break a build.
import { osloDate } from '../shared/oslo-date';
import type { CompiledCourse } from './types';

/** A lesson whose facts are past due for a new check. */
export interface StaleLesson {
  courseId: string;
  lessonId: string;
  /** Absolute path of the lesson file, and the line of its `checked` field. */
  file: string;
  line: number;
  checked: string;
  /** The day the next check was due, `YYYY-MM-DD`. */
  due: string;
}

/** `date` (`YYYY-MM-DD`) plus whole months; a day past the end of the month becomes its last
 * day (2026-08-31 + 6 months = 2027-02-28). */
export const addMonths = (date: string, months: number): string => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0),
  ).getUTCDate();
  first.setUTCDate(Math.min(day, lastDay));
  return first.toISOString().slice(0, 10);
};

/** Today's date in Norway, `YYYY-MM-DD`: the authors' calendar. */
export const osloToday = (now = Date.now()): string => osloDate(now);

/** The lessons of `course` whose next check was due before `today`, oldest first. */
export const staleLessons = (course: CompiledCourse, today: string): StaleLesson[] =>
  course.bundle.lessons
    .map((lesson, index) => {
      const file = course.lessonFiles[index]!;
      return {
        courseId: course.bundle.id,
        lessonId: lesson.id,
        file: file.path,
        line: file.checkedLine,
        checked: lesson.checked,
        due: addMonths(lesson.checked, course.reviewEveryMonths),
      };
    })
    .filter((lesson) => lesson.due < today)
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));

/** The first day any lesson of `courses` falls due, or undefined for no lessons. */
export const nextDue = (courses: CompiledCourse[]): string | undefined =>
  courses
    .flatMap((course) =>
      course.bundle.lessons.map((lesson) => addMonths(lesson.checked, course.reviewEveryMonths)),
    )
    .sort()[0];
