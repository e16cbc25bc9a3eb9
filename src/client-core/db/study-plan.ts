// The weekly goal and the study plan (issue 16, item 4): device preferences, kept in `meta` under
// settings.ts's `setting:` prefix like the text size. They never sync: a plan ("Når jeg er på
// ferja, …") is about this learner's week, and the calendar event made from it lives in the
// learner's own calendar. What is read back is checked (src/shared/study-plan.ts), so a value an
// older or newer version wrote gives the default instead of a broken screen.
import { isWeeklyGoal, parseStudyPlan, type StudyPlan } from '../../shared/study-plan';
import { DEFAULT_WEEKLY_GOAL, type WeeklyGoal } from '../../shared/weekly-goal';
import { db, type LommekursDB } from './db';

const GOAL_KEY = 'setting:weeklyGoal';
const PLAN_KEY = 'setting:studyPlan';

/** The learner's weekly goal, else the default (2 lessons a week). */
export async function getWeeklyGoal(database: LommekursDB = db): Promise<WeeklyGoal> {
  const value = (await database.meta.get(GOAL_KEY))?.value;
  return isWeeklyGoal(value) ? value : DEFAULT_WEEKLY_GOAL;
}

/** Remember the learner's weekly goal on this device. */
export async function setWeeklyGoal(database: LommekursDB, goal: WeeklyGoal): Promise<void> {
  await database.meta.put({ key: GOAL_KEY, value: goal });
}

/** The saved study plan, or null when there is none (or what is stored is not a plan). */
export async function getStudyPlan(database: LommekursDB = db): Promise<StudyPlan | null> {
  return parseStudyPlan((await database.meta.get(PLAN_KEY))?.value);
}

/** Save the study plan on this device (it replaces the one before). */
export async function setStudyPlan(database: LommekursDB, plan: StudyPlan): Promise<void> {
  await database.meta.put({ key: PLAN_KEY, value: plan });
}

/** Remove the study plan from this device. */
export async function removeStudyPlan(database: LommekursDB): Promise<void> {
  await database.meta.delete(PLAN_KEY);
}
