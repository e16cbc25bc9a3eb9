// Progress on one lesson as a join-semilattice: a learner's events fold into it, and two records
// (phone and laptop, device and server) merge with `mergeProgress`, which is commutative,
// associative and idempotent — so order, duplicates and delays cannot change the result.
// The app and the server both use exactly these functions.
import type { LearnerEvent } from './events';

/** A last-writer-wins register; ties on time are broken by client id, then event id. */
export interface Stamped<T> {
  value: T;
  at: number;
  clientId: string;
  eventId: string;
}

export interface QuizAttempt {
  questionId: string;
  chosen: string[];
  correct: boolean;
  score: number;
  at: number;
}

export interface LessonProgress {
  courseId: string;
  lessonId: string;
  /** Earliest time the lesson was opened. */
  openedAt: number | null;
  /** Earliest completion: once completed, always completed. */
  completedAt: number | null;
  /** Furthest position reached, 0–1 (max). */
  furthest: number;
  /** Where to resume (last writer wins). */
  resume: Stamped<number> | null;
  /** Every quiz attempt, under its own attempt id. */
  attempts: Record<string, QuizAttempt>;
  /** Best score per quiz question (max). */
  best: Record<string, number>;
  /** Checklist item states, last writer wins per item. */
  checklist: Record<string, Stamped<boolean>>;
  reflection: Stamped<string> | null;
  /** Seconds spent per client (a G-counter: max per client, summed when read). */
  time: Record<string, number>;
  /** Date (`YYYY-MM-DD`) of the newest lesson change the learner has seen (max). Absent from
   * rows stored before lessons had changes, which reads as null. */
  changeSeen?: string | null;
  /** When the record last changed on this side (not part of the merge order). */
  updatedAt: number;
}

/** The empty progress record for a lesson: the semilattice's bottom. */
export function emptyProgress(courseId: string, lessonId: string): LessonProgress {
  return {
    courseId,
    lessonId,
    openedAt: null,
    completedAt: null,
    furthest: 0,
    resume: null,
    attempts: {},
    best: {},
    checklist: {},
    reflection: null,
    time: {},
    changeSeen: null,
    updatedAt: 0,
  };
}

const maxDate = (a: string | null = null, b: string | null = null): string | null =>
  a === null ? b : b === null ? a : a >= b ? a : b;

const minNullable = (a: number | null, b: number | null): number | null =>
  a === null ? b : b === null ? a : Math.min(a, b);

function laterOf<T>(a: Stamped<T> | null, b: Stamped<T> | null): Stamped<T> | null {
  if (!a) return b;
  if (!b) return a;
  if (a.at !== b.at) return a.at > b.at ? a : b;
  if (a.clientId !== b.clientId) return a.clientId > b.clientId ? a : b;
  return a.eventId >= b.eventId ? a : b;
}

function mergeRecords<V>(
  a: Record<string, V>,
  b: Record<string, V>,
  pick: (x: V, y: V) => V,
): Record<string, V> {
  const out: Record<string, V> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    out[key] = mine === undefined ? value : pick(mine, value);
  }
  return out;
}

// Attempts are immutable under their id, so either copy is right; pick deterministically anyway.
const earlierAttempt = (x: QuizAttempt, y: QuizAttempt): QuizAttempt => (x.at <= y.at ? x : y);

/** Join two records of the same lesson. */
export function mergeProgress(a: LessonProgress, b: LessonProgress): LessonProgress {
  return {
    courseId: a.courseId,
    lessonId: a.lessonId,
    openedAt: minNullable(a.openedAt, b.openedAt),
    completedAt: minNullable(a.completedAt, b.completedAt),
    furthest: Math.max(a.furthest, b.furthest),
    resume: laterOf(a.resume, b.resume),
    attempts: mergeRecords(a.attempts, b.attempts, earlierAttempt),
    best: mergeRecords(a.best, b.best, Math.max),
    checklist: mergeRecords(a.checklist, b.checklist, (x, y) => laterOf(x, y)!),
    reflection: laterOf(a.reflection, b.reflection),
    time: mergeRecords(a.time, b.time, Math.max),
    changeSeen: maxDate(a.changeSeen, b.changeSeen),
    updatedAt: Math.max(a.updatedAt, b.updatedAt),
  };
}

/** The smallest progress record that contains exactly what one event says. */
export function progressOfEvent(event: LearnerEvent): LessonProgress {
  const p = emptyProgress(event.courseId, event.lessonId);
  p.updatedAt = event.at;
  const stamp = <T>(value: T): Stamped<T> => ({
    value,
    at: event.at,
    clientId: event.clientId,
    eventId: event.id,
  });
  switch (event.type) {
    case 'lesson.opened':
      p.openedAt = event.at;
      break;
    case 'lesson.progressed':
      p.furthest = event.payload.position;
      p.resume = stamp(event.payload.position);
      break;
    case 'lesson.completed':
      p.completedAt = event.at;
      break;
    case 'quiz.answered': {
      const { attemptId, questionId, chosen, correct, score } = event.payload;
      p.attempts[attemptId] = { questionId, chosen, correct, score, at: event.at };
      p.best[questionId] = score;
      break;
    }
    case 'checklist.toggled':
      p.checklist[event.payload.itemId] = stamp(event.payload.checked);
      break;
    case 'reflection.saved':
      p.reflection = stamp(event.payload.text);
      break;
    case 'time.spent':
      p.time[event.clientId] = event.payload.seconds;
      break;
    case 'lesson.change-seen':
      p.changeSeen = event.payload.changed;
      break;
  }
  return p;
}

/** Fold one event into a record. */
export const applyEvent = (p: LessonProgress, event: LearnerEvent): LessonProgress =>
  mergeProgress(p, progressOfEvent(event));

/** Total seconds spent, summed over clients. */
export const secondsSpent = (p: LessonProgress): number =>
  Object.values(p.time).reduce((sum, s) => sum + s, 0);

/** Whether a checklist item is checked. */
export const isChecked = (p: LessonProgress, itemId: string): boolean =>
  p.checklist[itemId]?.value ?? false;

/** Mean of the best score per question, over the given question ids (0–1). */
export function quizScore(p: LessonProgress, questionIds: string[]): number {
  if (questionIds.length === 0) return 0;
  return questionIds.reduce((sum, id) => sum + (p.best[id] ?? 0), 0) / questionIds.length;
}

/** Clamp a device timestamp to the server's clock plus five minutes, so a wrong clock cannot win
 * every last-writer-wins register forever. */
export const clampTimestamp = (at: number, serverNow: number): number =>
  Math.min(at, serverNow + 5 * 60_000);
