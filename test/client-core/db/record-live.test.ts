// recordAction writes through Dexie's DBCore rather than the Table API (record.ts): the app's
// live screens must still update after an action. These tests hold that liveQuery observers of
// the outbox and of progress — by key, by index, and counts — see an action once it commits, and
// that an action that fails notifies nothing new.
import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/client-core/db/db';
import { completeLesson, recordPosition } from '../../../src/client-core/db/learner-actions';
import { countPending } from '../../../src/client-core/db/outbox';
import { getCourseProgress, getLessonProgress } from '../../../src/client-core/db/progress';
import { recordAction } from '../../../src/client-core/db/record';
import type { EventDraft } from '../../../src/shared/events';
import { freshDb } from '../../utils/fresh-db';

beforeEach(freshDb);

/** Every value a live query has emitted, newest last. */
function observe<T>(query: () => Promise<T>) {
  const values: T[] = [];
  const subscription = liveQuery(query).subscribe({
    next: (value) => values.push(value),
    error: (error: unknown) => {
      throw error;
    },
  });
  return { values, stop: () => subscription.unsubscribe() };
}

/** Resolves once `check` holds, polling the event loop (live queries re-run asynchronously). */
async function eventually(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('the live query never saw the change');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

describe('live queries after a learner action', () => {
  it('see the events and the progress an action wrote', async () => {
    const pending = observe(() => countPending());
    const lesson = observe(() => getLessonProgress('c1', 'l1'));
    const course = observe(() => getCourseProgress('c1'));
    const other = observe(() => getCourseProgress('c2'));
    stops.push(pending.stop, lesson.stop, course.stop, other.stop);
    await eventually(
      () => pending.values.length > 0 && lesson.values.length > 0 && course.values.length > 0,
    );
    expect(pending.values.at(-1)).toBe(0);
    expect(lesson.values.at(-1)).toBeUndefined();

    await completeLesson('c1', 'l1');
    await eventually(() => pending.values.at(-1) === 2);
    await eventually(() => (lesson.values.at(-1)?.completedAt ?? null) !== null);
    await eventually(() => course.values.at(-1)?.get('l1')?.completedAt != null);

    // A second action on the same lesson (a put over the stored progress) is seen too.
    await recordPosition('c1', 'l2', 0.5);
    await eventually(() => pending.values.at(-1) === 3);
    await eventually(() => course.values.at(-1)?.get('l2')?.furthest === 0.5);
    expect(other.values.at(-1)).toEqual(new Map());
  });

  it('see nothing new from an action that failed', async () => {
    await completeLesson('c1', 'l1');
    const pending = observe(() => countPending());
    stops.push(pending.stop);
    await eventually(() => pending.values.at(-1) === 2);
    const invalid: EventDraft = {
      type: 'lesson.progressed',
      courseId: 'c1',
      lessonId: 'l1',
      payload: { position: 2 },
    };
    await expect(recordAction('c1', 'l1', () => [invalid])).rejects.toThrow();
    await recordPosition('c1', 'l3', 0.25);
    await eventually(() => pending.values.at(-1) === 3);
    expect(pending.values).not.toContain(4);
    expect(await db.outbox.count()).toBe(3);
  });
});
