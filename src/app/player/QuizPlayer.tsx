// A quiz, one question at a time (fits a phone screen): choose, answer, read why every option is
// right or wrong, try again as often as you like. Every attempt is recorded; the best score counts.
// The lesson completes once every question has been answered (see answerQuestion).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { QuizLesson, QuizQuestion } from '../../shared/course';
import { quizScore, type LessonProgress } from '../../shared/progress';
import { Html } from '../components/Html';
import { answerQuestion } from '../db/learner-actions';
import { scoreAnswer } from '../../shared/quiz';
import { useI18n } from '../state/context';
import { CompletionPanel } from './CompletionPanel';
import type { PlayerProps } from './types';
import { eventIds } from './use-learner-action';

export function QuizPlayer(props: PlayerProps<QuizLesson>) {
  const { lesson, progress, contentLang } = props;
  const total = lesson.questions.length;
  // Start at the first unanswered question, or at the result when the quiz is completed.
  const [index, setIndex] = useState(() => {
    if (progress.completedAt !== null) return total;
    const open = lesson.questions.findIndex((q) => progress.best[q.id] === undefined);
    return open === -1 ? total : open;
  });
  // Focus follows the learner's own moves between questions, never the first render.
  const [moved, setMoved] = useState(false);
  const go = (next: number) => {
    setMoved(true);
    setIndex(next);
  };
  const question = lesson.questions[index];
  // The events of the last answer, for the receipt under the result.
  const [receipt, setReceipt] = useState<string[] | null>(null);

  return (
    <>
      <Html html={lesson.html} class="prose" lang={contentLang} />
      {question ? (
        <QuestionForm
          key={question.id}
          {...props}
          question={question}
          index={index}
          focusOnMount={moved}
          onNext={() => go(index + 1)}
          onRecorded={setReceipt}
        />
      ) : (
        <QuizResult {...props} focusOnMount={moved} onRestart={() => go(0)} receipt={receipt} />
      )}
    </>
  );
}

interface QuestionProps extends PlayerProps<QuizLesson> {
  question: QuizQuestion;
  index: number;
  focusOnMount: boolean;
  onNext: () => void;
  onRecorded: (eventIds: string[]) => void;
}

type Answer = { correct: boolean; score: number };

function QuestionForm({
  courseId,
  lesson,
  question,
  index,
  contentLang,
  focusOnMount,
  onNext,
  onRecorded,
}: QuestionProps) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<string[]>([]);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [problem, setProblem] = useState<'none' | 'choose' | 'save'>('none');
  const heading = useRef<HTMLHeadingElement>(null);
  const firstAction = useRef<HTMLButtonElement>(null);
  const firstInput = useRef<HTMLInputElement>(null);
  const isLast = index === lesson.questions.length - 1;
  const hintId = `hint-${question.id}`;

  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, []);
  useEffect(() => {
    if (answer) firstAction.current?.focus();
  }, [answer]);

  const toggle = (optionId: string, on: boolean) => {
    setProblem('none');
    setChosen((current) =>
      question.multiple
        ? on
          ? [...current, optionId]
          : current.filter((id) => id !== optionId)
        : [optionId],
    );
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (answer) return;
    if (chosen.length === 0) {
      setProblem('choose');
      return;
    }
    // Keep the options' order, whatever order they were clicked in.
    const ordered = question.options.map((o) => o.id).filter((id) => chosen.includes(id));
    try {
      onRecorded(eventIds(await answerQuestion(courseId, lesson, question.id, ordered)));
      setAnswer(scoreAnswer(question, ordered));
    } catch (error) {
      console.error(error);
      setProblem('save');
    }
  };

  const retry = () => {
    setChosen([]);
    setAnswer(null);
    // The fieldset is enabled again on the next render.
    setTimeout(() => firstInput.current?.focus());
  };

  const verdict = !answer
    ? ''
    : answer.correct
      ? t('quiz.correct')
      : answer.score > 0
        ? t('quiz.partly')
        : t('quiz.incorrect');

  return (
    <form class="quiz-question" onSubmit={submit} noValidate>
      <h2 class="question-count" tabIndex={-1} ref={heading}>
        {t('quiz.questionOf', { index: index + 1, total: lesson.questions.length })}
      </h2>
      <fieldset disabled={answer !== null} aria-describedby={hintId}>
        <legend class="question-text">
          <Html html={question.html} inline lang={contentLang} />
        </legend>
        <p id={hintId} class="hint">
          {question.multiple ? t('quiz.chooseMany') : t('quiz.chooseOne')}
        </p>
        <ul class="options">
          {question.options.map((option, i) => {
            const picked = chosen.includes(option.id);
            const inputId = `${question.id}-${option.id}`;
            const state = !answer ? '' : option.correct ? ' is-correct' : ' is-wrong';
            return (
              <li key={option.id} class={`option${state}`}>
                <label class="choice" for={inputId}>
                  <input
                    id={inputId}
                    ref={i === 0 ? firstInput : undefined}
                    type={question.multiple ? 'checkbox' : 'radio'}
                    name={question.id}
                    value={option.id}
                    checked={picked}
                    onChange={(e) => toggle(option.id, e.currentTarget.checked)}
                  />
                  <Html html={option.html} inline lang={contentLang} />
                </label>
                {answer && (
                  <div class="explanation">
                    <p class="explanation-verdict">
                      <strong>
                        {option.correct ? t('quiz.optionCorrect') : t('quiz.optionWrong')}
                      </strong>
                      {picked && ` · ${t('quiz.yourChoice')}`}
                    </p>
                    <Html html={option.explanationHtml} class="prose" lang={contentLang} />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </fieldset>
      <p
        class={`feedback${answer ? (answer.correct ? ' is-correct' : ' is-wrong') : ''}`}
        role="status"
      >
        {verdict}
      </p>
      {problem !== 'none' && (
        <p class="error" role="alert">
          {problem === 'choose' ? t('quiz.chooseFirst') : t('lesson.saveError')}
        </p>
      )}
      <p class="actions">
        {!answer ? (
          <button type="submit" class="button">
            {t('quiz.answer')}
          </button>
        ) : (
          <>
            {!answer.correct && (
              <button type="button" class="button" ref={firstAction} onClick={retry}>
                {t('quiz.tryAgain')}
              </button>
            )}
            <button
              type="button"
              class={answer.correct ? 'button' : 'button secondary'}
              ref={answer.correct ? firstAction : undefined}
              onClick={onNext}
            >
              {isLast ? t('quiz.seeResult') : t('quiz.nextQuestion')}
            </button>
          </>
        )}
      </p>
    </form>
  );
}

interface ResultProps extends PlayerProps<QuizLesson> {
  focusOnMount: boolean;
  onRestart: () => void;
  receipt: string[] | null;
}

/** Number of questions whose best answer was fully correct. */
const fullyCorrect = (lesson: QuizLesson, progress: LessonProgress) =>
  lesson.questions.filter((q) => progress.best[q.id] === 1).length;

function QuizResult(props: ResultProps) {
  const { lesson, progress, completion, focusOnMount, onRestart, receipt } = props;
  const { t, percent } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, []);
  const score = quizScore(
    progress,
    lesson.questions.map((q) => q.id),
  );
  const attempts = Object.keys(progress.attempts).length;
  return (
    <section class="quiz-result" aria-labelledby="quiz-result-heading">
      <h2 id="quiz-result-heading" tabIndex={-1} ref={heading}>
        {t('quiz.resultTitle')}
      </h2>
      <p>
        {t('quiz.best', {
          correct: fullyCorrect(lesson, progress),
          total: lesson.questions.length,
          percent: percent(Math.round(score * 100)),
        })}
      </p>
      {attempts > 0 && <p>{t('quiz.attempts', { count: attempts })}</p>}
      <p class="actions">
        <button type="button" class="button secondary" onClick={onRestart}>
          {t('quiz.restart')}
        </button>
      </p>
      {progress.completedAt !== null && (
        <CompletionPanel {...completion} focus={false} receipt={receipt} />
      )}
    </section>
  );
}
