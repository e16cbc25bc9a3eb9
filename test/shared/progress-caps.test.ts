// The progress merge under abuse (issue 12, "Fair use of sync" and "Strings"): attempts and
// reveals kept per question are capped, and the capped merge still keeps the three laws; ids that
// name Object.prototype's members (`constructor`, `toString`, `__proto__`) are ordinary ids.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { EVENT_VERSION, learnerEventSchema, type LearnerEvent } from '../../src/shared/events';
import {
  applyEvent,
  currentProgress,
  emptyProgress,
  isChecked,
  KEPT_ATTEMPTS_PER_END,
  KEPT_REVEALS_PER_END,
  mergeProgress,
  secondsSpent,
  type LessonProgress,
} from '../../src/shared/progress';
import { firstAttemptScore, questionHistory } from '../../src/shared/quiz';
import { uuidFrom } from '../utils/event-arbitraries';
import { itKeepsTheMergeLaws, PROPERTY_TIMEOUT_MS } from '../utils/merge-laws';

const RUNS = 1000;
vi.setConfig({ testTimeout: PROPERTY_TIMEOUT_MS });
const T0 = 1_700_000_000_000;
const PROTOTYPE_IDS = ['constructor', 'toString', '__proto__', 'hasOwnProperty'] as const;

const event = (fields: Record<string, unknown>): LearnerEvent =>
  learnerEventSchema.parse({
    clientId: 'client-aaaa',
    seq: 1,
    courseId: 'c',
    lessonId: 'l',
    v: EVENT_VERSION,
    ...fields,
  });

const fold = (events: readonly LearnerEvent[]): LessonProgress =>
  events.reduce(applyEvent, emptyProgress('c', 'l'));

/** A pool of many quiz answers and reveals on two questions, far more than the cap, with
 * clashing times (a 40 ms window) so the order's tie-break by id is exercised. */
const quizPoolArbitrary = fc
  .array(
    fc.record({
      dt: fc.integer({ min: 0, max: 40 }),
      question: fc.constantFrom('q1', 'q2'),
      score: fc.constantFrom(0, 0.5, 1),
      reveal: fc.boolean(),
      client: fc.constantFrom('client-aaaa', 'client-bbbb'),
    }),
    { minLength: 1, maxLength: 4 * KEPT_ATTEMPTS_PER_END },
  )
  .map((drafts) =>
    drafts.map(({ dt, question, score, reveal, client }, i) => {
      const at = T0 + dt;
      return event({
        id: uuidFrom(at, i + 1),
        clientId: client,
        seq: i + 1,
        at,
        ...(reveal && i % 3 === 0
          ? { type: 'quiz.revealed', payload: { questionId: question } }
          : {
              type: 'quiz.answered',
              payload: {
                attemptId: uuidFrom(at, 50_000 + i),
                questionId: question,
                chosen: ['a'],
                correct: score === 1,
                score,
              },
            }),
      });
    }),
  );

const quizTriples = quizPoolArbitrary.chain((pool) => {
  const subset = fc.array(fc.constantFrom(...pool), { maxLength: pool.length * 2 }).map(fold);
  return fc.tuple(subset, subset, subset);
});

const countBy = (p: LessonProgress, field: 'attempts' | 'reveals', questionId: string) =>
  Object.values(p[field] ?? {}).filter((x) => x.questionId === questionId).length;

describe('capped attempts and reveals', () => {
  itKeepsTheMergeLaws(quizTriples, RUNS);

  it(`keeps at most ${2 * KEPT_ATTEMPTS_PER_END} attempts and ${2 * KEPT_REVEALS_PER_END} reveals per question, whatever the grouping (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(quizPoolArbitrary, fc.nat(), (pool, cut) => {
        const at = cut % (pool.length + 1);
        const whole = fold(pool);
        const split = mergeProgress(fold(pool.slice(0, at)), fold(pool.slice(at).reverse()));
        expect(split).toEqual(whole);
        for (const q of ['q1', 'q2']) {
          expect(countBy(whole, 'attempts', q)).toBeLessThanOrEqual(2 * KEPT_ATTEMPTS_PER_END);
          expect(countBy(whole, 'reveals', q)).toBeLessThanOrEqual(2 * KEPT_REVEALS_PER_END);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it(`scores the first attempt as if nothing had been dropped (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(quizPoolArbitrary, (pool) => {
        const capped = fold(pool);
        // The uncapped truth, computed straight from the events.
        for (const q of ['q1', 'q2']) {
          const attempts = pool.flatMap((e) =>
            e.type === 'quiz.answered' && e.payload.questionId === q
              ? [{ id: e.payload.attemptId, at: e.at, score: e.payload.score }]
              : [],
          );
          attempts.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
          const reveals = pool
            .filter((e) => e.type === 'quiz.revealed' && e.payload.questionId === q)
            .map((e) => e.at);
          const revealedAt = reveals.length ? Math.min(...reveals) : null;
          const expected =
            attempts.length === 0 || (revealedAt !== null && revealedAt < attempts[0]!.at)
              ? 0
              : attempts[0]!.score;
          expect(firstAttemptScore(questionHistory(capped, q))).toBe(expected);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps the newest attempts too, so a quiz still works after a course reset', () => {
    const answers = Array.from({ length: 200 }, (_, i) =>
      event({
        id: uuidFrom(T0 + i, i + 1),
        at: T0 + i,
        type: 'quiz.answered',
        payload: {
          attemptId: uuidFrom(T0 + i, 10_000 + i),
          questionId: 'q1',
          chosen: ['a'],
          correct: false,
          score: 0,
        },
      }),
    );
    const reset = event({
      id: uuidFrom(T0 + 500, 1),
      at: T0 + 500,
      type: 'lesson.reset',
      payload: {},
    });
    const after = event({
      id: uuidFrom(T0 + 600, 2),
      at: T0 + 600,
      type: 'quiz.answered',
      payload: {
        attemptId: uuidFrom(T0 + 600, 3),
        questionId: 'q1',
        chosen: ['b'],
        correct: true,
        score: 1,
      },
    });
    const p = fold([...answers, reset, after]);
    expect(Object.keys(p.attempts)).toHaveLength(2 * KEPT_ATTEMPTS_PER_END);
    expect(firstAttemptScore(questionHistory(p, 'q1'))).toBe(0);
    expect(firstAttemptScore(questionHistory(currentProgress(p), 'q1'))).toBe(1);
  });
});

describe('ids that name Object.prototype members are ordinary ids', () => {
  it.each(PROTOTYPE_IDS)('question, item and client id %s', (id) => {
    const clientId = `${id}`.padEnd(8, '-');
    const events = [
      event({
        id: uuidFrom(T0, 1),
        at: T0,
        type: 'quiz.answered',
        payload: {
          attemptId: uuidFrom(T0, 2),
          questionId: id,
          chosen: [id],
          correct: false,
          score: 0.5,
        },
      }),
      event({
        id: uuidFrom(T0 + 1, 3),
        at: T0 + 1,
        type: 'quiz.answered',
        payload: {
          attemptId: uuidFrom(T0 + 1, 4),
          questionId: id,
          chosen: [id],
          correct: true,
          score: 1,
        },
      }),
      event({
        id: uuidFrom(T0 + 2, 5),
        at: T0 + 2,
        type: 'quiz.revealed',
        payload: { questionId: id },
      }),
      event({
        id: uuidFrom(T0 + 3, 6),
        at: T0 + 3,
        type: 'checklist.toggled',
        payload: { itemId: id, checked: true },
      }),
      event({
        id: uuidFrom(T0 + 4, 7),
        at: T0 + 4,
        clientId,
        type: 'time.spent',
        payload: { seconds: 30 },
      }),
      event({ id: uuidFrom(T0 + 5, 8), at: T0 + 5, type: 'time.spent', payload: { seconds: 12 } }),
    ];
    // Folded in one go, and as it travels: stored as JSON, read back, merged again.
    const folded = fold(events);
    const travelled = mergeProgress(
      JSON.parse(JSON.stringify(fold(events.slice(0, 3)))) as LessonProgress,
      JSON.parse(JSON.stringify(fold(events.slice(3)))) as LessonProgress,
    );
    for (const p of [folded, travelled, mergeProgress(travelled, travelled)]) {
      const json = JSON.stringify(p);
      const { attempts, best, reveals, checklist, time } = p;
      expect(JSON.stringify({ attempts, best, reveals, checklist, time })).not.toContain('null');
      expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(folded)));
      expect(Object.keys(p.attempts)).toHaveLength(2);
      expect(Object.keys(p.best)).toEqual([id]);
      expect(Object.entries(p.best)).toEqual([[id, 1]]);
      expect(Object.keys(p.reveals ?? {})).toHaveLength(1);
      expect(isChecked(p, id)).toBe(true);
      expect(Object.entries(p.time).sort()).toEqual(
        [
          [clientId, 30],
          ['client-aaaa', 12],
        ].sort(),
      );
      expect(secondsSpent(p)).toBe(42);
      expect(firstAttemptScore(questionHistory(p, id))).toBe(0.5);
    }
  });

  it('never reads an inherited member as an item', () => {
    const p = emptyProgress('c', 'l');
    expect(isChecked(p, 'constructor')).toBe(false);
    expect(isChecked(JSON.parse(JSON.stringify(p)) as LessonProgress, 'toString')).toBe(false);
  });
});
