// "This lesson has been updated since you took it": a learner who completed a lesson on or before
// the day of its newest change sees that change until they open the lesson again, on every device
// (opening it records `lesson.change-seen`, which syncs). Pure functions over stored progress.
import type { LessonChange } from '../../shared/course';
import { osloDate } from '../../shared/oslo-date';
import type { LessonProgress } from '../../shared/progress';
import type { LessonOutline } from './db';

/** A lesson whose newest change the learner has not seen, with that change. */
export interface ChangedLesson {
  lesson: LessonOutline;
  change: LessonChange;
}

/**
 * The change to tell the learner about, or undefined: only for a completed lesson, completed on
 * or before the day of its newest change (authors date changes by the day, so a completion on
 * that day may have been of the old text), and not yet seen on any device.
 */
export function unseenChange(
  change: LessonChange | undefined,
  progress: LessonProgress | undefined,
): LessonChange | undefined {
  if (!change || !progress || progress.completedAt === null) return undefined;
  if (osloDate(progress.completedAt) > change.date) return undefined;
  if ((progress.changeSeen ?? '') >= change.date) return undefined;
  return change;
}

/** The lessons of a course outline with a change to tell the learner about, in course order. */
export const changedLessons = (
  outline: readonly LessonOutline[],
  progress: ReadonlyMap<string, LessonProgress>,
): ChangedLesson[] =>
  outline.flatMap((lesson) => {
    const change = unseenChange(lesson.change, progress.get(lesson.id));
    return change ? [{ lesson, change }] : [];
  });
