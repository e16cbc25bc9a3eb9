// Issue 11, item 8: the pending count counts learner actions, not events (the rule is in
// src/app/db/pending-actions.ts). Opening a lesson, time spent and the reading position count
// nothing; one checklist item is one action however often it was toggled; a completion that comes
// with work in the same lesson is part of it; a course reset is one action.
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/client-core/db/db';
import { summarizePending } from '../../../src/client-core/db/outbox';
import { countLearnerActions } from '../../../src/client-core/db/pending-actions';
import {
  addTimeSpent,
  completeLesson,
  openLesson,
  recordPosition,
  toggleChecklistItem,
} from '../../../src/client-core/db/learner-actions';
import type { LearnerEvent } from '../../../src/shared/events';
import { makeEvent } from '../../utils/learners';
import { freshDb } from '../../utils/fresh-db';

const ev = (
  type: LearnerEvent['type'],
  payload: Record<string, unknown>,
  fields: { lessonId?: string; courseId?: string } = {},
) => makeEvent(type, payload as never, fields) as LearnerEvent;

describe('countLearnerActions', () => {
  it('counts no bookkeeping: opening, position, time spent, a change seen', () => {
    expect(
      countLearnerActions([
        ev('lesson.opened', {}),
        ev('lesson.progressed', { position: 0.5 }),
        ev('time.spent', { seconds: 40 }),
        ev('lesson.change-seen', { changed: '2026-12-02' }),
      ]),
    ).toBe(0);
  });

  it('one checklist item is one action, however often it was toggled', () => {
    const toggles = [
      ev('checklist.toggled', { itemId: 'a', checked: true }),
      ev('checklist.toggled', { itemId: 'a', checked: false }),
      ev('checklist.toggled', { itemId: 'a', checked: true }),
      ev('checklist.toggled', { itemId: 'b', checked: true }),
    ];
    expect(countLearnerActions(toggles)).toBe(2);
    // The same item id in another lesson is another item.
    expect(
      countLearnerActions([
        ...toggles,
        ev('checklist.toggled', { itemId: 'a', checked: true }, { lessonId: 'other' }),
      ]),
    ).toBe(3);
  });

  it("a rating and a comment are one action each, however often changed, and not the lesson's work", () => {
    expect(
      countLearnerActions([
        ev('lesson.completed', {}),
        ev('lesson.rated', { answer: 'yes' }),
        ev('lesson.rated', { answer: 'no' }),
        ev('lesson.commented', { text: 'Mangler eksempler', forAuthors: false }),
      ]),
    ).toBe(3);
  });

  it("a course's wishes are one action per course, however often changed, and not the lesson's work", () => {
    const wish = (topics: string[], lessonId?: string) =>
      ev('course.wished', { topics, text: '', forAuthors: false }, { lessonId });
    expect(
      countLearnerActions([
        ev('lesson.completed', {}),
        wish(['e-faktura-ehf']),
        wish([]),
        // Carried by another lesson of the same course (finished again after a reset): still one.
        wish(['personvern-gdpr'], 'en-annen-leksjon'),
      ]),
    ).toBe(2);
  });

  it('a completion alone is one action; with work in the same lesson it is part of that work', () => {
    expect(countLearnerActions([ev('lesson.opened', {}), ev('lesson.completed', {})])).toBe(1);
    expect(
      countLearnerActions([
        ev('checklist.toggled', { itemId: 'a', checked: true }),
        ev('checklist.toggled', { itemId: 'b', checked: true }),
        ev('lesson.completed', {}),
      ]),
    ).toBe(2);
    expect(
      countLearnerActions([
        ev('reflection.saved', { text: 'Første utkast' }),
        ev('reflection.saved', { text: 'Første utkast, rettet' }),
        ev('lesson.completed', {}),
        ev('lesson.completed', {}, { lessonId: 'reading' }),
      ]),
    ).toBe(2);
  });

  it('each quiz answer is one action; a course reset is one action for all its lessons', () => {
    const answer = (questionId: string) =>
      ev('quiz.answered', {
        attemptId: '0193a000-0000-7000-8000-000000000001',
        questionId,
        chosen: ['x'],
        correct: false,
        score: 0,
      });
    expect(countLearnerActions([answer('q1'), answer('q1'), answer('q2')])).toBe(3);
    expect(
      countLearnerActions([
        ev('lesson.reset', {}, { lessonId: 'l1' }),
        ev('lesson.reset', {}, { lessonId: 'l2' }),
        ev('lesson.reset', {}, { lessonId: 'l3' }),
      ]),
    ).toBe(1);
  });
});

describe("the issue's cases, through the real learner actions", () => {
  it('opening a lesson waits as 0 actions; one checklist ticked and completed as its items', async () => {
    await freshDb();
    const database = db;
    await openLesson('kurs', 'lese', database);
    await recordPosition('kurs', 'lese', 0.4, database);
    await addTimeSpent('kurs', 'lese', 30, database);
    expect(await summarizePending(database)).toMatchObject({ actions: 0 });
    await openLesson('kurs', 'sjekk', database);
    for (const item of ['a', 'b', 'c']) {
      await toggleChecklistItem('kurs', 'sjekk', item, true, database);
    }
    await completeLesson('kurs', 'sjekk', database);
    const summary = await summarizePending(database);
    expect(summary.actions).toBe(3);
    expect(summary.events).toBeGreaterThan(summary.actions);
  });
});
