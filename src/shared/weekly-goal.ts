// The weekly goal (issue 16): lessons completed per calendar week, Monday to Sunday in Norway's
// time zone, by the time the learner completed them on their device — never by when they synced,
// so a lesson done offline late on Sunday counts for that week even if it reached the server on
// Tuesday. A pure function of merged progress records, so every device that has synced the same
// events credits the same weeks (property-tested in test/shared/weekly-goal.test.ts).
import { osloDate } from './oslo-date';
import type { LessonProgress } from './progress';

/** The goals a learner can pick, in lessons a week, and the default. */
export const WEEKLY_GOALS = [1, 2, 3] as const;
export type WeeklyGoal = (typeof WEEKLY_GOALS)[number];
export const DEFAULT_WEEKLY_GOAL: WeeklyGoal = 2;

const DAY_MS = 86_400_000;

/** A calendar day `YYYY-MM-DD` as a UTC midnight, for whole-day arithmetic. */
const dayMs = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The week of a moment: the date (`YYYY-MM-DD`) of its Monday in Europe/Oslo. */
export function osloWeek(ms: number): string {
  const day = dayMs(osloDate(ms));
  const sinceMonday = (new Date(day).getUTCDay() + 6) % 7;
  return dayOf(day - sinceMonday * DAY_MS);
}

/** The week before a week (both as their Mondays). */
const previousWeek = (week: string): string => dayOf(dayMs(week) - 7 * DAY_MS);

/** The quarter (`YYYY-Qn`) a week belongs to, by its Monday. */
const quarterOf = (week: string): string =>
  `${week.slice(0, 4)}-Q${Math.floor((Number(week.slice(5, 7)) - 1) / 3) + 1}`;

/**
 * Lessons completed per week: a lesson counts once in the week of its first completion and once
 * in the week of its latest (a course done again after a reset is learning again); the same
 * lesson never counts twice in one week. Resets hide nothing here: this is history.
 */
export function lessonsPerWeek(progress: Iterable<LessonProgress>): Map<string, number> {
  const perWeek = new Map<string, number>();
  for (const p of progress) {
    const weeks = new Set<string>();
    for (const at of [p.completedAt, p.lastCompletedAt ?? null]) {
      if (at !== null) weeks.add(osloWeek(at));
    }
    for (const week of weeks) perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
  }
  return perWeek;
}

/** This week's progress towards the goal, and the streak. */
export interface WeeklyProgress {
  /** This week's Monday (`YYYY-MM-DD`, Europe/Oslo). */
  week: string;
  /** Lessons completed this week. */
  done: number;
  goal: WeeklyGoal;
  /** Weeks in a row that met the goal, counting this week once it is met; a week still under way
   * breaks nothing. One missed week per quarter is forgiven: it neither counts nor breaks. */
  streak: number;
  /** Whether the streak survives thanks to a forgiven week. */
  forgiven: boolean;
}

/**
 * The weekly goal at `now` (the device's clock) for `goal` lessons a week, from the learner's
 * completions. The goal applies to every week counted (the learner's current choice).
 */
export function weeklyProgress(
  progress: Iterable<LessonProgress>,
  goal: WeeklyGoal,
  now: number,
): WeeklyProgress {
  const perWeek = lessonsPerWeek(progress);
  const week = osloWeek(now);
  const done = perWeek.get(week) ?? 0;
  const first = [...perWeek.keys()].sort()[0];
  let streak = done >= goal ? 1 : 0;
  // A missed week is forgiven only when an earlier week that met the goal carries the streak on.
  let missedSince = false;
  let forgiven = false;
  const forgivenQuarters = new Set<string>();
  for (let w = previousWeek(week); first !== undefined && w >= first; w = previousWeek(w)) {
    if ((perWeek.get(w) ?? 0) >= goal) {
      streak += 1;
      forgiven ||= missedSince;
    } else if (!forgivenQuarters.has(quarterOf(w))) {
      forgivenQuarters.add(quarterOf(w));
      missedSince = true;
    } else break;
  }
  return { week, done, goal, streak, forgiven };
}
