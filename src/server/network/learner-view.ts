// The advisor's view of a garden's learners (issue 14): the queries behind it — always starting
// from the privacy rule's query in access.ts — and the summaries made from the learners' merged
// progress. Only these fields of a progress record are ever read: opened/completed times, time
// spent, the last change, and the reflection text when its "Del med rådgiveren" register is
// true. Quiz attempts, answers and unshared reflections never leave this module.
import type { LearnerCourse, LearnerLesson, LearnerSummary } from '../../shared/network-protocol';
import { FOLLOW_UP_DAYS } from '../../shared/network-protocol';
import {
  currentProgress,
  isReflectionShared,
  isUntouched,
  secondsSpent,
  type LessonProgress,
} from '../../shared/progress';
import type { Db } from '../db/schema';
import { visibleLearner, visibleLearners } from './access';

const DAY_MS = 24 * 60 * 60_000;

/** The later of two times, either of which may be missing. */
const latest = (a: number | null, b: number | null): number | null =>
  a === null ? b : b === null ? a : Math.max(a, b);

/** The lessons of each served course, in course order (what `lessonsTotal` counts). */
export type CourseLessons = ReadonlyMap<string, readonly string[]>;

/** The lesson ids of the served courses. */
export const courseLessonsOf = (
  courses: readonly { bundle: { id: string; lessons: readonly { id: string }[] } }[],
): CourseLessons =>
  new Map(courses.map(({ bundle }) => [bundle.id, bundle.lessons.map((lesson) => lesson.id)]));

/** A visible learner's membership with their firm. */
export interface LearnerRow {
  user_id: string;
  display_name: string;
  joined_at: number;
  firm_id: string | null;
  firm_name: string | null;
  firm_org_number: string | null;
}

/** A learner's merged progress on one lesson, as stored. */
interface ProgressRow {
  user_id: string;
  course_id: string;
  lesson_id: string;
  data: string;
  updated_at: number;
}

/** The rule's query (never widened) with the learner's firm. */
const withFirm = (visible: ReturnType<typeof visibleLearners>) =>
  visible
    .leftJoin('firms', 'firms.id', 'memberships.firm_id')
    .select(['firms.name as firm_name', 'firms.org_number as firm_org_number']);

/** A page of the learners `advisorId` may see in `gardenId`, by id after `after` (the index
 * memberships_garden (garden_id, user_id) serves the order). */
export const visibleLearnerPage = (
  db: Db,
  {
    advisorId,
    gardenId,
    after,
    limit,
  }: {
    advisorId: string;
    gardenId: string;
    after?: string;
    limit: number;
  },
): Promise<LearnerRow[]> => {
  let query = withFirm(visibleLearners(db, advisorId, gardenId));
  if (after !== undefined) query = query.where('memberships.user_id', '>', after);
  return query.orderBy('memberships.user_id').limit(limit).execute();
};

/** The learner, if `advisorId` may see them in `gardenId`. */
export const findVisibleLearner = (
  db: Db,
  advisorId: string,
  gardenId: string,
  learnerId: string,
): Promise<LearnerRow | undefined> =>
  withFirm(visibleLearner(db, advisorId, gardenId, learnerId)).executeTakeFirst();

/** The progress rows of `userIds` (the progress primary key starts with user_id). Their
 * `updated_at` also gives the learner's last sync: a push that stores new events writes every
 * lesson row they touch with `updated_at` = the events' `received_at` (src/server/sync/push.ts,
 * in the same transaction), and nothing else writes either. So max(progress.updated_at) is
 * max(events.received_at) without a second query — the events table has no index that serves
 * "latest per learner" (its key is (user_id, id)), and this keeps a page at one read of progress. */
const progressOf = (db: Db, userIds: readonly string[]): Promise<ProgressRow[]> =>
  userIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('progress')
        .select(['user_id', 'course_id', 'lesson_id', 'data', 'updated_at'])
        .where('user_id', 'in', [...userIds])
        .execute();

/** When the server last received an event from the learner (see `progressOf`). */
const lastSyncOf = (rows: readonly ProgressRow[]): number | null =>
  rows.reduce<number | null>((last, row) => latest(last, row.updated_at), null);

/** One lesson as the advisor sees it, or null when there is nothing to show (never opened
 * since the last course reset, and no shared reflection). */
function lessonView(stored: LessonProgress): (LearnerLesson & { seconds: number }) | null {
  const p = currentProgress(stored);
  const shared =
    isReflectionShared(p) && p.reflection && p.reflection.value.trim() !== ''
      ? { text: p.reflection.value, at: p.reflection.at }
      : null;
  const completed = p.completedAt !== null;
  if (!completed && isUntouched(p) && !shared) return null;
  const seconds = secondsSpent(p);
  return {
    lessonId: p.lessonId,
    state: completed ? 'completed' : 'opened',
    minutes: Math.round(seconds / 60),
    lastActivityAt: p.updatedAt > 0 ? p.updatedAt : null,
    completedAt: p.completedAt,
    sharedReflection: shared,
    seconds,
  };
}

/** One course's lessons (course order, then lessons the course no longer has) and summary. */
interface CourseView {
  summary: LearnerCourse;
  lessons: LearnerLesson[];
}

function courseView(
  courseId: string,
  stored: readonly LessonProgress[],
  served: readonly string[] | undefined,
  now: number,
): CourseView | null {
  const shown: (LearnerLesson & { seconds: number })[] = [];
  let seconds = 0;
  let lastActivityAt: number | null = null;
  for (const row of stored) {
    seconds += secondsSpent(row);
    lastActivityAt = latest(lastActivityAt, row.updatedAt > 0 ? row.updatedAt : null);
    const lesson = lessonView(row);
    if (lesson) shown.push(lesson);
  }
  if (shown.length === 0) return null;
  // Lessons the served course has count; a lesson it dropped is still listed, not counted.
  const counts = (lessonId: string) => served === undefined || served.includes(lessonId);
  const order = new Map((served ?? []).map((id, i) => [id, i]));
  shown.sort(
    (a, b) =>
      (order.get(a.lessonId) ?? Infinity) - (order.get(b.lessonId) ?? Infinity) ||
      (a.lessonId < b.lessonId ? -1 : a.lessonId > b.lessonId ? 1 : 0),
  );
  const lessonsTotal = served?.length ?? 0;
  const lessonsCompleted = shown.filter(
    (l) => l.state === 'completed' && counts(l.lessonId),
  ).length;
  const completed = lessonsTotal > 0 && lessonsCompleted >= lessonsTotal;
  const idle = lastActivityAt === null || now - lastActivityAt >= FOLLOW_UP_DAYS * DAY_MS;
  return {
    summary: {
      courseId,
      lessonsTotal,
      lessonsOpened: shown.filter((l) => counts(l.lessonId)).length,
      lessonsCompleted,
      completed,
      minutes: Math.round(seconds / 60),
      lastActivityAt,
      needsFollowUp: !completed && idle,
    },
    lessons: shown.map(({ seconds: _seconds, ...lesson }) => lesson),
  };
}

/** A learner's courses, by course id, from their progress rows. */
function coursesOf(rows: readonly ProgressRow[], served: CourseLessons, now: number): CourseView[] {
  const byCourse = new Map<string, LessonProgress[]>();
  for (const row of rows) {
    const progress = JSON.parse(row.data) as LessonProgress;
    const list = byCourse.get(row.course_id);
    if (list) list.push(progress);
    else byCourse.set(row.course_id, [progress]);
  }
  return [...byCourse.keys()]
    .sort()
    .map((courseId) => courseView(courseId, byCourse.get(courseId)!, served.get(courseId), now))
    .filter((view): view is CourseView => view !== null);
}

function summaryOf(
  learner: LearnerRow,
  courses: readonly CourseView[],
  lastSyncAt: number | null,
): LearnerSummary {
  return {
    id: learner.user_id,
    displayName: learner.display_name,
    firm:
      learner.firm_id === null || learner.firm_name === null
        ? null
        : { id: learner.firm_id, name: learner.firm_name, orgNumber: learner.firm_org_number },
    joinedAt: learner.joined_at,
    lastActivityAt: courses.reduce<number | null>(
      (last, { summary }) => latest(last, summary.lastActivityAt),
      null,
    ),
    lastSyncAt,
    courses: courses.map(({ summary }) => summary),
    needsFollowUp: courses.some(({ summary }) => summary.needsFollowUp),
  };
}

/** What the summaries need besides the learners. */
export interface ViewContext {
  served: CourseLessons;
  now: number;
}

/** The summaries of a page of visible learners: one query for the whole page, whatever its
 * size. */
export async function summariesOf(
  db: Db,
  learners: readonly LearnerRow[],
  { served, now }: ViewContext,
): Promise<LearnerSummary[]> {
  const ids = learners.map((learner) => learner.user_id);
  const byUser = new Map<string, ProgressRow[]>(ids.map((id) => [id, []]));
  for (const row of await progressOf(db, ids)) byUser.get(row.user_id)?.push(row);
  return learners.map((learner) => {
    const rows = byUser.get(learner.user_id)!;
    return summaryOf(learner, coursesOf(rows, served, now), lastSyncOf(rows));
  });
}

/** "Forbered samtale": one visible learner's summary and lessons per course. */
export async function detailOf(
  db: Db,
  learner: LearnerRow,
  { served, now }: ViewContext,
): Promise<{
  learner: LearnerSummary;
  courses: { courseId: string; lessons: LearnerLesson[] }[];
}> {
  const progress = await progressOf(db, [learner.user_id]);
  const courses = coursesOf(progress, served, now);
  return {
    learner: summaryOf(learner, courses, lastSyncOf(progress)),
    courses: courses.map(({ summary, lessons }) => ({ courseId: summary.courseId, lessons })),
  };
}
