// The study-plan screen's state: the weekly goal and the saved plan, read once from the device and
// changed only through the actions here, which store each change before they show it. Made by the
// screen (its chunk), not by the app state: nothing else reads these while the screen is closed.
import { signal, type ReadonlySignal } from '@preact/signals';
import { db, type LommekursDB } from '../../client-core/db/db';
import {
  getStudyPlan,
  getWeeklyGoal,
  removeStudyPlan,
  setStudyPlan,
  setWeeklyGoal,
} from '../../client-core/db/study-plan';
import type { StudyPlan, StudyPlanChoice } from '../../shared/study-plan';
import { DEFAULT_WEEKLY_GOAL, type WeeklyGoal } from '../../shared/weekly-goal';
import { uuidv7 } from '../../shared/uuid';

export interface StudyPlanStore {
  /** The weekly goal; null until read. */
  goal: ReadonlySignal<WeeklyGoal | null>;
  /** The saved plan; undefined until read, null when there is none. */
  plan: ReadonlySignal<StudyPlan | null | undefined>;
  /** Store a new weekly goal, then show it. */
  chooseGoal(goal: WeeklyGoal): Promise<void>;
  /** Save the learner's choice as the plan: a new plan's first save makes its id, later saves
   * keep it and count the revision (the calendar event's UID and SEQUENCE). */
  savePlan(choice: StudyPlanChoice): Promise<StudyPlan>;
  /** Remove the plan from the device. */
  removePlan(): Promise<void>;
}

/** The store, reading the stored goal and plan in the background. */
export function createStudyPlanStore(database: LommekursDB = db): StudyPlanStore {
  const goal = signal<WeeklyGoal | null>(null);
  const plan = signal<StudyPlan | null | undefined>(undefined);
  // IndexedDB unavailable: the default shows (choosing another will say it was not stored).
  void getWeeklyGoal(database).then(
    (stored) => (goal.value ??= stored),
    () => (goal.value ??= DEFAULT_WEEKLY_GOAL),
  );
  void getStudyPlan(database).then(
    (stored) => {
      if (plan.value === undefined) plan.value = stored;
    },
    // Unavailable here too: the screen starts with no plan (saving will say it failed).
    () => {
      if (plan.value === undefined) plan.value = null;
    },
  );
  return {
    goal,
    plan,
    async chooseGoal(next) {
      await setWeeklyGoal(database, next);
      goal.value = next;
    },
    async savePlan(choice) {
      const before = plan.value ?? (await getStudyPlan(database));
      const saved: StudyPlan = before
        ? { ...choice, id: before.id, revision: before.revision + 1 }
        : { ...choice, id: uuidv7(), revision: 0 };
      await setStudyPlan(database, saved);
      plan.value = saved;
      return saved;
    },
    async removePlan() {
      await removeStudyPlan(database);
      plan.value = null;
    },
  };
}
