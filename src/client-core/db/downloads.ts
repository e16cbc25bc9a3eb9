// Which courses are downloaded for offline use (the `downloads` table, schema version 2; the row
// states are described on DownloadRow in db.ts). The media files themselves live in Cache Storage
// (src/app/offline/media-cache.ts); this module records what is stored, atomically with the bundle.
import type { CourseBundle } from '../../shared/course';
import { removeStoredCourse, storeCourse } from './courses';
import { db, type DownloadRow, type StoredCourse } from './db';

/** What a download is fetching: the version, and the sizes the catalogue gives for it. */
export interface DownloadTarget {
  courseId: string;
  title: string;
  language: string;
  version: number;
  hash: string;
  bundleBytes: number;
  mediaBytes: number;
  mediaCount: number;
}

/** A course's download record, or undefined. */
export const getDownload = (courseId: string) => db.downloads.get(courseId);

/** Every download record. */
export const listDownloads = () => db.downloads.toArray();

/**
 * Whether a stored course can be used offline: its bundle is stored and so is every media file it
 * lists (a course without media needs nothing more than its bundle).
 */
export function isAvailableOffline(
  course: StoredCourse | undefined | null,
  row: DownloadRow | undefined | null,
): boolean {
  if (!course) return false;
  if (course.media.length === 0) return true;
  return row?.state === 'complete' && row.hash === course.hash;
}

/** Note that a download of `target` has begun. A complete row (an older version, being updated)
 * is left as it is: that version stays available until the new one is stored in full. */
export async function noteDownloadStarted(target: DownloadTarget, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.downloads, async () => {
    const current = await db.downloads.get(target.courseId);
    if (current?.state === 'complete') return;
    await db.downloads.put({ ...target, state: 'partial', startedAt: now, completedAt: null });
  });
}

/**
 * Record a download as complete, in one transaction with storing its bundle (pass `bundle` when it
 * is not stored yet, or is a new version): either the course is stored and marked available, or
 * nothing changes. The learner's progress is never touched.
 */
export async function completeDownload(
  target: DownloadTarget,
  bundle: CourseBundle | null,
  now = Date.now(),
): Promise<void> {
  await db.transaction('rw', db.courses, db.lessons, db.downloads, async () => {
    const started = (await db.downloads.get(target.courseId))?.startedAt ?? now;
    if (bundle) await storeCourse(bundle, now);
    await db.downloads.put({ ...target, state: 'complete', startedAt: started, completedAt: now });
  });
}

/** Remove a course's stored bundle and its download record; the progress stays. The media cache
 * is removed by the caller (Cache Storage is not part of IndexedDB transactions). */
export async function forgetDownload(courseId: string): Promise<void> {
  await db.transaction('rw', db.courses, db.lessons, db.downloads, async () => {
    await removeStoredCourse(courseId);
    await db.downloads.delete(courseId);
  });
}
