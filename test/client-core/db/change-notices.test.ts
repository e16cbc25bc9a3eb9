// The "lesson updated since you took it" rule: a completed lesson whose newest change is dated on
// or after the day it was completed (Oslo time) has a notice until the change is seen; opening the
// lesson records it as seen, once, in the same transaction as the opening.
import { beforeEach, describe, expect, it } from 'vitest';
import { changedLessons, unseenChange } from '../../../src/client-core/db/change-notices';
import { openLesson } from '../../../src/client-core/db/learner-actions';
import { getLessonProgress } from '../../../src/client-core/db/progress';
import { db } from '../../../src/client-core/db/db';
import { newestChange, type LessonChange } from '../../../src/shared/course';
import { emptyProgress, type LessonProgress } from '../../../src/shared/progress';
import { freshDb } from '../../utils/fresh-db';

const CHANGE: LessonChange = { date: '2026-12-02', summary: 'E-faktura er vedtatt.' };
const oslo = (iso: string) => Date.parse(iso);

const progress = (over: Partial<LessonProgress>): LessonProgress => ({
  ...emptyProgress('c', 'l'),
  ...over,
});

describe('unseenChange', () => {
  it('tells a learner who completed the lesson before the change', () => {
    const p = progress({ completedAt: oslo('2026-11-27T10:00:00+01:00') });
    expect(unseenChange(CHANGE, p)).toEqual(CHANGE);
  });

  it('tells nobody who completed it after the change', () => {
    const p = progress({ completedAt: oslo('2026-12-03T08:00:00+01:00') });
    expect(unseenChange(CHANGE, p)).toBeUndefined();
  });

  it('tells nobody who never completed it, opened or not', () => {
    expect(unseenChange(CHANGE, undefined)).toBeUndefined();
    expect(unseenChange(CHANGE, progress({ openedAt: oslo('2026-11-01T10:00:00+01:00') }))).toBe(
      undefined,
    );
  });

  it('counts a completion on the day of the change, by the day in Oslo', () => {
    // 23:30 UTC on 1 December is 00:30 on 2 December in Oslo: the change's own day.
    expect(unseenChange(CHANGE, progress({ completedAt: oslo('2026-12-01T23:30:00Z') }))).toEqual(
      CHANGE,
    );
    // 23:30 UTC on 2 December is already 3 December in Oslo.
    expect(
      unseenChange(CHANGE, progress({ completedAt: oslo('2026-12-02T23:30:00Z') })),
    ).toBeUndefined();
  });

  it('stops once the change (or a newer one) is seen, and starts again for a newer change', () => {
    const done = { completedAt: oslo('2026-06-01T10:00:00+02:00') };
    expect(unseenChange(CHANGE, progress({ ...done, changeSeen: '2026-12-02' }))).toBeUndefined();
    expect(unseenChange(CHANGE, progress({ ...done, changeSeen: '2027-01-01' }))).toBeUndefined();
    expect(unseenChange(CHANGE, progress({ ...done, changeSeen: '2026-07-01' }))).toEqual(CHANGE);
  });

  it('a lesson without changes has no notice', () => {
    const p = progress({ completedAt: oslo('2026-01-01T10:00:00+01:00') });
    expect(unseenChange(undefined, p)).toBeUndefined();
  });

  it('with several changes, tells the newest', () => {
    const changes = [
      { date: '2026-12-02', summary: 'Newest.' },
      { date: '2026-06-01', summary: 'Older.' },
      { date: '2026-01-10', summary: 'Oldest.' },
    ];
    const p = progress({ completedAt: oslo('2026-03-01T10:00:00+01:00') });
    expect(unseenChange(newestChange({ changes }), p)?.summary).toBe('Newest.');
    // Listed in another order (the checker forbids it; the app does not rely on it).
    const shuffled = [changes[2]!, changes[0]!, changes[1]!];
    expect(unseenChange(newestChange({ changes: shuffled }), p)?.summary).toBe('Newest.');
  });

  it('changedLessons lists a course’s changed lessons in course order', () => {
    const outline = [
      { id: 'a', title: 'A', kind: 'reading' as const, minutes: 3, change: CHANGE },
      { id: 'b', title: 'B', kind: 'quiz' as const, minutes: 3 },
      { id: 'c', title: 'C', kind: 'reading' as const, minutes: 3, change: CHANGE },
    ];
    const done = (id: string) => ({
      ...emptyProgress('c', id),
      completedAt: oslo('2026-11-01T10:00:00+01:00'),
    });
    const map = new Map([
      ['c', done('c')],
      ['a', done('a')],
      ['b', done('b')],
    ]);
    expect(changedLessons(outline, map).map((entry) => entry.lesson.id)).toEqual(['a', 'c']);
  });
});

describe('opening a changed lesson', () => {
  beforeEach(() => freshDb());

  it('records the change as seen once, together with the opening', async () => {
    const first = await openLesson('c', 'l', undefined, '2026-12-02');
    expect(first.map((event) => event.type)).toEqual(['lesson.opened', 'lesson.change-seen']);
    expect((await getLessonProgress('c', 'l'))?.changeSeen).toBe('2026-12-02');
    expect(await openLesson('c', 'l', undefined, '2026-12-02')).toEqual([]);
    const newer = await openLesson('c', 'l', undefined, '2027-01-05');
    expect(newer.map((event) => event.type)).toEqual(['lesson.change-seen']);
    expect(await db.outbox.count()).toBe(3);
  });

  it('records nothing about changes for a lesson that has none', async () => {
    const events = await openLesson('c', 'l');
    expect(events.map((event) => event.type)).toEqual(['lesson.opened']);
  });
});
