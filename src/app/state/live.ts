// The one place the UI subscribes to IndexedDB: Dexie liveQuery wrapped in hooks. A screen gets a
// fresh value whenever a transaction changes what its query read, so progress recorded by a
// player shows on every screen without manual refreshes. The queries come with the storage chunk
// (./storage.ts): until it is there a hook gives undefined, as while any first result loads.
import { useEffect, useState } from 'preact/hooks';
import type { CourseOverview, ProgressWithoutBundle } from '../../client-core/db/views';
import { knownEmpty, loadStorage, type Storage } from './storage';

type LiveState<T> = { key: string; value: T } | { key: string; error: unknown } | undefined;

/**
 * Subscribe to a Dexie query over the storage layer. Returns undefined while the storage chunk or
 * the first result for the current `deps` is loading, then the latest result. A failed query (or
 * storage chunk) is thrown into the nearest error boundary. The query should return null, never
 * undefined, for "nothing there". `empty` is the query's answer on a device with nothing stored:
 * given while the storage chunk loads on a new device (see knownEmpty).
 */
export function useLive<T>(
  query: (storage: Storage) => Promise<T>,
  deps: readonly unknown[],
  empty?: T,
): T | undefined {
  const key = JSON.stringify(deps);
  const [state, setState] = useState<LiveState<T>>(undefined);
  // Decided when the hook mounts, so a render after the chunk loaded does not flash "loading".
  const [startsEmpty] = useState(() => empty !== undefined && knownEmpty());
  useEffect(() => {
    let active = true;
    let subscription: { unsubscribe(): void } | undefined;
    loadStorage().then(
      (storage) => {
        if (!active) return;
        subscription = storage
          .liveQuery(() => query(storage))
          .subscribe({
            next: (value) => setState({ key, value }),
            error: (error: unknown) => setState({ key, error }),
          });
      },
      (error: unknown) => active && setState({ key, error }),
    );
    return () => {
      active = false;
      subscription?.unsubscribe();
    };
  }, [key]);
  if (!state || state.key !== key) return startsEmpty ? empty : undefined;
  if ('error' in state) throw state.error;
  return state.value;
}

/** The lists' answer on a device with nothing stored. */
const NOTHING: never[] = [];

/** A stored course with progress; null when the course is not on the device. */
export const useCourseOverview = (courseId: string): CourseOverview | null | undefined =>
  useLive((s) => s.courseOverview(courseId), [courseId]);

/** Every stored course with progress, most recently active first. */
export const useStoredCourses = (): CourseOverview[] | undefined =>
  useLive((s) => s.storedCourseOverviews(), [], NOTHING);

/** Progress in courses whose bundle is not on this device (pulled from another device). */
export const useProgressWithoutBundle = (): ProgressWithoutBundle[] | undefined =>
  useLive((s) => s.progressWithoutBundle(), [], NOTHING);

/** Every stored lesson of a course, with its body. */
export const useCourseLessons = (courseId: string) =>
  useLive((s) => s.courseLessons(courseId), [courseId]);

/** A lesson's body and progress. */
export const useLessonView = (courseId: string, lessonId: string) =>
  useLive((s) => s.lessonView(courseId, lessonId), [courseId, lessonId]);

/** Every course with something stored on the device (storage screen). */
export const useStorageItems = () => useLive((s) => s.storageItems(), []);

/** Every download record, live. */
export const useDownloadRecords = () => useLive((s) => s.downloadRecords(), [], NOTHING);
