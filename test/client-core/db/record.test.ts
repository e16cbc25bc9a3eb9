import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/client-core/db/db';
import { getClientId } from '../../../src/client-core/db/client-id';
import { recordAction } from '../../../src/client-core/db/record';
import {
  addTimeSpent,
  answerQuestion,
  answerReview,
  completeChecklist,
  completeLesson,
  openLesson,
  saveReflection,
  submitReflection,
  toggleChecklistItem,
  wishCourse,
} from '../../../src/client-core/db/learner-actions';
import { getCourseProgress, getLessonProgress } from '../../../src/client-core/db/progress';
import { isCourseWished } from '../../../src/shared/progress';
import { scoreAnswer } from '../../../src/shared/quiz';
import { reviewQueue } from '../../../src/shared/review-schedule';
import { learnerEventSchema } from '../../../src/shared/events';
import type { QuizLesson } from '../../../src/shared/course';
import { freshDb } from '../../utils/fresh-db';

const quiz: QuizLesson = {
  id: 'quiz-1',
  title: 'Quiz',
  kind: 'quiz',
  minutes: 3,
  html: '<p>Intro</p>',
  sources: [{ title: 'Kilde', url: 'https://example.org/kilde' }],
  checked: '2026-11-27',
  questions: [
    {
      id: 'q1',
      html: '<p>One?</p>',
      multiple: false,
      options: [
        { id: 'a', html: 'A', correct: true, explanationHtml: 'Yes' },
        { id: 'b', html: 'B', correct: false, explanationHtml: 'No' },
      ],
    },
    {
      id: 'q2',
      html: '<p>Two?</p>',
      multiple: true,
      options: [
        { id: 'a', html: 'A', correct: true, explanationHtml: 'Yes' },
        { id: 'b', html: 'B', correct: true, explanationHtml: 'Yes' },
        { id: 'c', html: 'C', correct: false, explanationHtml: 'No' },
      ],
    },
  ],
};

beforeEach(freshDb);

describe('recordAction', () => {
  it('writes the event to the outbox and the progress change together', async () => {
    const [event] = await openLesson('c1', 'l1');
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(learnerEventSchema.parse(outbox[0])).toEqual(event);
    expect(outbox[0]!.seq).toBe(event!.seq);
    expect(event!.clientId).toBe(await getClientId());
    const progress = await getLessonProgress('c1', 'l1');
    expect(progress?.openedAt).toBe(event!.at);
  });

  it('leaves neither an outbox event nor a progress change when the action fails half-way', async () => {
    await openLesson('c1', 'l1');
    const before = { outbox: await db.outbox.toArray(), progress: await db.progress.toArray() };
    // The first event is valid and is added; the second is invalid, so the action throws after
    // the outbox already holds the first one inside the transaction.
    const failing = recordAction('c1', 'l1', () => [
      {
        type: 'checklist.toggled',
        courseId: 'c1',
        lessonId: 'l1',
        payload: { itemId: 'x', checked: true },
      },
      {
        type: 'reflection.saved',
        courseId: 'c1',
        lessonId: 'l1',
        payload: { text: 42 as unknown as string },
      },
    ]);
    await expect(failing).rejects.toThrow();
    expect(await db.outbox.toArray()).toEqual(before.outbox);
    expect(await db.progress.toArray()).toEqual(before.progress);
  });

  it('rolls back the outbox when the progress write fails', async () => {
    const fail = () => {
      throw new Error('disk said no');
    };
    db.progress.hook('creating', fail);
    try {
      await expect(completeLesson('c1', 'l1')).rejects.toThrow('disk said no');
    } finally {
      db.progress.hook('creating').unsubscribe(fail);
    }
    expect(await db.outbox.count()).toBe(0);
    expect(await db.progress.count()).toBe(0);
  });

  it('assigns increasing seq numbers and unique ids', async () => {
    await openLesson('c1', 'l1');
    await completeLesson('c1', 'l1');
    const rows = await db.outbox.orderBy('seq').toArray();
    expect(rows.map((r) => r.type)).toEqual([
      'lesson.opened',
      'lesson.progressed',
      'lesson.completed',
    ]);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(new Set(rows.map((r) => r.id)).size).toBe(3);
  });
});

describe('learner actions', () => {
  it('records every quiz attempt and completes when every question is answered', async () => {
    await answerQuestion('c1', quiz, 'q1', ['b']);
    await answerQuestion('c1', quiz, 'q1', ['a']);
    let p = await getLessonProgress('c1', 'quiz-1');
    expect(Object.values(p!.attempts).map((a) => a.correct)).toEqual([false, true]);
    expect(p!.best).toEqual({ q1: 1 });
    expect(p!.completedAt).toBeNull();
    await answerQuestion('c1', quiz, 'q2', ['a', 'b']);
    p = await getLessonProgress('c1', 'quiz-1');
    expect(p!.completedAt).not.toBeNull();
    expect(p!.furthest).toBe(1);
    expect(await db.outbox.filter((e) => e.type === 'lesson.completed').count()).toBe(1);
  });

  it('records a review answer as one event beside the progress it changes, and reschedules', async () => {
    await answerQuestion('c1', quiz, 'q1', ['a']);
    await answerQuestion('c1', quiz, 'q2', ['a', 'b']);
    const lesson = async () => ({
      courseId: 'c1',
      lessonId: quiz.id,
      questionIds: ['q1', 'q2'],
      progress: (await getLessonProgress('c1', quiz.id))!,
    });
    const [first] = reviewQueue([await lesson()]);
    const before = await db.outbox.count();
    await answerReview('c1', quiz, 'q1', ['a']);
    await answerReview('c1', quiz, 'q2', ['a']);
    const reviews = await db.outbox.filter((e) => e.type === 'review.answered').toArray();
    expect(await db.outbox.count()).toBe(before + 2);
    expect(reviews.map((e) => learnerEventSchema.parse(e).payload)).toEqual([
      { questionId: 'q1', chosen: ['a'], correct: true },
      { questionId: 'q2', chosen: ['a'], correct: false },
    ]);
    const after = reviewQueue([await lesson()]);
    expect(after.map((i) => [i.questionId, i.reviews])).toEqual([
      ['q2', 1],
      ['q1', 1],
    ]);
    expect(after[1]!.due).toBeGreaterThan(first!.due);
  });

  it('scores a multiple-answer question by share, never below zero', () => {
    const q2 = quiz.questions[1]!;
    expect(scoreAnswer(q2, ['a', 'b'])).toEqual({ correct: true, score: 1 });
    expect(scoreAnswer(q2, ['a'])).toEqual({ correct: false, score: 0.5 });
    expect(scoreAnswer(q2, ['a', 'c'])).toEqual({ correct: false, score: 0 });
    expect(scoreAnswer(q2, ['c'])).toEqual({ correct: false, score: 0 });
  });

  it('persists checklist items one by one and records only changes', async () => {
    await toggleChecklistItem('c1', 'l3', 'backup', true);
    await toggleChecklistItem('c1', 'l3', 'backup', true);
    await toggleChecklistItem('c1', 'l3', 'mfa', true);
    await toggleChecklistItem('c1', 'l3', 'backup', false);
    const p = await getLessonProgress('c1', 'l3');
    expect(p!.checklist['backup']!.value).toBe(false);
    expect(p!.checklist['mfa']!.value).toBe(true);
    expect(await db.outbox.count()).toBe(3);
  });

  it('autosaves a reflection as a draft that never completes, and keeps the last text', async () => {
    await saveReflection('c1', 'l4', '');
    expect(await getLessonProgress('c1', 'l4')).toBeUndefined();
    // Both saves in one millisecond (as CI once had them): the later text must still win.
    const now = vi.spyOn(Date, 'now').mockReturnValue(1_700_000_000_000);
    for (const text of ['V', 'Vi', 'Vi b', 'Vi bø']) await saveReflection('c1', 'l4', text);
    await saveReflection('c1', 'l4', 'Vi bør ta backup av regnskapet hver uke.');
    now.mockRestore();
    const p = await getLessonProgress('c1', 'l4');
    expect(p!.reflection!.value).toBe('Vi bør ta backup av regnskapet hver uke.');
    expect(p!.completedAt).toBeNull();
    expect(await db.outbox.filter((e) => e.type === 'lesson.completed').count()).toBe(0);
  });

  it('completes a reflection on "Lagre" only with at least a sentence (20 characters)', async () => {
    // Too short: saved, not completed (19 characters; the spaces at the ends do not count).
    expect(
      (await submitReflection('c1', 'l4', ' Vi bør ta backup nå ')).map((e) => e.type),
    ).toEqual(['reflection.saved']);
    expect((await getLessonProgress('c1', 'l4'))!.completedAt).toBeNull();
    // 20 characters: saved and completed, once.
    const events = await submitReflection('c1', 'l4', 'Vi bør ta backup nå.');
    expect(events.map((e) => e.type)).toEqual(['reflection.saved', 'lesson.completed']);
    // The same text again records nothing; completed stays completed.
    expect(await submitReflection('c1', 'l4', 'Vi bør ta backup nå.')).toEqual([]);
    await saveReflection('c1', 'l4', '');
    const p = await getLessonProgress('c1', 'l4');
    expect(p!.reflection!.value).toBe('');
    expect(p!.completedAt).not.toBeNull();
    expect(await db.outbox.filter((e) => e.type === 'lesson.completed').count()).toBe(1);
  });

  it('completes a checklist only with every item ticked, or when the rest does not apply', async () => {
    const lesson = { id: 'l3', items: [{ id: 'backup' }, { id: 'mfa' }] };
    await toggleChecklistItem('c1', 'l3', 'backup', true);
    expect(await completeChecklist('c1', lesson, { restDoesNotApply: false })).toEqual([]);
    expect((await getLessonProgress('c1', 'l3'))!.completedAt).toBeNull();

    await toggleChecklistItem('c1', 'l3', 'mfa', true);
    const all = await completeChecklist('c1', lesson, { restDoesNotApply: false });
    expect(all.map((e) => e.type)).toEqual(['lesson.progressed', 'lesson.completed']);

    const other = { id: 'l5', items: [{ id: 'a' }, { id: 'b' }] };
    const rest = await completeChecklist('c1', other, { restDoesNotApply: true });
    expect(rest.map((e) => e.type)).toEqual(['lesson.progressed', 'lesson.completed']);
    const p = await getLessonProgress('c1', 'l5');
    expect(p!.completedAt).not.toBeNull();
    expect(p!.checklist).toEqual({});
  });

  it('keeps time spent as a running total per client', async () => {
    await addTimeSpent('c1', 'l1', 30);
    await addTimeSpent('c1', 'l1', 12.4);
    const events = await db.outbox.filter((e) => e.type === 'time.spent').toArray();
    expect(events.map((e) => (e.type === 'time.spent' ? e.payload.seconds : -1))).toEqual([30, 42]);
    const p = await getLessonProgress('c1', 'l1');
    expect(p!.time).toEqual({ [await getClientId()]: 42 });
  });

  it('records the answer to "Hva vil du lære mer om?" on the finishing lesson, only when it changes', async () => {
    expect(isCourseWished((await getCourseProgress('c1')).values())).toBe(false);
    const wishes = {
      topics: ['e-faktura-ehf', 'ki-i-hverdagen'],
      text: 'Mer om lønn',
      forAuthors: true,
    };
    await wishCourse('c1', 'l4', wishes);
    await wishCourse('c1', 'l4', { ...wishes, topics: [...wishes.topics] });
    const wished = await db.outbox.filter((e) => e.type === 'course.wished').toArray();
    expect(wished.map((e) => [e.courseId, e.lessonId, e.payload])).toEqual([['c1', 'l4', wishes]]);
    const p = await getLessonProgress('c1', 'l4');
    expect(p!.wishes?.value).toEqual(wishes);
    // Feedback, not progress: the lesson is neither opened nor completed by it.
    expect(p!.openedAt).toBeNull();
    expect(p!.completedAt).toBeNull();
    expect(isCourseWished((await getCourseProgress('c1')).values())).toBe(true);
    expect(isCourseWished((await getCourseProgress('c2')).values())).toBe(false);
    // A changed answer (here a skip) is recorded, and is the latest.
    await wishCourse('c1', 'l4', { topics: [], text: '', forAuthors: false });
    expect(await db.outbox.filter((e) => e.type === 'course.wished').count()).toBe(2);
    expect((await getLessonProgress('c1', 'l4'))!.wishes?.value).toEqual({
      topics: [],
      text: '',
      forAuthors: false,
    });
  });
});
