// What the status line's "N endringer venter" counts: the learner's own actions still waiting for
// the server, not the events the outbox holds. The rule, per waiting event:
// - bookkeeping the app records while the learner reads — opening a lesson, the reading position,
//   time spent, a lesson change seen — is no action: not counted;
// - each quiz answer, each "show the answer" and each answer in spaced review is one action;
// - each checklist item is one action, however often it was ticked and unticked (its latest state
//   is what will reach the account); likewise a lesson's reflection text, however often it was
//   saved, and its "Del med rådgiveren" switch, however often it was turned; likewise a lesson's
//   rating ("Var dette nyttig for deg?") and its comment, and a course's answer to "Hva vil du
//   lære mer om?";
// - a course reset is one action, although it writes one event per lesson of the course;
// - completing a lesson is one action, unless the same lesson also has answers, checklist items or
//   a reflection waiting: then the completion is part of that work ("one checklist" with three
//   items ticked is three, not four; "Merk som lest" on a reading lesson is one). A rating, a
//   comment or a course's wishes are no such work: "Merk som lest" and then "Ja" are two actions.
// Every event type must say which it is (the map below is typed over all of them), so a new type
// cannot be counted by accident.
import type { EventType, LearnerEvent } from '../../shared/events';

type EventOf<T extends EventType> = Extract<LearnerEvent, { type: T }>;

/** What one event counts as: the key of the learner action it belongs to (events with the same
 * key are one action), 'completion', or null for bookkeeping. */
type ActionKey = string | 'completion' | null;

const lessonOf = (event: LearnerEvent) => `${event.courseId}/${event.lessonId}`;

const ACTION_OF: { [T in EventType]: (event: EventOf<T>) => ActionKey } = {
  'lesson.opened': () => null,
  'lesson.progressed': () => null,
  'time.spent': () => null,
  'lesson.change-seen': () => null,
  'quiz.answered': (event) => `answer ${event.id}`,
  'review.answered': (event) => `review ${event.id}`,
  'quiz.revealed': (event) => `reveal ${lessonOf(event)}/${event.payload.questionId}`,
  'checklist.toggled': (event) => `item ${lessonOf(event)}/${event.payload.itemId}`,
  'reflection.saved': (event) => `reflection ${lessonOf(event)}`,
  'reflection.shared': (event) => `share ${lessonOf(event)}`,
  'lesson.rated': (event) => `rating ${lessonOf(event)}`,
  'lesson.commented': (event) => `comment ${lessonOf(event)}`,
  'course.wished': (event) => `wishes ${event.courseId}`,
  'lesson.reset': (event) => `reset ${event.courseId}`,
  'lesson.completed': () => 'completion',
};

const actionOf = <T extends EventType>(event: EventOf<T>): ActionKey =>
  (ACTION_OF[event.type] as (event: EventOf<T>) => ActionKey)(event);

const NOT_WORK: ReadonlySet<EventType> = new Set([
  'lesson.reset',
  'review.answered',
  'lesson.rated',
  'lesson.commented',
  'course.wished',
]);

/** How many learner actions these waiting events stand for (the rule above). */
export function countLearnerActions(events: Iterable<LearnerEvent>): number {
  const actions = new Set<string>();
  const lessonsWithWork = new Set<string>();
  const completedLessons = new Set<string>();
  for (const event of events) {
    const key = actionOf(event);
    if (key === null) continue;
    if (key === 'completion') {
      completedLessons.add(lessonOf(event));
      continue;
    }
    actions.add(key);
    // A reset, and feedback (a lesson's rating and comment, a course's wishes), are not the
    // lesson's work: the completion they follow is an action of its own.
    if (!NOT_WORK.has(event.type)) lessonsWithWork.add(lessonOf(event));
  }
  let completions = 0;
  for (const lesson of completedLessons) if (!lessonsWithWork.has(lesson)) completions += 1;
  return actions.size + completions;
}
