// What every lesson player gets from the lesson screen.
import type { Lesson } from '../../shared/course';
import type { LessonProgress } from '../../shared/progress';
import type { LessonOutline } from '../../client-core/db/db';

/** Where the learner can go once the lesson is completed. */
export interface Completion {
  courseId: string;
  /** The lesson to suggest next, if any. */
  next?: LessonOutline;
  /** Every lesson of the course is completed. */
  courseFinished: boolean;
}

export interface PlayerProps<L extends Lesson> {
  courseId: string;
  lesson: L;
  /** The lesson's progress (the empty record when not started), kept live. */
  progress: LessonProgress;
  /** Language of the course content, for lang attributes. */
  contentLang: string;
  completion: Completion;
}
