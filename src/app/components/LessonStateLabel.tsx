// Where the learner is with a lesson: not started, started or completed, as icon and text.
import { isUntouched, type LessonProgress } from '../../shared/progress';
import { useI18n } from '../state/context';
import { Icon } from './Icon';

export type LessonState = 'notStarted' | 'started' | 'completed';

/** The state of a lesson from its progress as the learner sees it (undefined when never opened;
 * untouched since a course reset reads as not started). */
export function lessonState(progress: LessonProgress | null | undefined): LessonState {
  if (!progress || isUntouched(progress)) return 'notStarted';
  return progress.completedAt !== null ? 'completed' : 'started';
}

export function LessonStateLabel({ state }: { state: LessonState }) {
  const { t } = useI18n();
  return (
    <span class={`state-label state-${state}`}>
      <Icon name={state} />
      {t(`lessonState.${state}`)}
    </span>
  );
}
