// The push's plain event check (src/server/sync/event-fast-path.ts) may only say "valid" where the
// zod schema says so too, with the same data: checked on one event of every type, on each of its
// fields replaced by values at and past the schema's bounds, and on arbitrary JSON-like events.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, learnerEventSchema, type LearnerEvent } from '../../src/shared/events';
import { certainEvent } from '../../src/server/sync/event-fast-path';

const ID = '01a238cb-5b6c-7eb3-8000-000000000003';
const envelope = {
  id: ID,
  seq: 4,
  clientId: 'client-12345678',
  courseId: 'kurs',
  lessonId: 'leksjon',
  v: 1,
  at: 1_796_245_641_037,
};

/** One valid event of each type. */
const VALID: Record<string, unknown>[] = [
  { ...envelope, type: 'lesson.opened', payload: {} },
  { ...envelope, type: 'lesson.progressed', payload: { position: 0.75 } },
  { ...envelope, type: 'lesson.completed', payload: {} },
  {
    ...envelope,
    type: 'quiz.answered',
    payload: { attemptId: ID, questionId: 'q1', chosen: ['a', 'b'], correct: false, score: 0.5 },
  },
  { ...envelope, type: 'quiz.revealed', payload: { questionId: 'q1' } },
  {
    ...envelope,
    type: 'review.answered',
    payload: { questionId: 'q1', chosen: ['a'], correct: true },
  },
  { ...envelope, type: 'checklist.toggled', payload: { itemId: 'i1', checked: true } },
  { ...envelope, type: 'reflection.saved', payload: { text: 'Tanker' } },
  { ...envelope, type: 'reflection.shared', payload: { shared: true } },
  { ...envelope, type: 'lesson.rated', payload: { answer: 'some' } },
  {
    ...envelope,
    type: 'lesson.commented',
    payload: { text: 'Mangler eksempler', forAuthors: true },
  },
  {
    ...envelope,
    type: 'course.wished',
    payload: { topics: ['e-faktura-ehf', 'ki-i-hverdagen'], text: 'Mer om lønn', forAuthors: true },
  },
  { ...envelope, type: 'time.spent', payload: { seconds: 120 } },
  { ...envelope, type: 'lesson.change-seen', payload: { changed: '2026-12-01' } },
  { ...envelope, type: 'lesson.reset', payload: {} },
];

/** Values at and past the bounds of every field of the schema, and of the wrong type. */
const s = (n: number, c = 'x') => c.repeat(n);
const ODD: unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  -1,
  1,
  2,
  0.5,
  1.5,
  -0,
  1e-7,
  2 ** 53,
  2 ** 53 - 1,
  -(2 ** 53),
  10_000_000,
  10_000_001,
  Number.NaN,
  Infinity,
  '',
  'a',
  s(7),
  s(8),
  s(64),
  s(65),
  s(80),
  s(81),
  s(280),
  s(281),
  '\ud83d\ude00'.repeat(140),
  '\ud83d\ude00'.repeat(141),
  'yes',
  'some',
  'no',
  'skipped',
  'maybe',
  'Yes',
  s(20_000),
  s(20_001),
  'a\u0000b',
  'a\u007fb',
  'a\u009fb',
  'a\ud800b',
  'a\udc00',
  '\ud83d\ude00',
  ID,
  ID.toUpperCase(),
  ID.replace('-7', '-4'),
  '2026-12-01',
  '2026-1-01',
  '2026-12-01T00:00:00Z',
  [],
  ['a'],
  [''],
  Array.from({ length: 20 }, () => 'a'),
  Array.from({ length: 21 }, () => 'a'),
  ['a', 'b', 'c'],
  ['a', 'b', 'c', 'd'],
  ['a', 'a'],
  [s(80)],
  [s(81)],
  ['a\ud800'],
  ['a\u0000'],
  {},
  { extra: 1 },
  'lesson.opened',
  'lesson.unknown',
];

/** The fast check agrees with zod: if it accepts, zod accepts with equal data. */
function agrees(item: unknown): void {
  const fast = certainEvent(item);
  if (fast === null) return;
  const parsed = learnerEventSchema.safeParse(item);
  expect(parsed.success, JSON.stringify(item)).toBe(true);
  expect(fast).toEqual(parsed.data);
}

describe('the plain event check', () => {
  it('accepts a valid event of every type, as zod parses it', () => {
    expect(new Set(VALID.map((event) => event.type))).toEqual(new Set(EVENT_TYPES));
    for (const event of VALID) {
      const parsed = learnerEventSchema.parse(event);
      expect(certainEvent(event), String(event.type)).toEqual(parsed satisfies LearnerEvent);
    }
  });

  it('never accepts what zod refuses, for each field set to a value at or past a bound', () => {
    let cases = 0;
    for (const event of VALID) {
      const payload = event.payload as Record<string, unknown>;
      for (const value of ODD) {
        for (const key of [...Object.keys(event), 'extra']) {
          agrees({ ...event, [key]: value });
          cases++;
        }
        for (const key of [...Object.keys(payload), 'extra']) {
          agrees({ ...event, payload: { ...payload, [key]: value } });
          cases++;
        }
        agrees({ ...event, payload: value });
      }
      for (const key of Object.keys(event)) {
        const without = { ...event };
        delete without[key];
        agrees(without);
      }
      for (const key of Object.keys(payload)) {
        const without = { ...payload };
        delete without[key];
        agrees({ ...event, payload: without });
      }
    }
    expect(cases).toBeGreaterThan(5_000);
  });

  it('never accepts what zod refuses, for arbitrary events', () => {
    const value = fc.constantFrom(...ODD);
    fc.assert(
      fc.property(
        fc.constantFrom(...VALID),
        fc.dictionary(fc.constantFrom(...Object.keys(envelope), 'type', 'payload', 'x'), value),
        fc.dictionary(fc.string({ maxLength: 12 }), value, { maxKeys: 5 }),
        (event, fields, payload) => {
          agrees({ ...event, ...fields });
          agrees({ ...event, payload: { ...(event.payload as object), ...payload } });
          agrees({ ...event, payload });
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('leaves an object that is not a plain one to zod', () => {
    const event = Object.assign(Object.create({ inherited: 1 }) as object, VALID[0]);
    expect(certainEvent(event)).toBeNull();
    expect(certainEvent([VALID[0]])).toBeNull();
    expect(certainEvent('lesson.opened')).toBeNull();
  });
});
