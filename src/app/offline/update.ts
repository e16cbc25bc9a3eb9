// The app-update store: whether a new version of the app waits, and the actions on it. Updates
// are the learner's choice: a waiting worker is announced (`status` becomes 'ready'), and only
// applyUpdate() — the learner's click — sends it SKIP_WAITING; the page reloads once the new
// worker controls it. Never reloads by itself, also not in the middle of a lesson. Declining keeps
// the old version: its worker stays in control and keeps serving the old chunks from its
// precache. service-worker.ts registers the worker and hands it to connect(); this module is the
// one writer of `status` (the shape follows vite-plugin-pwa's useRegisterSW: state and actions
// together).
import { signal, type ReadonlySignal } from '@preact/signals';

/** A new version of the app: none, waiting for the learner's choice, being applied, or declined
 * for this session (the old version keeps working). */
export type UpdateStatus = 'none' | 'ready' | 'applying' | 'dismissed';

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

export interface UpdateStore {
  /** A waiting new version, and what the learner did with it. */
  status: ReadonlySignal<UpdateStatus>;
  /** Take the waiting version into use: the page reloads once it controls. Only ever called from
   * the learner's click. Does nothing before a service worker is connected. */
  applyUpdate(): void;
  /** "Ikke nå": hide the offer for this session; the current version keeps working. */
  dismissUpdate(): void;
  /** Ask the service worker to look for a new version now; a version it finds announces itself
   * through `status`. Resolves false when there is no service worker to ask (development, an
   * unsupported browser). */
  checkForUpdate(): Promise<boolean>;
  /** The sync server answered 426 (this version is too old): bring back an offer the learner
   * dismissed, since syncing now waits for it, and look for the new version at once. The
   * learner still chooses when to reload. */
  updateRequired(): Promise<boolean>;
  /** Follow a registered service worker (called once by startServiceWorker, or by tests with a
   * fake). `reload` reloads the page. */
  connect(workbox: WorkboxLike, reload: () => void): void;
}

/** Make the app-update store; nothing happens until connect(). */
export function createUpdateStore(): UpdateStore {
  const status = signal<UpdateStatus>('none');
  let workbox: WorkboxLike | null = null;
  let reload: () => void = () => {};
  let requested = false;
  let activatedElsewhere = false;
  let reloaded = false;
  const reloadOnce = () => {
    if (reloaded) return;
    reloaded = true;
    reload();
  };

  const checkForUpdate = async (): Promise<boolean> => {
    if (!workbox?.update) return false;
    await workbox.update().catch(() => {});
    return true;
  };

  return {
    status,
    applyUpdate() {
      if (!workbox || requested) return;
      requested = true;
      status.value = 'applying';
      if (activatedElsewhere) {
        reloadOnce();
        return;
      }
      workbox.addEventListener('controlling', reloadOnce);
      workbox.messageSkipWaiting();
    },
    dismissUpdate() {
      if (status.value === 'ready') status.value = 'dismissed';
    },
    checkForUpdate,
    updateRequired() {
      if (status.peek() === 'dismissed') status.value = 'ready';
      return checkForUpdate();
    },
    connect(next, nextReload) {
      if (workbox) return;
      workbox = next;
      reload = nextReload;
      next.addEventListener('waiting', () => {
        if (status.value === 'none') status.value = 'ready';
      });
      // Another tab took the new version into use: this page now runs old code under the new
      // worker, which no longer holds the old chunks. Offer the reload (still the learner's
      // choice).
      next.addEventListener('controlling', (event) => {
        if (requested || !event.isUpdate) return;
        activatedElsewhere = true;
        if (status.value !== 'applying') status.value = 'ready';
      });
      next.register().catch((error: unknown) => console.error(error));
    },
  };
}
