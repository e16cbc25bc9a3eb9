// A checklist: each item is saved the moment it is ticked or unticked; the learner completes the
// lesson with a submit button whenever they like (ticking every item is not required — these are
// tasks in their own business, not a test).
import { useRef, useState } from 'preact/hooks';
import type { ChecklistLesson } from '../../shared/course';
import { isChecked } from '../../shared/progress';
import { Html } from '../components/Html';
import { completeLesson, toggleChecklistItem } from '../db/learner-actions';
import { eventIds, useLearnerAction } from './use-learner-action';
import { useI18n } from '../state/context';
import { CompletionPanel } from './CompletionPanel';
import type { PlayerProps } from './types';

export function ChecklistPlayer({
  courseId,
  lesson,
  progress,
  contentLang,
  completion,
}: PlayerProps<ChecklistLesson>) {
  const { t } = useI18n();
  // The learner's clicks show at once; the stored state catches up a few ms later.
  const [local, setLocal] = useState<Record<string, boolean>>({});
  const { failed, run } = useLearnerAction();
  const [receipt, setReceipt] = useState<string[] | null>(null);
  const completedAtStart = useRef(progress.completedAt !== null);
  const checked = (itemId: string) => local[itemId] ?? isChecked(progress, itemId);
  const count = lesson.items.filter((item) => checked(item.id)).length;

  const toggle = async (itemId: string, on: boolean) => {
    setLocal((current) => ({ ...current, [itemId]: on }));
    const stored = await run(async () => {
      const events = await toggleChecklistItem(courseId, lesson.id, itemId, on);
      // After completion a tick is the latest change: the receipt follows it.
      if (progress.completedAt !== null && events.length > 0) setReceipt(eventIds(events));
    });
    if (!stored) setLocal((current) => ({ ...current, [itemId]: !on }));
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    await run(async () => setReceipt(eventIds(await completeLesson(courseId, lesson.id))));
  };

  return (
    <>
      <Html html={lesson.html} class="prose" lang={contentLang} />
      <form class="checklist" onSubmit={submit}>
        <fieldset>
          <legend class="visually-hidden">{lesson.title}</legend>
          <ul class="options">
            {lesson.items.map((item) => (
              <li key={item.id} class="option">
                <label class="choice" for={`item-${item.id}`}>
                  <input
                    id={`item-${item.id}`}
                    type="checkbox"
                    checked={checked(item.id)}
                    onChange={(e) => void toggle(item.id, e.currentTarget.checked)}
                  />
                  <Html html={item.html} inline lang={contentLang} />
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <p class="hint" role="status">
          {t('checklist.progress', { checked: count, total: lesson.items.length })}
        </p>
        {progress.completedAt === null && (
          <p class="actions">
            <button type="submit" class="button">
              {t('checklist.submit')}
            </button>
          </p>
        )}
      </form>
      {failed && (
        <p class="error" role="alert">
          {t('lesson.saveError')}
        </p>
      )}
      {progress.completedAt !== null && (
        <CompletionPanel
          {...completion}
          focus={!completedAtStart.current}
          message={t('checklist.done')}
          receipt={receipt}
        />
      )}
    </>
  );
}
