// The one place the UI subscribes to IndexedDB: Dexie liveQuery wrapped in hooks. A screen gets a
// fresh value whenever a transaction changes what its query read, so progress recorded by a
// player shows on every screen without manual refreshes.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import {
  courseLessons,
  courseOverview,
  downloadRecords,
  lessonView,
  progressWithoutBundle,
  storageItems,
  storedCourseOverviews,
  type CourseOverview,
  type ProgressWithoutBundle,
} from '../../client-core/db/views';

type LiveState<T> = { key: string; value: T } | { key: string; error: unknown } | undefined;

/**
 * Subscribe to a Dexie query. Returns undefined while the first result for the current `deps` is
 * loading, then the latest result. A failed query is thrown into the nearest error boundary.
 * The query should return null, never undefined, for "nothing there".
 */
export function useLive<T>(query: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const key = JSON.stringify(deps);
  const [state, setState] = useState<LiveState<T>>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ key, value }),
      error: (error: unknown) => setState({ key, error }),
    });
    return () => subscription.unsubscribe();
  }, [key]);
  if (!state || state.key !== key) return undefined;
  if ('error' in state) throw state.error;
  return state.value;
}

/** A stored course with progress; null when the course is not on the device. */
export const useCourseOverview = (courseId: string): CourseOverview | null | undefined =>
  useLive(() => courseOverview(courseId), [courseId]);

/** Every stored course with progress, most recently active first. */
export const useStoredCourses = (): CourseOverview[] | undefined =>
  useLive(storedCourseOverviews, []);

/** Progress in courses whose bundle is not on this device (pulled from another device). */
export const useProgressWithoutBundle = (): ProgressWithoutBundle[] | undefined =>
  useLive(progressWithoutBundle, []);

/** Every stored lesson of a course, with its body. */
export const useCourseLessons = (courseId: string) =>
  useLive(() => courseLessons(courseId), [courseId]);

/** A lesson's body and progress. */
export const useLessonView = (courseId: string, lessonId: string) =>
  useLive(() => lessonView(courseId, lessonId), [courseId, lessonId]);

/** Every course with something stored on the device (storage screen). */
export const useStorageItems = () => useLive(storageItems, []);

/** Every download record, live. */
export const useDownloadRecords = () => useLive(downloadRecords, []);
