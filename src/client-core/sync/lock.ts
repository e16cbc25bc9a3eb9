// The origin's sync lock: one sync at a time across every tab and the service worker. The Web
// Lock where the browser has navigator.locks (a tab closed mid-push releases it), else an
// in-process mutex. Worker-safe: the page's scheduler and the worker's background sync share it.

/** The Web Lock every tab of the origin takes around a sync. */
export const SYNC_LOCK_NAME = 'lommekurs-sync';
/** Runs `work` while holding the origin's sync lock. */
export type LockRunner = <T>(work: () => Promise<T>) => Promise<T>;

const tails = new Map<string, Promise<unknown>>();

/** A lock held by one caller at a time within this JavaScript realm. */
function inProcessLock(name: string): LockRunner {
  return <T>(work: () => Promise<T>) => {
    const run = (tails.get(name) ?? Promise.resolve()).then(work);
    tails.set(
      name,
      run.catch(() => undefined),
    );
    return run;
  };
}

/** The origin-wide lock: navigator.locks where the browser has it, else an in-process mutex
 * (jsdom, very old browsers — where there is also no second tab to share the origin with). */
export function originLock(name: string = SYNC_LOCK_NAME): LockRunner {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (locks && typeof locks.request === 'function') {
    return <T>(work: () => Promise<T>) => locks.request(name, () => work()) as Promise<T>;
  }
  return inProcessLock(name);
}
