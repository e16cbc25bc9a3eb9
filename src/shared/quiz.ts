// Scoring a quiz answer: pure, so the player's feedback and the recorded event agree.
import type { QuizQuestion } from './course';

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
