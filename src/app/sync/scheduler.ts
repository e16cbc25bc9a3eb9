// When to sync. One loop per tab, and one run at a time per origin: every run holds the Web Lock
// 'lommekurs-sync' (an in-process mutex where the browser has no navigator.locks), so tabs take
// turns, and a tab closed mid-push releases the lock for another tab to finish the job.
// A request made while a run is going causes exactly one more run after it, so an event recorded
// after a run looked at the outbox is never left behind. Failures retry with exponential backoff
// and full jitter (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/).
import { signal, type ReadonlySignal } from '@preact/signals';
import { originLock, type LockRunner } from '../../client-core/sync/lock';

/** First retry within about 2 s, doubling, never more than 5 minutes apart. */
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 5 * 60_000;
/** An action waits this long for the next one before a sync starts, so a quiz's answers travel
 * together. */
export const ACTION_DEBOUNCE_MS = 2_000;

/** setTimeout and clearTimeout, injectable so tests can see and fire the scheduled delays. */
export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The delay before retry number `attempt` (1, 2, …): uniformly random up to a ceiling that
 * doubles from BACKOFF_BASE_MS and stops at BACKOFF_CAP_MS. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** What a run reports back: whether to try again later (with backoff). */
export interface RunResult {
  retry: boolean;
  /** The server's Retry-After: the next try waits at least this long. */
  retryAfterMs?: number;
}

/** What the scheduler needs. */
export interface SchedulerOptions {
  run: () => Promise<RunResult>;
  lock?: LockRunner;
  timers?: Timers;
  now?: () => number;
  random?: () => number;
  debounceMs?: number;
}

/** A sync loop. */
export interface Scheduler {
  /** A run is going in this tab. */
  running: ReadonlySignal<boolean>;
  /** When the next retry after a failure is due, or null. */
  nextRetryAt: ReadonlySignal<number | null>;
  /** Sync as soon as possible (after the current run, if any). */
  trigger(): void;
  /** Sync after a quiet moment; another call within it postpones the sync. */
  triggerSoon(): void;
  /** Sync and resolve once a run that started after this call has finished. */
  runNow(): Promise<void>;
  /** Cancel timers and make no new runs (a run already going finishes). */
  stop(): void;
  /** Accept runs again after stop(). */
  resume(): void;
}

/** A sync loop around `run`. */
export function createScheduler({
  run,
  lock = originLock(),
  timers = realTimers,
  now = Date.now,
  random = Math.random,
  debounceMs = ACTION_DEBOUNCE_MS,
}: SchedulerOptions): Scheduler {
  const running = signal(false);
  const nextRetryAt = signal<number | null>(null);
  let requested = false;
  let loop: Promise<void> | null = null;
  let failures = 0;
  let retryTimer: unknown = null;
  let debounceTimer: unknown = null;
  let stopped = false;

  const cancel = (timer: unknown) => {
    if (timer !== null) timers.clear(timer);
    return null;
  };

  async function drain(): Promise<void> {
    for (;;) {
      // Checked and cleared in one synchronous step: a request arriving after this starts a new
      // loop instead of joining one that is about to end.
      if (!requested || stopped) {
        loop = null;
        return;
      }
      requested = false;
      retryTimer = cancel(retryTimer);
      nextRetryAt.value = null;
      running.value = true;
      let result: RunResult;
      try {
        result = await lock(run);
      } catch {
        result = { retry: true };
      } finally {
        running.value = false;
      }
      if (!result.retry) {
        failures = 0;
        continue;
      }
      failures += 1;
      // A request that came in during the run is served at once; otherwise wait and try again.
      if (!requested && !stopped) {
        const delay = Math.max(backoffDelay(failures, random), result.retryAfterMs ?? 0);
        nextRetryAt.value = now() + delay;
        retryTimer = timers.set(() => {
          retryTimer = null;
          trigger();
        }, delay);
      }
    }
  }

  function request(): Promise<void> {
    if (stopped) return Promise.resolve();
    requested = true;
    // drain() runs synchronously up to its first await, and with `requested` set it always gets
    // there, so the assignment below cannot overwrite the null of a loop that already ended.
    loop ??= drain();
    return loop;
  }

  function trigger(): void {
    if (stopped) return;
    debounceTimer = cancel(debounceTimer);
    void request();
  }

  return {
    running,
    nextRetryAt,
    trigger,
    triggerSoon() {
      if (stopped) return;
      debounceTimer = cancel(debounceTimer);
      debounceTimer = timers.set(() => {
        debounceTimer = null;
        trigger();
      }, debounceMs);
    },
    runNow() {
      debounceTimer = cancel(debounceTimer);
      return request();
    },
    stop() {
      stopped = true;
      retryTimer = cancel(retryTimer);
      debounceTimer = cancel(debounceTimer);
      nextRetryAt.value = null;
    },
    resume() {
      stopped = false;
    },
  };
}
