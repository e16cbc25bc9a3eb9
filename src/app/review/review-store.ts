// The review queue and the weekly goal (issue 16) as the app shows them: the owner of what the
// home cards, the review screen and the app badge read. While anyone watches it, it follows the
// device's records through a live query (completed quiz lessons, every progress record, the
// weekly goal setting) — so an answer recorded here, in another tab or pulled by a sync shows at
// once — and a clock: what is due changes only with the day in Norway (review-schedule.ts
// `isDue`), so the clock moves when the page is shown again, at the next Oslo midnight, and
// every few minutes in case a timer slept. This module imports ts-fsrs (through
// review-schedule.ts): only lazily loaded chunks import it, never the app's start.
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { learningRecords, type ReviewLesson } from '../../client-core/db/review';
import { getStudyPlan, getWeeklyGoal } from '../../client-core/db/study-plan';
import { osloDate } from '../../shared/oslo-date';
import type { LessonProgress } from '../../shared/progress';
import {
  dueCount,
  dueNow,
  nextDue,
  reviewQueue,
  type ReviewItem,
} from '../../shared/review-schedule';
import { weeklyProgress, type WeeklyGoal, type WeeklyProgress } from '../../shared/weekly-goal';
import { loadStorage } from '../state/storage';

/** What the store reads from the device. */
export interface LearningData {
  /** Completed quiz lessons stored on the device. */
  lessons: ReviewLesson[];
  /** Every progress record on the device. */
  progress: LessonProgress[];
  goal: WeeklyGoal;
  /** Whether the learner has made a study plan on this device (Home invites them to, until then). */
  hasPlan: boolean;
}

export interface ReviewStore {
  /** The device's records; undefined until first read (and while nobody watches). */
  data: ReadonlySignal<LearningData | undefined>;
  /** Reading the records failed (the store says nothing then, rather than something wrong). */
  failed: ReadonlySignal<boolean>;
  /** How many reads have been delivered. Each new watcher starts a fresh read, so a component
   * that must not act on data older than its own watch (the review screen fixing its session)
   * waits for this to pass the count it saw when it started watching. */
  reads: ReadonlySignal<number>;
  /** The moment the store counts from; moves when the day in Norway changes. */
  now: ReadonlySignal<number>;
  /** Every question of the completed quiz lessons with its schedule, soonest first. */
  queue: ReadonlySignal<ReviewItem[] | undefined>;
  /** The questions due now, at most one session's worth (REVIEW_SESSION_SIZE). */
  due: ReadonlySignal<ReviewItem[] | undefined>;
  /** How many questions are due now (the app badge's number). */
  dueCount: ReadonlySignal<number | undefined>;
  /** When the next question not due now comes due; null when none is waiting. */
  nextDue: ReadonlySignal<number | null | undefined>;
  /** This week's lessons against the goal, and the streak. */
  weekly: ReadonlySignal<WeeklyProgress | undefined>;
  /** The stored lesson a queue item belongs to. */
  lessonOf(item: Pick<ReviewItem, 'courseId' | 'lessonId'>): ReviewLesson | undefined;
  /** Follow the records and the clock until the returned function is called (watchers are
   * counted: the last one to stop ends the live query). Reads the clock at once, and the records
   * afresh (the data shown meanwhile stays). */
  watch(): () => void;
}

/** How the store follows the records: calls `next` with each new read until unsubscribed. */
export type FollowRecords = (
  next: (data: LearningData) => void,
  fail: (error: unknown) => void,
) => () => void;

export interface ReviewStoreOptions {
  follow?: FollowRecords;
  /** The clock (Date.now by default). */
  clock?: () => number;
}

/** One read of the records (inside a live query, so Dexie follows every table it touches). */
async function readLearningData(): Promise<LearningData> {
  const [records, goal, plan] = await Promise.all([
    learningRecords(),
    getWeeklyGoal(),
    getStudyPlan(),
  ]);
  return { ...records, goal, hasPlan: plan !== null };
}

/** The app's live query over the storage layer (state/storage.ts). */
const followStorage: FollowRecords = (next, fail) => {
  let active = true;
  let subscription: { unsubscribe(): void } | undefined;
  loadStorage().then(
    (storage) => {
      if (active)
        subscription = storage.liveQuery(readLearningData).subscribe({ next, error: fail });
    },
    (error: unknown) => active && fail(error),
  );
  return () => {
    active = false;
    subscription?.unsubscribe();
  };
};

const HOUR_MS = 3_600_000;
/** The clock is read again at least this often while watched. */
export const CLOCK_INTERVAL_MS = 5 * 60_000;

/** The first moment of the next day in Norway after `now`. Oslo is UTC+1 or UTC+2 and never
 * changes offset at midnight, so the day starts at 22:00 or 23:00 UTC the day before. */
export function nextOsloMidnight(now: number): number {
  const today = osloDate(now);
  let at = Date.parse(`${today}T22:00:00Z`);
  while (osloDate(at) === today) at += HOUR_MS;
  return at;
}

const itemKey = (courseId: string, lessonId: string) => `${courseId}\u0000${lessonId}`;

/** Make a review store (the app has one: reviewStore()). */
export function createReviewStore({
  follow = followStorage,
  clock = () => Date.now(),
}: ReviewStoreOptions = {}): ReviewStore {
  const data = signal<LearningData | undefined>(undefined);
  const failed = signal(false);
  const reads = signal(0);
  const now = signal(clock());

  const queue = computed(() => {
    const lessons = data.value?.lessons;
    if (!lessons) return undefined;
    return reviewQueue(
      lessons.map(({ courseId, lesson, progress }) => ({
        courseId,
        lessonId: lesson.id,
        questionIds: lesson.questions.map((q) => q.id),
        progress,
      })),
    );
  });
  const lessonIndex = computed(
    () =>
      new Map(
        (data.value?.lessons ?? []).map((l) => [itemKey(l.courseId, l.lesson.id), l] as const),
      ),
  );

  /** Move the clock when the day in Norway has changed (nothing shown depends on the hour). */
  const tick = () => {
    const at = clock();
    if (osloDate(at) !== osloDate(now.peek())) now.value = at;
  };

  let watchers = 0;
  let stopFollowing: (() => void) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onVisibility = () => {
    if (document.visibilityState === 'visible') tick();
  };
  const schedule = () => {
    const at = clock();
    timer = setTimeout(
      () => {
        tick();
        schedule();
      },
      Math.min(CLOCK_INTERVAL_MS, nextOsloMidnight(at) - at + 1000),
    );
  };

  /** (Re)start the live query: its first result is a fresh read. */
  const followRecords = () => {
    stopFollowing?.();
    stopFollowing = follow(
      (value) => {
        failed.value = false;
        data.value = value;
        reads.value += 1;
      },
      (error) => {
        console.error('Review records not read', error);
        failed.value = true;
      },
    );
  };
  const start = () => {
    followRecords();
    if (typeof document !== 'undefined')
      document.addEventListener('visibilitychange', onVisibility);
    schedule();
  };
  const stop = () => {
    stopFollowing?.();
    stopFollowing = undefined;
    clearTimeout(timer);
    if (typeof document !== 'undefined')
      document.removeEventListener('visibilitychange', onVisibility);
    // Nobody watches: the next watcher reads afresh (another device's records may be there).
    data.value = undefined;
    failed.value = false;
  };

  return {
    data,
    failed,
    reads,
    now,
    queue,
    due: computed(() => queue.value && dueNow(queue.value, now.value)),
    dueCount: computed(() => queue.value && dueCount(queue.value, now.value)),
    nextDue: computed(() => queue.value && nextDue(queue.value, now.value)),
    weekly: computed(() => {
      const read = data.value;
      return read && weeklyProgress(read.progress, read.goal, now.value);
    }),
    lessonOf: ({ courseId, lessonId }) => lessonIndex.value.get(itemKey(courseId, lessonId)),
    watch() {
      tick();
      watchers += 1;
      if (watchers === 1) start();
      else followRecords();
      let watching = true;
      return () => {
        if (!watching) return;
        watching = false;
        watchers -= 1;
        if (watchers === 0) stop();
      };
    },
  };
}

let appStore: ReviewStore | undefined;

/** The app's review store, made on first use. */
export const reviewStore = (): ReviewStore => (appStore ??= createReviewStore());

/** The app's review store, watched while the calling component is mounted. */
export function useReviewStore(): ReviewStore {
  const store = reviewStore();
  useEffect(() => store.watch(), [store]);
  return store;
}
