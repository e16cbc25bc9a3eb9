// "Begynne på nytt" on the course page: resets the learner's progress in the course after a
// confirmation that says exactly what is reset (completions, position, quiz answers, checklist
// ticks) and what is kept (reflection texts, time spent, the download). The reset is one action,
// synced as events, so the learner's other devices reset too (src/app/db/course-reset.ts).
import { useState } from 'preact/hooks';
import { isUntouched, type LessonProgress } from '../../shared/progress';
import { resetCourseProgress } from '../../client-core/db/course-reset';
import type { StoredCourse } from '../../client-core/db/db';
import { ConfirmDialog } from './ConfirmDialog';
import { courseTexts } from '../screens/course-texts';
import { useTexts } from '../i18n/feature-texts';

interface Props {
  course: StoredCourse;
  /** The learner's progress in the course as they see it (after any earlier reset). */
  progress: ReadonlyMap<string, LessonProgress>;
}

/** Whether there is anything in the course for a reset to hide. */
const hasProgress = (progress: ReadonlyMap<string, LessonProgress>) =>
  [...progress.values()].some((p) => !isUntouched(p));

export function CourseReset({ course, progress }: Props) {
  const tc = useTexts(courseTexts);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const resettable = hasProgress(progress);
  if (!resettable && message === null) return null;

  const reset = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await resetCourseProgress(
        course.id,
        course.outline.map((lesson) => lesson.id),
      );
      setMessage({ text: tc('reset.done'), error: false });
    } catch {
      setMessage({ text: tc('reset.failed'), error: true });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <section class="course-reset" aria-labelledby="course-reset-heading">
      <h2 id="course-reset-heading">{tc('reset.heading')}</h2>
      {resettable && (
        <>
          <p>{tc('reset.text')}</p>
          <p class="actions">
            <button type="button" class="button secondary" onClick={() => setConfirming(true)}>
              {tc('reset.button')}
            </button>
          </p>
        </>
      )}
      <p class={message?.error ? 'error' : 'hint'} role="status">
        {message?.text ?? ''}
      </p>
      {confirming && (
        <ConfirmDialog
          title={tc('reset.title', { title: course.title })}
          confirmLabel={tc('reset.confirm')}
          cancelLabel={tc('reset.cancel')}
          onConfirm={() => void reset()}
          onCancel={() => setConfirming(false)}
          busy={busy}
          // The button is gone once nothing is left to reset: the page heading takes focus.
          fallbackFocus={() => document.querySelector<HTMLElement>('main h1')}
        >
          <p>{tc('reset.resetsHeading')}</p>
          <ul>
            <li>{tc('reset.resetsLessons')}</li>
            <li>{tc('reset.resetsQuiz')}</li>
            <li>{tc('reset.resetsChecklists')}</li>
          </ul>
          <p>{tc('reset.keepsHeading')}</p>
          <ul>
            <li>{tc('reset.keepsReflections')}</li>
            <li>{tc('reset.keepsTime')}</li>
            <li>{tc('reset.keepsDownload')}</li>
          </ul>
          <p>{tc('reset.syncNote')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
