// Resetting a course on the device: one `lesson.reset` per lesson, written in ONE transaction
// (all lessons or none), and read back through `currentProgress` everywhere.
import { beforeEach, describe, expect, it } from 'vitest';
import { resetCourseProgress } from '../../../src/client-core/db/course-reset';
import { db } from '../../../src/client-core/db/db';
import { completeLesson, openLesson } from '../../../src/client-core/db/learner-actions';
import { getCourseProgress, getLessonProgress } from '../../../src/client-core/db/progress';
import { recordLessonsAction } from '../../../src/client-core/db/record';
import { freshDb } from '../../utils/fresh-db';

beforeEach(freshDb);

describe('course reset on the device', () => {
  it('resets the outline lessons and any other lesson with progress, keeping the rows', async () => {
    await completeLesson('c', 'old-lesson');
    await completeLesson('c', 'l1');
    await completeLesson('other', 'l1');
    const events = await resetCourseProgress('c', ['l1', 'l2']);
    expect(events.map((e) => [e.type, e.lessonId]).sort()).toEqual([
      ['lesson.reset', 'l1'],
      ['lesson.reset', 'l2'],
      ['lesson.reset', 'old-lesson'],
    ]);
    const progress = await getCourseProgress('c');
    for (const id of ['l1', 'l2', 'old-lesson']) expect(progress.get(id)?.completedAt).toBeNull();
    // Hidden, not deleted: the stored row still holds the completion.
    expect((await db.progress.get(['c', 'l1']))?.completedAt).not.toBeNull();
    expect((await getLessonProgress('other', 'l1'))?.completedAt).not.toBeNull();
  });

  it('an action right after the reset is stamped after it, even in the same millisecond', async () => {
    const now = () => 5_000;
    await recordLessonsAction(
      [
        {
          courseId: 'c',
          lessonId: 'l1',
          plan: () => [{ type: 'lesson.reset', courseId: 'c', lessonId: 'l1', payload: {} }],
        },
      ],
      { now },
    );
    const [opened] = await openLesson('c', 'l1');
    expect(opened!.at).toBeGreaterThan(5_000);
    expect((await getLessonProgress('c', 'l1'))?.openedAt).toBe(opened!.at);
  });

  it('is all or nothing: a failing lesson leaves every lesson and the outbox as they were', async () => {
    await completeLesson('c', 'l1');
    const before = await db.outbox.count();
    await expect(
      recordLessonsAction([
        {
          courseId: 'c',
          lessonId: 'l1',
          plan: () => [{ type: 'lesson.reset', courseId: 'c', lessonId: 'l1', payload: {} }],
        },
        {
          courseId: 'c',
          lessonId: 'l2',
          plan: () => {
            throw new Error('boom');
          },
        },
      ]),
    ).rejects.toThrow('boom');
    expect(await db.outbox.count()).toBe(before);
    expect((await getLessonProgress('c', 'l1'))?.completedAt).not.toBeNull();
  });
});
