// Scoring a quiz: pure functions of the question and the stored progress, so the player's
// feedback, the recorded event and every device agree. A question's score is its FIRST attempt's
// (by time, attempt id breaking ties); later attempts are practice. Seeing the answer before a
// first attempt scores nothing.
import type { QuizQuestion } from './course';
import type { LessonProgress, QuizAttempt } from './progress';

/** How an answer scores: 1 when exactly the correct options are chosen, else the share of correct
 * options chosen minus wrong ones chosen, never below 0. */
export function scoreAnswer(question: QuizQuestion, chosen: readonly string[]) {
  const right = new Set(question.options.filter((o) => o.correct).map((o) => o.id));
  const hits = chosen.filter((id) => right.has(id)).length;
  const misses = chosen.length - hits;
  const correct = hits === right.size && misses === 0;
  const score = correct ? 1 : Math.max(0, (hits - misses) / right.size);
  return { correct, score: Math.round(score * 1000) / 1000 };
}

/** A stored attempt with its id. */
export interface IdentifiedAttempt extends QuizAttempt {
  id: string;
}

/** What the learner has done with one question, from a time on (0: ever). */
export interface QuestionHistory {
  /** Attempts, oldest first (by time, then attempt id: the same order on every device). */
  attempts: IdentifiedAttempt[];
  /** Earliest "show the answer", or null. */
  revealedAt: number | null;
  /** Some attempt was fully right. */
  solved: boolean;
  /** Solved or revealed: the question is done, nothing is left to try. */
  settled: boolean;
}

const byTimeThenId = (a: IdentifiedAttempt, b: IdentifiedAttempt) =>
  a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** One question's history in a lesson's progress, counting only what happened at or after
 * `since` (a practice round starts a new history; scoring always reads from 0). */
export function questionHistory(p: LessonProgress, questionId: string, since = 0): QuestionHistory {
  const attempts = Object.entries(p.attempts)
    .filter(([, a]) => a.questionId === questionId && a.at >= since)
    .map(([id, a]) => ({ ...a, id }))
    .sort(byTimeThenId);
  const reveals = Object.values(p.reveals ?? {})
    .filter((r) => r.questionId === questionId && r.at >= since)
    .map((r) => r.at);
  const revealedAt = reveals.length ? Math.min(...reveals) : null;
  const solved = attempts.some((a) => a.correct);
  return { attempts, revealedAt, solved, settled: solved || revealedAt !== null };
}

/** How a question went, for the result. `attempts` counts answers up to and including the one
 * that settled it (all of them when it is still open). */
export type QuestionOutcome =
  | { kind: 'first-try'; attempts: 1 }
  | { kind: 'later'; attempts: number }
  | { kind: 'revealed'; attempts: number }
  | { kind: 'open'; attempts: number };

/** The attempt that scores: the first one, unless the answer was shown before it (then none). */
export function firstAttempt(history: QuestionHistory): IdentifiedAttempt | undefined {
  const first = history.attempts[0];
  if (!first) return undefined;
  if (history.revealedAt !== null && history.revealedAt < first.at) return undefined;
  return first;
}

/** The first attempt's score (0–1); 0 with no attempt, or when the answer was shown first. */
export function firstAttemptScore(history: QuestionHistory): number {
  return firstAttempt(history)?.score ?? 0;
}

/** How one question went, from its whole history. */
export function questionOutcome(history: QuestionHistory): QuestionOutcome {
  const { attempts, revealedAt } = history;
  const right = attempts.findIndex((a) => a.correct);
  const beforeReveal = (a: IdentifiedAttempt) => revealedAt === null || a.at <= revealedAt;
  if (right === 0 && firstAttemptScore(history) === 1) return { kind: 'first-try', attempts: 1 };
  if (right > 0 && beforeReveal(attempts[right]!)) return { kind: 'later', attempts: right + 1 };
  if (revealedAt !== null)
    return { kind: 'revealed', attempts: attempts.filter(beforeReveal).length };
  return { kind: 'open', attempts: attempts.length };
}

/** A quiz's result: how many questions were fully right at the first attempt, the mean first-
 * attempt score (0–1), and how each question went. */
export function quizResult(p: LessonProgress, questionIds: readonly string[]) {
  const histories = questionIds.map((id) => questionHistory(p, id));
  const scores = histories.map(firstAttemptScore);
  return {
    total: questionIds.length,
    firstTryRight: scores.filter((s) => s === 1).length,
    score: scores.length ? scores.reduce((sum, s) => sum + s, 0) / scores.length : 0,
    outcomes: histories.map(questionOutcome),
  };
}

/** A question to go over after the quiz ("Se svarene dine"): one not fully right at its first
 * attempt. */
export interface QuizMistake {
  /** Its position in the quiz (0-based). */
  index: number;
  outcome: Exclude<QuestionOutcome, { kind: 'first-try' }>;
  /** The options chosen at the scoring attempt, or null when there is none (the answer was shown
   * before any, or the question has not been answered). */
  firstChosen: string[] | null;
}

/** The questions of a quiz not fully right at the first attempt, in quiz order. Read from the
 * whole history, like the score, so a practice round changes nothing here. */
export function quizMistakes(p: LessonProgress, questionIds: readonly string[]): QuizMistake[] {
  return questionIds.flatMap((id, index) => {
    const history = questionHistory(p, id);
    const outcome = questionOutcome(history);
    if (outcome.kind === 'first-try') return [];
    return [{ index, outcome, firstChosen: firstAttempt(history)?.chosen ?? null }];
  });
}
