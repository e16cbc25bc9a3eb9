// fast-check generators of learner events and progress records, for the merge laws and the
// multi-client model test. Events are drawn so that one id always means one event (as on the wire:
// events are immutable), and quiz attempt ids always carry the same answer.
import fc from 'fast-check';
import { EVENT_VERSION, learnerEventSchema, type LearnerEvent } from '../../src/shared/events';
import { applyEvent, emptyProgress, type LessonProgress } from '../../src/shared/progress';

export const ARBITRARY_CLIENTS = ['client-aaaa', 'client-bbbb', 'client-cccc'] as const;
const T0 = 1_700_000_000_000;

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** A valid UUIDv7 made from a time and a counter, so generated ids are unique and shrinkable. */
export const uuidFrom = (at: number, n: number): string => {
  const ms = hex(at, 12);
  const tail = hex(n, 12);
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7000-8000-${tail}`;
};

type Draft = Pick<LearnerEvent, 'type' | 'payload'>;

const payloadArbitrary: fc.Arbitrary<(attempt: string) => Draft> = fc.oneof(
  fc.constant(() => ({ type: 'lesson.opened', payload: {} }) as Draft),
  fc
    .integer({ min: 0, max: 100 })
    .map((p) => () => ({ type: 'lesson.progressed', payload: { position: p / 100 } }) as Draft),
  fc.constant(() => ({ type: 'lesson.completed', payload: {} }) as Draft),
  fc
    .record({
      questionId: fc.constantFrom('q1', 'q2'),
      score: fc.constantFrom(0, 0.5, 1),
    })
    .map(
      ({ questionId, score }) =>
        (attemptId: string) =>
          ({
            type: 'quiz.answered',
            payload: { attemptId, questionId, chosen: ['a'], correct: score === 1, score },
          }) as Draft,
    ),
  fc
    .constantFrom('q1', 'q2')
    .map((questionId) => () => ({ type: 'quiz.revealed', payload: { questionId } }) as Draft),
  fc.record({ questionId: fc.constantFrom('q1', 'q2'), correct: fc.boolean() }).map(
    ({ questionId, correct }) =>
      () =>
        ({
          type: 'review.answered',
          payload: { questionId, chosen: correct ? ['a'] : ['b'], correct },
        }) as Draft,
  ),
  fc
    .record({ itemId: fc.constantFrom('i1', 'i2'), checked: fc.boolean() })
    .map((payload) => () => ({ type: 'checklist.toggled', payload }) as Draft),
  fc
    .integer({ min: 0, max: 4 })
    .map((n) => () => ({ type: 'reflection.saved', payload: { text: `text ${n}` } }) as Draft),
  fc.boolean().map((shared) => () => ({ type: 'reflection.shared', payload: { shared } }) as Draft),
  fc
    .constantFrom('yes', 'some', 'no', 'skipped')
    .map((answer) => () => ({ type: 'lesson.rated', payload: { answer } }) as Draft),
  fc
    .record({
      text: fc.constantFrom('', 'Mangler eksempler', 'x'.repeat(280)),
      forAuthors: fc.boolean(),
    })
    .map((payload) => () => ({ type: 'lesson.commented', payload }) as Draft),
  fc
    .record({
      topics: fc.subarray(['e-faktura', 'personvern', 'ki-i-hverdagen', 'ukjent-emne'], {
        maxLength: 3,
      }),
      text: fc.constantFrom('', 'Mer om lønn', 'x'.repeat(280)),
      forAuthors: fc.boolean(),
    })
    .map((payload) => () => ({ type: 'course.wished', payload }) as Draft),
  fc
    .integer({ min: 0, max: 600 })
    .map((seconds) => () => ({ type: 'time.spent', payload: { seconds } }) as Draft),
  fc
    .constantFrom('2026-06-30', '2026-12-02', '2027-01-15')
    .map((changed) => () => ({ type: 'lesson.change-seen', payload: { changed } }) as Draft),
  fc.constant(() => ({ type: 'lesson.reset', payload: {} }) as Draft),
);

/** Any learner event's type and payload except a course reset (`make` takes an attempt id). */
export const progressPayloadArbitrary = payloadArbitrary.filter(
  (make) => make('x').type !== 'lesson.reset',
);

/** A pool of distinct events on one lesson, from up to three clients, with clashing timestamps
 * (a 50 ms window) so last-writer-wins ties are exercised. */
export const eventPoolArbitrary = (maxLength = 30): fc.Arbitrary<LearnerEvent[]> =>
  fc
    .array(
      fc.record({
        clientId: fc.constantFrom(...ARBITRARY_CLIENTS),
        dt: fc.integer({ min: 0, max: 50 }),
        make: payloadArbitrary,
      }),
      { minLength: 1, maxLength },
    )
    .map((drafts) =>
      drafts.map(({ clientId, dt, make }, i) => {
        const at = T0 + dt;
        return learnerEventSchema.parse({
          id: uuidFrom(at, i + 1),
          clientId,
          seq: i + 1,
          courseId: 'c',
          lessonId: 'l',
          at,
          v: EVENT_VERSION,
          ...make(uuidFrom(at, 10_000 + i)),
        });
      }),
    );

/** Folds events into a lesson's progress. */
export const foldEvents = (events: readonly LearnerEvent[]): LessonProgress =>
  events.reduce(applyEvent, emptyProgress('c', 'l'));

/** Three progress records, each the fold of a random subset (with repeats) of one event pool —
 * the shape records have in reality: different devices' views of one learner's events. */
export const progressTripleArbitrary: fc.Arbitrary<
  [LessonProgress, LessonProgress, LessonProgress]
> = eventPoolArbitrary().chain((pool) => {
  const subset = fc.array(fc.constantFrom(...pool), { maxLength: pool.length * 2 }).map(foldEvents);
  return fc.tuple(subset, subset, subset);
});
