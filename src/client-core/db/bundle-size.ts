// The size of a course bundle as the catalogue counts it: the UTF-8 bytes of its JSON. The app
// stores bundles in pieces (course row + lesson rows), so the size is computed once when a bundle
// is stored, and rebuilt from the pieces for courses stored before sizes were kept.
import type { CourseBundle, Lesson } from '../../shared/course';
import type { StoredCourse, StoredLesson } from './db';

const encoder = new TextEncoder();

/** Bytes of the bundle's JSON; equals the catalogue's `bundleBytes` for an unchanged bundle. */
export const bundleBytes = (bundle: CourseBundle): number =>
  encoder.encode(JSON.stringify(bundle)).length;

/** The bundle size of a course stored in pieces (close to, not always exactly, the served size). */
export function storedBundleBytes(course: StoredCourse, lessons: readonly StoredLesson[]): number {
  const { outline, storedAt: _storedAt, bytes: _bytes, ...meta } = course;
  const byId = new Map(lessons.map(({ courseId: _c, ...lesson }) => [lesson.id, lesson as Lesson]));
  const ordered = outline.map((l) => byId.get(l.id)).filter((l): l is Lesson => l !== undefined);
  return bundleBytes({ ...meta, lessons: ordered });
}
