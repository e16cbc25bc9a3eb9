// Hook point for the service worker (the offline issue): registration through workbox-window, the
// "update available" prompt (updates are the learner's choice; never reload mid-lesson) and
// offline readiness. main.tsx calls this once after the first render.
import type { AppState } from '../state/app-state';

/** Register the service worker. Intentionally empty until the offline issue lands. */
export function startServiceWorker(_state: AppState): void {}
