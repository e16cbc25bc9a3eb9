// Spaced review's schedules (issue 16): FSRS over a question's review answers, a pure function of
// the set of those answers, so devices converge whatever order, duplication and delay the sync
// brings. The convergence properties run 1,000 cases each beside the progress merge laws.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { EVENT_VERSION, learnerEventSchema, type LearnerEvent } from '../../src/shared/events';
import { mergeProgress, type LessonProgress, type ReviewAnswer } from '../../src/shared/progress';
import {
  dueCount,
  dueNow,
  FIRST_REVIEW_AFTER_MS,
  isDue,
  nextDue,
  questionSchedule,
  REVIEW_SESSION_SIZE,
  reviewQueue,
  type ReviewableLesson,
} from '../../src/shared/review-schedule';
import { ARBITRARY_CLIENTS, foldEvents, uuidFrom } from '../utils/event-arbitraries';
import { PROPERTY_TIMEOUT_MS } from '../utils/merge-laws';

const RUNS = 1000;
vi.setConfig({ testTimeout: PROPERTY_TIMEOUT_MS });

const DAY = 86_400_000;
/** Tuesday 5 May 2026, 10:00 in Oslo. */
const T0 = Date.parse('2026-05-05T08:00:00Z');
const QUESTIONS = ['q1', 'q2', 'q3'] as const;

let serial = 0;
const event = (
  type: 'lesson.completed' | 'review.answered',
  at: number,
  clientId: string,
  review?: { questionId: string; correct: boolean },
): LearnerEvent =>
  learnerEventSchema.parse({
    id: uuidFrom(at, ++serial),
    clientId,
    seq: serial,
    courseId: 'c',
    lessonId: 'l',
    at,
    v: EVENT_VERSION,
    type,
    payload: review ? { ...review, chosen: [review.correct ? 'a' : 'b'] } : {},
  });

const lesson = (progress: LessonProgress, questionIds: readonly string[] = QUESTIONS) =>
  [{ courseId: 'c', lessonId: 'l', questionIds, progress }] satisfies ReviewableLesson[];

/** The lesson's completion on one client and review answers spread over two months from three
 * clients, with clashing times (answers in the same millisecond, tie broken by event id). */
const historyArbitrary: fc.Arbitrary<LearnerEvent[]> = fc
  .record({
    completedBy: fc.constantFrom(...ARBITRARY_CLIENTS),
    answers: fc.array(
      fc.record({
        clientId: fc.constantFrom(...ARBITRARY_CLIENTS),
        day: fc.integer({ min: 0, max: 60 }),
        ms: fc.constantFrom(0, 0, 1, 3_600_000, 43_200_000),
        questionId: fc.constantFrom(...QUESTIONS),
        correct: fc.boolean(),
      }),
      { minLength: 1, maxLength: 25 },
    ),
  })
  .map(({ completedBy, answers }) => [
    event('lesson.completed', T0, completedBy),
    ...answers.map((a) =>
      event('review.answered', T0 + a.day * DAY + a.ms, a.clientId, {
        questionId: a.questionId,
        correct: a.correct,
      }),
    ),
  ]);

/** What a device receives: every event at least once, some twice, in any order. */
const deliveryArbitrary = (pool: LearnerEvent[]) =>
  fc.shuffledSubarray([...pool, ...pool], { minLength: pool.length * 2 }).chain((twice) =>
    fc.nat({ max: pool.length }).map((dropped) => {
      // Drop some duplicates, never the last copy of an event.
      const kept: LearnerEvent[] = [];
      const seen = new Map<string, number>();
      for (const e of twice) seen.set(e.id, (seen.get(e.id) ?? 0) + 1);
      let budget = dropped;
      for (const e of twice) {
        if (budget > 0 && seen.get(e.id)! > 1) {
          seen.set(e.id, seen.get(e.id)! - 1);
          budget -= 1;
        } else kept.push(e);
      }
      return kept;
    }),
  );

/** Splits a delivery into `parts` runs: what each device recorded or received between syncs. */
const split = (events: LearnerEvent[], cuts: number[], parts: number): LearnerEvent[][] => {
  const points = [...new Set(cuts.map((c) => c % (events.length + 1)))].sort((a, b) => a - b);
  const out: LearnerEvent[][] = [];
  let from = 0;
  for (const point of points.slice(0, parts - 1)) {
    out.push(events.slice(from, point));
    from = point;
  }
  out.push(events.slice(from));
  while (out.length < parts) out.push([]);
  return out;
};

/** The reference: the schedule of every question, straight from the set of events. */
const referenceQueue = (pool: LearnerEvent[]) => reviewQueue(lesson(foldEvents(pool)));

describe('review schedules converge across devices', () => {
  it(`two devices that synced the same review events show the same due dates, whatever the order, duplication and delay (${RUNS} cases)`, () => {
    const scenario = historyArbitrary.chain((pool) =>
      fc.record({
        pool: fc.constant(pool),
        phone: deliveryArbitrary(pool),
        laptop: deliveryArbitrary(pool),
        cuts: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
      }),
    );
    fc.assert(
      fc.property(scenario, ({ pool, phone, laptop, cuts }) => {
        const reference = referenceQueue(pool);
        // The phone folds events one by one; the laptop gets them in batches merged as records
        // (as a pull delivers them).
        const onPhone = reviewQueue(lesson(foldEvents(phone)));
        const laptopRecord = split(laptop, cuts, 3)
          .map(foldEvents)
          .reduce((a, b) => mergeProgress(a, b));
        const onLaptop = reviewQueue(lesson(laptopRecord));
        expect(onPhone).toEqual(reference);
        expect(onLaptop).toEqual(reference);
      }),
      { numRuns: RUNS },
    );
  });

  it(`three devices syncing through the server in any order end with the same due dates (${RUNS} cases)`, () => {
    const scenario = historyArbitrary.chain((pool) =>
      fc.record({
        pool: fc.constant(pool),
        delivered: deliveryArbitrary(pool),
        cuts: fc.array(fc.nat(), { minLength: 2, maxLength: 4 }),
        // The order the three devices push in, then the order they pull in.
        pushOrder: fc.shuffledSubarray([0, 1, 2], { minLength: 3 }),
        pullOrder: fc.shuffledSubarray([0, 1, 2], { minLength: 3 }),
        // A device that pulls before everyone has pushed sees a partial server record.
        earlyPull: fc.nat({ max: 2 }),
      }),
    );
    fc.assert(
      fc.property(scenario, ({ pool, delivered, cuts, pushOrder, pullOrder, earlyPull }) => {
        // Each device recorded a part of the history (one event may reach two devices twice).
        const devices = split(delivered, cuts, 3).map(foldEvents);
        let server = foldEvents([]);
        const pulled = [...devices];
        pushOrder.forEach((device, i) => {
          server = mergeProgress(server, devices[device]!);
          if (i === 0) pulled[earlyPull] = mergeProgress(pulled[earlyPull]!, server);
        });
        for (const device of pullOrder) pulled[device] = mergeProgress(pulled[device]!, server);
        const reference = referenceQueue(pool);
        for (const record of pulled) expect(reviewQueue(lesson(record))).toEqual(reference);
        // And before the last pull, devices holding the same events agree with each other.
        const [a, b] = [
          mergeProgress(devices[0]!, devices[1]!),
          mergeProgress(devices[1]!, devices[0]!),
        ];
        expect(reviewQueue(lesson(a))).toEqual(reviewQueue(lesson(b)));
      }),
      { numRuns: RUNS },
    );
  });

  it(`a question's schedule is the fold of its answers in (time, event id) order (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(historyArbitrary, fc.constantFrom(...QUESTIONS), (pool, questionId) => {
        const answers = pool.flatMap((e): [string, ReviewAnswer][] =>
          e.type === 'review.answered' && e.payload.questionId === questionId
            ? [[e.id, { questionId, correct: e.payload.correct, at: e.at }]]
            : [],
        );
        const forwards = questionSchedule(T0, answers);
        expect(questionSchedule(T0, [...answers].reverse())).toEqual(forwards);
        expect(forwards.reviews).toBe(answers.length);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('review schedules', () => {
  const completed = foldEvents([event('lesson.completed', T0, 'client-aaaa')]);

  it('brings a question back a day after the lesson, due from the start of that day in Norway', () => {
    const [first] = reviewQueue(lesson(completed));
    expect(first!.due).toBe(T0 + FIRST_REVIEW_AFTER_MS);
    expect(first!.reviews).toBe(0);
    expect(isDue(first!.due, T0 + 12 * 3_600_000)).toBe(false);
    // Wednesday 00:30 in Oslo (22:30 UTC on Tuesday): the due day has begun.
    expect(isDue(first!.due, Date.parse('2026-05-05T22:30:00Z'))).toBe(true);
    expect(dueCount(reviewQueue(lesson(completed)), T0 + DAY)).toBe(3);
  });

  it('has nothing to review before the lesson is completed', () => {
    const opened = foldEvents([]);
    expect(reviewQueue(lesson(opened))).toEqual([]);
  });

  it('waits longer after each right answer and comes back soon after a wrong one', () => {
    let at = T0 + DAY;
    const events = [event('lesson.completed', T0, 'client-aaaa')];
    const intervals: number[] = [];
    for (let i = 0; i < 4; i++) {
      events.push(event('review.answered', at, 'client-aaaa', { questionId: 'q1', correct: true }));
      const due = reviewQueue(lesson(foldEvents(events), ['q1']))[0]!.due;
      intervals.push(Math.round((due - at) / DAY));
      at = due;
    }
    expect(intervals.every((days, i) => i === 0 || days > intervals[i - 1]!)).toBe(true);
    events.push(event('review.answered', at, 'client-aaaa', { questionId: 'q1', correct: false }));
    const afterLapse = reviewQueue(lesson(foldEvents(events), ['q1']))[0]!;
    expect(Math.round((afterLapse.due - at) / DAY)).toBeLessThan(intervals[3]!);
    expect(afterLapse.lapses).toBe(1);
  });

  it('keeps a question whose id a course update kept, and drops one whose id it dropped', () => {
    const record = foldEvents([
      event('lesson.completed', T0, 'client-aaaa'),
      event('review.answered', T0 + DAY, 'client-aaaa', { questionId: 'q1', correct: true }),
    ]);
    const before = reviewQueue(lesson(record, ['q1', 'q2']));
    const after = reviewQueue(lesson(record, ['q1', 'q9']));
    expect(after.find((i) => i.questionId === 'q1')).toEqual(
      before.find((i) => i.questionId === 'q1'),
    );
    expect(after.map((i) => i.questionId).sort()).toEqual(['q1', 'q9']);
    expect(after.find((i) => i.questionId === 'q9')!.reviews).toBe(0);
  });

  it('starts over after a course reset: the lesson leaves review until it is completed again', () => {
    const events = [
      event('lesson.completed', T0, 'client-aaaa'),
      event('review.answered', T0 + DAY, 'client-aaaa', { questionId: 'q1', correct: true }),
    ];
    const reset = learnerEventSchema.parse({
      ...events[0],
      id: uuidFrom(T0 + 2 * DAY, ++serial),
      type: 'lesson.reset',
      at: T0 + 2 * DAY,
      payload: {},
    });
    expect(reviewQueue(lesson(foldEvents([...events, reset])))).toEqual([]);
    const again = event('lesson.completed', T0 + 3 * DAY, 'client-bbbb');
    const [item] = reviewQueue(lesson(foldEvents([...events, reset, again]), ['q1']));
    expect(item).toMatchObject({ due: T0 + 4 * DAY, reviews: 0 });
  });

  it('serves at most one session of due questions, soonest first, and says when the next is due', () => {
    const lessons: ReviewableLesson[] = ['l1', 'l2', 'l3'].map((lessonId, i) => ({
      courseId: 'c',
      lessonId,
      questionIds: QUESTIONS,
      progress: foldEvents([event('lesson.completed', T0 + i * DAY, 'client-aaaa')]),
    }));
    const queue = reviewQueue(lessons);
    const now = T0 + 2 * DAY;
    expect(dueCount(queue, now)).toBe(6);
    const session = dueNow(queue, now);
    expect(session).toHaveLength(REVIEW_SESSION_SIZE);
    expect(session.map((i) => i.lessonId)).toEqual(['l1', 'l1', 'l1', 'l2', 'l2']);
    expect(nextDue(queue, now)).toBe(T0 + 3 * DAY);
    expect(nextDue(queue, T0 + 10 * DAY)).toBeNull();
  });
});
