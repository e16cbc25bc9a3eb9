// "Hva vil du lære mer om?" below a finished course's summary (issue 15): up to three topics from
// courses/topics.yml (a fourth cannot be ticked), an optional text (at most 280 characters) with
// "Kan leses av kursforfatterne" off by default, then "Send" or "Hopp over" — one learner action
// (`course.wished`, carried by the lesson whose completion finished the course; a skip is an answer
// with no topic and no text), then a short line that says it is done.
//
// Never a blocker: the summary and the next course stand above it. Asked at most once per course:
// once any of its lessons carries an answer, from this device or another, it is not shown again;
// what this visit has answered stays until the learner leaves. "Ikke spør meg om
// tilbakemeldinger" in Settings hides it on this device.
import { useEffect, useRef, useState } from 'preact/hooks';
import topics from 'virtual:course-topics';
import { WISHED_TOPICS_MAX } from '../../shared/events';
import { isCourseWished, type CourseWishes, type LessonProgress } from '../../shared/progress';
import { wishCourse } from '../../client-core/db/learner-actions';
import { useTexts } from '../i18n/feature-texts';
import { feedbackTexts } from '../player/feedback-texts';
import { useLearnerAction } from '../player/use-learner-action';
import { useAppState, useI18n } from '../state/context';
import { courseWishesTexts } from './course-wishes-texts';
import { FeedbackText } from './FeedbackText';

type Stage = 'ask' | 'thanks' | 'skipped';

const SKIPPED: CourseWishes = { topics: [], text: '', forAuthors: false };

interface Props {
  courseId: string;
  /** The lesson whose completion finished the course: the answer is recorded on it. */
  lessonId: string;
  /** The course's lessons' progress: whether any carries an answer decides the question. */
  progress: ReadonlyMap<string, LessonProgress>;
}

export function CourseWishes({ courseId, lessonId, progress }: Props) {
  const tw = useTexts(courseWishesTexts);
  const tf = useTexts(feedbackTexts);
  const { t, lang } = useI18n();
  const { feedbackAsking } = useAppState();
  const [stage, setStage] = useState<Stage>('ask');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [text, setText] = useState('');
  const [forAuthors, setForAuthors] = useState(false);
  const action = useLearnerAction();
  const done = useRef<HTMLParagraphElement>(null);

  // The form is gone after "Send" or "Hopp over": focus follows to the line that replaces it.
  useEffect(() => {
    if (stage !== 'ask') done.current?.focus();
  }, [stage]);

  // Not asked: already answered (here or on another device), turned off, or not yet known.
  if (
    stage === 'ask' &&
    (isCourseWished(progress.values()) || feedbackAsking.askingOff.value !== false)
  ) {
    return null;
  }
  if (stage !== 'ask') {
    return (
      <p class="course-wishes" tabIndex={-1} ref={done}>
        {stage === 'thanks' ? tf('feedback.thanks') : tw('wishes.skipped')}
      </p>
    );
  }

  const answer = async (wishes: CourseWishes, next: Stage) => {
    if (await action.run(() => wishCourse(courseId, lessonId, wishes))) setStage(next);
  };
  const send = () =>
    answer(
      {
        // In the list's order, whatever order they were ticked in.
        topics: topics.filter((topic) => chosen.has(topic.id)).map((topic) => topic.id),
        text: text.trim(),
        forAuthors,
      },
      'thanks',
    );
  const full = chosen.size >= WISHED_TOPICS_MAX;
  /** Ticks or unticks a topic; false when it is a fourth, which is refused. */
  const toggle = (id: string, on: boolean): boolean => {
    if (on && full) return false;
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
    return true;
  };

  return (
    <section class="course-wishes" aria-labelledby="wishes-question">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <fieldset aria-describedby="wishes-hint">
          <legend id="wishes-question">{tw('wishes.question')}</legend>
          <p id="wishes-hint" class="hint">
            {tw('wishes.hint')}
          </p>
          <ul class="options">
            {topics.map((topic) => (
              <li key={topic.id} class="option">
                <label class="choice" for={`wish-${topic.id}`}>
                  <input
                    id={`wish-${topic.id}`}
                    type="checkbox"
                    checked={chosen.has(topic.id)}
                    // Three are ticked: a fourth cannot be, until one is unticked.
                    disabled={full && !chosen.has(topic.id)}
                    onChange={(e) => {
                      // A box is disabled, but a script (or an old browser) may still click it.
                      if (!toggle(topic.id, e.currentTarget.checked))
                        e.currentTarget.checked = false;
                    }}
                  />
                  <span>{topic[lang]}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <FeedbackText
          id="wishes"
          label={tw('wishes.textLabel')}
          text={text}
          onText={setText}
          forAuthors={forAuthors}
          onForAuthors={setForAuthors}
        />
        <p class="actions">
          <button type="submit" class="button">
            {tf('feedback.send')}
          </button>
          <button
            type="button"
            class="button secondary"
            onClick={() => void answer(SKIPPED, 'skipped')}
          >
            {tf('feedback.skip')}
          </button>
        </p>
      </form>
      <p class="hint">{tf('feedback.where')}</p>
      {action.failed && (
        <p class="error" role="alert">
          {t('lesson.saveError')}
        </p>
      )}
    </section>
  );
}
