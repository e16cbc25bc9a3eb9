// The insight page's course health and topic rows as plain data (issue 15): a share only from
// counts that are shown, the lowest "Ja" and the biggest drop-off three at a time with ties in
// the course's order, the authors' texts grouped by lesson, and topic labels in the interface
// language.
import { describe, expect, it } from 'vitest';
import { biggestDropOff, lowestYes, textsByLesson } from '../../src/app/insight/course-health';
import { lessonRows, topicRows } from '../../src/app/insight/insight-view';
import type { GroupCount, LessonInsight } from '../../src/shared/insight-protocol';

const lesson = (
  lessonId: string,
  [started, completed]: [GroupCount, GroupCount],
  [yes, some, no]: [GroupCount, GroupCount, GroupCount],
): LessonInsight => ({
  lessonId,
  started,
  completed,
  answers: { yes, some, no },
  medianMinutes: null,
  anonymous: null,
});

const rows = lessonRows(
  [
    lesson('a', [20, 20], [10, 5, 5]), // 50 % Ja, no drop-off
    lesson('b', [20, 10], [5, 5, null]), // "Nei" held back: no share
    lesson('c', [null, 8], [5, 5, 10]), // 25 % Ja; started held back: no drop-off
    lesson('d', [10, 5], [5, 5, 5]), // 33 %, 50 % dropped
    lesson('e', [10, null], [0, 0, 0]), // no answers; completed held back
    lesson('f', [40, 20], [20, 10, 10]), // 50 % (a tie with a), 50 % dropped (a tie with d)
    lesson('g', [8, 6], [null, null, null]), // 25 % dropped
  ],
  new Map([['a', 'Innboksen']]),
  (number) => `Leksjon ${number}`,
);

describe('course health', () => {
  it('ranks the lowest share of "Ja" only where Ja, Litt and Nei are all shown', () => {
    expect(lowestYes(rows).map(({ row, yes, answers }) => [row.label, yes, answers])).toEqual([
      ['Leksjon 3', 5, 20],
      ['Leksjon 4', 5, 15],
      ['Innboksen', 10, 20],
    ]);
    expect(lowestYes(rows, 10).map(({ row }) => row.lesson.lessonId)).toEqual(['c', 'd', 'a', 'f']);
  });

  it('ranks the biggest drop-off only where started and completed are shown and someone stopped', () => {
    expect(biggestDropOff(rows).map(({ row, share }) => [row.lesson.lessonId, share])).toEqual([
      ['b', 0.5],
      ['d', 0.5],
      ['f', 0.5],
    ]);
    expect(biggestDropOff(rows, 10).map(({ row }) => row.lesson.lessonId)).toEqual([
      'b',
      'd',
      'f',
      'g',
    ]);
  });

  it("groups the authors' texts by lesson, labelled as the page labels the lessons", () => {
    expect(
      textsByLesson(
        [
          { lessonId: 'a', kind: 'lesson', text: 'Bra' },
          { lessonId: 'a', kind: 'lesson', text: 'Kort' },
          { lessonId: 'g', kind: 'course', text: 'Mer om KI' },
          { lessonId: 'gone', kind: 'lesson', text: 'Eldre' },
        ],
        rows,
      ),
    ).toEqual([
      {
        lessonId: 'a',
        label: 'Innboksen',
        texts: [
          { kind: 'lesson', text: 'Bra' },
          { kind: 'lesson', text: 'Kort' },
        ],
      },
      { lessonId: 'g', label: 'Leksjon 7', texts: [{ kind: 'course', text: 'Mer om KI' }] },
      { lessonId: 'gone', label: 'gone', texts: [{ kind: 'lesson', text: 'Eldre' }] },
    ]);
  });
});

describe('topic rows', () => {
  it('label each topic in the interface language, and keep an unknown id as its label', () => {
    const labels = [{ id: 'ki', nb: 'Kunstig intelligens', nn: 'Kunstig intelligens', en: 'AI' }];
    const topics = [
      { topicId: 'ki', learners: 7 },
      { topicId: 'fjernet', learners: null },
    ];
    expect(topicRows(topics, labels, 'en')).toEqual([
      { topicId: 'ki', label: 'AI', learners: 7 },
      { topicId: 'fjernet', label: 'fjernet', learners: null },
    ]);
  });
});
