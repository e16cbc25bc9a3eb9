// Rate limits kept in this process's memory only, for budgets whose key must never be written
// down: the anonymous feedback route counts per client address, and the database store
// (store.ts) would keep a SHA-256 of the address, which for an IPv4 address is a lookup away from
// the address itself. The price: with WORKERS > 1 each process counts on its own, so a client
// may get up to WORKERS times the budget. Fixed windows, the same rule as store.ts: a key's points
// add up until its window ends, and the first take after that opens a new one.
import type { Budget, Limiter, RateLimits } from './store';

interface Window {
  points: number;
  /** When the window ends (ms). */
  ends: number;
}

/** Above this many keys, a take first drops the windows that have ended. */
const SWEEP_ABOVE_KEYS = 10_000;

const secondsUntil = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

/** Rate limits in memory; gone with the process, shared with no other. */
export function memoryLimits(): RateLimits {
  return {
    // Each limiter has a map of its own, so its name need not prefix the keys.
    limiter(_name, { points: budget, seconds }: Budget): Limiter {
      const windows = new Map<string, Window>();
      const live = (key: string, now: number) => {
        const window = windows.get(key);
        return window && window.ends > now ? window : undefined;
      };
      const sweep = (now: number) => {
        if (windows.size <= SWEEP_ABOVE_KEYS) return;
        for (const [key, window] of windows) if (window.ends <= now) windows.delete(key);
      };
      const add = (key: string, amount: number, windowSeconds = seconds): Window => {
        const now = Date.now();
        sweep(now);
        const window = live(key, now) ?? { points: 0, ends: now + windowSeconds * 1000 };
        window.points += amount;
        windows.set(key, window);
        return window;
      };
      return {
        take(key, amount = 1, windowSeconds) {
          const window = add(key, amount, windowSeconds);
          if (window.points <= budget) return Promise.resolve({ ok: true, used: window.points });
          return Promise.resolve({ ok: false, retryAfter: secondsUntil(window.ends - Date.now()) });
        },
        add(key, amount = 1) {
          return Promise.resolve(add(key, amount).points);
        },
        giveBack(key, amount = 1) {
          const window = live(key, Date.now());
          if (window) window.points = Math.max(0, window.points - amount);
          return Promise.resolve();
        },
        peek(key) {
          const now = Date.now();
          const window = live(key, now);
          return Promise.resolve(
            window ? { used: window.points, msLeft: window.ends - now } : { used: 0, msLeft: 0 },
          );
        },
        forget(key) {
          windows.delete(key);
          return Promise.resolve();
        },
      };
    },
  };
}
