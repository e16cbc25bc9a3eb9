// A quiz question being answered: its prompt as the legend of a group of options (radio buttons
// for one answer, checkboxes for several) and the hint saying which. One component for the quiz
// player and for spaced review (review/ReviewScreen.tsx), so a question is asked the same way in
// both; AnsweredQuestion shows it once answered.
import type { Ref } from 'preact';
import type { QuizQuestion } from '../../shared/course';
import { Html } from '../components/Html';
import { useTexts } from '../i18n/feature-texts';
import { playerTexts } from './player-texts';

interface QuestionChoicesProps {
  question: QuizQuestion;
  /** The options chosen so far. */
  chosen: readonly string[];
  /** The learner changed the choice: how the options chosen change (a state updater, so two
   * changes before a render both count). */
  onChoose: (update: (current: string[]) => string[]) => void;
  contentLang: string;
  /** The first option's input, for a caller that moves focus there. */
  firstInput?: Ref<HTMLInputElement>;
}

/** The options chosen once `optionId` is turned on or off: one for a single-answer question. */
const toggled = (question: QuizQuestion, current: string[], optionId: string, on: boolean) =>
  question.multiple
    ? on
      ? [...current, optionId]
      : current.filter((id) => id !== optionId)
    : [optionId];

/** The chosen option ids in the options' order, whatever order they were clicked in (how an
 * answer is recorded). */
export const inOptionOrder = (question: QuizQuestion, chosen: readonly string[]): string[] =>
  question.options.map((o) => o.id).filter((id) => chosen.includes(id));

/** A question's prompt and options, to be answered. */
export function QuestionChoices({
  question,
  chosen,
  onChoose,
  contentLang,
  firstInput,
}: QuestionChoicesProps) {
  const tp = useTexts(playerTexts);
  const hintId = `hint-${question.id}`;
  return (
    <fieldset aria-describedby={hintId}>
      <legend class="question-text">
        <Html html={question.html} inline lang={contentLang} />
      </legend>
      <p id={hintId} class="hint">
        {question.multiple ? tp('quiz.chooseMany') : tp('quiz.chooseOne')}
      </p>
      <ul class="options">
        {question.options.map((option, i) => {
          const inputId = `${question.id}-${option.id}`;
          return (
            <li key={option.id} class="option">
              <label class="choice" for={inputId}>
                <input
                  id={inputId}
                  ref={i === 0 ? firstInput : undefined}
                  type={question.multiple ? 'checkbox' : 'radio'}
                  name={question.id}
                  value={option.id}
                  checked={chosen.includes(option.id)}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    onChoose((current) => toggled(question, current, option.id, on));
                  }}
                />
                <Html html={option.html} inline lang={contentLang} />
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
