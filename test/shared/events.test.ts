import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, EVENT_VERSION, learnerEventSchema } from '../../src/shared/events';
import { UUID_V7, uuidv7 } from '../../src/shared/uuid';

const wished = (payload: Record<string, unknown>) => ({ type: 'course.wished', payload });

const valid = {
  id: uuidv7(),
  clientId: 'client-aaaa',
  seq: 1,
  type: 'checklist.toggled',
  courseId: 'c',
  lessonId: 'l',
  at: 1,
  payload: { itemId: 'i', checked: true },
  v: EVENT_VERSION,
};

describe('learner events', () => {
  it('lists every type once', () => {
    expect(EVENT_TYPES).toEqual([
      'lesson.opened',
      'lesson.progressed',
      'lesson.completed',
      'quiz.answered',
      'quiz.revealed',
      'checklist.toggled',
      'reflection.saved',
      'reflection.shared',
      'lesson.rated',
      'lesson.commented',
      'course.wished',
      'review.answered',
      'time.spent',
      'lesson.change-seen',
      'lesson.reset',
    ]);
  });

  it('accepts a well-formed event', () => {
    expect(learnerEventSchema.parse(valid)).toEqual(valid);
  });

  it.each([
    ['an unknown type', { type: 'lesson.deleted' }],
    ['a payload of another type', { payload: { text: 'x' } }],
    ['an extra payload field', { payload: { itemId: 'i', checked: true, extra: 1 } }],
    ['a future schema version', { v: EVENT_VERSION + 1 }],
    ['an id that is not a UUIDv7', { id: crypto.randomUUID() }],
    ['a negative timestamp', { at: -1 }],
    ['a share switch that is not a boolean', { type: 'reflection.shared', payload: { shared: 1 } }],
    ['a share switch without its value', { type: 'reflection.shared', payload: {} }],
    ['an unknown rating', { type: 'lesson.rated', payload: { answer: 'maybe' } }],
    ['a rating without its answer', { type: 'lesson.rated', payload: {} }],
    [
      'a comment of 281 characters',
      { type: 'lesson.commented', payload: { text: 'x'.repeat(281), forAuthors: false } },
    ],
    ['a comment without its authors box', { type: 'lesson.commented', payload: { text: 'Hei' } }],
    [
      'a comment with an authors box that is not a boolean',
      { type: 'lesson.commented', payload: { text: 'Hei', forAuthors: 'ja' } },
    ],
    ['four topics', wished({ topics: ['a', 'b', 'c', 'd'], text: '', forAuthors: false })],
    ['a topic twice', wished({ topics: ['a', 'a'], text: '', forAuthors: false })],
    ['an empty topic id', wished({ topics: [''], text: '', forAuthors: false })],
    [
      'a topic id of 81 characters',
      wished({ topics: ['x'.repeat(81)], text: '', forAuthors: false }),
    ],
    [
      'a topic id with a control character',
      wished({ topics: ['a\u0000'], text: '', forAuthors: false }),
    ],
    [
      'a wish text of 281 characters',
      wished({ topics: [], text: 'x'.repeat(281), forAuthors: false }),
    ],
    ['wishes without their authors box', wished({ topics: [], text: '' })],
    ['wishes without topics', wished({ text: '', forAuthors: false })],
  ])('rejects %s', (_name, change) => {
    expect(learnerEventSchema.safeParse({ ...valid, ...change }).success).toBe(false);
  });

  it('accepts a share switch turned on or off', () => {
    for (const shared of [true, false]) {
      const event = { ...valid, type: 'reflection.shared', payload: { shared } };
      expect(learnerEventSchema.parse(event)).toEqual(event);
    }
  });

  it('accepts each rating, and a comment of 0 to 280 characters for the authors or not', () => {
    for (const answer of ['yes', 'some', 'no', 'skipped']) {
      const event = { ...valid, type: 'lesson.rated', payload: { answer } };
      expect(learnerEventSchema.parse(event)).toEqual(event);
    }
    for (const text of ['', 'Mangler eksempler', 'x'.repeat(280)]) {
      for (const forAuthors of [true, false]) {
        const event = { ...valid, type: 'lesson.commented', payload: { text, forAuthors } };
        expect(learnerEventSchema.parse(event)).toEqual(event);
      }
    }
  });

  it('accepts wishes of 0 to 3 distinct topics, any safe id, with a text of 0 to 280 characters', () => {
    for (const topics of [[], ['e-faktura-ehf'], ['a', 'b', 'c'], ['et-emne-fra-en-nyere-app']]) {
      for (const text of ['', 'Mer om lønn', 'x'.repeat(280)]) {
        for (const forAuthors of [true, false]) {
          const event = { ...valid, type: 'course.wished', payload: { topics, text, forAuthors } };
          expect(learnerEventSchema.parse(event)).toEqual(event);
        }
      }
    }
  });

  it('makes time-ordered, valid UUIDv7 ids', () => {
    const a = uuidv7(1000);
    const b = uuidv7(2000);
    expect(a).toMatch(UUID_V7);
    expect(a < b).toBe(true);
  });
});
