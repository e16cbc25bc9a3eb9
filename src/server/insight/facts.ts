// What the insight page (issue 15) counts of one learner's lesson, kept beside the merged progress
// in the same row write (`progress.insight_*`), so the page's queries group plain columns and
// never parse progress JSON. Only these facts leave a progress record for insight: the quarter
// the lesson was first opened in, whether it was ever completed, the usefulness answer, whole
// minutes spent, the topics of "Hva vil du lære mer om?", and text only where the learner ticked
// "Kan leses av kursforfatterne". No answers to questions, no reflections, no exact times.
import { quarterOf } from '../../shared/insight-protocol';
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
  /** The comment after rating, when the course authors may read it and it says something. */
  insight_comment: string | null;
  /** "Hva vil du lære mer om?" answered on this lesson: the topic ids as a JSON array. */
  insight_topics: string | null;
  /** Its text, when the course authors may read it and it says something. */
  insight_wish_text: string | null;
}

/** The insight columns, in the order a row write lists them. */
export const INSIGHT_COLUMNS = [
  'insight_quarter',
  'insight_completed',
  'insight_rating',
  'insight_minutes',
  'insight_comment',
  'insight_topics',
  'insight_wish_text',
] as const satisfies readonly (keyof InsightFacts)[];

/** A text the learner let the course authors read, or null. */
const forAuthors = (value: { text: string; forAuthors: boolean } | undefined): string | null =>
  value?.forAuthors && value.text.trim() !== '' ? value.text.trim() : null;

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
    insight_comment: forAuthors(p.comment?.value),
    insight_topics: p.wishes?.value.topics.length ? JSON.stringify(p.wishes.value.topics) : null,
    insight_wish_text: forAuthors(p.wishes?.value),
  };
}
