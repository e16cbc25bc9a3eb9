// The installed app's icon shows how many review questions are due (issue 16), through the
// Badging API where the browser has it (https://w3c.github.io/badging/: installed web apps in
// Chromium and Safari); elsewhere nothing happens, silently. Started by the app's start after the
// first paint (main.tsx), whatever the screen, and kept up to date from the review store's live
// query: an answer given here, in another tab or pulled by a sync from another device moves it.
import { effect } from '@preact/signals';
import { reviewStore, type ReviewStore } from './review-store';

/** The part of `navigator` the badge uses (either may be missing). */
export type Badging = Partial<Pick<Navigator, 'setAppBadge' | 'clearAppBadge'>>;

/** Show `count` on the app icon (none for 0). A refusal (not installed, not allowed) is silent. */
function showBadge(nav: Badging, count: number): void {
  try {
    const shown =
      count > 0 ? nav.setAppBadge?.(count) : (nav.clearAppBadge?.() ?? nav.setAppBadge?.(0));
    shown?.catch(() => {});
  } catch {
    // A browser that throws instead of rejecting: the badge is a nicety, never an error.
  }
}

/** Keep the app icon's badge at the number of review questions due until the returned function
 * is called. Where the browser cannot badge, it reads nothing and does nothing. */
export function startAppBadge(
  store: ReviewStore = reviewStore(),
  nav: Badging = navigator,
): () => void {
  if (typeof nav.setAppBadge !== 'function') return () => {};
  const stopWatching = store.watch();
  let shown: number | undefined;
  const stopShowing = effect(() => {
    const count = store.dueCount.value;
    if (count === undefined || count === shown) return;
    shown = count;
    showBadge(nav, count);
  });
  return () => {
    stopShowing();
    stopWatching();
  };
}
