// Spaced review ("Repetisjon", issue 16): when each question of a completed quiz lesson comes
// back. A question's schedule is a pure function of the lesson's completion time and the set of
// the question's review answers: the answers are folded through FSRS (ts-fsrs, the open scheduler
// Anki uses) in time order, event id breaking ties. Two devices that hold the same answers show
// the same due date, whatever order the answers arrived in and however often (property-tested in
// test/shared/review-schedule.test.ts beside the progress merge laws).
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card } from 'ts-fsrs';
import { osloDate } from './oslo-date';
import { currentProgress, type LessonProgress, type ReviewAnswer } from './progress';

const DAY_MS = 86_400_000;
/** The first review comes a day after the lesson was completed (due that day in Norway). */
export const FIRST_REVIEW_AFTER_MS = DAY_MS;
/** The most questions in one review session: about two minutes. */
export const REVIEW_SESSION_SIZE = 5;

// Whole days only (no same-day learning steps: a learner comes back in five-minute gaps, not
// minutes later), and no fuzz: the schedule must be the same on every device.
const scheduler = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: false }));

/** A question's place in review. */
export interface QuestionSchedule {
  /** When the question is next due, in ms since the epoch. */
  due: number;
  /** How many review answers the schedule folded. */
  reviews: number;
  /** How many of them were wrong after a right one (FSRS's lapses). */
  lapses: number;
}

const inReviewOrder = ([idA, a]: [string, ReviewAnswer], [idB, b]: [string, ReviewAnswer]) =>
  a.at - b.at || (idA < idB ? -1 : idA > idB ? 1 : 0);

/** FSRS's real numbers rounded after every step, so that a last-bit difference between two
 * JavaScript engines' `Math.exp` cannot grow along a long history. */
const settle = (card: Card): Card => ({
  ...card,
  stability: Math.round(card.stability * 1e6) / 1e6,
  difficulty: Math.round(card.difficulty * 1e6) / 1e6,
});

/**
 * The schedule of one question: due a day after `learnedAt` (the lesson's completion) until its
 * first review answer; from then on FSRS's, folding every answer (`[event id, answer]`) in
 * (time, id) order — a right answer rates the question "good", a wrong one "again".
 */
export function questionSchedule(
  learnedAt: number,
  answers: Iterable<[string, ReviewAnswer]>,
): QuestionSchedule {
  const ordered = [...answers].sort(inReviewOrder);
  if (ordered.length === 0)
    return { due: learnedAt + FIRST_REVIEW_AFTER_MS, reviews: 0, lapses: 0 };
  let card = createEmptyCard(new Date(Math.min(learnedAt, ordered[0]![1].at)));
  for (const [, answer] of ordered) {
    const rating = answer.correct ? Rating.Good : Rating.Again;
    card = settle(scheduler.next(card, new Date(answer.at), rating).card);
  }
  return { due: card.due.getTime(), reviews: ordered.length, lapses: card.lapses };
}

/** Whether a question due at `due` is due at `now`: from the start of its due day in Norway, so a
 * question due at 21:00 can be answered on the morning ferry. */
export const isDue = (due: number, now: number): boolean => osloDate(due) <= osloDate(now);

/** A quiz lesson as review reads it: its current question ids and the learner's progress. */
export interface ReviewableLesson {
  courseId: string;
  lessonId: string;
  questionIds: readonly string[];
  progress: LessonProgress;
}

/** One question in review, with its schedule. */
export interface ReviewItem extends QuestionSchedule {
  courseId: string;
  lessonId: string;
  questionId: string;
}

const answersOf = (p: LessonProgress, questionId: string): [string, ReviewAnswer][] =>
  Object.entries(p.reviews ?? {}).filter(([, answer]) => answer.questionId === questionId);

/**
 * Every question of the completed lessons with its schedule, soonest due first (then by course,
 * lesson and question id, the same on every device). Reads progress as the learner sees it (a
 * course reset starts its schedules over), and only the questions the course has now: a course
 * update that keeps a question's id keeps its schedule, one that drops the id drops it.
 */
export function reviewQueue(lessons: Iterable<ReviewableLesson>): ReviewItem[] {
  const items: ReviewItem[] = [];
  for (const { courseId, lessonId, questionIds, progress } of lessons) {
    const current = currentProgress(progress);
    if (current.completedAt === null) continue;
    for (const questionId of questionIds) {
      const schedule = questionSchedule(current.completedAt, answersOf(current, questionId));
      items.push({ courseId, lessonId, questionId, ...schedule });
    }
  }
  const key = (i: ReviewItem) => [i.courseId, i.lessonId, i.questionId].join('\u0000');
  return items.sort((a, b) => a.due - b.due || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The questions due at `now`, at most one session's worth. */
export const dueNow = (queue: readonly ReviewItem[], now: number): ReviewItem[] =>
  queue.filter((item) => isDue(item.due, now)).slice(0, REVIEW_SESSION_SIZE);

/** How many questions are due at `now` (the app badge's number). */
export const dueCount = (queue: readonly ReviewItem[], now: number): number =>
  queue.filter((item) => isDue(item.due, now)).length;

/** When the next question not yet due at `now` comes due, or null when none is waiting. */
export const nextDue = (queue: readonly ReviewItem[], now: number): number | null =>
  queue.find((item) => !isDue(item.due, now))?.due ?? null;
