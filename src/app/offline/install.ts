// Installing the app: the install store. Chromium's beforeinstallprompt is kept (its default
// mini-bar suppressed) and replayed when the learner presses "Installer Lommekurs"; iPhone and
// iPad Safari have no prompt, so they get the two steps (Share → Add to Home Screen); an installed
// app offers nothing. After installation the app asks for persistent storage (installed apps
// usually get it). This module is the one writer of `offer`.
import { signal, type ReadonlySignal } from '@preact/signals';
import type { PersistenceStore } from './persistence';

/** What the app can offer for installation on this browser. */
export type InstallOffer =
  /** Nothing to offer (unsupported, or not offered yet). */
  | 'none'
  /** The browser's install prompt is available (beforeinstallprompt). */
  | 'prompt'
  /** iPhone/iPad Safari: installation through Share → Add to Home Screen. */
  | 'ios'
  /** Running as an installed app, or just installed. */
  | 'installed';

export interface InstallStore {
  /** What can be offered now. */
  offer: ReadonlySignal<InstallOffer>;
  /** Show the browser's install prompt (the learner's click). */
  promptInstall(): Promise<void>;
  /** Read the display mode and device, and listen for the browser's install offer (main.tsx, once
   * after the first render). Returns a function that stops listening. */
  start(): () => void;
}

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

/** Make the install store; after installation it asks `persistence` for persistent storage. */
export function createInstallStore(
  persistence: Pick<PersistenceStore, 'requestPersistence'>,
): InstallStore {
  const offer = signal<InstallOffer>('none');
  let deferred: BeforeInstallPromptEvent | null = null;

  return {
    offer,
    async promptInstall() {
      const event = deferred;
      if (!event) return;
      // A prompt event can be used once; the browser sends a new one if the learner declines.
      deferred = null;
      offer.value = 'none';
      await event.prompt();
      const { outcome } = await event.userChoice;
      if (outcome === 'accepted') offer.value = 'installed';
    },
    start() {
      if (typeof window === 'undefined') return () => {};
      if (isStandalone()) offer.value = 'installed';
      else if (isIosDevice()) offer.value = 'ios';
      const onPrompt = (event: Event) => {
        event.preventDefault();
        if (offer.value === 'installed') return;
        deferred = event as BeforeInstallPromptEvent;
        offer.value = 'prompt';
      };
      const onInstalled = () => {
        deferred = null;
        offer.value = 'installed';
        void persistence.requestPersistence();
      };
      addEventListener('beforeinstallprompt', onPrompt);
      addEventListener('appinstalled', onInstalled);
      return () => {
        removeEventListener('beforeinstallprompt', onPrompt);
        removeEventListener('appinstalled', onInstalled);
      };
    },
  };
}
