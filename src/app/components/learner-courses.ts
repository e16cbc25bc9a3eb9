// The learner's courses as Home and the catalogue list them, whether or not a course's bundle is on
// this device. A stored course is summarised from its outline; a course whose progress came from
// another device (or whose download was deleted) from the catalogue: its title, and its lesson ids
// to tell which completions still count. The bundle is fetched only when the learner opens or
// downloads the course, so signing in costs no downloads and a deleted course stays deleted.
import type { CatalogueEntry } from '../../shared/course';
import type { LessonProgress } from '../../shared/progress';
import { summarise, type CourseSummary } from '../../client-core/db/course-summary';
import type { CourseOverview, ProgressWithoutBundle } from '../../client-core/db/views';
import { paths } from '../routes';

/** A course in one of the learner's lists. */
export interface ListedCourse {
  id: string;
  /** From the catalogue, when it is loaded and lists the course. */
  entry?: CatalogueEntry;
  /** From the device, when the course's bundle is stored. */
  overview?: CourseOverview;
  summary: CourseSummary;
  /** When the learner last did something in the course; 0 if never. */
  lastActive: number;
}

/** A course's completion from the catalogue, for progress whose bundle is not on the device. A
 * catalogue from before lesson ids counts completions up to the lesson count, and cannot say
 * where to continue. */
export function summaryFromCatalogue(
  entry: CatalogueEntry,
  progress: Map<string, LessonProgress>,
): CourseSummary {
  if (entry.lessonIds)
    return summarise(
      entry.lessonIds.map((id) => ({ id })),
      progress,
    );
  const done = [...progress.values()]
    .filter((p) => p.completedAt !== null)
    .slice(0, entry.lessonCount)
    .map((p) => ({ id: p.lessonId }));
  const open = Array.from({ length: entry.lessonCount - done.length }, (_, i) => ({
    id: `\u0000not-known-${i}`,
  }));
  return { ...summarise([...done, ...open], progress), nextLessonId: null };
}

/** A course as listed, from whichever of the device and the catalogue has it. */
export function listedCourse(
  id: string,
  sources: {
    entry?: CatalogueEntry;
    overview?: CourseOverview;
    elsewhere?: ProgressWithoutBundle;
  },
): ListedCourse | undefined {
  const { entry, overview, elsewhere } = sources;
  if (overview)
    return { id, entry, overview, summary: overview.summary, lastActive: overview.lastActive };
  if (!entry) return undefined;
  if (!elsewhere)
    return { id, entry, summary: summaryFromCatalogue(entry, new Map()), lastActive: 0 };
  return {
    id,
    entry,
    summary: summaryFromCatalogue(entry, elsewhere.progress),
    lastActive: elsewhere.lastActive,
  };
}

export interface LearnerCourses {
  /** Courses with progress, on this device or not, most recently active first. */
  started: ListedCourse[];
  /** Courses on this device the learner has not started. */
  notStarted: ListedCourse[];
  /** Courses with progress that cannot be shown yet: the catalogue is not at hand, or no longer
   * lists them. */
  unlisted: number;
}

/** Home's lists, from the stored courses, the progress without a bundle, and the catalogue. */
export function learnerCourses(
  stored: readonly CourseOverview[],
  elsewhere: readonly ProgressWithoutBundle[],
  catalogue: readonly CatalogueEntry[] | undefined,
): LearnerCourses {
  const entries = new Map(catalogue?.map((entry) => [entry.id, entry]));
  const onDevice = stored.map((overview) =>
    listedCourse(overview.course.id, { overview, entry: entries.get(overview.course.id) })!,
  );
  const fromCatalogue: ListedCourse[] = [];
  let unlisted = 0;
  for (const progress of elsewhere) {
    if (progress.lastActive === 0) continue;
    const listed = listedCourse(progress.courseId, {
      entry: entries.get(progress.courseId),
      elsewhere: progress,
    });
    if (listed) fromCatalogue.push(listed);
    else unlisted += 1;
  }
  return {
    started: [...onDevice, ...fromCatalogue]
      .filter((course) => course.lastActive > 0)
      .sort((a, b) => b.lastActive - a.lastActive),
    notStarted: onDevice.filter(
      (course) =>
        course.lastActive === 0 &&
        (course.overview!.availableOffline || course.overview!.download !== null),
    ),
    unlisted,
  };
}

/** Where a course's "Start" or "Fortsett" leads: its next lesson, or the course page when that is
 * not known (an older catalogue) or the course is finished (its summary is there). */
export function nextStep(course: ListedCourse): {
  href: string;
  kind: 'start' | 'continue' | 'review';
} {
  const { summary, lastActive, id } = course;
  if (summary.finished) return { href: paths.course(id), kind: 'review' };
  const kind = lastActive > 0 ? 'continue' : 'start';
  const next = summary.nextLessonId;
  return { href: next ? paths.lesson(id, next) : paths.course(id), kind };
}

/** The course to take after finishing one: a course the learner has not started, in the same
 * language first, in catalogue order, never the finished course in another language; undefined
 * when every other course is started. */
export function nextCourseAfter<T extends { id: string; language: string }>(
  finished: { id: string; language: string; translations?: Partial<Record<string, string>> },
  candidates: readonly T[],
  startedIds: ReadonlySet<string>,
): T | undefined {
  const twins = new Set(Object.values(finished.translations ?? {}));
  const open = candidates.filter(
    (c) => c.id !== finished.id && !twins.has(c.id) && !startedIds.has(c.id),
  );
  return open.find((c) => c.language === finished.language) ?? open[0];
}
