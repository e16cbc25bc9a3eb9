// A reflection: the prompt, a text box kept as a draft while the learner types, "Lagre", which
// completes the lesson once the text is at least a sentence, a sentence on where the text is
// stored and who can read it, the "Del med rådgiveren" switch, and an optional tip about the
// business-garden advisor. The text and its saving are owned by the draft store
// (reflection-draft.ts); the switch is the stored progress, changed by one learner action.
//
// The switch shows for a member of a business garden (the membership store knows it offline
// too), and for anyone whose reflection is shared (so they can turn it off); nobody else has an
// advisor to share with. Off until the learner turns it on, also before any text is written: seen
// off beside an empty box it says the text is private, and a learner may decide before they
// write. It acts at once (it is not part of "Lagre"), and the where-sentence follows it.
import { useEffect, useRef } from 'preact/hooks';
import type { ReflectionLesson } from '../../shared/course';
import { REFLECTION_MIN_CHARACTERS } from '../../shared/reflection';
import { Html } from '../components/Html';
import {
  saveReflection,
  shareReflection,
  submitReflection,
} from '../../client-core/db/learner-actions';
import { isReflectionShared } from '../../shared/progress';
import { useMembership } from '../network/membership-store';
import { useI18n, useSync } from '../state/context';
import { CompletionPanel } from './CompletionPanel';
import { createReflectionDraft, type ReflectionDraft } from './reflection-draft';
import type { PlayerProps } from './types';
import { useLearnerAction } from './use-learner-action';

export function ReflectionPlayer({
  courseId,
  lesson,
  progress,
  contentLang,
  completion,
}: PlayerProps<ReflectionLesson>) {
  const { t } = useI18n();
  const account = useSync().account.value;
  // Made once: later stored values are our own saves and must not overwrite what is typed.
  const draftRef = useRef<ReflectionDraft | null>(null);
  draftRef.current ??= createReflectionDraft({
    initialText: progress.reflection?.value ?? '',
    save: (text) => saveReflection(courseId, lesson.id, text),
    submit: (text) => submitReflection(courseId, lesson.id, text),
  });
  const draft = draftRef.current;
  const completedAtStart = useRef(progress.completedAt !== null);
  const completed = progress.completedAt !== null;
  const submission = draft.submission.value;
  const status = draft.status.value;
  const shared = isReflectionShared(progress);
  const sharing = useLearnerAction();
  const member = useMembership().isMember.value;
  // Once shown, it stays for this visit: turned off by someone in no garden, it must not vanish
  // from under their finger (and focus).
  const shareShown = useRef(false);
  shareShown.current ||= shared || member;
  const showShare = shareShown.current;

  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') draft.flush();
    };
    addEventListener('pagehide', draft.flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      removeEventListener('pagehide', draft.flush);
      document.removeEventListener('visibilitychange', onVisibility);
      draft.flush();
    };
  }, []);

  const statusText =
    status === 'saved'
      ? completed
        ? t('reflection.saved')
        : t('reflection.draftSaved')
      : status === 'pending'
        ? t('reflection.saving')
        : status === 'failed'
          ? t('lesson.saveError')
          : '';

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void draft.submit();
  };

  // The completion shows when the lesson opened completed, or after the learner's "Lagre": never
  // in the middle of typing.
  const showCompletion = completed && (completedAtStart.current || submission.kind === 'submitted');

  return (
    <>
      <Html html={lesson.html} id="reflection-prompt" class="prose" lang={contentLang} />
      <form class="field reflection" onSubmit={onSubmit}>
        <label for="reflection-text">{t('reflection.label')}</label>
        <p id="reflection-hint" class="hint">
          {t('reflection.hint')}
        </p>
        <p id="reflection-where" class="hint">
          {account
            ? t(shared ? 'reflection.whereAccountShared' : 'reflection.whereAccount')
            : t(shared ? 'reflection.whereDeviceShared' : 'reflection.whereDevice')}
        </p>
        <textarea
          id="reflection-text"
          rows={6}
          maxLength={20_000}
          aria-describedby="reflection-prompt reflection-hint reflection-where"
          value={draft.text.value}
          onInput={(e) => draft.edit(e.currentTarget.value)}
          onBlur={draft.flush}
        />
        <p class={`save-status${status === 'failed' ? ' error' : ''}`} role="status">
          {statusText}
        </p>
        {submission.kind === 'tooShort' && (
          <p class="error" role="alert">
            {t('reflection.tooShort', {
              min: REFLECTION_MIN_CHARACTERS,
              count: submission.length,
            })}
          </p>
        )}
        <p class="actions">
          <button type="submit" class="button">
            {t('reflection.submit')}
          </button>
        </p>
      </form>
      {showShare && (
        <div class="reflection-share">
          <label class="choice" for="reflection-share">
            <input
              id="reflection-share"
              type="checkbox"
              role="switch"
              checked={shared}
              aria-describedby="reflection-share-hint"
              onChange={(e) => {
                const on = e.currentTarget.checked;
                void sharing.run(() => shareReflection(courseId, lesson.id, on));
              }}
            />
            <span>{t('reflection.share')}</span>
          </label>
          <p id="reflection-share-hint" class="hint">
            {t('reflection.shareHint')}
          </p>
          {sharing.failed && (
            <p class="error" role="alert">
              {t('lesson.saveError')}
            </p>
          )}
        </div>
      )}
      {lesson.advisorHtml && (
        <aside class="tip" aria-labelledby="reflection-tip">
          <h2 id="reflection-tip">{t('reflection.tip')}</h2>
          <Html html={lesson.advisorHtml} class="prose" lang={contentLang} />
        </aside>
      )}
      {showCompletion && (
        <CompletionPanel
          {...completion}
          lessonId={lesson.id}
          progress={progress}
          focus={!completedAtStart.current}
          message={t('reflection.done')}
          receipt={draft.receipt.value}
        />
      )}
    </>
  );
}
