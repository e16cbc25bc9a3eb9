// Getting a course onto the device so its pages can be shown: a course is always played from
// IndexedDB, so opening one that is not stored yet fetches its bundle and stores it first. The full
// download for offline use (bundle and every media file), and updates, are in downloads.ts.
import { getStoredCourse, storeCourse } from '../../client-core/db/courses';
import type { StoredCourse } from '../../client-core/db/db';
import { fetchCourseBundle } from './course-api';

const inFlight = new Map<string, Promise<StoredCourse>>();

/** Fetch a course's bundle and store it (replacing an older version). Concurrent calls for the
 * same course share one request. Throws CourseApiError. */
export function fetchAndStoreCourse(courseId: string): Promise<StoredCourse> {
  let pending = inFlight.get(courseId);
  if (!pending) {
    pending = fetchCourseBundle(courseId)
      .then((bundle) => storeCourse(bundle))
      .finally(() => inFlight.delete(courseId));
    inFlight.set(courseId, pending);
  }
  return pending;
}

/** The stored course, fetching it first when it is not on the device. */
export async function ensureCourse(courseId: string): Promise<StoredCourse> {
  return (await getStoredCourse(courseId)) ?? fetchAndStoreCourse(courseId);
}
