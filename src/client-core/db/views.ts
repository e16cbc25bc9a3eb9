// Read-only views that screens subscribe to through liveQuery (src/app/state/live.ts): each one
// combines the storage modules' queries into what one screen shows. No writes here.
import { isUntouched, type LessonProgress } from '../../shared/progress';
import { changedLessons, type ChangedLesson } from './change-notices';
import { getStoredCourse, getStoredLesson, getStoredLessons, listStoredCourses } from './courses';
import type { DownloadRow, StoredCourse, StoredLesson } from './db';
import { getDownload, isAvailableOffline, listDownloads } from './downloads';
import {
  getCourseProgress,
  getLessonProgress,
  listCourseIdsWithProgress,
  summarise,
  type CourseSummary,
} from './progress';

/** A stored course with the learner's progress in it. */
export interface CourseOverview {
  course: StoredCourse;
  progress: Map<string, LessonProgress>;
  summary: CourseSummary;
  /** When the learner last did something in the course; 0 if never. */
  lastActive: number;
  /** The course's download record, if a download was ever started. */
  download: DownloadRow | null;
  /** Its bundle and every media file are stored: it works without a connection. */
  availableOffline: boolean;
  /** Completed lessons that have changed since, which the learner has not opened again. */
  changed: ChangedLesson[];
}

/** The learner's progress in a course whose bundle is not on this device: pulled from another
 * device, or kept when the course's download was deleted. Lists show it with the catalogue's
 * title and lesson ids. */
export interface ProgressWithoutBundle {
  courseId: string;
  progress: Map<string, LessonProgress>;
  /** When the learner last did something in the course; 0 if never. */
  lastActive: number;
}

/** When the learner last did something in a course; 0 if never. */
const lastActiveIn = (progress: Map<string, LessonProgress>): number => {
  let lastActive = 0;
  // A lesson untouched since a course reset does not make the course started again.
  for (const p of progress.values()) {
    if (!isUntouched(p)) lastActive = Math.max(lastActive, p.updatedAt);
  }
  return lastActive;
};

async function overviewOf(course: StoredCourse): Promise<CourseOverview> {
  const [progress, download] = await Promise.all([
    getCourseProgress(course.id),
    getDownload(course.id),
  ]);
  const lastActive = lastActiveIn(progress);
  return {
    course,
    progress,
    summary: summarise(course.outline, progress),
    lastActive,
    download: download ?? null,
    availableOffline: isAvailableOffline(course, download),
    changed: changedLessons(course.outline, progress),
  };
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

/** Progress in every course whose bundle is not on this device, most recently active first. */
export async function progressWithoutBundle(): Promise<ProgressWithoutBundle[]> {
  const [courseIds, courses] = await Promise.all([
    listCourseIdsWithProgress(),
    listStoredCourses(),
  ]);
  const stored = new Set(courses.map((course) => course.id));
  const missing = courseIds.filter((courseId) => !stored.has(courseId));
  const rows = await Promise.all(
    missing.map(async (courseId) => {
      const progress = await getCourseProgress(courseId);
      return { courseId, progress, lastActive: lastActiveIn(progress) };
    }),
  );
  return rows.sort((a, b) => b.lastActive - a.lastActive);
}

/** Every stored lesson of a course with its body (a finished course's summary reads its quizzes
 * and checklists). */
export const courseLessons = (courseId: string): Promise<StoredLesson[]> =>
  getStoredLessons(courseId);

/** One lesson's body and its progress (null when missing or not started). */
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

/** A course with something on the device: its bundle, a download record, or both. */
export interface StoredItem {
  courseId: string;
  title: string;
  language: string;
  course: StoredCourse | null;
  download: DownloadRow | null;
  availableOffline: boolean;
}

/** Everything the storage screen lists, by title. */
export async function storageItems(): Promise<StoredItem[]> {
  const [courses, downloads] = await Promise.all([listStoredCourses(), listDownloads()]);
  const rows = new Map(downloads.map((d) => [d.courseId, d]));
  const items: StoredItem[] = courses.map((course) => {
    const download = rows.get(course.id) ?? null;
    rows.delete(course.id);
    return {
      courseId: course.id,
      title: course.title,
      language: course.language,
      course,
      download,
      availableOffline: isAvailableOffline(course, download),
    };
  });
  for (const download of rows.values()) {
    const { courseId, title, language } = download;
    items.push({ courseId, title, language, course: null, download, availableOffline: false });
  }
  return items.sort((a, b) => a.title.localeCompare(b.title));
}

/** Every download record (complete or partial). */
export const downloadRecords = (): Promise<DownloadRow[]> => listDownloads();
