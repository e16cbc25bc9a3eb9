// Courses stored on this device: the bundle's metadata and outline in `courses`, each lesson's
// body in `lessons`. Storing a new version replaces the lessons in one transaction and never
// touches progress, which hangs on the stable lesson ids.
import { newestChange, type CourseBundle, type Lesson } from '../../shared/course';
import { bundleBytes } from './bundle-size';
import { db, type LessonOutline, type StoredCourse, type StoredLesson } from './db';

/** What the course page and home screen show of a lesson, without its body. */
const outlineOf = (lesson: Lesson): LessonOutline => {
  const { id, title, kind, minutes } = lesson;
  const change = newestChange(lesson);
  return {
    id,
    title,
    kind,
    minutes,
    ...(lesson.kind === 'checklist' && lesson.taskMinutes && { taskMinutes: lesson.taskMinutes }),
    ...(change && { change }),
  };
};

/** Store (or replace with a new version) a course bundle, atomically. */
export async function storeCourse(bundle: CourseBundle, now = Date.now()): Promise<StoredCourse> {
  const { lessons, ...meta } = bundle;
  const course: StoredCourse = {
    ...meta,
    outline: lessons.map(outlineOf),
    storedAt: now,
    bytes: bundleBytes(bundle),
  };
  await db.transaction('rw', db.courses, db.lessons, async () => {
    await db.lessons.where('courseId').equals(bundle.id).delete();
    await db.lessons.bulkAdd(lessons.map((l): StoredLesson => ({ ...l, courseId: bundle.id })));
    await db.courses.put(course);
  });
  return course;
}

/** A stored course, or undefined. */
export const getStoredCourse = (courseId: string) => db.courses.get(courseId);

/** All stored courses. */
export const listStoredCourses = () => db.courses.toArray();

/** One stored lesson with its body, or undefined. */
export const getStoredLesson = (courseId: string, lessonId: string) =>
  db.lessons.get([courseId, lessonId]);

/** Every stored lesson of a course with its body, in no particular order. */
export const getStoredLessons = (courseId: string) =>
  db.lessons.where('courseId').equals(courseId).toArray();

/** Remove a course's content from the device; the learner's progress stays. */
export async function removeStoredCourse(courseId: string): Promise<void> {
  await db.transaction('rw', db.courses, db.lessons, async () => {
    await db.lessons.where('courseId').equals(courseId).delete();
    await db.courses.delete(courseId);
  });
}
