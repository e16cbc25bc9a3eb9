import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  clampTimestamp,
  emptyProgress,
  isCourseWished,
  isRated,
  isReflectionShared,
  isWished,
  isUntouched,
  mergeProgress,
  progressOfEvent,
  secondsSpent,
} from '../../src/shared/progress';
import { EVENT_VERSION, learnerEventSchema, type LearnerEvent } from '../../src/shared/events';
import { lessonProgressSchema } from '../../src/shared/api-schemas';
import { uuidv7 } from '../../src/shared/uuid';
import {
  eventPoolArbitrary,
  foldEvents,
  progressTripleArbitrary,
} from '../utils/event-arbitraries';
import { itKeepsTheMergeLaws, PROPERTY_TIMEOUT_MS } from '../utils/merge-laws';

/** Cases per merge law, in CI and locally (the issue asks for at least 1,000). */
const RUNS = 1000;
vi.setConfig({ testTimeout: PROPERTY_TIMEOUT_MS });

describe('progress merge is a join-semilattice', () => {
  itKeepsTheMergeLaws(progressTripleArbitrary, RUNS);

  it(`folding ignores order, duplicates and grouping of events (${RUNS} cases)`, () => {
    const scenario = eventPoolArbitrary().chain((pool) =>
      fc.record({
        pool: fc.constant(pool),
        delivered: fc.shuffledSubarray([...pool, ...pool], { minLength: pool.length * 2 }),
        cut: fc.nat({ max: pool.length }),
      }),
    );
    fc.assert(
      fc.property(scenario, ({ pool, delivered, cut }) => {
        const reference = foldEvents(pool);
        expect(foldEvents(delivered)).toEqual(reference);
        const a = foldEvents(pool.slice(0, cut));
        const b = foldEvents(pool.slice(cut));
        expect(mergeProgress(a, b)).toEqual(reference);
      }),
      { numRuns: RUNS },
    );
  });

  it(`the share switch is the latest "Del med rådgiveren" event, by (at, client id, event id) (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(eventPoolArbitrary(), (pool) => {
        const latest = pool
          .filter((e) => e.type === 'reflection.shared')
          .sort(
            (x, y) =>
              x.at - y.at ||
              (x.clientId < y.clientId ? -1 : x.clientId > y.clientId ? 1 : 0) ||
              (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
          )
          .at(-1);
        const p = foldEvents(pool);
        expect(isReflectionShared(p)).toBe(latest?.payload.shared ?? false);
        expect(p.reflectionShared?.eventId ?? null).toBe(latest?.id ?? null);
      }),
      { numRuns: RUNS },
    );
  });

  it(`the rating, the comment and the wishes are each the latest of their events, by (at, client id, event id) (${RUNS} cases)`, () => {
    const order = (x: LearnerEvent, y: LearnerEvent) =>
      x.at - y.at ||
      (x.clientId < y.clientId ? -1 : x.clientId > y.clientId ? 1 : 0) ||
      (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
    fc.assert(
      fc.property(eventPoolArbitrary(), (pool) => {
        const p = foldEvents(pool);
        const rated = pool
          .filter((e) => e.type === 'lesson.rated')
          .sort(order)
          .at(-1);
        expect(p.rating?.value ?? null).toBe(rated?.payload.answer ?? null);
        expect(p.rating?.eventId ?? null).toBe(rated?.id ?? null);
        expect(isRated(p)).toBe(rated !== undefined);
        const commented = pool
          .filter((e) => e.type === 'lesson.commented')
          .sort(order)
          .at(-1);
        expect(p.comment?.value ?? null).toEqual(commented?.payload ?? null);
        expect(p.comment?.eventId ?? null).toBe(commented?.id ?? null);
        const wished = pool
          .filter((e) => e.type === 'course.wished')
          .sort(order)
          .at(-1);
        expect(p.wishes?.value ?? null).toEqual(wished?.payload ?? null);
        expect(p.wishes?.eventId ?? null).toBe(wished?.id ?? null);
        expect(isWished(p)).toBe(wished !== undefined);
      }),
      { numRuns: RUNS },
    );
  });
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
    const p = foldEvents([
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
    expect(secondsSpent(foldEvents([phone, laptop, phoneLater, phone]))).toBe(190);
  });

  it('keeps every attempt, and the best score per question for old readers', () => {
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
    const p = foldEvents([answer(0.5), answer(1), answer(0)]);
    expect(Object.keys(p.attempts)).toHaveLength(3);
    expect(p.best).toEqual({ q1: 1 });
  });

  it('breaks last-writer-wins ties by client id, so both sides agree', () => {
    const a = event({ type: 'reflection.saved', payload: { text: 'A' }, clientId: 'client-aaaa' });
    const b = event({ type: 'reflection.saved', payload: { text: 'B' }, clientId: 'client-bbbb' });
    expect(foldEvents([a, b]).reflection?.value).toBe('B');
    expect(foldEvents([b, a]).reflection?.value).toBe('B');
  });

  it('shares a reflection only once the learner turns it on, and the latest switch wins', () => {
    expect(isReflectionShared(emptyProgress('c', 'l'))).toBe(false);
    const text = event({ type: 'reflection.saved', payload: { text: 'Mine tanker' } });
    expect(isReflectionShared(foldEvents([text]))).toBe(false);
    const on = event({ type: 'reflection.shared', payload: { shared: true }, at: 2000 });
    const off = event({ type: 'reflection.shared', payload: { shared: false }, at: 3000 });
    expect(isReflectionShared(foldEvents([text, on]))).toBe(true);
    expect(isReflectionShared(foldEvents([text, on, off]))).toBe(false);
    expect(isReflectionShared(foldEvents([off, on, text]))).toBe(false);
  });

  it('breaks share-switch ties like the text: by client id, so both sides agree', () => {
    const a = event({
      type: 'reflection.shared',
      payload: { shared: true },
      clientId: 'client-aaaa',
    });
    const b = event({
      type: 'reflection.shared',
      payload: { shared: false },
      clientId: 'client-bbbb',
    });
    expect(isReflectionShared(foldEvents([a, b]))).toBe(false);
    expect(isReflectionShared(foldEvents([b, a]))).toBe(false);
  });

  it('a share event contributes only the switch', () => {
    const p = progressOfEvent(
      event({ type: 'reflection.shared', payload: { shared: true }, at: 4000 }),
    );
    expect(p.reflectionShared).toMatchObject({ value: true, at: 4000, clientId: 'client-aaaa' });
    expect({ ...p, reflectionShared: null, updatedAt: 0 }).toEqual(emptyProgress('c', 'l'));
  });

  it('reads a row stored before sharing existed (no reflectionShared) as not shared', () => {
    const { reflectionShared: _old, ...stored } = foldEvents([
      event({ type: 'reflection.saved', payload: { text: 'Gammel rad' } }),
    ]);
    expect(isReflectionShared(stored)).toBe(false);
    const on = foldEvents([event({ type: 'reflection.shared', payload: { shared: true } })]);
    expect(mergeProgress(stored, on).reflectionShared).toEqual(on.reflectionShared);
    expect(mergeProgress(on, stored).reflectionShared).toEqual(on.reflectionShared);
    expect(mergeProgress(stored, stored).reflectionShared).toBeNull();
  });

  it('keeps the latest rating and the latest comment ("Var dette nyttig for deg?")', () => {
    expect(isRated(emptyProgress('c', 'l'))).toBe(false);
    const yes = event({ type: 'lesson.rated', payload: { answer: 'yes' }, at: 2000 });
    const no = event({ type: 'lesson.rated', payload: { answer: 'no' }, at: 3000 });
    expect(foldEvents([yes, no]).rating?.value).toBe('no');
    expect(foldEvents([no, yes]).rating?.value).toBe('no');
    const skipped = event({ type: 'lesson.rated', payload: { answer: 'skipped' }, at: 4000 });
    expect(isRated(foldEvents([skipped]))).toBe(true);
    const first = event({
      type: 'lesson.commented',
      payload: { text: 'Mangler eksempler', forAuthors: true },
      at: 2000,
    });
    const second = event({
      type: 'lesson.commented',
      payload: { text: 'For kort', forAuthors: false },
      at: 3000,
    });
    expect(foldEvents([second, first]).comment?.value).toEqual({
      text: 'For kort',
      forAuthors: false,
    });
    // Neither makes the lesson started.
    expect(isUntouched(foldEvents([yes, first]))).toBe(true);
  });

  it('keeps the latest answer to "Hva vil du lære mer om?", ties broken by client id', () => {
    const wish = (topics: string[], at: number, clientId = 'client-aaaa') =>
      event({
        type: 'course.wished',
        payload: { topics, text: '', forAuthors: false },
        at,
        clientId,
      });
    const first = wish(['e-faktura-ehf', 'personvern-gdpr'], 2000);
    const skip = wish([], 3000);
    expect(foldEvents([first, skip]).wishes?.value.topics).toEqual([]);
    expect(foldEvents([skip, first]).wishes?.value.topics).toEqual([]);
    // A skip is an answer: the course is not asked about again.
    expect(isWished(foldEvents([skip]))).toBe(true);
    const a = wish(['a'], 4000, 'client-aaaa');
    const b = wish(['b'], 4000, 'client-bbbb');
    expect(foldEvents([a, b]).wishes?.value.topics).toEqual(['b']);
    expect(foldEvents([b, a]).wishes?.value.topics).toEqual(['b']);
    // Not progress: the lesson stays untouched.
    expect(isUntouched(foldEvents([first]))).toBe(true);
    // Any lesson of the course may carry it.
    const course = [emptyProgress('c', 'l1'), foldEvents([first]), emptyProgress('c', 'l3')];
    expect(isCourseWished(course)).toBe(true);
    expect(isCourseWished([course[0]!, course[2]!])).toBe(false);
    expect(isCourseWished([])).toBe(false);
  });

  it('breaks rating and comment ties like the text: by client id, so both sides agree', () => {
    const a = event({ type: 'lesson.rated', payload: { answer: 'yes' }, clientId: 'client-aaaa' });
    const b = event({ type: 'lesson.rated', payload: { answer: 'no' }, clientId: 'client-bbbb' });
    expect(foldEvents([a, b]).rating?.value).toBe('no');
    expect(foldEvents([b, a]).rating?.value).toBe('no');
    const ca = event({
      type: 'lesson.commented',
      payload: { text: 'A', forAuthors: true },
      clientId: 'client-aaaa',
    });
    const cb = event({
      type: 'lesson.commented',
      payload: { text: 'B', forAuthors: false },
      clientId: 'client-bbbb',
    });
    expect(foldEvents([ca, cb]).comment?.value.text).toBe('B');
    expect(foldEvents([cb, ca]).comment?.value.text).toBe('B');
  });

  it('reads a row stored before ratings and wishes existed (none of them) as not rated nor wished', () => {
    const {
      rating: _r,
      comment: _c,
      wishes: _w,
      ...stored
    } = foldEvents([event({ type: 'lesson.completed', payload: {} })]);
    expect(isRated(stored)).toBe(false);
    expect(isWished(stored)).toBe(false);
    const rated = foldEvents([
      event({ type: 'lesson.rated', payload: { answer: 'some' } }),
      event({ type: 'lesson.commented', payload: { text: 'Hei', forAuthors: false } }),
      event({
        type: 'course.wished',
        payload: { topics: ['ki-i-hverdagen'], text: 'Mer', forAuthors: true },
      }),
    ]);
    for (const merged of [mergeProgress(stored, rated), mergeProgress(rated, stored)]) {
      expect(merged.rating).toEqual(rated.rating);
      expect(merged.comment).toEqual(rated.comment);
      expect(merged.wishes).toEqual(rated.wishes);
    }
    expect(mergeProgress(stored, stored).rating).toBeNull();
    expect(mergeProgress(stored, stored).comment).toBeNull();
    expect(mergeProgress(stored, stored).wishes).toBeNull();
    expect(lessonProgressSchema.safeParse(stored).success).toBe(true);
    expect(lessonProgressSchema.safeParse(rated).success).toBe(true);
  });

  it('an event contributes only what it says', () => {
    const p = progressOfEvent(event({ type: 'lesson.opened', payload: {} }));
    expect({ ...p, openedAt: null, lastOpenedAt: null, updatedAt: 0 }).toEqual(
      emptyProgress('c', 'l'),
    );
  });

  it('keeps the newest lesson change seen, whatever the order', () => {
    const seen = (changed: string) => event({ type: 'lesson.change-seen', payload: { changed } });
    expect(foldEvents([seen('2026-12-02'), seen('2026-06-30')]).changeSeen).toBe('2026-12-02');
    expect(foldEvents([seen('2026-06-30'), seen('2026-12-02')]).changeSeen).toBe('2026-12-02');
  });

  it('reads a row stored before lessons had changes (no changeSeen) as one with none', () => {
    const { changeSeen: _old, ...stored } = foldEvents([
      event({ type: 'lesson.opened', payload: {} }),
    ]);
    const seen = foldEvents([
      event({ type: 'lesson.change-seen', payload: { changed: '2026-12-02' } }),
    ]);
    expect(mergeProgress(stored, seen).changeSeen).toBe('2026-12-02');
    expect(mergeProgress(seen, stored).changeSeen).toBe('2026-12-02');
    expect(mergeProgress(stored, stored).changeSeen).toBeNull();
  });

  it('clamps device clocks to server time plus five minutes', () => {
    expect(clampTimestamp(10_000_000, 0)).toBe(300_000);
    expect(clampTimestamp(1000, 5000)).toBe(1000);
  });
});
