// The free text of a feedback question (issue 15): "Hva manglet?" after a lesson's rating, and the
// text under "Hva vil du lære mer om?" when a course is finished. At most 280 characters with a
// counter (announced once the learner pauses, not at every keystroke) and "Kan leses av
// kursforfatterne", off unless ticked. The question around it owns the values.
import { useEffect, useRef, useState } from 'preact/hooks';
import { COMMENT_MAX_CHARACTERS } from '../../shared/events';
import { useTexts } from '../i18n/feature-texts';
import { feedbackTexts } from '../player/feedback-texts';

/** How long the counter waits after the last keystroke before it is announced. */
const ANNOUNCE_AFTER_MS = 1000;

interface Props {
  /** The prefix of its elements' ids: `<id>-text`, `<id>-count`, `<id>-for-authors`. */
  id: string;
  label: string;
  text: string;
  onText(text: string): void;
  forAuthors: boolean;
  onForAuthors(forAuthors: boolean): void;
}

export function FeedbackText({ id, label, text, onText, forAuthors, onForAuthors }: Props) {
  const tf = useTexts(feedbackTexts);
  const [announced, setAnnounced] = useState('');
  const announceTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(announceTimer.current), []);
  const count = (n: number) => tf('feedback.count', { count: n, max: COMMENT_MAX_CHARACTERS });

  return (
    <>
      <label for={`${id}-text`}>{label}</label>
      <textarea
        id={`${id}-text`}
        rows={3}
        maxLength={COMMENT_MAX_CHARACTERS}
        value={text}
        aria-describedby={`${id}-count`}
        onInput={(e) => {
          const value = e.currentTarget.value.slice(0, COMMENT_MAX_CHARACTERS);
          onText(value);
          clearTimeout(announceTimer.current);
          announceTimer.current = setTimeout(
            () => setAnnounced(count(value.length)),
            ANNOUNCE_AFTER_MS,
          );
        }}
      />
      <p id={`${id}-count`} class="hint">
        {count(text.length)}
      </p>
      <p class="visually-hidden" aria-live="polite">
        {announced}
      </p>
      <label class="choice" for={`${id}-for-authors`}>
        <input
          id={`${id}-for-authors`}
          type="checkbox"
          checked={forAuthors}
          onChange={(e) => onForAuthors(e.currentTarget.checked)}
        />
        <span>{tf('feedback.forAuthors')}</span>
      </label>
    </>
  );
}
