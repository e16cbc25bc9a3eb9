// The rows of a garden's learner table — one per learner with their courses summed up — and how
// the advisor sorts and filters them. Pure, so the screen and the CSV file list the same rows in
// the same order.
import type { LearnerSummary } from '../../shared/network-protocol';

/** One learner as the table shows them. */
export interface LearnerRow {
  learner: LearnerSummary;
  /** Courses with at least one lesson opened. */
  started: number;
  completed: number;
  minutes: number;
}

/** How the table is ordered. */
export type SortKey = 'name' | 'activity' | 'followUp';

export const SORT_KEYS: readonly SortKey[] = ['name', 'activity', 'followUp'];

/** Which firm's learners to show: all, one firm by id, or those who named none. */
export type FirmFilter = { kind: 'all' } | { kind: 'none' } | { kind: 'firm'; id: string };

/** The advisor's choices above the table. */
export interface TableChoices {
  sort: SortKey;
  firm: FirmFilter;
  followUpOnly: boolean;
  /** Part of a name, any case. */
  search: string;
}

export const DEFAULT_CHOICES: TableChoices = {
  sort: 'name',
  firm: { kind: 'all' },
  followUpOnly: false,
  search: '',
};

/** A learner's row: courses started and completed, and minutes over every course. */
export function rowOf(learner: LearnerSummary): LearnerRow {
  let started = 0;
  let completed = 0;
  let minutes = 0;
  for (const course of learner.courses) {
    if (course.lessonsOpened > 0 || course.lessonsCompleted > 0) started += 1;
    if (course.completed) completed += 1;
    minutes += course.minutes;
  }
  return { learner, started, completed, minutes };
}

function matchesFirm(row: LearnerRow, firm: FirmFilter): boolean {
  if (firm.kind === 'all') return true;
  if (firm.kind === 'none') return row.learner.firm === null;
  return row.learner.firm?.id === firm.id;
}

/** The rows the advisor's choices keep, in the order they ask for (names in the locale's
 * alphabetical order: æ, ø, å last in Norwegian). */
export function tableRows(
  learners: readonly LearnerSummary[],
  choices: TableChoices,
  locale: string,
): LearnerRow[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const search = choices.search.trim().toLocaleLowerCase(locale);
  const rows = learners
    .map(rowOf)
    .filter(
      (row) =>
        matchesFirm(row, choices.firm) &&
        (!choices.followUpOnly || row.learner.needsFollowUp) &&
        (search === '' || row.learner.displayName.toLocaleLowerCase(locale).includes(search)),
    );
  const byName = (a: LearnerRow, b: LearnerRow) =>
    collator.compare(a.learner.displayName, b.learner.displayName) ||
    (a.learner.id < b.learner.id ? -1 : a.learner.id > b.learner.id ? 1 : 0);
  // Most recent first; never active last.
  const byActivity = (a: LearnerRow, b: LearnerRow) =>
    (b.learner.lastActivityAt ?? -Infinity) - (a.learner.lastActivityAt ?? -Infinity) ||
    byName(a, b);
  const byFollowUp = (a: LearnerRow, b: LearnerRow) =>
    Number(b.learner.needsFollowUp) - Number(a.learner.needsFollowUp) || byName(a, b);
  const compare = { name: byName, activity: byActivity, followUp: byFollowUp }[choices.sort];
  return rows.sort(compare);
}

/** How many learners each firm has (by firm id; null for those who named none). */
export function learnersPerFirm(learners: readonly LearnerSummary[]): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const learner of learners) {
    const key = learner.firm?.id ?? null;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
