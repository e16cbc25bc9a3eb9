// A course's summary from its outline and the learner's progress: how many lessons are done, the
// percentage, whether it is finished and where to continue. Pure (no storage), so the first
// chunk's lists (Home) can use it before the storage layer is loaded.
import type { Lesson } from '../../shared/course';
import { roundedPercent } from '../../shared/percent';
import type { LessonProgress } from '../../shared/progress';
import type { LessonOutline } from './db';

export interface CourseSummary {
  completed: number;
  total: number;
  /** 0–100, rounded, but 100 only when finished and 0 only when nothing is (roundedPercent). */
  percent: number;
  finished: boolean;
  /** The first lesson not completed, where "continue" leads. */
  nextLessonId: string | null;
}

/** Completion of a course's current lessons. Completions of lessons no longer in the course stay
 * stored but do not count. */
export function summarise(
  outline: readonly Pick<LessonOutline | Lesson, 'id'>[],
  progress: Map<string, LessonProgress>,
): CourseSummary {
  const isDone = (id: string) => (progress.get(id)?.completedAt ?? null) !== null;
  const completed = outline.filter((l) => isDone(l.id)).length;
  const total = outline.length;
  return {
    completed,
    total,
    percent: roundedPercent(completed, total),
    finished: total > 0 && completed === total,
    nextLessonId: outline.find((l) => !isDone(l.id))?.id ?? null,
  };
}
