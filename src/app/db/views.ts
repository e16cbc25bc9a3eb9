// Read-only views that screens subscribe to through liveQuery (src/app/state/live.ts): each one
// combines the storage modules' queries into what one screen shows. No writes here.
import type { LessonProgress } from '../../shared/progress';
import { getStoredCourse, getStoredLesson, listStoredCourses } from './courses';
import type { StoredCourse, StoredLesson } from './db';
import { getCourseProgress, getLessonProgress, summarise, type CourseSummary } from './progress';

/** A stored course with the learner's progress in it. */
export interface CourseOverview {
  course: StoredCourse;
  progress: Map<string, LessonProgress>;
  summary: CourseSummary;
  /** When the learner last did something in the course; 0 if never. */
  lastActive: number;
}

async function overviewOf(course: StoredCourse): Promise<CourseOverview> {
  const progress = await getCourseProgress(course.id);
  let lastActive = 0;
  for (const p of progress.values()) lastActive = Math.max(lastActive, p.updatedAt);
  return { course, progress, summary: summarise(course.outline, progress), lastActive };
}

/** One stored course and its progress, or null when the course is not on the device. */
export async function courseOverview(courseId: string): Promise<CourseOverview | null> {
  const course = await getStoredCourse(courseId);
  return course ? overviewOf(course) : null;
}

/** Every stored course with its progress, most recently active first, then by title. */
export async function storedCourseOverviews(): Promise<CourseOverview[]> {
  const courses = await listStoredCourses();
  const overviews = await Promise.all(courses.map(overviewOf));
  return overviews.sort(
    (a, b) => b.lastActive - a.lastActive || a.course.title.localeCompare(b.course.title),
  );
}

/** One stored lesson's body and its progress (null when missing or not started). */
export async function lessonView(
  courseId: string,
  lessonId: string,
): Promise<{ lesson: StoredLesson | null; progress: LessonProgress | null }> {
  const [lesson, progress] = await Promise.all([
    getStoredLesson(courseId, lessonId),
    getLessonProgress(courseId, lessonId),
  ]);
  return { lesson: lesson ?? null, progress: progress ?? null };
}
