// Quiz scoring from stored progress: the first attempt counts, a shown answer scores nothing, and
// every device computes the same result from the same attempts whatever order they arrived in.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { EVENT_VERSION, learnerEventSchema, type LearnerEvent } from '../../src/shared/events';
import { mergeProgress } from '../../src/shared/progress';
import { questionHistory, quizMistakes, quizResult } from '../../src/shared/quiz';
import { uuidv7 } from '../../src/shared/uuid';
import { eventPoolArbitrary, foldEvents } from '../utils/event-arbitraries';
import { PROPERTY_TIMEOUT_MS } from '../utils/merge-laws';

const RUNS = 1000;
vi.setConfig({ testTimeout: PROPERTY_TIMEOUT_MS });
let seq = 0;

const event = (
  at: number,
  draft: Pick<LearnerEvent, 'type' | 'payload'>,
  clientId = 'client-aaaa',
) =>
  learnerEventSchema.parse({
    id: uuidv7(at),
    clientId,
    seq: ++seq,
    courseId: 'c',
    lessonId: 'l',
    at,
    v: EVENT_VERSION,
    ...draft,
  });

const answer = (at: number, questionId: string, score: number, attemptId = uuidv7(at)) =>
  event(at, {
    type: 'quiz.answered',
    payload: { attemptId, questionId, chosen: ['a'], correct: score === 1, score },
  });
const reveal = (at: number, questionId: string) =>
  event(at, { type: 'quiz.revealed', payload: { questionId } });

describe('quiz result', () => {
  it('counts the first attempt, not the best one', () => {
    const p = foldEvents([answer(3000, 'q1', 1), answer(1000, 'q1', 0), answer(2000, 'q2', 1)]);
    const result = quizResult(p, ['q1', 'q2']);
    expect(result.firstTryRight).toBe(1);
    expect(result.score).toBe(0.5);
    expect(result.outcomes).toEqual([
      { kind: 'later', attempts: 2 },
      { kind: 'first-try', attempts: 1 },
    ]);
    // `best` still holds the max, for old readers.
    expect(p.best).toEqual({ q1: 1, q2: 1 });
  });

  it('breaks a tie on time by attempt id, the same on every device', () => {
    const right = answer(1000, 'q1', 1, '00000000-0000-7000-8000-00000000000b');
    const wrong = answer(1000, 'q1', 0, '00000000-0000-7000-8000-00000000000a');
    expect(quizResult(foldEvents([right, wrong]), ['q1']).score).toBe(0);
    expect(quizResult(foldEvents([wrong, right]), ['q1']).score).toBe(0);
  });

  it('gives nothing for a first attempt made after the answer was shown', () => {
    const p = foldEvents([reveal(1000, 'q1'), answer(2000, 'q1', 1)]);
    expect(quizResult(p, ['q1']).score).toBe(0);
    expect(quizResult(p, ['q1']).outcomes).toEqual([{ kind: 'revealed', attempts: 0 }]);
  });

  it('records a shown answer after wrong attempts, and settles the question', () => {
    const p = foldEvents([answer(1000, 'q1', 0), answer(2000, 'q1', 0.5), reveal(3000, 'q1')]);
    const history = questionHistory(p, 'q1');
    expect(history.settled).toBe(true);
    expect(history.solved).toBe(false);
    expect(quizResult(p, ['q1'])).toMatchObject({
      firstTryRight: 0,
      score: 0,
      outcomes: [{ kind: 'revealed', attempts: 2 }],
    });
  });

  it('keeps partial credit of the first attempt', () => {
    const p = foldEvents([answer(1000, 'q1', 0.5), answer(2000, 'q1', 1)]);
    expect(quizResult(p, ['q1'])).toMatchObject({ firstTryRight: 0, score: 0.5 });
  });

  it('reads a practice round from its start only', () => {
    const p = foldEvents([answer(1000, 'q1', 1), answer(5000, 'q1', 0)]);
    expect(questionHistory(p, 'q1', 4000)).toMatchObject({ solved: false, settled: false });
    expect(questionHistory(p, 'q1', 4000).attempts).toHaveLength(1);
    expect(quizResult(p, ['q1']).score).toBe(1);
  });

  it('folds version 1 events as before: every attempt kept, best the max', () => {
    const p = foldEvents([answer(1000, 'q1', 0), answer(2000, 'q1', 1)]);
    expect(Object.values(p.attempts).map((a) => a.score)).toEqual([0, 1]);
    expect(p.best).toEqual({ q1: 1 });
    expect(p.reveals).toEqual({});
  });

  it(`is the same on every device, whatever order the events came in (${RUNS} cases)`, () => {
    const scenario = eventPoolArbitrary().chain((pool) =>
      fc.record({
        pool: fc.constant(pool),
        delivered: fc.shuffledSubarray([...pool, ...pool], { minLength: pool.length * 2 }),
        cut: fc.nat({ max: pool.length }),
      }),
    );
    fc.assert(
      fc.property(scenario, ({ pool, delivered, cut }) => {
        const reference = quizResult(foldEvents(pool), ['q1', 'q2']);
        expect(quizResult(foldEvents(delivered), ['q1', 'q2'])).toEqual(reference);
        const split = mergeProgress(foldEvents(pool.slice(cut)), foldEvents(pool.slice(0, cut)));
        expect(quizResult(split, ['q1', 'q2'])).toEqual(reference);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('quiz mistakes ("Se svarene dine")', () => {
  const chose = (at: number, questionId: string, chosen: string[], score: number) =>
    event(at, {
      type: 'quiz.answered',
      payload: { attemptId: uuidv7(at), questionId, chosen, correct: score === 1, score },
    });

  it('lists the questions not fully right at the first attempt, with what was chosen then', () => {
    const p = foldEvents([
      chose(1000, 'q1', ['b'], 0),
      chose(2000, 'q1', ['a'], 1),
      chose(1000, 'q2', ['a', 'c'], 1),
      // A practice answer later does not make a first-try question a mistake.
      chose(9000, 'q2', ['b'], 0),
      chose(1000, 'q3', ['a'], 0.5),
      reveal(2000, 'q3'),
      // Shown before any answer: no first choice, whatever was answered after.
      reveal(1000, 'q4'),
      chose(2000, 'q4', ['a'], 1),
      chose(1000, 'q5', ['b'], 0),
    ]);
    expect(quizMistakes(p, ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'])).toEqual([
      { index: 0, outcome: { kind: 'later', attempts: 2 }, firstChosen: ['b'] },
      { index: 2, outcome: { kind: 'revealed', attempts: 1 }, firstChosen: ['a'] },
      { index: 3, outcome: { kind: 'revealed', attempts: 0 }, firstChosen: null },
      { index: 4, outcome: { kind: 'open', attempts: 1 }, firstChosen: ['b'] },
      { index: 5, outcome: { kind: 'open', attempts: 0 }, firstChosen: null },
    ]);
  });

  it('is empty when every question was right the first time', () => {
    const p = foldEvents([chose(1000, 'q1', ['a'], 1), chose(2000, 'q1', ['b'], 0)]);
    expect(quizMistakes(p, ['q1'])).toEqual([]);
  });
});
