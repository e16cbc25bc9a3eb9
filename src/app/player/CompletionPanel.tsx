// Shown when a lesson is completed: says so, shows the receipt of the learner's last action here
// (saved on the device, then synced), and leads on to the next lesson or back to the course; below
// those links, "Var dette nyttig for deg?" (LessonFeedback, issue 15), which never stands in the way.
import { useEffect, useRef } from 'preact/hooks';
import { CourseComplete } from '../components/CourseComplete';
import { SyncReceipt } from '../components/SyncReceipt';
import { paths } from '../routes';
import type { LessonProgress } from '../../shared/progress';
import { LessonFeedback } from './LessonFeedback';
import type { Completion } from './types';
import { courseTexts } from '../screens/course-texts';
import { useTexts } from '../i18n/feature-texts';

interface Props extends Completion {
  /** The completed lesson and its progress: whether it has been rated decides the question. */
  lessonId: string;
  progress: LessonProgress;
  /** Move focus here when it appears because of the learner's action (not while typing). */
  focus: boolean;
  /** A sentence about this kind of lesson, e.g. "Du har lest denne leksjonen." */
  message?: string;
  /** Ids of the events recorded by the learner's last action in this lesson (the one that
   * completed it, or a later change); null when nothing was recorded here, e.g. a lesson
   * completed on an earlier visit. */
  receipt?: readonly string[] | null;
}

export function CompletionPanel(props: Props) {
  const { courseId, lessonId, progress, next, courseFinished, focus, message, receipt } = props;
  const tc = useTexts(courseTexts);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focus) return;
    heading.current?.focus({ preventScroll: courseFinished });
    // The course's summary and the next course fit below its heading, not below the lesson.
    // (jsdom, in the component tests, has no scrollIntoView.)
    if (courseFinished && heading.current && 'scrollIntoView' in heading.current)
      heading.current.scrollIntoView({ block: 'start' });
  }, []);
  return (
    <section class="done-panel" aria-labelledby="done-heading">
      <h2 id="done-heading" tabIndex={-1} ref={heading}>
        {courseFinished ? tc('lesson.courseDoneTitle') : tc('lesson.doneTitle')}
      </h2>
      {message && <p>{message}</p>}
      {receipt && receipt.length > 0 && <SyncReceipt eventIds={receipt} />}
      {courseFinished && <CourseComplete courseId={courseId} />}
      <p class="actions">
        {next && !courseFinished && (
          <a class="button" href={paths.lesson(courseId, next.id)}>
            {tc('lesson.nextLesson')}
          </a>
        )}
        <a class="button secondary" href={paths.course(courseId)}>
          {tc('lesson.backToCourse')}
        </a>
      </p>
      <LessonFeedback courseId={courseId} lessonId={lessonId} progress={progress} />
    </section>
  );
}
