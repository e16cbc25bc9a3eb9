// A course's summary as every screen shows it: completed lessons and a rounded percentage.
import { describe, expect, it } from 'vitest';
import { summarise } from '../../../src/client-core/db/progress';
import type { LessonProgress } from '../../../src/shared/progress';

const outline = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `l${i + 1}` }));
const doneFirst = (count: number) =>
  new Map(
    Array.from(
      { length: count },
      (_, i) => [`l${i + 1}`, { completedAt: 1_700_000_000_000 } as LessonProgress] as const,
    ),
  );

describe('summarise', () => {
  it('2 of 7 lessons is 29 %, rounded (not 28 %, cut off)', () => {
    expect(summarise(outline(7), doneFirst(2))).toMatchObject({
      completed: 2,
      total: 7,
      percent: 29,
      finished: false,
      nextLessonId: 'l3',
    });
  });

  it('one lesson left of many is 99 %, never 100 %; all done is 100 %', () => {
    expect(summarise(outline(200), doneFirst(199)).percent).toBe(99);
    expect(summarise(outline(7), doneFirst(7))).toMatchObject({ percent: 100, finished: true });
  });

  it('one lesson done of many is at least 1 %', () => {
    expect(summarise(outline(300), doneFirst(1)).percent).toBe(1);
    expect(summarise(outline(300), new Map()).percent).toBe(0);
  });
});
