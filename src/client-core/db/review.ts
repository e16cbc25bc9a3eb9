// What spaced review and the weekly goal read (issue 16), in one query a live query can follow
// (src/app/review/review-store.ts): the completed quiz lessons stored on this device with their
// questions, their course's title and language and their progress, and every progress record
// (the weekly goal counts lessons of any course, stored here or not). Read-only.
import type { QuizLesson } from '../../shared/course';
import { currentProgress, type LessonProgress } from '../../shared/progress';
import { db, type LommekursDB } from './db';

/** A completed quiz lesson stored on the device, as review asks its questions. */
export interface ReviewLesson {
  courseId: string;
  courseTitle: string;
  /** The course's content language, for lang attributes. */
  language: string;
  lesson: QuizLesson;
  /** The lesson's progress record as stored (review schedules read it through currentProgress). */
  progress: LessonProgress;
}

/** Everything the review queue and the weekly goal are computed from. */
export interface LearningRecords {
  /** Completed quiz lessons whose course is stored here. */
  lessons: ReviewLesson[];
  /** Every progress record on the device, as stored (history: resets hide nothing). */
  progress: LessonProgress[];
}

/** The completed quiz lessons and every progress record (see LearningRecords). */
export async function learningRecords(database: LommekursDB = db): Promise<LearningRecords> {
  const progress = await database.progress.toArray();
  const completed = progress.filter((p) => currentProgress(p).completedAt !== null);
  const courseIds = [...new Set(completed.map((p) => p.courseId))];
  const [lessons, courses] = await Promise.all([
    database.lessons.bulkGet(completed.map((p): [string, string] => [p.courseId, p.lessonId])),
    database.courses.bulkGet(courseIds),
  ]);
  const courseById = new Map(courses.flatMap((c) => (c ? [[c.id, c] as const] : [])));
  const reviewable: ReviewLesson[] = [];
  completed.forEach((p, i) => {
    const lesson = lessons[i];
    const course = courseById.get(p.courseId);
    if (lesson?.kind !== 'quiz' || !course) return;
    const { title: courseTitle, language } = course;
    reviewable.push({ courseId: p.courseId, courseTitle, language, lesson, progress: p });
  });
  return { lessons: reviewable, progress };
}
