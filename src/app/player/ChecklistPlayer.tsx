// A checklist: each item is saved the moment it is ticked or unticked. The lesson is done when
// every item is ticked ("Fullfør sjekklisten" appears then), or when the learner confirms that the
// rest does not apply to them ("Resten gjelder ikke oss"); the unticked items then stay shown as
// not done, and can still be ticked. Nothing completes it with items unticked by a single tap.
import { useRef, useState } from 'preact/hooks';
import type { ChecklistLesson } from '../../shared/course';
import { isChecked } from '../../shared/progress';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Html } from '../components/Html';
import { completeChecklist, toggleChecklistItem } from '../../client-core/db/learner-actions';
import { eventIds, useLearnerAction } from './use-learner-action';
import { useI18n } from '../state/context';
import { CompletionPanel } from './CompletionPanel';
import type { PlayerProps } from './types';
import { playerTexts } from './player-texts';
import { useTexts } from '../i18n/feature-texts';

export function ChecklistPlayer({
  courseId,
  lesson,
  progress,
  contentLang,
  completion,
}: PlayerProps<ChecklistLesson>) {
  const { t } = useI18n();
  const tp = useTexts(playerTexts);
  // The learner's clicks show at once; the stored state catches up a few ms later.
  const [local, setLocal] = useState<Record<string, boolean>>({});
  const { failed, run } = useLearnerAction();
  const [receipt, setReceipt] = useState<string[] | null>(null);
  const [askingRest, setAskingRest] = useState(false);
  const completedAtStart = useRef(progress.completedAt !== null);
  const checked = (itemId: string) => local[itemId] ?? isChecked(progress, itemId);
  const count = lesson.items.filter((item) => checked(item.id)).length;
  const unticked = lesson.items.length - count;
  const completed = progress.completedAt !== null;

  const toggle = async (itemId: string, on: boolean) => {
    setLocal((current) => ({ ...current, [itemId]: on }));
    const stored = await run(async () => {
      const events = await toggleChecklistItem(courseId, lesson.id, itemId, on);
      // After completion a tick is the latest change: the receipt follows it.
      if (progress.completedAt !== null && events.length > 0) setReceipt(eventIds(events));
    });
    if (!stored) setLocal((current) => ({ ...current, [itemId]: !on }));
  };

  const complete = (restDoesNotApply: boolean) =>
    run(async () =>
      setReceipt(eventIds(await completeChecklist(courseId, lesson, { restDoesNotApply }))),
    );

  const submit = async (event: Event) => {
    event.preventDefault();
    if (unticked === 0) await complete(false);
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
          {tp('checklist.progress', { checked: count, total: lesson.items.length })}
        </p>
        {!completed && unticked === 0 && (
          <p class="actions">
            <button type="submit" class="button">
              {tp('checklist.submit')}
            </button>
          </p>
        )}
        {!completed && unticked > 0 && (
          <>
            <p class="hint">{tp('checklist.needAll')}</p>
            <p class="actions">
              <button type="button" class="button secondary" onClick={() => setAskingRest(true)}>
                {tp('checklist.restNotApplicable')}
              </button>
            </p>
          </>
        )}
      </form>
      {askingRest && (
        <ConfirmDialog
          title={tp('checklist.restTitle')}
          confirmLabel={tp('checklist.restConfirm')}
          cancelLabel={tp('checklist.restCancel')}
          tone="primary"
          onConfirm={() => {
            setAskingRest(false);
            void complete(true);
          }}
          onCancel={() => setAskingRest(false)}
          fallbackFocus={() => document.getElementById('done-heading')}
        >
          <p>{tp('checklist.restText', { count: unticked })}</p>
        </ConfirmDialog>
      )}
      {failed && (
        <p class="error" role="alert">
          {t('lesson.saveError')}
        </p>
      )}
      {completed && (
        <CompletionPanel
          {...completion}
          lessonId={lesson.id}
          progress={progress}
          focus={!completedAtStart.current}
          message={
            unticked === 0
              ? tp('checklist.done')
              : tp('checklist.doneWithRest', { count: unticked })
          }
          receipt={receipt}
        />
      )}
    </>
  );
}
