// Spaced review ("Repetisjon", issue 16; a chunk of its own): a session of the questions due now,
// at most five, fixed when it starts so that answering never reshuffles it. Each question is
// asked as in the quiz (QuestionChoices) and, once answered, explained as in the lesson
// (AnsweredQuestion): the learner's choice marked, every option judged with its explanation.
// Every answer is one review event (answerReview), in the outbox with the rest. The end says how
// many were right and when the next review is, or offers the next five when more are waiting.
// Reads only IndexedDB: it works offline, with or without an account.
import { useEffect, useRef, useState } from 'preact/hooks';
import { answerReview } from '../../client-core/db/learner-actions';
import type { QuizLesson, QuizQuestion } from '../../shared/course';
import { scoreAnswer } from '../../shared/quiz';
import type { ReviewItem } from '../../shared/review-schedule';
import { PageHeading } from '../components/PageHeading';
import { useTexts } from '../i18n/feature-texts';
import { AnsweredQuestion } from '../player/AnsweredQuestion';
import { AnswerFeedback, type AnswerProblem } from '../player/AnswerFeedback';
import { playerTexts } from '../player/player-texts';
import { inOptionOrder, QuestionChoices } from '../player/QuestionChoices';
import { paths } from '../routes';
import { useI18n } from '../state/context';
import { NextReview } from './NextReview';
import { reviewStore, type ReviewStore } from './review-store';
import { reviewTexts } from './review-texts';

/** One question of a session, with what asking it needs. */
interface SessionQuestion {
  key: string;
  courseId: string;
  courseTitle: string;
  /** The course's content language. */
  language: string;
  lesson: QuizLesson;
  question: QuizQuestion;
}

/** The due items as a session: those whose lesson and question are stored (a course update may
 * have just dropped one). */
const sessionOf = (store: ReviewStore, due: readonly ReviewItem[]): SessionQuestion[] =>
  due.flatMap((item) => {
    const stored = store.lessonOf(item);
    const question = stored?.lesson.questions.find((q) => q.id === item.questionId);
    if (!stored || !question) return [];
    const { courseId, courseTitle, language, lesson } = stored;
    const key = `${courseId}/${lesson.id}/${question.id}`;
    return [{ key, courseId, courseTitle, language, lesson, question }];
  });

export function ReviewScreen() {
  const { t } = useI18n();
  const tr = useTexts(reviewTexts);
  const store = reviewStore();
  // The count of reads when this screen started watching: the first session waits for a read
  // made since (the store may hold an older one, and the clock has been read again).
  const [watchedAt, setWatchedAt] = useState<number | null>(null);
  useEffect(() => {
    const stop = store.watch();
    setWatchedAt(store.reads.peek());
    return stop;
  }, [store]);
  // A session is taken from the questions due when it starts; "Fortsett repetisjonen" starts
  // the next round from those due then.
  const [round, setRound] = useState(0);
  const session = useRef<{ round: number; questions: SessionQuestion[] } | null>(null);
  const due = store.due.value;
  const fresh = watchedAt !== null && store.reads.value > watchedAt;
  if (due && fresh && session.current?.round !== round)
    session.current = { round, questions: sessionOf(store, due) };
  const questions = session.current?.questions;

  return (
    <div class="screen review-screen">
      <PageHeading title={tr('review.title')} />
      {store.failed.value && questions === undefined ? (
        <p class="error" role="alert">
          {tr('review.readError')}
        </p>
      ) : questions === undefined ? (
        <p role="status">{t('app.loading')}</p>
      ) : questions.length === 0 ? (
        <EmptyReview store={store} />
      ) : (
        <>
          <p class="lead">{tr('review.intro')}</p>
          <ReviewSession
            key={round}
            store={store}
            questions={questions}
            moved={round > 0}
            onMore={() => setRound(round + 1)}
          />
        </>
      )}
    </div>
  );
}

function EmptyReview({ store }: { store: ReviewStore }) {
  const tr = useTexts(reviewTexts);
  const next = store.nextDue.value;
  return (
    <section aria-labelledby="review-empty-heading">
      <h2 id="review-empty-heading">{tr('review.emptyTitle')}</h2>
      {next == null ? (
        <p>{tr('review.emptyText')}</p>
      ) : (
        <NextReview at={next} now={store.now.value} />
      )}
      <HomeLink />
    </section>
  );
}

interface SessionProps {
  store: ReviewStore;
  questions: SessionQuestion[];
  /** Focus the first question's heading (a new round the learner asked for). */
  moved: boolean;
  onMore: () => void;
}

function ReviewSession({ store, questions, moved, onMore }: SessionProps) {
  const [index, setIndex] = useState(0);
  const [right, setRight] = useState(0);
  const current = questions[index];
  return current ? (
    <ReviewQuestion
      key={current.key}
      item={current}
      index={index}
      total={questions.length}
      focusOnMount={moved || index > 0}
      onAnswered={(correct) => correct && setRight((n) => n + 1)}
      onNext={() => setIndex(index + 1)}
    />
  ) : (
    <ReviewEnd store={store} right={right} total={questions.length} onMore={onMore} />
  );
}

interface QuestionProps {
  item: SessionQuestion;
  index: number;
  total: number;
  focusOnMount: boolean;
  onAnswered: (correct: boolean) => void;
  onNext: () => void;
}

function ReviewQuestion({ item, index, total, focusOnMount, onAnswered, onNext }: QuestionProps) {
  const tp = useTexts(playerTexts);
  const tr = useTexts(reviewTexts);
  const { courseId, courseTitle, language, lesson, question } = item;
  const [chosen, setChosen] = useState<string[]>([]);
  // The answer recorded, once it is stored.
  const [answer, setAnswer] = useState<string[] | null>(null);
  // An answer being stored: a second press of "Svar" meanwhile records nothing more.
  const sending = useRef(false);
  const [problem, setProblem] = useState<AnswerProblem>('none');
  const heading = useRef<HTMLHeadingElement>(null);
  const next = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, []);
  useEffect(() => {
    if (answer) next.current?.focus();
  }, [answer]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (answer || sending.current) return;
    if (chosen.length === 0) {
      setProblem('choose');
      return;
    }
    const ordered = inOptionOrder(question, chosen);
    sending.current = true;
    try {
      await answerReview(courseId, lesson, question.id, ordered);
      setAnswer(ordered);
      onAnswered(scoreAnswer(question, ordered).correct);
    } catch (error) {
      console.error(error);
      setProblem('save');
    } finally {
      sending.current = false;
    }
  };

  const score = answer && scoreAnswer(question, answer);
  const verdict = !score
    ? ''
    : score.correct
      ? tp('quiz.correct')
      : score.score > 0
        ? tr('review.partlyRight')
        : tr('review.wrong');
  const isLast = index === total - 1;

  return (
    <form class="quiz-question review-question" onSubmit={submit} noValidate>
      <h2 class="question-count" tabIndex={-1} ref={heading}>
        {tp('quiz.questionOf', { index: index + 1, total })}
      </h2>
      <p class="hint">
        {tr('review.from')}:{' '}
        <span lang={language}>
          {courseTitle} – {lesson.title}
        </span>
      </p>
      {answer === null ? (
        <QuestionChoices
          question={question}
          chosen={chosen}
          onChoose={(update) => {
            setProblem('none');
            setChosen(update);
          }}
          contentLang={language}
        />
      ) : (
        <AnsweredQuestion
          question={question}
          chosen={answer}
          judgeAll
          textId={`review-text-${question.id}`}
          contentLang={language}
        />
      )}
      <AnswerFeedback
        verdict={verdict}
        tone={score ? (score.correct ? 'correct' : 'wrong') : null}
        problem={problem}
      />
      <p class="actions">
        {answer === null ? (
          <button type="submit" class="button">
            {tp('quiz.answer')}
          </button>
        ) : (
          <button type="button" class="button" ref={next} onClick={onNext}>
            {isLast ? tr('review.finish') : tp('quiz.nextQuestion')}
          </button>
        )}
      </p>
    </form>
  );
}

interface EndProps {
  store: ReviewStore;
  right: number;
  total: number;
  onMore: () => void;
}

function ReviewEnd({ store, right, total, onMore }: EndProps) {
  const tr = useTexts(reviewTexts);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const waiting = store.dueCount.value ?? 0;
  const next = store.nextDue.value;
  return (
    <section class="review-end" aria-labelledby="review-end-heading">
      <h2 id="review-end-heading" tabIndex={-1} ref={heading}>
        {tr('review.endTitle')}
      </h2>
      <p class="quiz-score">{tr('review.score', { correct: right, count: total })}</p>
      {waiting > 0 ? (
        <>
          <p>{tr('review.moreWaiting', { count: waiting })}</p>
          <p class="actions">
            <button type="button" class="button" onClick={onMore}>
              {tr('review.more')}
            </button>
          </p>
        </>
      ) : (
        next != null && <NextReview at={next} now={store.now.value} />
      )}
      <HomeLink />
    </section>
  );
}

/** "Til forsiden", under the empty state and the end of a session. */
function HomeLink() {
  const tr = useTexts(reviewTexts);
  return (
    <p class="actions">
      <a class="button secondary" href={paths.home}>
        {tr('review.home')}
      </a>
    </p>
  );
}
