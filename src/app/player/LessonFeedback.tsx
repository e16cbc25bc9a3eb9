// "Var dette nyttig for deg?" after a completed lesson (issue 15): three one-tap answers and "Hopp
// over", then an optional comment ("Hva manglet?", at most 280 characters, with "Kan leses av
// kursforfatterne" off by default) that can be skipped with one tap, then a short thanks. Each tap
// is one learner action (an event in the outbox, merged like progress).
//
// Never a blocker: it sits below the completion panel's links, which work without an answer. Asked
// at most once per lesson: once the lesson has a rating (or a skip), from this device or another,
// it is not shown again; what this visit has started (the comment, the thanks) stays until the
// learner leaves. "Ikke spør meg om tilbakemeldinger" in Settings hides it on this device.
// Without an account, the first answer also asks whether answers may be sent anonymously
// (AnonymousSendingQuestion).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LessonRating } from '../../shared/events';
import { isRated, type LessonProgress } from '../../shared/progress';
import { commentOnLesson, rateLesson } from '../../client-core/db/learner-actions';
import { FeedbackText } from '../components/FeedbackText';
import { useTexts } from '../i18n/feature-texts';
import { useAppState, useI18n } from '../state/context';
import { AnonymousSendingQuestion } from './AnonymousSendingQuestion';
import { feedbackTexts } from './feedback-texts';
import { useLearnerAction } from './use-learner-action';

type Stage = 'ask' | 'comment' | 'thanks' | 'skipped';

const ANSWERS = [
  ['yes', 'feedback.yes'],
  ['some', 'feedback.some'],
  ['no', 'feedback.no'],
] as const;

interface Props {
  courseId: string;
  lessonId: string;
  progress: LessonProgress;
}

export function LessonFeedback({ courseId, lessonId, progress }: Props) {
  const tf = useTexts(feedbackTexts);
  const { t } = useI18n();
  const { feedbackAsking } = useAppState();
  const [stage, setStage] = useState<Stage>('ask');
  const [text, setText] = useState('');
  const [forAuthors, setForAuthors] = useState(false);
  const action = useLearnerAction();
  const commentHeading = useRef<HTMLHeadingElement>(null);
  const thanks = useRef<HTMLParagraphElement>(null);

  // Focus follows the learner's tap: to the comment's heading, then to the thanks; after "Hopp
  // over" the question is gone, and focus goes back to the completion panel's heading.
  useEffect(() => {
    if (stage === 'comment') commentHeading.current?.focus();
    if (stage === 'thanks') thanks.current?.focus();
    if (stage === 'skipped') document.getElementById('done-heading')?.focus();
  }, [stage]);

  if (stage === 'skipped') return null;
  // Not asked: already answered (here or on another device), turned off, or not yet known.
  if (stage === 'ask' && (isRated(progress) || feedbackAsking.askingOff.value !== false)) {
    return null;
  }

  const rate = async (answer: LessonRating) => {
    if (await action.run(() => rateLesson(courseId, lessonId, answer))) {
      setStage(answer === 'skipped' ? 'skipped' : 'comment');
    }
  };
  const send = async () => {
    const comment = { text: text.trim(), forAuthors };
    const ok =
      comment.text === '' || (await action.run(() => commentOnLesson(courseId, lessonId, comment)));
    if (ok) setStage('thanks');
  };

  const error = action.failed && (
    <p class="error" role="alert">
      {t('lesson.saveError')}
    </p>
  );

  if (stage === 'ask') {
    return (
      <section class="lesson-feedback" aria-labelledby="feedback-question">
        <fieldset>
          <legend id="feedback-question">{tf('feedback.question')}</legend>
          <p class="actions">
            {ANSWERS.map(([answer, key]) => (
              <button
                key={answer}
                type="button"
                class="button secondary"
                onClick={() => void rate(answer)}
              >
                {tf(key)}
              </button>
            ))}
            <button type="button" class="button secondary" onClick={() => void rate('skipped')}>
              {tf('feedback.skip')}
            </button>
          </p>
        </fieldset>
        <p class="hint">{tf('feedback.where')}</p>
        {error}
      </section>
    );
  }

  if (stage === 'comment') {
    return (
      <section class="lesson-feedback" aria-labelledby="feedback-comment-heading">
        <h3 id="feedback-comment-heading" tabIndex={-1} ref={commentHeading}>
          {tf('feedback.commentHeading')}
        </h3>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <FeedbackText
            id="feedback"
            label={tf('feedback.commentLabel')}
            text={text}
            onText={setText}
            forAuthors={forAuthors}
            onForAuthors={setForAuthors}
          />
          <p class="actions">
            <button type="submit" class="button">
              {tf('feedback.send')}
            </button>
            <button type="button" class="button secondary" onClick={() => setStage('thanks')}>
              {tf('feedback.skipComment')}
            </button>
          </p>
        </form>
        {/* Asked once, with the first answer, when there is no account. */}
        <AnonymousSendingQuestion />
        {error}
      </section>
    );
  }

  return (
    <>
      <p class="lesson-feedback" tabIndex={-1} ref={thanks}>
        {tf('feedback.thanks')}
      </p>
      {/* Still unanswered after the comment: asked here, once more in this visit. */}
      <AnonymousSendingQuestion />
    </>
  );
}
