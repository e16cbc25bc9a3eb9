// The insight page's privacy rule (issue 15): no number rests on fewer than MIN_GROUP learners,
// and no difference of two numbers does either — within one reply, or between any two replies
// whatever their filters.
//
// How: the learners are cut into atoms — one business garden (the garden a learner counts in, or
// none) in one quarter — and every filter (garden, county, period, an advisor's own gardens) is a
// union of whole atoms. Within an atom, a lesson's learners are cut into nested parts: started =
// completed + not completed, completed = yes + some + no + no answer. An atom adds a part to the
// totals only when the part, and every other part of the same cut, is 0 or at least MIN_GROUP;
// otherwise the atom adds nothing below the whole it could be told apart from (it still adds its
// starters, if they are MIN_GROUP or more). So every total is a sum of atom terms that are each 0
// or ≥ MIN_GROUP, and so is the difference of any two totals over nested groups of learners (the
// same count over a smaller filter, or a part of the same count): a sum of such terms. A total
// under MIN_GROUP (which can then only be 0) is sent as null: "færre enn 5".
import { MIN_GROUP, type GroupCount, type LessonInsight } from '../../shared/insight-protocol';

/** One lesson's counts in one atom, as the database grouped them. */
export interface AtomLesson {
  lessonId: string;
  /** The atom: a garden (or none) and a quarter. Only its identity matters here. */
  atom: string;
  started: number;
  completed: number;
  /** Answers among those who completed it. */
  yes: number;
  some: number;
  no: number;
  /** Whole minutes → how many of those who completed it spent them. */
  minutes: ReadonlyMap<number, number>;
}

/** Whether a part may be told: none, or a group large enough. */
const tellable = (n: number) => n === 0 || n >= MIN_GROUP;

/** What one atom adds to a lesson's totals. */
function termsOf(row: AtomLesson) {
  const started = row.started >= MIN_GROUP ? row.started : 0;
  const split = started > 0 && tellable(row.completed) && tellable(row.started - row.completed);
  const completed = split ? row.completed : 0;
  const unanswered = row.completed - row.yes - row.some - row.no;
  const answered =
    completed > 0 && [row.yes, row.some, row.no, unanswered].every((n) => tellable(n));
  return {
    started,
    completed,
    yes: answered ? row.yes : 0,
    some: answered ? row.some : 0,
    no: answered ? row.no : 0,
    minutes: completed > 0 ? row.minutes : null,
  };
}

/** A total as sent: null under MIN_GROUP. */
const shown = (total: number): GroupCount => (total >= MIN_GROUP ? total : null);

/** The lower median of a histogram (value → count), or null when it counts under MIN_GROUP. */
function medianOf(histogram: ReadonlyMap<number, number>): number | null {
  const entries = [...histogram].sort(([a], [b]) => a - b);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  if (total < MIN_GROUP) return null;
  let rank = Math.floor((total - 1) / 2);
  for (const [value, n] of entries) {
    if (rank < n) return value;
    rank -= n;
  }
  return null;
}

/** The lessons' insight from the atoms' counts, in the order of `lessonIds`. */
export function lessonInsights(
  lessonIds: readonly string[],
  rows: readonly AtomLesson[],
): Omit<LessonInsight, 'anonymous'>[] {
  const totals = new Map(
    lessonIds.map((id) => [
      id,
      { started: 0, completed: 0, yes: 0, some: 0, no: 0, minutes: new Map<number, number>() },
    ]),
  );
  for (const row of rows) {
    const total = totals.get(row.lessonId);
    if (!total) continue; // a lesson the course no longer has
    const terms = termsOf(row);
    total.started += terms.started;
    total.completed += terms.completed;
    total.yes += terms.yes;
    total.some += terms.some;
    total.no += terms.no;
    for (const [value, n] of terms.minutes ?? []) {
      total.minutes.set(value, (total.minutes.get(value) ?? 0) + n);
    }
  }
  return lessonIds.map((lessonId) => {
    const t = totals.get(lessonId)!;
    return {
      lessonId,
      started: shown(t.started),
      completed: shown(t.completed),
      answers: { yes: shown(t.yes), some: shown(t.some), no: shown(t.no) },
      medianMinutes: medianOf(t.minutes),
    };
  });
}

/** How many learners chose each topic of "Hva vil du lære mer om?": per atom a topic counts only
 * when 5 or more there chose it (one answer per learner, wishRows). Most chosen first. */
export function topicInsights(
  wishes: readonly { atom: string; topics: readonly string[] }[],
): { topicId: string; learners: GroupCount }[] {
  const perAtom = new Map<string, Map<string, number>>();
  for (const { atom, topics } of wishes) {
    for (const topic of new Set(topics)) {
      const atoms = perAtom.get(topic) ?? new Map<string, number>();
      atoms.set(atom, (atoms.get(atom) ?? 0) + 1);
      perAtom.set(topic, atoms);
    }
  }
  return [...perAtom]
    .map(([topicId, atoms]) => {
      let total = 0;
      for (const n of atoms.values()) if (n >= MIN_GROUP) total += n;
      return { topicId, total };
    })
    .sort((a, b) => b.total - a.total || (a.topicId < b.topicId ? -1 : 1))
    .map(({ topicId, total }) => ({ topicId, learners: shown(total) }));
}

/** The anonymous answers per lesson: per quarter an answer counts only when given 5 or more
 * times there. */
export function anonymousInsights(
  lessonIds: readonly string[],
  rows: readonly { lessonId: string; answer: string; count: number }[],
): Map<string, { yes: GroupCount; some: GroupCount; no: GroupCount }> {
  const totals = new Map(lessonIds.map((id) => [id, { yes: 0, some: 0, no: 0 }]));
  for (const row of rows) {
    const total = totals.get(row.lessonId);
    if (!total || !(row.answer in total) || row.count < MIN_GROUP) continue;
    total[row.answer as keyof typeof total] += row.count;
  }
  return new Map(
    [...totals].map(([id, t]) => [id, { yes: shown(t.yes), some: shown(t.some), no: shown(t.no) }]),
  );
}
