// The learner's progress as screens read it: per lesson, per course, and a course's summary.
// Read-only; learner actions that change progress are in learner-actions.ts.
import type { Lesson } from '../../shared/course';
import type { LessonProgress } from '../../shared/progress';
import { db, type LessonOutline, type LommekursDB } from './db';

/** Progress of one lesson, or undefined when the learner has not started it. */
export const getLessonProgress = (courseId: string, lessonId: string, database: LommekursDB = db) =>
  database.progress.get([courseId, lessonId]);

/** All progress records of a course, by lesson id. */
export async function getCourseProgress(
  courseId: string,
  database: LommekursDB = db,
): Promise<Map<string, LessonProgress>> {
  const rows = await database.progress.where('courseId').equals(courseId).toArray();
  return new Map(rows.map((p) => [p.lessonId, p]));
}

export interface CourseSummary {
  completed: number;
  total: number;
  /** 0–100, rounded down so 100 means truly finished. */
  percent: number;
  finished: boolean;
  /** The first lesson not completed, where "continue" leads. */
  nextLessonId: string | null;
}

/** Completion of a course's current lessons. Completions of lessons no longer in the course stay
 * stored but do not count. */
export function summarise(
  outline: readonly LessonOutline[] | readonly Lesson[],
  progress: Map<string, LessonProgress>,
): CourseSummary {
  const isDone = (id: string) => (progress.get(id)?.completedAt ?? null) !== null;
  const completed = outline.filter((l) => isDone(l.id)).length;
  const total = outline.length;
  return {
    completed,
    total,
    percent: total === 0 ? 0 : Math.floor((completed / total) * 100),
    finished: total > 0 && completed === total,
    nextLessonId: outline.find((l) => !isDone(l.id))?.id ?? null,
  };
}
