// The catalogue as the push handler sees it: which courses and lessons exist, and in them which
// quiz questions (with their options) and checklist items, and which are reflections (the only
// lessons a "Del med rådgiveren" switch belongs to, issue 14). The catalogue is the truth (issue 12):
// an event for anything else is refused with a reason, so nobody can grow rows for lessons that
// do not exist. A rating or a comment ("Var dette nyttig for deg?", issue 15), and a course's
// wishes ("Hva vil du lære mer om?", any safe topic id), fit any lesson that exists, of any kind.
// Maps and Sets only, so an id such as `constructor` is never an inherited member.
import type { Lesson } from '../../shared/course';
import type { EventDraft } from '../../shared/events';

/** Why an event does not fit the catalogue; the push's `rejected[].reason`. */
export type CatalogueRefusalReason =
  | 'unknown_course'
  | 'unknown_lesson'
  | 'unknown_question'
  | 'unknown_option'
  | 'unknown_item'
  | 'not_a_reflection';

/** A refusal with a sentence for the developer. */
export interface CatalogueRefusal {
  reason: CatalogueRefusalReason;
  message: string;
}

/** What the push handler asks of the catalogue. */
export interface SyncCatalogue {
  /** Why `event` names something the catalogue does not have; null when it fits. Any envelope:
   * a synced event, or an anonymous answer (feedback/anonymous-feedback.ts). */
  refusal(event: EventDraft): CatalogueRefusal | null;
}

/** One lesson's ids: questions → their option ids, checklist items, and its kind. */
interface LessonIds {
  kind: Lesson['kind'];
  questions: ReadonlyMap<string, ReadonlySet<string>>;
  items: ReadonlySet<string>;
}

/** The part of a compiled course the index reads. */
export interface IndexedCourse {
  bundle: { id: string; lessons: readonly Lesson[] };
}

const idsOf = (lesson: Lesson): LessonIds => ({
  kind: lesson.kind,
  questions: new Map(
    lesson.kind === 'quiz'
      ? lesson.questions.map((q) => [q.id, new Set(q.options.map((o) => o.id))])
      : [],
  ),
  items: new Set(lesson.kind === 'checklist' ? lesson.items.map((item) => item.id) : []),
});

// Echoed ids are cut short: the message is for a developer, not a place to store text.
const shown = (id: string) => JSON.stringify(id.length > 40 ? `${id.slice(0, 40)}…` : id);

/** The index of `courses` (the compiled catalogue createApp serves). */
export function catalogueIndex(courses: readonly IndexedCourse[]): SyncCatalogue {
  const index = new Map<string, Map<string, LessonIds>>(
    courses.map(({ bundle }) => [
      bundle.id,
      new Map(bundle.lessons.map((lesson) => [lesson.id, idsOf(lesson)])),
    ]),
  );
  return {
    refusal(event) {
      const lessons = index.get(event.courseId);
      if (!lessons) {
        return {
          reason: 'unknown_course',
          message: `No course ${shown(event.courseId)} in the catalogue`,
        };
      }
      const lesson = lessons.get(event.lessonId);
      if (!lesson) {
        return {
          reason: 'unknown_lesson',
          message: `No lesson ${shown(event.lessonId)} in course ${shown(event.courseId)}`,
        };
      }
      if (
        event.type === 'quiz.answered' ||
        event.type === 'quiz.revealed' ||
        event.type === 'review.answered'
      ) {
        const options = lesson.questions.get(event.payload.questionId);
        if (!options) {
          return {
            reason: 'unknown_question',
            message: `No question ${shown(event.payload.questionId)} in lesson ${shown(event.lessonId)}`,
          };
        }
        if (event.type === 'quiz.answered' || event.type === 'review.answered') {
          const stray = event.payload.chosen.find((option) => !options.has(option));
          if (stray !== undefined) {
            return {
              reason: 'unknown_option',
              message: `No option ${shown(stray)} in question ${shown(event.payload.questionId)}`,
            };
          }
        }
      }
      if (event.type === 'checklist.toggled' && !lesson.items.has(event.payload.itemId)) {
        return {
          reason: 'unknown_item',
          message: `No checklist item ${shown(event.payload.itemId)} in lesson ${shown(event.lessonId)}`,
        };
      }
      if (event.type === 'reflection.shared' && lesson.kind !== 'reflection') {
        return {
          reason: 'not_a_reflection',
          message: `Lesson ${shown(event.lessonId)} is a ${lesson.kind} lesson: only a reflection can be shared`,
        };
      }
      return null;
    },
  };
}
