// "Se svarene dine" under a quiz's result (issue 16): a disclosure listing the questions the
// learner did not get fully right at the first attempt, each answered as the player shows it
// (AnsweredQuestion): the first choice marked, the right answer and the explanations. It reads the
// progress the result reads (after any course reset) and goes by the first attempt, like the
// score (quizMistakes), so a practice round changes nothing here. When every question was right
// the first time, one sentence says so instead.
import { useState } from 'preact/hooks';
import type { QuizLesson } from '../../shared/course';
import type { LessonProgress } from '../../shared/progress';
import { quizMistakes } from '../../shared/quiz';
import { useTexts } from '../i18n/feature-texts';
import { AnsweredQuestion } from './AnsweredQuestion';
import { playerTexts } from './player-texts';

interface Props {
  lesson: QuizLesson;
  /** The lesson's progress as the player reads it (currentProgress). */
  progress: LessonProgress;
  contentLang: string;
}

export function QuizReview({ lesson, progress, contentLang }: Props) {
  const tp = useTexts(playerTexts);
  const [open, setOpen] = useState(false);
  const mistakes = quizMistakes(
    progress,
    lesson.questions.map((q) => q.id),
  );
  if (mistakes.length === 0) return <p>{tp('quiz.reviewAllRight')}</p>;
  return (
    <>
      <p class="actions">
        <button
          type="button"
          class="button secondary"
          id="quiz-review-toggle"
          aria-expanded={open}
          aria-controls="quiz-review"
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
          {tp('quiz.reviewShow')}
        </button>
      </p>
      <div id="quiz-review" role="region" aria-labelledby="quiz-review-toggle" hidden={!open}>
        {open && (
          <>
            <p class="hint">{tp('quiz.reviewIntro')}</p>
            {mistakes.map(({ index, outcome, firstChosen }) => {
              const question = lesson.questions[index]!;
              return (
                <div key={question.id} class="quiz-review-item">
                  <h3 class="question-count">
                    {tp('quiz.questionOf', { index: index + 1, total: lesson.questions.length })}
                  </h3>
                  {firstChosen === null && (
                    <p class="hint">
                      {outcome.kind === 'revealed'
                        ? tp('quiz.reviewShownFirst')
                        : tp('quiz.reviewNotAnswered')}
                    </p>
                  )}
                  <AnsweredQuestion
                    question={question}
                    chosen={firstChosen ?? []}
                    // A question not settled yet keeps its right answer hidden, as in the player.
                    judgeAll={outcome.kind !== 'open'}
                    textId={`review-text-${question.id}`}
                    contentLang={contentLang}
                  />
                </div>
              );
            })}
          </>
        )}
      </div>
    </>
  );
}
