// A reflection: the prompt, a text box that saves itself while the learner types (debounced, and
// on blur, page hide and leaving), an optional tip about the business-garden advisor. Saving a
// non-empty text completes the lesson (see saveReflection).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReflectionLesson } from '../../shared/course';
import { Html } from '../components/Html';
import { saveReflection } from '../db/learner-actions';
import { useI18n } from '../state/context';
import { CompletionPanel } from './CompletionPanel';
import type { PlayerProps } from './types';
import { eventIds } from './use-learner-action';

export const AUTOSAVE_DELAY_MS = 700;

type SaveState = 'idle' | 'pending' | 'saved' | 'failed';

export function ReflectionPlayer({
  courseId,
  lesson,
  progress,
  contentLang,
  completion,
}: PlayerProps<ReflectionLesson>) {
  const { t } = useI18n();
  // Loaded once: later stored values are our own saves and must not overwrite what is typed.
  const [text, setText] = useState(progress.reflection?.value ?? '');
  const [status, setStatus] = useState<SaveState>('idle');
  // The last text known to be stored; null after a failed save, so the next flush retries.
  const saved = useRef<string | null>(text);
  const latest = useRef(text);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const flush = useRef<() => void>(() => {});
  const [receipt, setReceipt] = useState<string[] | null>(null);

  flush.current = () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const value = latest.current;
    if (value === saved.current) return;
    saved.current = value;
    saveReflection(courseId, lesson.id, value).then(
      (events) => {
        if (events.length > 0) setReceipt(eventIds(events));
        if (latest.current === value) setStatus('saved');
      },
      (error: unknown) => {
        console.error(error);
        saved.current = null;
        setStatus('failed');
      },
    );
  };

  useEffect(() => {
    const save = () => flush.current();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') save();
    };
    addEventListener('pagehide', save);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      removeEventListener('pagehide', save);
      document.removeEventListener('visibilitychange', onVisibility);
      save();
    };
  }, []);

  const onInput = (value: string) => {
    setText(value);
    latest.current = value;
    setStatus('pending');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => flush.current(), AUTOSAVE_DELAY_MS);
  };

  const statusText =
    status === 'saved'
      ? t('reflection.saved')
      : status === 'pending'
        ? t('reflection.saving')
        : status === 'failed'
          ? t('lesson.saveError')
          : '';

  return (
    <>
      <Html html={lesson.html} id="reflection-prompt" class="prose" lang={contentLang} />
      <div class="field">
        <label for="reflection-text">{t('reflection.label')}</label>
        <p id="reflection-hint" class="hint">
          {t('reflection.hint')}
        </p>
        <textarea
          id="reflection-text"
          rows={6}
          maxLength={20_000}
          aria-describedby="reflection-prompt reflection-hint"
          value={text}
          onInput={(e) => onInput(e.currentTarget.value)}
          onBlur={() => flush.current()}
        />
        <p class={`save-status${status === 'failed' ? ' error' : ''}`} role="status">
          {statusText}
        </p>
      </div>
      {lesson.advisorHtml && (
        <aside class="tip" aria-labelledby="reflection-tip">
          <h2 id="reflection-tip">{t('reflection.tip')}</h2>
          <Html html={lesson.advisorHtml} class="prose" lang={contentLang} />
        </aside>
      )}
      {progress.completedAt !== null && (
        <CompletionPanel
          {...completion}
          focus={false}
          message={t('reflection.done')}
          receipt={receipt}
        />
      )}
    </>
  );
}
