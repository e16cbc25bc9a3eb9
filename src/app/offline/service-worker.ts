// Service worker registration (workbox-window) and the "new version" prompt. Updates are the
// learner's choice: a waiting worker is announced, and only the learner's click sends it
// SKIP_WAITING; the page reloads once the new worker controls it. Never reloads by itself, also
// not in the middle of a lesson. Declining keeps the old version: its worker stays in control and
// keeps serving the old chunks from its precache, so the page never asks for files that are gone.
// main.tsx calls startServiceWorker once after the first render.
import type { AppState } from '../state/app-state';
import { browserOffline } from './network';

/** The part of workbox-window's Workbox that the app uses (a fake in tests). */
export interface WorkboxLike {
  addEventListener(
    type: 'waiting' | 'controlling',
    listener: (event: { isUpdate?: boolean; isExternal?: boolean }) => void,
  ): void;
  register(): Promise<unknown>;
  messageSkipWaiting(): void;
  update?(): Promise<unknown>;
}

export interface ServiceWorkerOptions {
  /** Use this instead of registering /sw.js with workbox-window (tests). */
  workbox?: WorkboxLike;
  /** How to reload the page (tests). */
  reload?: () => void;
}

/** Look for a new version this often while the app stays open (a PWA can stay open for days). */
const UPDATE_CHECK_MS = 60 * 60_000;

/** Register the service worker and wire the update prompt into the app state. */
export function startServiceWorker(state: AppState, options: ServiceWorkerOptions = {}): void {
  const reload = options.reload ?? (() => location.reload());
  if (options.workbox) {
    connect(state, options.workbox, reload);
    return;
  }
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator))
    return;
  whenLoadedAndOnline(() => {
    import('workbox-window')
      .then(({ Workbox }) => {
        const workbox = new Workbox('/sw.js', { scope: '/' });
        connect(state, workbox, reload);
        setInterval(() => {
          if (!browserOffline()) void workbox.update().catch(() => {});
        }, UPDATE_CHECK_MS);
      })
      .catch((error: unknown) => console.error(error));
  });
}

/** After the load event (the page first), and not while the browser reports no connection: a
 * registration checks /sw.js on the network, and a cold offline start must make no request.
 * The worker already installed keeps serving the app in the meantime. */
function whenLoadedAndOnline(run: () => void): void {
  const afterLoad = () => {
    if (!browserOffline()) run();
    else addEventListener('online', run, { once: true });
  };
  if (document.readyState === 'complete') afterLoad();
  else addEventListener('load', afterLoad, { once: true });
}

function connect(state: AppState, workbox: WorkboxLike, reload: () => void): void {
  let requested = false;
  let activatedElsewhere = false;
  let reloaded = false;
  const reloadOnce = () => {
    if (reloaded) return;
    reloaded = true;
    reload();
  };

  workbox.addEventListener('waiting', () => {
    if (state.update.value === 'none') state.update.value = 'ready';
  });
  // Another tab took the new version into use: this page now runs old code under the new worker,
  // which no longer holds the old chunks. Offer the reload (still the learner's choice).
  workbox.addEventListener('controlling', (event) => {
    if (requested || !event.isUpdate) return;
    activatedElsewhere = true;
    if (state.update.value !== 'applying') state.update.value = 'ready';
  });

  state.applyUpdate = () => {
    if (requested) return;
    requested = true;
    state.update.value = 'applying';
    if (activatedElsewhere) {
      reloadOnce();
      return;
    }
    workbox.addEventListener('controlling', reloadOnce);
    workbox.messageSkipWaiting();
  };

  state.checkForUpdate = async () => {
    if (!workbox.update) return false;
    await workbox.update().catch(() => {});
    return true;
  };

  workbox.register().catch((error: unknown) => console.error(error));
}
