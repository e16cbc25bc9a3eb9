// The learner's progress as screens read it: per lesson, per course, and a course's summary.
// Read-only; learner actions that change progress are in learner-actions.ts.
import { currentProgress, type LessonProgress } from '../../shared/progress';
import { db, type LommekursDB } from './db';

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

// A course's summary is pure (no storage): the first chunk's Home lists use it without Dexie.
export { summarise, type CourseSummary } from './course-summary';
