// Progress on one lesson as a join-semilattice: a learner's events fold into it, and two records
// (phone and laptop, device and server) merge with `mergeProgress`, which is commutative,
// associative and idempotent — so order, duplicates and delays cannot change the result.
// The app and the server both use exactly these functions.
//
// Every map keyed by an id from outside (attempt, question, item, client and event ids) is a
// null-prototype object, read only through own properties: `constructor`, `toString` and
// `__proto__` are ordinary ids, never Object.prototype's members (docs/security.md).
import type { LearnerEvent, LessonRating } from './events';

/** A new empty map keyed by outside ids: no prototype, so no id is ever an inherited member. */
export const idRecord = <V>(): Record<string, V> => Object.create(null) as Record<string, V>;

/** `record[key]` when it is the record's own property (never an inherited one), else undefined. */
export const ownValue = <V>(record: Readonly<Record<string, V>>, key: string): V | undefined =>
  Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;

/** Sets `record[key]` as an own property, even for `__proto__` on a plain object (whose setter
 * would otherwise change the object's prototype instead). */
export function putValue<V>(record: Record<string, V>, key: string, value: V): void {
  // Without a prototype there is no `__proto__` setter: a plain assignment (much faster than
  // defineProperty) makes an own property.
  if (Object.getPrototypeOf(record) === null) record[key] = value;
  else
    Object.defineProperty(record, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
}

/** A null-prototype copy of `entries`. */
function recordOf<V>(entries: Iterable<readonly [string, V]>): Record<string, V> {
  const out = idRecord<V>();
  for (const [key, value] of entries) putValue(out, key, value);
  return out;
}

/** How many attempts of one question a record keeps at each end of their order (at, attempt id):
 * the earliest (the first attempt is the score) and the latest (a practice round, or the quiz
 * after a course reset, shows the newest). The rest are dropped by the merge itself. */
export const KEPT_ATTEMPTS_PER_END = 25;
/** The same for "show the answer" reveals of one question, by (at, event id). */
export const KEPT_REVEALS_PER_END = 5;
/** The same for spaced-review answers of one question (issue 16). FSRS intervals grow quickly, so
 * a question reviewed more than 100 times is unheard of; past that, the schedule folds the first
 * and the last 50 — the same on every device, as the cap is part of the merge. */
export const KEPT_REVIEWS_PER_END = 50;

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

/** The learner asked to see a quiz question's right answer (kept under its event id). */
export interface QuizReveal {
  questionId: string;
  at: number;
}

/** One answer in spaced review (kept under its event id): the schedule's input
 * (src/shared/review-schedule.ts). */
export interface ReviewAnswer {
  questionId: string;
  correct: boolean;
  at: number;
}

/** A position (0–1) reached at a time: `[at, position]`. */
export type Peak = [at: number, position: number];

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
  /** Best score per quiz question (max). Kept for old readers; the score shown is the first
   * attempt's (src/shared/quiz.ts). */
  best: Record<string, number>;
  /** Every "show the answer" on a quiz question, under its event id (a grow-only set). Absent from
   * rows stored before answers could be shown, which reads as none. */
  reveals?: Record<string, QuizReveal>;
  /** Every spaced-review answer to the lesson's quiz questions, under its event id (a grow-only
   * set, issue 16). Absent from rows stored before review existed, which reads as none. */
  reviews?: Record<string, ReviewAnswer>;
  /** Checklist item states, last writer wins per item. */
  checklist: Record<string, Stamped<boolean>>;
  reflection: Stamped<string> | null;
  /** "Del med rådgiveren": whether the advisors of the learner's business garden may read the
   * reflection (last writer wins, like the text). Absent from rows stored before sharing existed,
   * and null until the learner first turns it on: both read as not shared. */
  reflectionShared?: Stamped<boolean> | null;
  /** "Var dette nyttig for deg?" (issue 15): the learner's latest answer, or `skipped` (last
   * writer wins, like the reflection text). Absent from rows stored before ratings existed, and
   * null until the learner answers: both read as not asked yet. */
  rating?: Stamped<LessonRating> | null;
  /** The learner's latest comment after rating ("Hva manglet?") and whether the course authors may
   * read it (last writer wins). Absent from older rows, null until one is sent. */
  comment?: Stamped<LessonComment> | null;
  /** "Hva vil du lære mer om?" (issue 15): the learner's latest answer for the course, kept on the
   * lesson whose completion finished it (last writer wins, like the comment). Absent from older
   * rows, and null on every other lesson and until the learner answers or skips. */
  wishes?: Stamped<CourseWishes> | null;
  /** Seconds spent per client (a G-counter: max per client, summed when read). */
  time: Record<string, number>;
  /** Date (`YYYY-MM-DD`) of the newest lesson change the learner has seen (max). Absent from
   * rows stored before lessons had changes, which reads as null. */
  changeSeen?: string | null;
  /** Latest course reset (max). Everything stamped at or before it is hidden by
   * `currentProgress`; nothing is deleted, so the merge stays a plain join. The three fields below
   * are what the reset needs to know, and all four are absent from rows stored before resets
   * existed: a missing `resetAt` reads as null, a missing `last…` as its earliest twin. */
  resetAt?: number | null;
  /** Latest time the lesson was opened (max), beside the earliest (`openedAt`). */
  lastOpenedAt?: number | null;
  /** Latest completion (max), beside the earliest (`completedAt`). */
  lastCompletedAt?: number | null;
  /** Furthest positions as a staircase of `[at, position]`, newest first, none both earlier and
   * not higher than another: exactly enough to answer "furthest since time t" for any t. */
  peaks?: Peak[];
  /** When the record last changed on this side (not part of the merge order). */
  updatedAt: number;
}

/** A comment after a rating: its text (at most 280 characters) and whether the course authors may
 * read it ("Kan leses av kursforfatterne", off unless ticked). */
export interface LessonComment {
  text: string;
  forAuthors: boolean;
}

/** An answer to "Hva vil du lære mer om?": up to three topic ids (courses/topics.yml), an optional
 * text (at most 280 characters) and whether the course authors may read it ("Kan leses av
 * kursforfatterne", off unless ticked). "Hopp over" is no topic and no text. */
export interface CourseWishes {
  topics: string[];
  text: string;
  forAuthors: boolean;
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
    attempts: idRecord(),
    best: idRecord(),
    reveals: idRecord(),
    reviews: idRecord(),
    checklist: idRecord(),
    reflection: null,
    reflectionShared: null,
    rating: null,
    comment: null,
    wishes: null,
    time: idRecord(),
    changeSeen: null,
    resetAt: null,
    lastOpenedAt: null,
    lastCompletedAt: null,
    peaks: [],
    updatedAt: 0,
  };
}

const maxDate = (a: string | null = null, b: string | null = null): string | null =>
  a === null ? b : b === null ? a : a >= b ? a : b;

const minNullable = (a: number | null, b: number | null): number | null =>
  a === null ? b : b === null ? a : Math.min(a, b);

const maxNullable = (a: number | null = null, b: number | null = null): number | null =>
  a === null ? b : b === null ? a : Math.max(a, b);

/** The staircase of two staircases: newest first, keeping a peak only when it is higher than
 * every newer one. Canonical, so the join is exactly commutative, associative and idempotent. */
function joinPeaks(a: readonly Peak[], b: readonly Peak[]): Peak[] {
  const all = [...a, ...b].sort((x, y) => y[0] - x[0] || y[1] - x[1]);
  const out: Peak[] = [];
  for (const [at, position] of all) {
    if (out.length === 0 || position > out[out.length - 1][1]) out.push([at, position]);
  }
  return out;
}

/** A row stored before resets existed has no peaks: its furthest position, at its last change,
 * stands in (only a reset after that time could hide it, and rows without resets are read as
 * they are). */
const peaksOf = (p: LessonProgress): Peak[] =>
  p.peaks ?? (p.furthest > 0 ? [[p.updatedAt, p.furthest]] : []);

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
  const out = recordOf(Object.entries(a));
  for (const [key, value] of Object.entries(b)) {
    const mine = ownValue(out, key);
    putValue(out, key, mine === undefined ? value : pick(mine, value));
  }
  return out;
}

// Attempts are immutable under their id, so either copy is right; pick deterministically anyway.
const earlierAttempt = (x: QuizAttempt, y: QuizAttempt): QuizAttempt => (x.at <= y.at ? x : y);
const earlierReveal = (x: QuizReveal, y: QuizReveal): QuizReveal => (x.at <= y.at ? x : y);
const earlierReview = (x: ReviewAnswer, y: ReviewAnswer): ReviewAnswer => (x.at <= y.at ? x : y);

/**
 * Per question, only the `perEnd` smallest and `perEnd` largest entries by (at, id). Keeping the
 * k extremes of a total order keeps the merge a join: the k smallest of A ∪ B ∪ C are among the
 * k smallest of A ∪ B or of C, so capping after every merge gives what capping once at the end
 * would (test/shared/progress.test.ts checks the laws). A question's first attempt, which is its
 * score (src/shared/quiz.ts), is always kept.
 */
function keepExtremes<V extends { questionId: string; at: number }>(
  entries: Record<string, V>,
  perEnd: number,
): Record<string, V> {
  const byQuestion = new Map<string, [string, V][]>();
  for (const entry of Object.entries(entries)) {
    const list = byQuestion.get(entry[1].questionId);
    if (list) list.push(entry);
    else byQuestion.set(entry[1].questionId, [entry]);
  }
  if ([...byQuestion.values()].every((list) => list.length <= 2 * perEnd)) return entries;
  const out = idRecord<V>();
  for (const list of byQuestion.values()) {
    if (list.length > 2 * perEnd) {
      list.sort(([idA, a], [idB, b]) => a.at - b.at || (idA < idB ? -1 : idA > idB ? 1 : 0));
      list.splice(perEnd, list.length - 2 * perEnd);
    }
    for (const [id, value] of list) putValue(out, id, value);
  }
  return out;
}

/** Join two records of the same lesson. */
export function mergeProgress(a: LessonProgress, b: LessonProgress): LessonProgress {
  return {
    courseId: a.courseId,
    lessonId: a.lessonId,
    openedAt: minNullable(a.openedAt, b.openedAt),
    completedAt: minNullable(a.completedAt, b.completedAt),
    furthest: Math.max(a.furthest, b.furthest),
    resume: laterOf(a.resume, b.resume),
    attempts: keepExtremes(
      mergeRecords(a.attempts, b.attempts, earlierAttempt),
      KEPT_ATTEMPTS_PER_END,
    ),
    best: mergeRecords(a.best, b.best, Math.max),
    reveals: keepExtremes(
      mergeRecords(a.reveals ?? {}, b.reveals ?? {}, earlierReveal),
      KEPT_REVEALS_PER_END,
    ),
    reviews: keepExtremes(
      mergeRecords(a.reviews ?? {}, b.reviews ?? {}, earlierReview),
      KEPT_REVIEWS_PER_END,
    ),
    checklist: mergeRecords(a.checklist, b.checklist, (x, y) => laterOf(x, y)!),
    reflection: laterOf(a.reflection, b.reflection),
    reflectionShared: laterOf(a.reflectionShared ?? null, b.reflectionShared ?? null),
    rating: laterOf(a.rating ?? null, b.rating ?? null),
    comment: laterOf(a.comment ?? null, b.comment ?? null),
    wishes: laterOf(a.wishes ?? null, b.wishes ?? null),
    time: mergeRecords(a.time, b.time, Math.max),
    changeSeen: maxDate(a.changeSeen, b.changeSeen),
    resetAt: maxNullable(a.resetAt, b.resetAt),
    lastOpenedAt: maxNullable(a.lastOpenedAt ?? a.openedAt, b.lastOpenedAt ?? b.openedAt),
    lastCompletedAt: maxNullable(
      a.lastCompletedAt ?? a.completedAt,
      b.lastCompletedAt ?? b.completedAt,
    ),
    peaks: joinPeaks(peaksOf(a), peaksOf(b)),
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
      p.openedAt = p.lastOpenedAt = event.at;
      break;
    case 'lesson.progressed':
      p.furthest = event.payload.position;
      p.resume = stamp(event.payload.position);
      if (event.payload.position > 0) p.peaks = [[event.at, event.payload.position]];
      break;
    case 'lesson.completed':
      p.completedAt = p.lastCompletedAt = event.at;
      break;
    case 'quiz.answered': {
      const { attemptId, questionId, chosen, correct, score } = event.payload;
      putValue(p.attempts, attemptId, { questionId, chosen, correct, score, at: event.at });
      putValue(p.best, questionId, score);
      break;
    }
    case 'quiz.revealed':
      putValue(p.reveals!, event.id, { questionId: event.payload.questionId, at: event.at });
      break;
    case 'review.answered':
      putValue(p.reviews!, event.id, {
        questionId: event.payload.questionId,
        correct: event.payload.correct,
        at: event.at,
      });
      break;
    case 'checklist.toggled':
      putValue(p.checklist, event.payload.itemId, stamp(event.payload.checked));
      break;
    case 'reflection.saved':
      p.reflection = stamp(event.payload.text);
      break;
    case 'reflection.shared':
      p.reflectionShared = stamp(event.payload.shared);
      break;
    case 'lesson.rated':
      p.rating = stamp(event.payload.answer);
      break;
    case 'lesson.commented':
      p.comment = stamp({ text: event.payload.text, forAuthors: event.payload.forAuthors });
      break;
    case 'course.wished': {
      const { topics, text, forAuthors } = event.payload;
      p.wishes = stamp({ topics, text, forAuthors });
      break;
    }
    case 'time.spent':
      putValue(p.time, event.clientId, event.payload.seconds);
      break;
    case 'lesson.change-seen':
      p.changeSeen = event.payload.changed;
      break;
    case 'lesson.reset':
      p.resetAt = event.at;
      break;
  }
  return p;
}

/** Fold one event into a record. */
export const applyEvent = (p: LessonProgress, event: LearnerEvent): LessonProgress =>
  mergeProgress(p, progressOfEvent(event));

const after = (at: number | null | undefined, resetAt: number): at is number =>
  at !== null && at !== undefined && at > resetAt;

/**
 * The progress the learner sees: the record with everything stamped at or before its latest
 * course reset hidden — opening, completion, position, quiz attempts and scores, spaced-review
 * answers (the course starts over, and so do its review schedules), checklist ticks.
 * Time spent is history and the reflection text is the learner's own writing: both stay. So does
 * the choice to share that text with the advisor: a reset starts the course's exercises over, it
 * does not take back (or give) consent — the kept text shows with its switch as it was, and
 * turning sharing off is the switch's job, never a side effect of another button. The learner's
 * rating of the lesson and their comment on it stay too: they are feedback on the lesson (issue
 * 15), not progress in it, and a lesson once rated is not asked about again after a reset; so does
 * the answer to "Hva vil du lære mer om?", asked once per course. The one
 * place a reset is applied; every reader (screens, actions' plans, scoring) goes through it.
 * Hidden parts stay in the record, so merging and exporting are unchanged.
 */
export function currentProgress(p: LessonProgress): LessonProgress {
  const resetAt = p.resetAt ?? null;
  if (resetAt === null) return p;
  const firstOrLast = (first: number | null, last: number | null | undefined) =>
    after(first, resetAt) ? first : after(last, resetAt) ? last : null;
  const attempts = recordOf(
    Object.entries(p.attempts).filter(([, attempt]) => attempt.at > resetAt),
  );
  const best = idRecord<number>();
  for (const { questionId, score } of Object.values(attempts)) {
    putValue(best, questionId, Math.max(ownValue(best, questionId) ?? 0, score));
  }
  const peaks = peaksOf(p).filter(([at]) => at > resetAt);
  return {
    ...p,
    openedAt: firstOrLast(p.openedAt, p.lastOpenedAt),
    completedAt: firstOrLast(p.completedAt, p.lastCompletedAt),
    furthest: Math.max(0, ...peaks.map(([, position]) => position)),
    peaks,
    resume: p.resume && p.resume.at > resetAt ? p.resume : null,
    attempts,
    best,
    reveals: recordOf(Object.entries(p.reveals ?? {}).filter(([, reveal]) => reveal.at > resetAt)),
    reviews: recordOf(Object.entries(p.reviews ?? {}).filter(([, review]) => review.at > resetAt)),
    checklist: recordOf(Object.entries(p.checklist).filter(([, item]) => item.at > resetAt)),
  };
}

/** Whether the learner has done nothing in the lesson that `currentProgress` shows (time spent
 * and a kept reflection alone do not make a lesson started). */
export const isUntouched = (p: LessonProgress): boolean =>
  p.openedAt === null &&
  p.completedAt === null &&
  p.resume === null &&
  Object.keys(p.attempts).length === 0 &&
  Object.keys(p.checklist).length === 0;

/** Whether the learner shares the lesson's reflection with their advisor ("Del med rådgiveren"). */
export const isReflectionShared = (p: LessonProgress): boolean =>
  p.reflectionShared?.value ?? false;

/** Whether the learner has answered (or skipped) "Var dette nyttig for deg?" for the lesson, on
 * any device: then it is not asked again. */
export const isRated = (p: LessonProgress): boolean => (p.rating ?? null) !== null;

/** Whether this lesson carries an answer (or a skip) to "Hva vil du lære mer om?". */
export const isWished = (p: LessonProgress): boolean => (p.wishes ?? null) !== null;

/** Whether the learner has answered "Hva vil du lære mer om?" for a course, on any of its lessons
 * and any device (`progress`: the course's lessons): then it is not asked again. */
export const isCourseWished = (progress: Iterable<LessonProgress>): boolean => {
  for (const p of progress) if (isWished(p)) return true;
  return false;
};

/** Total seconds spent, summed over clients. */
export const secondsSpent = (p: LessonProgress): number =>
  Object.values(p.time).reduce((sum, s) => sum + s, 0);

/** Whether a checklist item is checked. */
export const isChecked = (p: LessonProgress, itemId: string): boolean =>
  ownValue(p.checklist, itemId)?.value ?? false;

/** Clamp a device timestamp to the server's clock plus five minutes, so a wrong clock cannot win
 * every last-writer-wins register forever. */
export const clampTimestamp = (at: number, serverNow: number): number =>
  Math.min(at, serverNow + 5 * 60_000);
