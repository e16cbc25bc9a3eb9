// What a learner did in a finished course, for its summary: lessons completed, the quizzes' score
// at the first try (src/shared/quiz.ts: later attempts are practice), the minutes spent, and the
// checklist items not ticked, lesson by lesson in course order; and the lesson whose completion
// finished it, which carries the answer to "Hva vil du lære mer om?" (issue 15).
import type { ChecklistItem } from '../../shared/course';
import { isChecked, secondsSpent, type LessonProgress } from '../../shared/progress';
import { quizResult } from '../../shared/quiz';
import type { LessonOutline, StoredLesson } from '../../client-core/db/db';

export interface CourseRecap {
  completed: number;
  /** Questions right at the first try, of all the course's quiz questions; null without a quiz. */
  quiz: { right: number; total: number } | null;
  /** Minutes spent in the course's lessons, on every device, rounded (at least 1 once any). */
  minutes: number;
  /** Checklist items not ticked, per checklist lesson that has some. */
  unticked: { lessonId: string; title: string; items: ChecklistItem[] }[];
  /** The lesson completed last (the later in the course on a tie); null when none is. */
  finishedBy: string | null;
}

/** The summary of a course from its outline, its stored lessons and the learner's progress. */
export function courseRecap(
  outline: readonly LessonOutline[],
  lessons: readonly StoredLesson[],
  progress: ReadonlyMap<string, LessonProgress>,
): CourseRecap {
  const bodies = new Map(lessons.map((lesson) => [lesson.id, lesson]));
  let completed = 0;
  let seconds = 0;
  const quiz = { right: 0, total: 0 };
  const unticked: CourseRecap['unticked'] = [];
  let finishedBy: string | null = null;
  let finishedAt = -Infinity;
  for (const { id } of outline) {
    const lesson = bodies.get(id);
    const p = progress.get(id);
    if (p?.completedAt != null) {
      completed += 1;
      if (p.completedAt >= finishedAt) [finishedBy, finishedAt] = [id, p.completedAt];
    }
    if (p) seconds += secondsSpent(p);
    if (lesson?.kind === 'quiz') {
      const result = p
        ? quizResult(
            p,
            lesson.questions.map((q) => q.id),
          )
        : { firstTryRight: 0, total: lesson.questions.length };
      quiz.right += result.firstTryRight;
      quiz.total += result.total;
    }
    if (lesson?.kind === 'checklist') {
      const items = lesson.items.filter((item) => !p || !isChecked(p, item.id));
      if (items.length > 0) unticked.push({ lessonId: id, title: lesson.title, items });
    }
  }
  const minutes = seconds === 0 ? 0 : Math.max(1, Math.round(seconds / 60));
  return { completed, quiz: quiz.total > 0 ? quiz : null, minutes, unticked, finishedBy };
}
