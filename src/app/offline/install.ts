// Installing the app: Chromium's beforeinstallprompt is kept (its default mini-bar suppressed)
// and replayed when the learner presses "Installer Lommekurs"; iPhone and iPad Safari have no
// prompt, so they get the two steps (Share → Add to Home Screen); an installed app offers nothing.
// After installation the app asks for persistent storage (installed apps usually get it).
import type { AppState } from '../state/app-state';
import { requestPersistence } from './persistence';

/** Chromium's install prompt event (not in TypeScript's DOM library). */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<unknown>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** Running as an installed app (Android/desktop display mode, or iOS home-screen app). */
export function isStandalone(): boolean {
  const media =
    typeof matchMedia === 'function' && matchMedia('(display-mode: standalone)').matches;
  const ios = (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return media || ios;
}

/** iPhone, iPod or iPad (iPadOS presents itself as a Mac with a touch screen). */
export function isIosDevice(): boolean {
  const ua = navigator.userAgent;
  if (/iPhone|iPad|iPod/.test(ua)) return true;
  return /Macintosh/.test(ua) && navigator.maxTouchPoints > 1;
}

/** Listen for the browser's install offer; returns a function that stops listening. */
export function startInstallPrompt(state: AppState): () => void {
  if (typeof window === 'undefined') return () => {};
  let deferred: BeforeInstallPromptEvent | null = null;
  if (isStandalone()) state.install.value = 'installed';
  else if (isIosDevice()) state.install.value = 'ios';

  const onPrompt = (event: Event) => {
    event.preventDefault();
    if (state.install.value === 'installed') return;
    deferred = event as BeforeInstallPromptEvent;
    state.install.value = 'prompt';
  };
  const onInstalled = () => {
    deferred = null;
    state.install.value = 'installed';
    void requestPersistence(state);
  };
  state.promptInstall = async () => {
    const event = deferred;
    if (!event) return;
    // A prompt event can be used once; the browser sends a new one if the learner declines.
    deferred = null;
    state.install.value = 'none';
    await event.prompt();
    const { outcome } = await event.userChoice;
    if (outcome === 'accepted') state.install.value = 'installed';
  };
  addEventListener('beforeinstallprompt', onPrompt);
  addEventListener('appinstalled', onInstalled);
  return () => {
    removeEventListener('beforeinstallprompt', onPrompt);
    removeEventListener('appinstalled', onInstalled);
  };
}
