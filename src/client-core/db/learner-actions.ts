// Learner actions on lessons. Each action is one call of recordAction, so it is one
// transaction: its events and its progress change land together. Reads are in progress.ts.
// Each takes the database last (the app's by default; tests run several devices in one process).
import type { QuizLesson } from '../../shared/course';
import { scoreAnswer } from '../../shared/quiz';
import type { EventDraft, LessonRating } from '../../shared/events';
import {
  isChecked,
  isReflectionShared,
  type CourseWishes,
  type LessonComment,
  type LessonProgress,
} from '../../shared/progress';
import { isReflectionWritten } from '../../shared/reflection';
import { uuidv7 } from '../../shared/uuid';
import type { LommekursDB } from './db';
import { recordAction } from './record';

type Ref = { courseId: string; lessonId: string };
const ref = (courseId: string, lesson: { id: string }): Ref => ({ courseId, lessonId: lesson.id });

/** A quiz lesson's question; an id the lesson lacks is a bug in the caller. */
function questionOf(lesson: QuizLesson, questionId: string) {
  const question = lesson.questions.find((q) => q.id === questionId);
  if (!question) throw new Error(`Unknown question ${questionId} in lesson ${lesson.id}`);
  return question;
}

const completion = (r: Ref, p: LessonProgress): EventDraft[] =>
  p.completedAt === null ? [{ type: 'lesson.completed', ...r, payload: {} }] : [];

/** The learner opened a lesson (recorded once per lesson and device session). `changed` is the
 * date of the lesson's newest change, if it has one: opening it shows that change, so it is
 * recorded as seen (once), which ends its notice on every device. */
export const openLesson = (
  courseId: string,
  lessonId: string,
  database?: LommekursDB,
  changed?: string,
) =>
  recordAction(
    courseId,
    lessonId,
    (p) => {
      const r = { courseId, lessonId };
      const drafts: EventDraft[] =
        p.openedAt === null ? [{ type: 'lesson.opened', ...r, payload: {} }] : [];
      if (changed !== undefined && (p.changeSeen ?? '') < changed) {
        drafts.push({ type: 'lesson.change-seen', ...r, payload: { changed } });
      }
      return drafts;
    },
    { database },
  );

/** The learner has come this far (0–1) through a lesson. Only a change is recorded. */
export const recordPosition = (
  courseId: string,
  lessonId: string,
  position: number,
  database?: LommekursDB,
) =>
  recordAction(
    courseId,
    lessonId,
    (p) => {
      const rounded = Math.round(Math.min(1, Math.max(0, position)) * 100) / 100;
      return p.resume?.value === rounded
        ? []
        : [{ type: 'lesson.progressed', courseId, lessonId, payload: { position: rounded } }];
    },
    { database },
  );

/** The end of a lesson: its position moved to the end (once) and its completion (once). */
const finish = (r: Ref, p: LessonProgress): EventDraft[] => [
  ...(p.furthest < 1
    ? [{ type: 'lesson.progressed' as const, ...r, payload: { position: 1 } }]
    : []),
  ...completion(r, p),
];

/** The learner finished a reading lesson. */
export const completeLesson = (courseId: string, lessonId: string, database?: LommekursDB) =>
  recordAction(courseId, lessonId, (p) => finish({ courseId, lessonId }, p), { database });

/** The learner completes a checklist: allowed when every item is ticked, or when the learner has
 * confirmed that the rest does not apply (`restDoesNotApply`); the unticked items stay unticked.
 * Decided inside the transaction, so a tick undone in another tab cannot slip through. Records
 * nothing when not allowed. */
export const completeChecklist = (
  courseId: string,
  lesson: { id: string; items: readonly { id: string }[] },
  { restDoesNotApply }: { restDoesNotApply: boolean },
  database?: LommekursDB,
) =>
  recordAction(
    courseId,
    lesson.id,
    (p) =>
      restDoesNotApply || lesson.items.every((item) => isChecked(p, item.id))
        ? finish(ref(courseId, lesson), p)
        : [],
    { database },
  );

/** The learner answered one quiz question. Every attempt is kept; the lesson completes once
 * every question has been answered. */
export const answerQuestion = (
  courseId: string,
  lesson: QuizLesson,
  questionId: string,
  chosen: string[],
  database?: LommekursDB,
) =>
  recordAction(
    courseId,
    lesson.id,
    (p) => {
      const question = questionOf(lesson, questionId);
      const r = ref(courseId, lesson);
      const { correct, score } = scoreAnswer(question, chosen);
      const answered = new Set([...Object.keys(p.best), questionId]);
      const done = lesson.questions.filter((q) => answered.has(q.id)).length;
      const position = done / lesson.questions.length;
      const drafts: EventDraft[] = [
        {
          type: 'quiz.answered',
          ...r,
          payload: { attemptId: uuidv7(), questionId, chosen: [...chosen], correct, score },
        },
      ];
      if (position > p.furthest)
        drafts.push({ type: 'lesson.progressed', ...r, payload: { position } });
      if (done === lesson.questions.length) drafts.push(...completion(r, p));
      return drafts;
    },
    { database },
  );

/** The learner answered a question of a completed quiz lesson in spaced review ("Repetisjon",
 * issue 16): one event, whose set with the question's other answers is its schedule. */
export const answerReview = (
  courseId: string,
  lesson: QuizLesson,
  questionId: string,
  chosen: string[],
  database?: LommekursDB,
) =>
  recordAction(
    courseId,
    lesson.id,
    () => {
      const question = questionOf(lesson, questionId);
      const { correct } = scoreAnswer(question, chosen);
      const payload = { questionId, chosen: [...chosen], correct };
      return [{ type: 'review.answered', ...ref(courseId, lesson), payload }];
    },
    { database },
  );

/** The learner asked to see a quiz question's right answer. Recorded so the answer stays shown
 * after a reload and on other devices, and so a first attempt made after it scores nothing. */
export const revealAnswer = (
  courseId: string,
  lessonId: string,
  questionId: string,
  database?: LommekursDB,
) =>
  recordAction(
    courseId,
    lessonId,
    () => [{ type: 'quiz.revealed', courseId, lessonId, payload: { questionId } }],
    { database },
  );

/** The learner checked or unchecked one checklist item (persisted at once). */
export const toggleChecklistItem = (
  courseId: string,
  lessonId: string,
  itemId: string,
  checked: boolean,
  database?: LommekursDB,
) =>
  recordAction(
    courseId,
    lessonId,
    (p) =>
      isChecked(p, itemId) === checked
        ? []
        : [{ type: 'checklist.toggled', courseId, lessonId, payload: { itemId, checked } }],
    { database },
  );

/** The reflection text as it stands, when it differs from the stored one. */
const reflectionChange = (r: Ref, p: LessonProgress, text: string): EventDraft[] =>
  (p.reflection?.value ?? '') === text
    ? []
    : [{ type: 'reflection.saved', ...r, payload: { text } }];

/** The learner's reflection text, autosaved as a draft while they type: never completes the
 * lesson (that is submitReflection, the learner's "Lagre"). */
export const saveReflection = (
  courseId: string,
  lessonId: string,
  text: string,
  database?: LommekursDB,
) =>
  recordAction(courseId, lessonId, (p) => reflectionChange({ courseId, lessonId }, p, text), {
    database,
  });

/** The learner pressed "Lagre": the text is saved and, when it is at least a sentence
 * (isReflectionWritten), the lesson completes. A shorter text is saved and completes nothing. */
export const submitReflection = (
  courseId: string,
  lessonId: string,
  text: string,
  database?: LommekursDB,
) =>
  recordAction(
    courseId,
    lessonId,
    (p) => {
      const r = { courseId, lessonId };
      const saved = reflectionChange(r, p, text);
      return isReflectionWritten(text) ? [...saved, ...completion(r, p)] : saved;
    },
    { database },
  );

/** The learner turned "Del med rådgiveren" on or off for a reflection lesson. Only a change is
 * recorded. */
export const shareReflection = (
  courseId: string,
  lessonId: string,
  shared: boolean,
  database?: LommekursDB,
) =>
  recordAction(
    courseId,
    lessonId,
    (p) =>
      isReflectionShared(p) === shared
        ? []
        : [{ type: 'reflection.shared', courseId, lessonId, payload: { shared } }],
    { database },
  );

/** The learner answered "Var dette nyttig for deg?" after completing the lesson, or skipped it
 * (issue 15). Only a change is recorded. */
export const rateLesson = (
  courseId: string,
  lessonId: string,
  answer: LessonRating,
  database?: LommekursDB,
) =>
  recordAction(
    courseId,
    lessonId,
    (p) =>
      p.rating?.value === answer
        ? []
        : [{ type: 'lesson.rated', courseId, lessonId, payload: { answer } }],
    { database },
  );

/** The learner sent a comment after rating ("Hva manglet?"), and whether the course authors may
 * read it. Only a change is recorded. */
export const commentOnLesson = (
  courseId: string,
  lessonId: string,
  comment: LessonComment,
  database?: LommekursDB,
) =>
  recordAction(
    courseId,
    lessonId,
    (p) =>
      p.comment?.value.text === comment.text && p.comment.value.forAuthors === comment.forAuthors
        ? []
        : [
            {
              type: 'lesson.commented',
              courseId,
              lessonId,
              payload: { text: comment.text, forAuthors: comment.forAuthors },
            },
          ],
    { database },
  );

const sameWishes = (a: CourseWishes, b: CourseWishes) =>
  a.text === b.text &&
  a.forAuthors === b.forAuthors &&
  a.topics.length === b.topics.length &&
  a.topics.every((topic, i) => topic === b.topics[i]);

/** The learner answered "Hva vil du lære mer om?" for a finished course, or skipped it (no topic,
 * no text); recorded on `lessonId`, the lesson whose completion finished the course (issue 15).
 * Only a change is recorded. */
export const wishCourse = (
  courseId: string,
  lessonId: string,
  wishes: CourseWishes,
  database?: LommekursDB,
) =>
  recordAction(
    courseId,
    lessonId,
    (p) => {
      const payload = {
        topics: [...wishes.topics],
        text: wishes.text,
        forAuthors: wishes.forAuthors,
      };
      return p.wishes && sameWishes(p.wishes.value, payload)
        ? []
        : [{ type: 'course.wished', courseId, lessonId, payload }];
    },
    { database },
  );

/** Add seconds of active time in a lesson to this device's running total. */
export const addTimeSpent = (
  courseId: string,
  lessonId: string,
  seconds: number,
  database?: LommekursDB,
) =>
  recordAction(
    courseId,
    lessonId,
    (p, clientId) => {
      const add = Math.round(seconds);
      if (add <= 0) return [];
      const total = (p.time[clientId] ?? 0) + add;
      return [{ type: 'time.spent', courseId, lessonId, payload: { seconds: total } }];
    },
    { database },
  );
