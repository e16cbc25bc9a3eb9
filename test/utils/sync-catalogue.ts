// Catalogues for the sync tests. The server refuses events for courses, lessons, questions,
// options and items it does not have (src/server/sync/lesson-index.ts); tests about other things
// (merging, cursors, faults, accounts) push made-up ids and pass `acceptAnyLesson` instead, while
// test/server/sync-fair-use.test.ts holds the real index to the rule.
import type { Lesson } from '../../src/shared/course';
import {
  catalogueIndex,
  type IndexedCourse,
  type SyncCatalogue,
} from '../../src/server/sync/lesson-index';

/** A catalogue that has every course and lesson: for tests that are not about the catalogue. */
export const acceptAnyLesson: SyncCatalogue = { refusal: () => null };

/** A lesson's outline for `outlineCatalogue`: questions with their option ids, checklist items,
 * or `reflection: true`; none of them is a reading lesson. */
export interface LessonOutline {
  questions?: Record<string, string[]>;
  items?: string[];
  reflection?: boolean;
}

const lessonOf = (id: string, { questions, items, reflection }: LessonOutline): Lesson => {
  const base = { id, title: id, minutes: 1, html: '', sources: [], checked: '2026-01-01' };
  if (questions) {
    return {
      ...base,
      kind: 'quiz',
      questions: Object.entries(questions).map(([questionId, options]) => ({
        id: questionId,
        html: '',
        multiple: false,
        options: options.map((option) => ({
          id: option,
          html: '',
          correct: false,
          explanationHtml: '',
        })),
      })),
    };
  }
  if (items) {
    return { ...base, kind: 'checklist', items: items.map((item) => ({ id: item, html: '' })) };
  }
  if (reflection) return { ...base, kind: 'reflection' };
  return { ...base, kind: 'reading' };
};

/** The real index over courses described as course id → lesson id → outline. Entries are given
 * as pairs so ids such as `__proto__` stay ordinary keys. */
export function outlineCatalogue(
  courses: readonly [string, readonly [string, LessonOutline][]][],
): SyncCatalogue {
  const indexed: IndexedCourse[] = courses.map(([id, lessons]) => ({
    bundle: { id, lessons: lessons.map(([lessonId, outline]) => lessonOf(lessonId, outline)) },
  }));
  return catalogueIndex(indexed);
}
