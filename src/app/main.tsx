// Entry point of the PWA page: restore the language and text size, render the app, then start
// the sync loop and the offline machinery: the install offer, the service worker (registration
// and the update prompt), and an early load of the chunks a learner needs next, so that they are
// in memory before a new app version could replace them.
import { render } from 'preact';
import { App } from './app';
import { DownloadControls } from './components/lazy-downloads';
import { startInstallPrompt } from './offline/install';
import { startServiceWorker } from './offline/service-worker';
import { LessonScreen } from './screens/lazy';
import { createAppState } from './state/app-state';
import { loadInitialLanguage } from './state/language';
import { loadInitialTextSize } from './state/text-size';
import { createSyncController } from './sync/controller';
import './styles.css';

async function main(): Promise<void> {
  // Small IndexedDB reads before the first paint avoid flashing the wrong language or text size.
  const [language, textSize] = await Promise.all([loadInitialLanguage(), loadInitialTextSize()]);
  const state = createAppState({ language, textSize });
  const sync = createSyncController();
  startInstallPrompt(state);
  const root = document.getElementById('app');
  if (!root) throw new Error('index.html has no #app element');
  render(<App state={state} sync={sync} />, root);
  sync.start();
  startServiceWorker(state);
  const idle = (run: () => void) =>
    'requestIdleCallback' in window ? requestIdleCallback(run) : setTimeout(run, 2000);
  idle(() => {
    LessonScreen.preload().catch(() => {});
    DownloadControls.preload().catch(() => {});
  });
}

void main();
