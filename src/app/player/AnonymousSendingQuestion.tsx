// "Kan svarene dine sendes anonymt?" (issue 15): asked once, with the first answer, on a device
// without an account. Two one-tap answers; the choice is remembered on the device and confirmed in
// a sentence. Yes starts a send at once (the sync controller sends the answers not yet sent); no
// keeps everything on the device. Never shown to a signed-in learner: their answers sync with the
// account.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AnonymousSending } from '../../client-core/db/anonymous-feedback';
import { useTexts } from '../i18n/feature-texts';
import { useAppState, useSync } from '../state/context';
import { feedbackTexts } from './feedback-texts';

export function AnonymousSendingQuestion() {
  const tf = useTexts(feedbackTexts);
  const { anonymousSending } = useAppState();
  const sync = useSync();
  const [chosen, setChosen] = useState<AnonymousSending | null>(null);
  const confirmation = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (chosen) confirmation.current?.focus();
  }, [chosen]);

  if (chosen) {
    return (
      <p class="hint" tabIndex={-1} ref={confirmation}>
        {tf(chosen === 'yes' ? 'feedback.anonymousChosenYes' : 'feedback.anonymousChosenNo')}
      </p>
    );
  }
  if (sync.account.value !== null || anonymousSending.choice.value !== 'unasked') return null;

  const choose = async (answer: AnonymousSending) => {
    setChosen(answer);
    await anonymousSending.choose(answer);
    if (answer === 'yes') void sync.syncNow();
  };

  return (
    <fieldset class="anonymous-sending" aria-describedby="anonymous-sending-explain">
      <legend>{tf('feedback.anonymousQuestion')}</legend>
      <p id="anonymous-sending-explain" class="hint">
        {tf('feedback.anonymousExplain')}
      </p>
      <p class="actions">
        <button type="button" class="button secondary" onClick={() => void choose('yes')}>
          {tf('feedback.anonymousYes')}
        </button>
        <button type="button" class="button secondary" onClick={() => void choose('no')}>
          {tf('feedback.anonymousNo')}
        </button>
      </p>
    </fieldset>
  );
}
