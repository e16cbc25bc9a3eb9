// Service worker registration (workbox-window). The "new version" offer and its actions live in
// the app-update store (./update.ts); this module only registers /sw.js when it is safe to, hands
// the worker to the store, and looks for a new version every hour.
// main.tsx calls startServiceWorker once after the first render.
import { browserOffline } from './network';
import type { UpdateStore, WorkboxLike } from './update';

export type { WorkboxLike } from './update';

export interface ServiceWorkerOptions {
  /** Use this instead of registering /sw.js with workbox-window (tests). */
  workbox?: WorkboxLike;
  /** How to reload the page (tests). */
  reload?: () => void;
}

/** Look for a new version this often while the app stays open (a PWA can stay open for days). */
const UPDATE_CHECK_MS = 60 * 60_000;

/** Register the service worker and connect it to the app-update store. */
export function startServiceWorker(update: UpdateStore, options: ServiceWorkerOptions = {}): void {
  const reload = options.reload ?? (() => location.reload());
  if (options.workbox) {
    update.connect(options.workbox, reload);
    return;
  }
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator))
    return;
  whenLoadedAndOnline(() => {
    import('workbox-window')
      .then(({ Workbox }) => {
        const workbox = new Workbox('/sw.js', { scope: '/' });
        update.connect(workbox, reload);
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
