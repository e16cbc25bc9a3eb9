// What a quiz or review question says under its options once the learner has tried to answer:
// the verdict in a live region, and an alert when no option was chosen or the answer could not be
// saved. One component for the quiz player and the review screen.
import { useI18n } from '../state/context';
import { useTexts } from '../i18n/feature-texts';
import { playerTexts } from './player-texts';

/** Why an answer was not taken. */
export type AnswerProblem = 'none' | 'choose' | 'save';

interface AnswerFeedbackProps {
  /** The verdict ('' before an answer). */
  verdict: string;
  /** Colours the verdict: right, wrong, or neither. */
  tone: 'correct' | 'wrong' | null;
  problem: AnswerProblem;
}

export function AnswerFeedback({ verdict, tone, problem }: AnswerFeedbackProps) {
  const { t } = useI18n();
  const tp = useTexts(playerTexts);
  return (
    <>
      <p class={`feedback${tone ? ` is-${tone}` : ''}`} role="status">
        {verdict}
      </p>
      {problem !== 'none' && (
        <p class="error" role="alert">
          {problem === 'choose' ? tp('quiz.chooseFirst') : t('lesson.saveError')}
        </p>
      )}
    </>
  );
}
