// Resetting a course's progress: one `lesson.reset` event per lesson, all in one transaction.
// Nothing is deleted: the events raise each lesson's `resetAt`, and `currentProgress`
// (src/shared/progress.ts) hides what came before it, on this device, on the server and on every
// other device that receives the events. Time spent and reflection texts are kept.
import type { LearnerEvent } from '../../shared/events';
import { db, type LommekursDB } from './db';
import { recordLessonsAction } from './record';

/**
 * Reset the learner's progress in a course. Every lesson of the course's current outline gets a
 * reset, with or without progress on this device, so what another device did before the reset and
 * has not sent yet is hidden too; so does any other lesson of the course this device has progress
 * on (a lesson since removed from the course).
 */
export async function resetCourseProgress(
  courseId: string,
  lessonIds: readonly string[],
  database: LommekursDB = db,
): Promise<LearnerEvent[]> {
  const stored = await database.progress.where('courseId').equals(courseId).toArray();
  const lessons = new Set([...lessonIds, ...stored.map((p) => p.lessonId)]);
  return recordLessonsAction(
    [...lessons].map((lessonId) => ({
      courseId,
      lessonId,
      plan: () => [{ type: 'lesson.reset', courseId, lessonId, payload: {} }],
    })),
    { database },
  );
}
