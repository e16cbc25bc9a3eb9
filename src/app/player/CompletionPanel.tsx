// Shown when a lesson is completed: says so and leads on to the next lesson or back to the course.
import { useEffect, useRef } from 'preact/hooks';
import { paths } from '../routes';
import { useI18n } from '../state/context';
import type { Completion } from './types';

interface Props extends Completion {
  /** Move focus here when it appears because of the learner's action (not while typing). */
  focus: boolean;
  /** A sentence about this kind of lesson, e.g. "Du har lest denne leksjonen." */
  message?: string;
}

export function CompletionPanel({ courseId, next, courseFinished, focus, message }: Props) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, []);
  return (
    <section class="done-panel" aria-labelledby="done-heading">
      <h2 id="done-heading" tabIndex={-1} ref={heading}>
        {courseFinished ? t('lesson.courseDoneTitle') : t('lesson.doneTitle')}
      </h2>
      {message && <p>{message}</p>}
      {courseFinished && <p>{t('lesson.courseDoneText')}</p>}
      <p class="actions">
        {next && !courseFinished && (
          <a class="button" href={paths.lesson(courseId, next.id)}>
            {t('lesson.nextLesson')}
          </a>
        )}
        <a class="button secondary" href={paths.course(courseId)}>
          {t('lesson.backToCourse')}
        </a>
      </p>
    </section>
  );
}
