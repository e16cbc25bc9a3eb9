import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  clampTimestamp,
  emptyProgress,
  mergeProgress,
  progressOfEvent,
  quizScore,
  secondsSpent,
  type LessonProgress,
} from '../../src/shared/progress';
import { EVENT_VERSION, learnerEventSchema, type LearnerEvent } from '../../src/shared/events';
import { uuidv7 } from '../../src/shared/uuid';

// A small deterministic PRNG so the property tests are repeatable.
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const clients = ['client-aaaa', 'client-bbbb', 'client-cccc'];

function randomEvent(rand: () => number, seq: number): LearnerEvent {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const at = 1_700_000_000_000 + Math.floor(rand() * 1000);
  const base = {
    id: uuidv7(at),
    clientId: pick(clients),
    seq,
    courseId: 'c',
    lessonId: 'l',
    at,
    v: EVENT_VERSION,
  };
  const kinds = [
    () => ({ type: 'lesson.opened', payload: {} }),
    () => ({ type: 'lesson.progressed', payload: { position: Math.round(rand() * 100) / 100 } }),
    () => ({ type: 'lesson.completed', payload: {} }),
    () => ({
      type: 'quiz.answered',
      payload: {
        attemptId: uuidv7(at),
        questionId: pick(['q1', 'q2']),
        chosen: ['a'],
        correct: rand() > 0.5,
        score: pick([0, 0.5, 1]),
      },
    }),
    () => ({
      type: 'checklist.toggled',
      payload: { itemId: pick(['i1', 'i2']), checked: rand() > 0.5 },
    }),
    () => ({ type: 'reflection.saved', payload: { text: `text ${Math.floor(rand() * 5)}` } }),
    () => ({ type: 'time.spent', payload: { seconds: Math.floor(rand() * 300) } }),
  ];
  return learnerEventSchema.parse({ ...base, ...pick(kinds)() });
}

const fold = (events: LearnerEvent[]): LessonProgress =>
  events.reduce(applyEvent, emptyProgress('c', 'l'));

function shuffle<T>(xs: T[], rand: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('progress merge is a join-semilattice', () => {
  for (let seed = 1; seed <= 40; seed++) {
    it(`order, duplicates and grouping do not matter (seed ${seed})`, () => {
      const rand = prng(seed);
      const events = Array.from({ length: 30 }, (_, i) => randomEvent(rand, i + 1));
      const reference = fold(events);
      const withDuplicates = shuffle([...events, ...events.slice(0, 10)], rand);
      expect(fold(withDuplicates)).toEqual(reference);
      const cut = Math.floor(rand() * events.length);
      const a = fold(events.slice(0, cut));
      const b = fold(events.slice(cut));
      expect(mergeProgress(a, b)).toEqual(reference);
      expect(mergeProgress(b, a)).toEqual(reference);
      expect(mergeProgress(reference, reference)).toEqual(reference);
      const c = fold(shuffle(events, rand).slice(0, 7));
      expect(mergeProgress(mergeProgress(a, b), c)).toEqual(mergeProgress(a, mergeProgress(b, c)));
    });
  }
});

describe('merge rules', () => {
  const event = (over: Partial<LearnerEvent> & Pick<LearnerEvent, 'type' | 'payload'>) =>
    learnerEventSchema.parse({
      id: uuidv7(over.at ?? 1000),
      clientId: 'client-aaaa',
      seq: 1,
      courseId: 'c',
      lessonId: 'l',
      at: 1000,
      v: EVENT_VERSION,
      ...over,
    });

  it('keeps the earliest completion and the furthest position', () => {
    const p = fold([
      event({ type: 'lesson.completed', payload: {}, at: 5000 }),
      event({ type: 'lesson.completed', payload: {}, at: 3000 }),
      event({ type: 'lesson.progressed', payload: { position: 0.8 }, at: 1000 }),
      event({ type: 'lesson.progressed', payload: { position: 0.3 }, at: 2000 }),
    ]);
    expect(p.completedAt).toBe(3000);
    expect(p.furthest).toBe(0.8);
    expect(p.resume?.value).toBe(0.3);
  });

  it('counts time as a G-counter: concurrent devices add up, repeats do not', () => {
    const phone = event({ type: 'time.spent', payload: { seconds: 60 }, clientId: 'phone-0001' });
    const laptop = event({ type: 'time.spent', payload: { seconds: 90 }, clientId: 'laptop-001' });
    const phoneLater = event({
      type: 'time.spent',
      payload: { seconds: 100 },
      clientId: 'phone-0001',
    });
    expect(secondsSpent(fold([phone, laptop, phoneLater, phone]))).toBe(190);
  });

  it('keeps the best score per question and every attempt', () => {
    const answer = (score: number) =>
      event({
        type: 'quiz.answered',
        payload: {
          attemptId: uuidv7(),
          questionId: 'q1',
          chosen: ['a'],
          correct: score === 1,
          score,
        },
      });
    const p = fold([answer(0.5), answer(1), answer(0)]);
    expect(Object.keys(p.attempts)).toHaveLength(3);
    expect(quizScore(p, ['q1', 'q2'])).toBe(0.5);
  });

  it('breaks last-writer-wins ties by client id, so both sides agree', () => {
    const a = event({ type: 'reflection.saved', payload: { text: 'A' }, clientId: 'client-aaaa' });
    const b = event({ type: 'reflection.saved', payload: { text: 'B' }, clientId: 'client-bbbb' });
    expect(fold([a, b]).reflection?.value).toBe('B');
    expect(fold([b, a]).reflection?.value).toBe('B');
  });

  it('an event contributes only what it says', () => {
    const p = progressOfEvent(event({ type: 'lesson.opened', payload: {} }));
    expect({ ...p, openedAt: null, updatedAt: 0 }).toEqual(emptyProgress('c', 'l'));
  });

  it('clamps device clocks to server time plus five minutes', () => {
    expect(clampTimestamp(10_000_000, 0)).toBe(300_000);
    expect(clampTimestamp(1000, 5000)).toBe(1000);
  });
});
