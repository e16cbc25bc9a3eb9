// A reading lesson: the text, resumed where the learner left it, and a button at the end that
// marks it as read.
import { useRef, useState } from 'preact/hooks';
import type { ReadingLesson } from '../../shared/course';
import { Html } from '../components/Html';
import { completeLesson } from '../../client-core/db/learner-actions';
import { useI18n } from '../state/context';
import { CompletionPanel } from './CompletionPanel';
import type { PlayerProps } from './types';
import { eventIds, useLearnerAction } from './use-learner-action';
import { useReadingPosition } from './use-reading-position';
import { playerTexts } from './player-texts';
import { useTexts } from '../i18n/feature-texts';

export function ReadingPlayer({
  courseId,
  lesson,
  progress,
  contentLang,
  completion,
}: PlayerProps<ReadingLesson>) {
  const { t } = useI18n();
  const tp = useTexts(playerTexts);
  const text = useRef<HTMLDivElement>(null);
  const [completedAtStart] = useState(progress.completedAt !== null);
  const { failed, run } = useLearnerAction();
  const [receipt, setReceipt] = useState<string[] | null>(null);
  useReadingPosition(text, courseId, lesson.id, progress.resume?.value ?? null);

  const complete = () =>
    run(async () => setReceipt(eventIds(await completeLesson(courseId, lesson.id))));

  return (
    <>
      <div ref={text}>
        <Html html={lesson.html} class="prose" lang={contentLang} />
      </div>
      {progress.completedAt === null ? (
        <p class="actions">
          <button type="button" class="button" onClick={complete}>
            {tp('reading.markRead')}
          </button>
        </p>
      ) : (
        <CompletionPanel
          {...completion}
          lessonId={lesson.id}
          progress={progress}
          focus={!completedAtStart}
          message={tp('reading.done')}
          receipt={receipt}
        />
      )}
      {failed && (
        <p class="error" role="alert">
          {t('lesson.saveError')}
        </p>
      )}
    </>
  );
}
