// "Ukemål og studieplan" (/studieplan, issue 16 item 4; a chunk of its own, linked from
// Settings): the learner's weekly goal (1, 2 or 3 lessons, stored at once like a setting) and one
// study plan, "Når …, tar jeg én leksjon" — a cue picked from examples or written by the learner,
// a weekday and a time — kept on the device. A saved plan can go into the learner's calendar as
// a weekly event (an .ics file made on the device, study-plan-ics.ts, loaded when asked for), be
// changed, or be removed after a confirmation.
//
// Focus: the form gives way to the saved plan after "Lagre planen", and focus follows to the
// saved plan's heading; a form with errors sends focus to the first field in error, whose error
// sentence is tied to it (aria-invalid + aria-describedby); removing the plan returns focus to the
// section's heading.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { PageHeading } from '../components/PageHeading';
import { saveBlob } from '../components/save-blob';
import { useTexts } from '../i18n/feature-texts';
import { useI18n } from '../state/context';
import {
  CUE_EXAMPLES,
  DEFAULT_PLAN_DAY,
  DEFAULT_PLAN_TIME,
  OWN_CUE_MAX_CHARACTERS,
  WEEKDAYS,
  isPlanTime,
  ownCueProblem,
  type CueExample,
  type StudyPlan,
  type StudyPlanChoice,
  type Weekday,
} from '../../shared/study-plan';
import { WEEKLY_GOALS, type WeeklyGoal } from '../../shared/weekly-goal';
import { calendarTexts, planSummary, weekdayName } from './plan-sentence';
import { createStudyPlanStore, type StudyPlanStore } from './study-plan-store';
import { studyPlanTexts } from './study-plan-texts';

export function StudyPlanScreen() {
  const tp = useTexts(studyPlanTexts);
  const store = useMemo(() => createStudyPlanStore(), []);
  return (
    <div class="screen">
      <PageHeading title={tp('plan.title')} />
      <p class="lead">{tp('plan.lead')}</p>
      <WeeklyGoalSection store={store} />
      <PlanSection store={store} />
    </div>
  );
}

function WeeklyGoalSection({ store }: { store: StudyPlanStore }) {
  const tp = useTexts(studyPlanTexts);
  const [status, setStatus] = useState<'saved' | 'failed' | null>(null);
  const goal = store.goal.value;
  const choose = async (next: WeeklyGoal) => {
    try {
      await store.chooseGoal(next);
      setStatus('saved');
    } catch (error) {
      console.error('weekly goal not stored', error);
      setStatus('failed');
    }
  };
  return (
    <section aria-labelledby="goal-heading">
      <h2 id="goal-heading">{tp('plan.goalHeading')}</h2>
      <fieldset aria-describedby="goal-hint">
        <legend>{tp('plan.goalLegend')}</legend>
        <p id="goal-hint" class="hint">
          {tp('plan.goalHint')}
        </p>
        <ul class="options">
          {WEEKLY_GOALS.map((n) => (
            <li key={n} class="option">
              <label class="choice" for={`goal-${n}`}>
                <input
                  id={`goal-${n}`}
                  type="radio"
                  name="weekly-goal"
                  value={n}
                  checked={goal === n}
                  disabled={goal === null}
                  onChange={() => void choose(n)}
                />
                <span>{tp('plan.goalOption', { count: n })}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <p class={status === 'failed' ? 'error' : 'hint'} role="status">
        {status === 'saved'
          ? tp('plan.goalSaved')
          : status === 'failed'
            ? tp('plan.goalFailed')
            : ''}
      </p>
    </section>
  );
}

type Status = 'saved' | 'removed' | 'failed' | 'remove-failed' | null;
const STATUS_TEXTS = {
  saved: 'plan.saved',
  removed: 'plan.removed',
  failed: 'plan.saveFailed',
  'remove-failed': 'plan.removeFailed',
} as const;
/** Where focus goes after the section changed under it. */
type FocusTarget = 'saved-plan' | 'form' | null;

function PlanSection({ store }: { store: StudyPlanStore }) {
  const tp = useTexts(studyPlanTexts);
  const plan = store.plan.value;
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [focus, setFocus] = useState<FocusTarget>(null);
  const savedHeading = useRef<HTMLHeadingElement>(null);
  const firstField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focus === 'saved-plan') savedHeading.current?.focus();
    if (focus === 'form') firstField.current?.focus();
    setFocus(null);
  }, [focus]);

  const save = async (choice: StudyPlanChoice) => {
    try {
      await store.savePlan(choice);
      setEditing(false);
      setStatus('saved');
      setFocus('saved-plan');
    } catch (error) {
      console.error('study plan not stored', error);
      setStatus('failed');
    }
  };
  const remove = async () => {
    try {
      await store.removePlan();
      setEditing(false);
      setStatus('removed');
    } catch (error) {
      console.error('study plan not removed', error);
      setStatus('remove-failed');
    }
  };

  const showForm = plan === null || (plan !== undefined && editing);
  return (
    <section aria-labelledby="plan-heading">
      <h2 id="plan-heading" tabIndex={-1}>
        {tp('plan.planHeading')}
      </h2>
      <p>{tp('plan.planIntro')}</p>
      <p class={status?.endsWith('failed') ? 'error' : 'hint'} role="status">
        {status ? tp(STATUS_TEXTS[status]) : ''}
      </p>
      {showForm && (
        <PlanForm
          // A new form after every save or removal: it starts from what is stored.
          key={`${plan?.id ?? 'new'}-${plan?.revision ?? 0}`}
          initial={plan ?? null}
          firstField={firstField}
          onSave={save}
          onCancel={
            plan
              ? () => {
                  setEditing(false);
                  setFocus('saved-plan');
                }
              : undefined
          }
        />
      )}
      {plan && !editing && (
        <SavedPlan
          plan={plan}
          heading={savedHeading}
          onEdit={() => {
            setStatus(null);
            setEditing(true);
            setFocus('form');
          }}
          onRemove={remove}
        />
      )}
    </section>
  );
}

/** The form's values while the learner fills it in. */
interface Draft {
  cue: CueExample | 'own' | null;
  own: string;
  day: Weekday;
  time: string;
}

interface FieldErrors {
  cue?: 'plan.errorCue' | 'plan.errorOwnEmpty' | 'plan.errorOwnLong';
  time?: 'plan.errorTime';
}

const draftOf = (plan: StudyPlan | null): Draft =>
  plan
    ? {
        cue: plan.cue.kind === 'example' ? plan.cue.example : 'own',
        own: plan.cue.kind === 'own' ? plan.cue.text : '',
        day: plan.day,
        time: plan.time,
      }
    : { cue: null, own: '', day: DEFAULT_PLAN_DAY, time: DEFAULT_PLAN_TIME };

/** The choice the draft makes, or what is wrong with it. */
function check(draft: Draft): { choice: StudyPlanChoice | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (draft.cue === null) errors.cue = 'plan.errorCue';
  else if (draft.cue === 'own') {
    const problem = ownCueProblem(draft.own);
    if (problem === 'empty') errors.cue = 'plan.errorOwnEmpty';
    if (problem === 'too-long') errors.cue = 'plan.errorOwnLong';
  }
  if (!isPlanTime(draft.time)) errors.time = 'plan.errorTime';
  if (draft.cue === null || errors.cue || errors.time) return { choice: null, errors };
  const cue =
    draft.cue === 'own'
      ? { kind: 'own' as const, text: draft.own.trim() }
      : { kind: 'example' as const, example: draft.cue };
  return { choice: { cue, day: draft.day, time: draft.time }, errors };
}

/** A time input's value as HH:MM (a browser may add seconds). */
const clockTime = (value: string): string => /^\d\d:\d\d/.exec(value)?.[0] ?? value;

interface PlanFormProps {
  initial: StudyPlan | null;
  /** The field focus goes to when the form opens for a change. */
  firstField: { current: HTMLInputElement | null };
  onSave: (choice: StudyPlanChoice) => Promise<void>;
  /** Leave the form without saving; only when a plan is saved already. */
  onCancel?: () => void;
}

function PlanForm({ initial, firstField, onSave, onCancel }: PlanFormProps) {
  const tp = useTexts(studyPlanTexts);
  const { locale } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const ownInput = useRef<HTMLInputElement>(null);
  const timeInput = useRef<HTMLInputElement>(null);
  const firstCue = useRef<HTMLInputElement>(null);

  const { choice, errors } = check(draft);
  // Errors show once the learner has tried to save, and then follow every change.
  const shown: FieldErrors = tried ? errors : {};
  const change = (next: Partial<Draft>) => setDraft((current) => ({ ...current, ...next }));

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setTried(true);
    if (!choice) {
      if (errors.cue) (draft.cue === 'own' ? ownInput : firstCue).current?.focus();
      else if (errors.time) timeInput.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await onSave(choice);
    } finally {
      setBusy(false);
    }
  };

  const cueError = shown.cue && (
    <p id="plan-cue-error" class="field-error error">
      {tp(shown.cue, { max: OWN_CUE_MAX_CHARACTERS })}
    </p>
  );
  const ownDescribed = ['plan-own-hint', shown.cue ? 'plan-cue-error' : ''].filter(Boolean);
  return (
    <form class="plan-form" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset
        aria-describedby={
          shown.cue && draft.cue !== 'own' ? 'plan-cue-hint plan-cue-error' : 'plan-cue-hint'
        }
      >
        <legend>{tp('plan.cueLegend')}</legend>
        <p id="plan-cue-hint" class="hint">
          {tp('plan.cueHint')}
        </p>
        <ul class="options">
          {[...CUE_EXAMPLES, 'own' as const].map((cue, i) => (
            <li key={cue} class="option">
              <label class="choice" for={`plan-cue-${cue}`}>
                <input
                  id={`plan-cue-${cue}`}
                  ref={(element) => {
                    // Focus after "Endre planen" goes to the chosen cue, else the first.
                    if (i === 0) firstCue.current = element;
                    if (draft.cue === cue || (i === 0 && draft.cue === null))
                      firstField.current = element;
                  }}
                  type="radio"
                  name="plan-cue"
                  value={cue}
                  checked={draft.cue === cue}
                  onChange={() => change({ cue })}
                />
                <span>{tp(cue === 'own' ? 'plan.cueOwn' : (`plan.cue.${cue}` as const))}</span>
              </label>
            </li>
          ))}
        </ul>
        {draft.cue === 'own' ? (
          <div class="field">
            <label for="plan-own">{tp('plan.ownLabel')}</label>
            <p id="plan-own-hint" class="hint">
              {tp('plan.ownHint', { max: OWN_CUE_MAX_CHARACTERS })}
            </p>
            <input
              id="plan-own"
              ref={ownInput}
              class="text-input"
              type="text"
              value={draft.own}
              maxLength={OWN_CUE_MAX_CHARACTERS}
              autocomplete="off"
              aria-invalid={shown.cue ? 'true' : undefined}
              aria-describedby={ownDescribed.join(' ')}
              onInput={(e) => change({ own: e.currentTarget.value })}
            />
            {cueError}
          </div>
        ) : (
          cueError
        )}
      </fieldset>
      <fieldset>
        <legend>{tp('plan.whenLegend')}</legend>
        <div class="field">
          <label for="plan-day">{tp('plan.day')}</label>
          <select
            id="plan-day"
            class="text-input"
            value={draft.day}
            onChange={(e) => change({ day: e.currentTarget.value as Weekday })}
          >
            {WEEKDAYS.map((day) => {
              const name = weekdayName(locale, day);
              return (
                <option key={day} value={day}>
                  {name.charAt(0).toUpperCase() + name.slice(1)}
                </option>
              );
            })}
          </select>
        </div>
        <div class="field">
          <label for="plan-time">{tp('plan.time')}</label>
          <p id="plan-time-hint" class="hint">
            {tp('plan.timeHint')}
          </p>
          <input
            id="plan-time"
            ref={timeInput}
            class="text-input"
            type="time"
            required
            value={draft.time}
            aria-invalid={shown.time ? 'true' : undefined}
            aria-describedby={shown.time ? 'plan-time-hint plan-time-error' : 'plan-time-hint'}
            onInput={(e) => change({ time: clockTime(e.currentTarget.value) })}
          />
          {shown.time && (
            <p id="plan-time-error" class="field-error error">
              {tp(shown.time)}
            </p>
          )}
        </div>
      </fieldset>
      {choice && (
        <p class="plan-preview">
          <span class="hint">{tp('plan.preview')}</span>{' '}
          <strong>{planSummary(tp, locale, choice)}</strong>
        </p>
      )}
      <p class="actions">
        {/* aria-disabled, not disabled: the button keeps focus while the plan is stored. */}
        <button type="submit" class="button" aria-disabled={busy ? 'true' : undefined}>
          {tp('plan.save')}
        </button>
        {onCancel && (
          <button type="button" class="button secondary" onClick={onCancel}>
            {tp('plan.cancel')}
          </button>
        )}
      </p>
    </form>
  );
}

type CalendarStatus = 'working' | 'done' | 'failed' | null;

interface SavedPlanProps {
  plan: StudyPlan;
  heading: { current: HTMLHeadingElement | null };
  onEdit: () => void;
  onRemove: () => Promise<void>;
}

function SavedPlan({ plan, heading, onEdit, onRemove }: SavedPlanProps) {
  const tp = useTexts(studyPlanTexts);
  const { locale } = useI18n();
  const [calendar, setCalendar] = useState<CalendarStatus>(null);
  const [file, setFile] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState(false);

  const addToCalendar = async () => {
    if (calendar === 'working') return;
    setCalendar('working');
    try {
      const ics = await import('./study-plan-ics');
      const text = ics.studyPlanCalendar(plan, {
        origin: location.origin,
        now: Date.now(),
        texts: calendarTexts(tp, plan),
      });
      saveBlob(
        new Blob([text], { type: `${ics.CALENDAR_TYPE};charset=utf-8` }),
        ics.STUDY_PLAN_FILE,
      );
      setFile(ics.STUDY_PLAN_FILE);
      setCalendar('done');
    } catch (error) {
      console.error('calendar file not made', error);
      setCalendar('failed');
    }
  };
  const remove = async () => {
    if (removing) return;
    setRemoving(true);
    // Once removed, this panel is gone with its dialog; on a failure the dialog closes and the
    // section says so.
    await onRemove();
    setRemoving(false);
    setConfirming(false);
  };

  return (
    <div class="done-panel">
      <h3 ref={heading} tabIndex={-1}>
        {tp('plan.yours')}
      </h3>
      <p>
        <strong>{planSummary(tp, locale, plan)}</strong>
      </p>
      <p class="hint">{tp('plan.yoursHint')}</p>
      <p id="plan-calendar-hint">{tp('plan.calendarHint')}</p>
      <p class="actions">
        <button
          type="button"
          class="button"
          aria-describedby="plan-calendar-hint"
          aria-disabled={calendar === 'working' ? 'true' : undefined}
          onClick={() => void addToCalendar()}
        >
          {tp('plan.calendar')}
        </button>
      </p>
      <p class={calendar === 'failed' ? 'error' : 'hint'} role="status">
        {calendar === 'done'
          ? tp('plan.calendarDone', { file })
          : calendar === 'failed'
            ? tp('plan.calendarFailed')
            : ''}
      </p>
      <p class="actions">
        <button type="button" class="button secondary" onClick={onEdit}>
          {tp('plan.edit')}
        </button>
        <button type="button" class="button secondary" onClick={() => setConfirming(true)}>
          {tp('plan.remove')}
        </button>
      </p>
      {confirming && (
        <ConfirmDialog
          title={tp('plan.removeTitle')}
          confirmLabel={tp('plan.remove')}
          cancelLabel={tp('plan.cancel')}
          busy={removing}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
          fallbackFocus={() => document.getElementById('plan-heading')}
        >
          <p>{tp('plan.removeText')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
