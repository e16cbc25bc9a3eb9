// The learner's progress as screens read it: per lesson, per course, and a course's summary.
// Read-only; learner actions that change progress are in learner-actions.ts.
import type { Lesson } from '../../shared/course';
import { roundedPercent } from '../../shared/percent';
import { currentProgress, type LessonProgress } from '../../shared/progress';
import { db, type LessonOutline, type LommekursDB } from './db';

/** Progress of one lesson as the learner sees it (after any course reset), or undefined when
 * the device has no record of it. */
export const getLessonProgress = async (
  courseId: string,
  lessonId: string,
  database: LommekursDB = db,
): Promise<LessonProgress | undefined> => {
  const row = await database.progress.get([courseId, lessonId]);
  return row && currentProgress(row);
};

/** Ids of every course the device holds progress for, stored or not. */
export const listCourseIdsWithProgress = (database: LommekursDB = db): Promise<string[]> =>
  database.progress.orderBy('courseId').uniqueKeys() as Promise<string[]>;

/** All progress records of a course as the learner sees them (after any reset), by lesson id. */
export async function getCourseProgress(
  courseId: string,
  database: LommekursDB = db,
): Promise<Map<string, LessonProgress>> {
  const rows = await database.progress.where('courseId').equals(courseId).toArray();
  return new Map(rows.map((p) => [p.lessonId, currentProgress(p)]));
}

export interface CourseSummary {
  completed: number;
  total: number;
  /** 0–100, rounded, but 100 only when finished and 0 only when nothing is (roundedPercent). */
  percent: number;
  finished: boolean;
  /** The first lesson not completed, where "continue" leads. */
  nextLessonId: string | null;
}

/** Completion of a course's current lessons. Completions of lessons no longer in the course stay
 * stored but do not count. */
export function summarise(
  outline: readonly Pick<LessonOutline | Lesson, 'id'>[],
  progress: Map<string, LessonProgress>,
): CourseSummary {
  const isDone = (id: string) => (progress.get(id)?.completedAt ?? null) !== null;
  const completed = outline.filter((l) => isDone(l.id)).length;
  const total = outline.length;
  return {
    completed,
    total,
    percent: roundedPercent(completed, total),
    finished: total > 0 && completed === total,
    nextLessonId: outline.find((l) => !isDone(l.id))?.id ?? null,
  };
}
