// Entry point of the PWA page: restore the language, render the app, then start the offline
// machinery (service worker registration is a hook point filled in by src/app/offline).
import { render } from 'preact';
import { App } from './app';
import { startServiceWorker } from './offline/service-worker';
import { createAppState, loadInitialLanguage } from './state/app-state';
import './styles.css';

async function main(): Promise<void> {
  // One small IndexedDB read before the first paint avoids flashing the wrong language.
  const state = createAppState({ language: await loadInitialLanguage() });
  const root = document.getElementById('app');
  if (!root) throw new Error('index.html has no #app element');
  render(<App state={state} />, root);
  // Hook point: service worker registration and update prompt (offline issue).
  startServiceWorker(state);
}

void main();
