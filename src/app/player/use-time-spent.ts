// Counts the seconds a learner actively spends in a lesson: only while the page is visible, and
// not beyond five minutes after the last touch, key or scroll (a phone left on the table). The
// total is flushed with addTimeSpent every 30 s, when the page is hidden and when the lesson closes.
import { useEffect } from 'preact/hooks';
import { addTimeSpent } from '../../client-core/db/learner-actions';

export const FLUSH_INTERVAL_MS = 30_000;
export const IDLE_AFTER_MS = 5 * 60_000;

const INPUT_EVENTS = ['pointerdown', 'keydown', 'scroll', 'touchstart'] as const;

/** Count active time in a lesson while `active` (the lesson is shown). */
export function useTimeSpent(courseId: string, lessonId: string, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let visible = document.visibilityState === 'visible';
    let last = Date.now();
    let lastInput = last;
    let pendingMs = 0;

    const settle = () => {
      const now = Date.now();
      const until = Math.min(now, lastInput + IDLE_AFTER_MS);
      if (visible && until > last) pendingMs += until - last;
      last = now;
    };
    const flush = () => {
      settle();
      const seconds = Math.floor(pendingMs / 1000);
      if (seconds <= 0) return;
      pendingMs -= seconds * 1000;
      addTimeSpent(courseId, lessonId, seconds).catch((error: unknown) => console.error(error));
    };
    const onInput = () => {
      settle();
      lastInput = last;
    };
    const onVisibility = () => {
      settle();
      visible = document.visibilityState === 'visible';
      if (!visible) flush();
    };

    const timer = setInterval(flush, FLUSH_INTERVAL_MS);
    document.addEventListener('visibilitychange', onVisibility);
    addEventListener('pagehide', flush);
    for (const type of INPUT_EVENTS) addEventListener(type, onInput, { passive: true });
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      removeEventListener('pagehide', flush);
      for (const type of INPUT_EVENTS) removeEventListener(type, onInput);
      flush();
    };
  }, [courseId, lessonId, active]);
}
