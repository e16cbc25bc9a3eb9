// What the insight page (issue 15) counts of one learner's lesson, kept beside the merged progress
// in the same row write (`progress.insight_*`), so the page's queries group plain columns and
// never parse progress JSON. Only these four facts leave a progress record for insight: the
// quarter the lesson was first opened in, whether it was ever completed, the usefulness answer
// and whole minutes spent. No text, no answers to questions, no exact times.
import { osloDate } from '../../shared/oslo-date';
import { secondsSpent, type LessonProgress } from '../../shared/progress';

/** The insight columns of a progress row. */
export interface InsightFacts {
  /** `YYYY-Qn` in Norway's time zone of the first opening; null when never opened. */
  insight_quarter: string | null;
  /** 1 when the lesson was ever completed (a course reset does not take it back), else 0. */
  insight_completed: number;
  /** "Var dette nyttig for deg?": yes, some or no; null when not answered or skipped. */
  insight_rating: string | null;
  /** Whole minutes spent, over all the learner's devices. */
  insight_minutes: number;
}

/** The quarter (`2026-Q4`) of a time, by the calendar in Europe/Oslo. */
export function quarterOf(at: number): string {
  const [year, month] = osloDate(at).split('-');
  return `${year}-Q${Math.ceil(Number(month) / 3)}`;
}

/** The insight facts of a merged progress record. */
export function insightFacts(p: LessonProgress): InsightFacts {
  const completed = p.completedAt ?? p.lastCompletedAt ?? null;
  // A lesson completed on a device that never sent its opening still counts as started.
  const opened = p.openedAt ?? p.lastOpenedAt ?? completed;
  const answer = p.rating?.value;
  return {
    insight_quarter: opened === null ? null : quarterOf(opened),
    insight_completed: completed === null ? 0 : 1,
    insight_rating: answer === undefined || answer === 'skipped' ? null : answer,
    insight_minutes: Math.floor(secondsSpent(p) / 60),
  };
}
