// Issue 16 through the real sync: a phone and a laptop of one learner, the real server between
// them. A lesson done offline late on Sunday (Oslo time) and synced on Monday is credited to
// Sunday's week on both devices, and a review answered on one device gives both the same next due
// date once each has synced.
import { describe, expect, it } from 'vitest';
import type { LommekursDB } from '../../../src/client-core/db/db';
import { recordAction } from '../../../src/client-core/db/record';
import { readSyncState, storeSession } from '../../../src/client-core/db/sync-state';
import { syncOnce } from '../../../src/client-core/sync/engine';
import type { EventDraft } from '../../../src/shared/events';
import { reviewQueue } from '../../../src/shared/review-schedule';
import { lessonsPerWeek, weeklyProgress } from '../../../src/shared/weekly-goal';
import { createSyncHarness } from '../../utils/sync-harness';

/** Sunday 29 November 2026, 23:50 in Oslo (UTC+1). */
const SUNDAY_2350 = Date.parse('2026-11-29T22:50:00Z');
/** Monday 30 November, 08:00 in Oslo: the phone is back online. */
const MONDAY_0800 = Date.parse('2026-11-30T07:00:00Z');
const DAY = 86_400_000;

const at = (ms: number) => ({ now: () => ms });

/** Records drafts on a device as one action, at a time of the test's choosing. */
const record = (database: LommekursDB, time: number, drafts: EventDraft[]) =>
  recordAction('kurs', 'quiz', () => drafts, { database, ...at(time) });

const quizDrafts = (correct: boolean): EventDraft[] => [
  {
    type: 'quiz.answered',
    courseId: 'kurs',
    lessonId: 'quiz',
    payload: {
      attemptId: '01936f5e-0000-7000-8000-000000000001',
      questionId: 'q1',
      chosen: [correct ? 'a' : 'b'],
      correct,
      score: correct ? 1 : 0,
    },
  },
  { type: 'lesson.completed', courseId: 'kurs', lessonId: 'quiz', payload: {} },
];

const queueOn = async (database: LommekursDB) =>
  reviewQueue(
    (await database.progress.toArray()).map((progress) => ({
      courseId: 'kurs',
      lessonId: progress.lessonId,
      questionIds: ['q1'],
      progress,
    })),
  );

describe('learning that sticks, across two devices', () => {
  it('credits a lesson done offline on Sunday 23:50 and synced on Monday to Sunday’s week on both devices', async () => {
    let serverNow = MONDAY_0800;
    const harness = await createSyncHarness({ now: () => serverNow });
    try {
      const phone = await harness.newClientDb();
      await harness.signedInLearner(phone);
      const laptop = await harness.newClientDb();
      await storeSession(laptop, (await readSyncState(phone)).session!);

      // Offline on the ferry on Sunday night: nothing is sent.
      await record(phone, SUNDAY_2350, quizDrafts(true));
      // Monday morning the phone syncs, then the laptop.
      await syncOnce({ database: phone, api: harness.api() });
      await syncOnce({ database: laptop, api: harness.api() });

      for (const device of [phone, laptop]) {
        const progress = await device.progress.toArray();
        expect(progress.map((p) => p.completedAt)).toEqual([SUNDAY_2350]);
        // The record reached the server on Monday, and still counts for the week of 23 November.
        expect(lessonsPerWeek(progress)).toEqual(new Map([['2026-11-23', 1]]));
        expect(weeklyProgress(progress, 1, SUNDAY_2350)).toMatchObject({
          week: '2026-11-23',
          done: 1,
          streak: 1,
        });
        expect(weeklyProgress(progress, 1, MONDAY_0800)).toMatchObject({
          week: '2026-11-30',
          done: 0,
          streak: 1,
        });
      }

      // A day later, the phone answers the question in review, offline; then both devices sync.
      const [due] = await queueOn(phone);
      expect(due).toMatchObject({ due: SUNDAY_2350 + DAY, reviews: 0 });
      serverNow = MONDAY_0800 + DAY;
      await record(phone, MONDAY_0800 + DAY, [
        {
          type: 'review.answered',
          courseId: 'kurs',
          lessonId: 'quiz',
          payload: { questionId: 'q1', chosen: ['a'], correct: true },
        },
      ]);
      await syncOnce({ database: phone, api: harness.api() });
      await syncOnce({ database: laptop, api: harness.api() });
      const [onPhone] = await queueOn(phone);
      const [onLaptop] = await queueOn(laptop);
      expect(onPhone).toMatchObject({ reviews: 1 });
      expect(onPhone!.due).toBeGreaterThan(MONDAY_0800 + 2 * DAY);
      expect(onLaptop).toEqual(onPhone);
    } finally {
      await harness.close();
    }
  });
});
