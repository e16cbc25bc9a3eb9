// The app's start (loaded by boot.ts): load the language's dictionary, render the app, then start
// the sync loop (its controller a chunk loaded after the storage layer, see
// sync/lazy-controller.ts) and the offline machinery: the install offer, the service worker (registration
// and the update prompt), an early load of the chunks a learner needs next, so that they are
// in memory before a new app version could replace them, and the app icon's badge (issue 16).
import { render } from 'preact';
import { App } from './app';
import { DownloadControls } from './components/lazy-downloads';
import { startServiceWorker } from './offline/service-worker';
import type { BootSettings } from '../client-core/db/boot-settings';
import { loadDictionary } from './i18n';
import { eagerScreens, LessonScreen } from './screens/lazy';
import { screenForPath } from './screens/loaders';
import { createAppState } from './state/app-state';
import { initialLanguage } from './state/language';
import { loadStorage } from './state/storage';
import { isTextSize } from './state/text-size';
import { lazySyncController } from './sync/lazy-controller';

/** Render the app with the settings boot.ts read before the first paint. */
export async function startApp(settings: BootSettings): Promise<void> {
  const language = initialLanguage(settings.language);
  const textSize = isTextSize(settings.textSize) ? settings.textSize : 'normal';
  // The dictionary before the first render: no flash of the wrong language. When its chunk cannot
  // be fetched, the language store starts in bokmål, which ships with the app. The first screen's
  // chunk is already on its way (boot.ts): waiting for it here lets the router render it at once.
  const screen = screenForPath(location.pathname);
  await Promise.all([
    loadDictionary(language).catch(() => {}),
    screen ? eagerScreens[screen].preload().catch(() => {}) : null,
  ]);
  const state = createAppState({ language, textSize });
  // The controller (sync engine, accounts, zod) after the storage layer the first screen reads.
  const sync = lazySyncController(async () => {
    await loadStorage();
    const { createSyncController } = await import('./sync/controller');
    return createSyncController();
  });
  state.install.start();
  const root = document.getElementById('app');
  if (!root) throw new Error('index.html has no #app element');
  render(<App state={state} sync={sync} />, root);
  sync.start();
  startServiceWorker(state.update);
  const idle = (run: () => void) =>
    'requestIdleCallback' in window ? requestIdleCallback(run) : setTimeout(run, 2000);
  whenControlled(() =>
    idle(() => {
      LessonScreen.preload().catch(() => {});
      DownloadControls.preload().catch(() => {});
      // The app icon's count of review questions due (a chunk with the review schedule), where the
      // browser can show one.
      if ('setAppBadge' in navigator)
        import('./review/app-badge').then((m) => m.startAppBadge()).catch(() => {});
    }),
  );
}

/** Once a service worker serves this page: at once on every visit but the first, on the first
 * when the new worker takes over (it has precached the app then). Chunks loaded early then come
 * from its cache; on a first visit over a slow link they would compete with the first screen's
 * own requests (the catalogue call waited behind the lesson and review chunks on EDGE). */
function whenControlled(run: () => void): void {
  const workers = 'serviceWorker' in navigator ? navigator.serviceWorker : null;
  if (!workers || workers.controller) run();
  else workers.addEventListener('controllerchange', run, { once: true });
}
