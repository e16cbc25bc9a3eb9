// "Kurshelse" for the course authors (issue 15), as plain data: from a course's aggregates the
// lessons with the lowest share of "Ja" and those with the biggest drop-off — each share only from
// counts the page shows, so a held-back count ("færre enn 5") makes no share — and the texts
// learners let the authors read, grouped by lesson.
import type { AuthorTexts } from '../../shared/insight-protocol';
import type { LessonRow } from './insight-view';

/** How many lessons each list names. */
export const HEALTH_TOP = 3;

/** A lesson's "Ja" among its answers. */
export interface YesShare {
  row: LessonRow;
  yes: number;
  answers: number;
  /** yes / answers, 0 to 1. */
  share: number;
}

/** The lessons with the lowest share of "Ja" of yes + some + no, where all three are shown;
 * a tie keeps the course's order. */
export const lowestYes = (rows: readonly LessonRow[], top = HEALTH_TOP): YesShare[] =>
  rows
    .flatMap((row) => {
      const { yes, some, no } = row.lesson.answers;
      if (yes === null || some === null || no === null) return [];
      const answers = yes + some + no;
      return answers > 0 ? [{ row, yes, answers, share: yes / answers }] : [];
    })
    .sort((a, b) => a.share - b.share)
    .slice(0, top);

/** The learners of a lesson who started it and did not complete it. */
export interface DropOff {
  row: LessonRow;
  started: number;
  completed: number;
  /** (started − completed) / started, above 0 and at most 1. */
  share: number;
}

/** The lessons with the biggest drop-off, where both counts are shown and some learners
 * stopped; a tie keeps the course's order. */
export const biggestDropOff = (rows: readonly LessonRow[], top = HEALTH_TOP): DropOff[] =>
  rows
    .flatMap((row) => {
      const { started, completed } = row.lesson;
      if (started === null || completed === null || completed >= started) return [];
      return [{ row, started, completed, share: (started - completed) / started }];
    })
    .sort((a, b) => b.share - a.share)
    .slice(0, top);

/** One lesson's texts for the authors. */
export interface LessonTexts {
  lessonId: string;
  label: string;
  texts: Omit<AuthorTexts['texts'][number], 'lessonId'>[];
}

/** The texts grouped by lesson in the reply's order (the course's), each lesson labelled as the
 * page labels it (a lesson the reply of aggregates does not list keeps its id). */
export function textsByLesson(
  texts: AuthorTexts['texts'],
  rows: readonly LessonRow[],
): LessonTexts[] {
  const labels = new Map(rows.map(({ label, lesson }) => [lesson.lessonId, label]));
  const groups = new Map<string, LessonTexts>();
  for (const { lessonId, kind, text } of texts) {
    const group = groups.get(lessonId) ?? {
      lessonId,
      label: labels.get(lessonId) ?? lessonId,
      texts: [],
    };
    group.texts.push({ kind, text });
    groups.set(lessonId, group);
  }
  return [...groups.values()];
}
