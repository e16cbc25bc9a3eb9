// A quiz, one question at a time (fits a phone screen). A wrong answer marks the learner's own
// choice and explains why it is wrong, without giving away the right option: the learner tries
// again or asks to see the answer. What each question shows is derived from the stored attempts
// and reveals (src/shared/quiz.ts), so a reload or another device shows the same; only the
// choices being made and "I want to try again" live in the component. The first attempt scores;
// later ones, and a whole round taken again, are practice. The lesson completes once every
// question has been answered (see answerQuestion). Under the result, "Se svarene dine" goes over
// the questions not right the first time (QuizReview).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { QuizLesson, QuizQuestion } from '../../shared/course';
import { roundedPercent } from '../../shared/percent';
import type { LessonProgress } from '../../shared/progress';
import { questionHistory, quizResult, scoreAnswer, type QuestionOutcome } from '../../shared/quiz';
import { Html } from '../components/Html';
import { answerQuestion, revealAnswer } from '../../client-core/db/learner-actions';
import { useI18n } from '../state/context';
import { AnsweredQuestion } from './AnsweredQuestion';
import { AnswerFeedback, type AnswerProblem } from './AnswerFeedback';
import { CompletionPanel } from './CompletionPanel';
import { inOptionOrder, QuestionChoices } from './QuestionChoices';
import { QuizReview } from './QuizReview';
import type { PlayerProps } from './types';
import { eventIds } from './use-learner-action';
import { playerTexts, type PlayerTranslate } from './player-texts';
import { useTexts } from '../i18n/feature-texts';

/** The first question not yet settled (right or shown) since `since`; the result when none is. */
const firstOpenQuestion = (lesson: QuizLesson, progress: LessonProgress, since: number) => {
  const open = lesson.questions.findIndex((q) => !questionHistory(progress, q.id, since).settled);
  return open === -1 ? lesson.questions.length : open;
};

export function QuizPlayer(props: PlayerProps<QuizLesson>) {
  const { lesson, progress, contentLang } = props;
  // Start of the round being taken: 0 for the scored one, the restart time for a practice round.
  const [since, setSince] = useState(0);
  const [index, setIndex] = useState(() => firstOpenQuestion(lesson, progress, 0));
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
          key={`${question.id}@${since}`}
          {...props}
          question={question}
          index={index}
          since={since}
          focusOnMount={moved}
          onNext={() => go(index + 1)}
          onRecorded={setReceipt}
        />
      ) : (
        <QuizResult
          {...props}
          focusOnMount={moved}
          onRestart={() => {
            setSince(Date.now());
            go(0);
          }}
          receipt={receipt}
        />
      )}
    </>
  );
}

interface QuestionProps extends PlayerProps<QuizLesson> {
  question: QuizQuestion;
  index: number;
  since: number;
  focusOnMount: boolean;
  onNext: () => void;
  onRecorded: (eventIds: string[]) => void;
}

/** Where a question stands: being answered, answered wrong (or partly), right, or shown. */
type Phase = 'open' | 'wrong' | 'solved' | 'revealed';

function QuestionForm({
  courseId,
  lesson,
  progress,
  question,
  index,
  since,
  contentLang,
  focusOnMount,
  onNext,
  onRecorded,
}: QuestionProps) {
  const tp = useTexts(playerTexts);
  const history = questionHistory(progress, question.id, since);
  const latest = history.attempts.at(-1);
  // The attempt the learner chose to try again after: it stays stored, the form opens again.
  const [retriedAfter, setRetriedAfter] = useState<string | null>(null);
  const phase: Phase = history.solved
    ? 'solved'
    : history.revealedAt !== null
      ? 'revealed'
      : latest && latest.id !== retriedAfter
        ? 'wrong'
        : 'open';
  const [chosen, setChosen] = useState<string[]>([]);
  const [problem, setProblem] = useState<AnswerProblem>('none');
  // What the stored history looked like when an action was sent: busy until it changes.
  const snapshot = `${history.attempts.length}/${history.revealedAt}`;
  const [sentAt, setSentAt] = useState<string | null>(null);
  const busy = sentAt === snapshot;
  const heading = useRef<HTMLHeadingElement>(null);
  const firstAction = useRef<HTMLButtonElement>(null);
  const firstInput = useRef<HTMLInputElement>(null);
  const isLast = index === lesson.questions.length - 1;
  const textId = `text-${question.id}`;

  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, []);
  // After the learner's own answer or reveal lands, focus the next thing to do.
  useEffect(() => {
    if (sentAt !== null && !busy) {
      setSentAt(null);
      if (phase !== 'open') firstAction.current?.focus();
    }
  }, [busy, phase]);

  const send = async (action: () => Promise<Parameters<typeof eventIds>[0]>) => {
    setSentAt(snapshot);
    try {
      onRecorded(eventIds(await action()));
    } catch (error) {
      console.error(error);
      setSentAt(null);
      setProblem('save');
    }
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (phase !== 'open' || busy) return;
    if (chosen.length === 0) {
      setProblem('choose');
      return;
    }
    await send(() =>
      answerQuestion(courseId, lesson, question.id, inOptionOrder(question, chosen)),
    );
  };

  const retry = () => {
    setChosen([]);
    setProblem('none');
    setRetriedAfter(latest?.id ?? null);
    // The inputs are rendered again on the next render.
    setTimeout(() => firstInput.current?.focus());
  };

  const reveal = () => {
    if (!busy) void send(() => revealAnswer(courseId, lesson.id, question.id));
  };

  const shown = phase === 'open' ? [] : (latest?.chosen ?? []);
  const verdict =
    phase === 'solved'
      ? tp('quiz.correct')
      : phase === 'revealed'
        ? tp('quiz.answerShown')
        : phase === 'wrong' && latest
          ? scoreAnswer(question, latest.chosen).score > 0
            ? tp('quiz.partlyRight')
            : tp('quiz.wrong')
          : '';

  return (
    <form class="quiz-question" onSubmit={submit} noValidate>
      <h2 class="question-count" tabIndex={-1} ref={heading}>
        {tp('quiz.questionOf', { index: index + 1, total: lesson.questions.length })}
      </h2>
      {since > 0 && <p class="hint">{tp('quiz.practiceRound')}</p>}
      {phase === 'open' ? (
        <QuestionChoices
          question={question}
          chosen={chosen}
          onChoose={(update) => {
            setProblem('none');
            setChosen(update);
          }}
          contentLang={contentLang}
          firstInput={firstInput}
        />
      ) : (
        <AnsweredQuestion
          question={question}
          chosen={shown}
          // Until the learner is right or asks, only their own choices are judged.
          judgeAll={phase !== 'wrong'}
          textId={textId}
          contentLang={contentLang}
        />
      )}
      <AnswerFeedback
        verdict={verdict}
        tone={phase === 'solved' ? 'correct' : phase === 'wrong' ? 'wrong' : null}
        problem={problem}
      />
      <p class="actions">
        {phase === 'open' ? (
          <button type="submit" class="button">
            {tp('quiz.answer')}
          </button>
        ) : phase === 'wrong' ? (
          <>
            <button type="button" class="button" ref={firstAction} onClick={retry}>
              {tp('quiz.tryAgain')}
            </button>
            <button type="button" class="button secondary" onClick={reveal}>
              {tp('quiz.showAnswer')}
            </button>
          </>
        ) : (
          <button type="button" class="button" ref={firstAction} onClick={onNext}>
            {isLast ? tp('quiz.seeResult') : tp('quiz.nextQuestion')}
          </button>
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

/** One line on how a question went. */
function outcomeText(tp: PlayerTranslate, index: number, outcome: QuestionOutcome): string {
  const n = index + 1;
  switch (outcome.kind) {
    case 'first-try':
      return tp('quiz.outcomeFirstTry', { index: n });
    case 'later':
      return tp('quiz.outcomeLater', { index: n, count: outcome.attempts });
    case 'revealed':
      return tp('quiz.outcomeRevealed', { index: n, count: outcome.attempts });
    case 'open':
      return tp('quiz.outcomeOpen', { index: n });
  }
}

function QuizResult(props: ResultProps) {
  const { lesson, progress, contentLang, completion, focusOnMount, onRestart, receipt } = props;
  const { percent } = useI18n();
  const tp = useTexts(playerTexts);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, []);
  const result = quizResult(
    progress,
    lesson.questions.map((q) => q.id),
  );
  return (
    <section class="quiz-result" aria-labelledby="quiz-result-heading">
      <h2 id="quiz-result-heading" tabIndex={-1} ref={heading}>
        {tp('quiz.resultTitle')}
      </h2>
      <p class="quiz-score">
        {tp('quiz.firstTryScore', {
          correct: result.firstTryRight,
          total: result.total,
          percent: percent(roundedPercent(result.score, 1)),
        })}
      </p>
      <ul class="quiz-outcomes">
        {result.outcomes.map((outcome, i) => (
          <li key={lesson.questions[i]!.id}>{outcomeText(tp, i, outcome)}</li>
        ))}
      </ul>
      <p class="hint">{tp('quiz.firstTryCounts')}</p>
      <QuizReview lesson={lesson} progress={progress} contentLang={contentLang} />
      <p class="actions">
        <button type="button" class="button secondary" onClick={onRestart}>
          {tp('quiz.restart')}
        </button>
      </p>
      {progress.completedAt !== null && (
        <CompletionPanel
          {...completion}
          lessonId={lesson.id}
          progress={progress}
          focus={false}
          receipt={receipt}
        />
      )}
    </section>
  );
}
