// An answered quiz question as the learner sees it: the prompt, then every option with the
// learner's own choice marked and, where judged, a verdict and the option's explanation. One
// component for the question being answered (QuizPlayer) and for the review of the learner's
// mistakes under the result (QuizReview), so both show an answer the same way.
import type { QuizQuestion } from '../../shared/course';
import { Html } from '../components/Html';
import { useTexts } from '../i18n/feature-texts';
import { playerTexts } from './player-texts';

interface AnsweredQuestionProps {
  question: QuizQuestion;
  /** The options chosen in the answer shown. */
  chosen: readonly string[];
  /** Judge every option (the question is settled); otherwise only the chosen ones, so the right
   * answer is not given away. */
  judgeAll: boolean;
  /** Id of the prompt, which names the list of options: unique on the page. */
  textId: string;
  contentLang: string;
}

/** A question's prompt and its options, answered. */
export function AnsweredQuestion({
  question,
  chosen,
  judgeAll,
  textId,
  contentLang,
}: AnsweredQuestionProps) {
  return (
    <div class="quiz-answered">
      <p class="question-text" id={textId}>
        <Html html={question.html} inline lang={contentLang} />
      </p>
      <ul class="options is-answered" aria-labelledby={textId}>
        {question.options.map((option) => (
          <AnsweredOption
            key={option.id}
            html={option.html}
            explanationHtml={option.explanationHtml}
            correct={option.correct}
            picked={chosen.includes(option.id)}
            judged={judgeAll || chosen.includes(option.id)}
            contentLang={contentLang}
          />
        ))}
      </ul>
    </div>
  );
}

interface AnsweredOptionProps {
  html: string;
  explanationHtml: string;
  correct: boolean;
  /** The learner chose this option in the answer shown. */
  picked: boolean;
  /** Say whether it is right and why; otherwise the option is listed plainly. */
  judged: boolean;
  contentLang: string;
}

/** One option of an answered question: the learner's own choice marked, and, where judged, a
 * verdict and the explanation. */
function AnsweredOption({
  html,
  explanationHtml,
  correct,
  picked,
  judged,
  contentLang,
}: AnsweredOptionProps) {
  const tp = useTexts(playerTexts);
  const state = !judged ? '' : correct ? ' is-correct' : ' is-wrong';
  const tag = picked
    ? correct
      ? tp('quiz.yourAnswerRight')
      : tp('quiz.yourAnswerWrong')
    : correct
      ? tp('quiz.optionCorrect')
      : tp('quiz.optionWrong');
  return (
    <li class={`option${state}${picked ? ' is-chosen' : ''}`}>
      <div class="choice">
        <span class="choice-mark" aria-hidden="true">
          {judged && (picked || correct) ? (correct ? '✓' : '✗') : ''}
        </span>
        <Html html={html} inline lang={contentLang} />
      </div>
      {judged && (
        <div class="explanation">
          <p class="explanation-verdict">
            <strong>{tag}</strong>
          </p>
          <Html html={explanationHtml} class="prose" lang={contentLang} />
        </div>
      )}
    </li>
  );
}
