// The learner's weekly goal and study plan (issue 16, item 4), kept on the device only: how many
// lessons a week they aim for, and one plan of the form "Når …, tar jeg én leksjon" — a cue (one
// of the examples, or their own words), a weekday and a time in Norwegian time. The plan becomes
// a weekly calendar event (app/plan/study-plan-ics.ts). Here: the values, and the checks every
// stored or typed plan passes. The goals themselves are the weekly goal's (weekly-goal.ts).
import { WEEKLY_GOALS, type WeeklyGoal } from './weekly-goal';

/** Whether a stored value is one of the weekly goals. */
export const isWeeklyGoal = (value: unknown): value is WeeklyGoal =>
  (WEEKLY_GOALS as readonly unknown[]).includes(value);

/** The weekdays, Monday first, as iCalendar writes them (RFC 5545 BYDAY). */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The example cues the screen offers; their words are in each interface language. */
export const CUE_EXAMPLES = ['ferry', 'coffee', 'lunch', 'opening'] as const;
export type CueExample = (typeof CUE_EXAMPLES)[number];

/** The most characters of a cue the learner writes (counted as the learner sees them). */
export const OWN_CUE_MAX_CHARACTERS = 80;

/** When the lesson is taken: an example, or the learner's own words (trimmed). */
export type StudyPlanCue = { kind: 'example'; example: CueExample } | { kind: 'own'; text: string };

/** What the learner chooses on the screen. */
export interface StudyPlanChoice {
  cue: StudyPlanCue;
  day: Weekday;
  /** `HH:MM`, 24-hour, in Norwegian time (Europe/Oslo). */
  time: string;
}

/** A saved plan. */
export interface StudyPlan extends StudyPlanChoice {
  /** Made once per plan on this device and kept while it is changed: the calendar event's UID,
   * so a calendar that is given the file again updates the event instead of adding another. */
  id: string;
  /** Saves of this plan after the first: the calendar event's SEQUENCE. */
  revision: number;
}

/** The weekday and time the screen starts with. */
export const DEFAULT_PLAN_DAY: Weekday = 'MO';
export const DEFAULT_PLAN_TIME = '07:30';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
// C0 and C1 controls: a cue is one line of text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Whether `time` is a clock time `HH:MM` (00:00–23:59). */
export const isPlanTime = (time: unknown): time is string =>
  typeof time === 'string' && TIME.test(time);

/** What is wrong with a cue the learner wrote, or null when it can be saved. */
export function ownCueProblem(text: string): 'empty' | 'too-long' | null {
  const trimmed = text.trim();
  if (trimmed === '' || CONTROL.test(trimmed)) return 'empty';
  return [...trimmed].length > OWN_CUE_MAX_CHARACTERS ? 'too-long' : null;
}

const isExample = (value: unknown): value is CueExample =>
  (CUE_EXAMPLES as readonly unknown[]).includes(value);

const isWeekday = (value: unknown): value is Weekday =>
  (WEEKDAYS as readonly unknown[]).includes(value);

function parseCue(value: unknown): StudyPlanCue | null {
  if (typeof value !== 'object' || value === null) return null;
  const cue = value as Record<string, unknown>;
  if (cue.kind === 'example' && isExample(cue.example))
    return { kind: 'example', example: cue.example };
  if (cue.kind === 'own' && typeof cue.text === 'string' && ownCueProblem(cue.text) === null)
    return { kind: 'own', text: cue.text.trim() };
  return null;
}

/** A choice that can be saved, or null (an unknown example, day or time, or a bad own cue). */
export function parseStudyPlanChoice(value: unknown): StudyPlanChoice | null {
  if (typeof value !== 'object' || value === null) return null;
  const plan = value as Record<string, unknown>;
  const cue = parseCue(plan.cue);
  if (!cue || !isWeekday(plan.day) || !isPlanTime(plan.time)) return null;
  return { cue, day: plan.day, time: plan.time };
}

/** A stored plan as it was saved, or null when it is not one (nothing stored, or a shape an
 * older or newer version wrote): the screen then starts afresh. */
export function parseStudyPlan(value: unknown): StudyPlan | null {
  const choice = parseStudyPlanChoice(value);
  if (!choice) return null;
  const { id, revision } = value as Record<string, unknown>;
  if (typeof id !== 'string' || id === '' || CONTROL.test(id)) return null;
  if (typeof revision !== 'number' || !Number.isInteger(revision) || revision < 0) return null;
  return { ...choice, id, revision };
}
