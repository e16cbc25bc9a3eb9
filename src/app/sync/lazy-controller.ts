// The sync controller as the first chunk holds it: the controller (./controller.ts, with the sync
// engine, the account functions and their zod schemas) is a chunk loaded right after the first
// render, and until it is there this handle stands in for it. Its signals show "not known yet"
// (no account status, nothing pending, no problem), and every action waits for the controller,
// so nothing a learner does while it loads is lost; once loaded, calls go straight through.
import { computed, signal } from '@preact/signals';
import type { SyncController } from './controller';
import type { SyncStatus } from './status';

const NOT_LOADED: SyncStatus = {
  running: false,
  lastSyncedAt: null,
  problem: null,
  rejected: 0,
  nextRetryAt: null,
};

/** A SyncController backed by `load`, called at once; the load's failure is logged and each
 * action then rejects with it. */
export function lazySyncController(load: () => Promise<SyncController>): SyncController {
  const loaded = signal<SyncController | null>(null);
  const controller = load().then((c) => (loaded.value = c));
  controller.catch((error: unknown) => console.error('Sync controller not loaded', error));

  /** An action of the controller (or of one of its parts): direct once loaded — a live query
   * (a receipt's pendingAmong) keeps its Dexie context —, else after the load. */
  function via<A extends unknown[], R>(
    pick: (c: SyncController) => (...args: A) => Promise<R>,
  ): (...args: A) => Promise<R> {
    return (...args) => {
      const now = loaded.peek();
      return now ? pick(now)(...args) : controller.then((c) => pick(c)(...args));
    };
  }

  return {
    status: computed(() => loaded.value?.status.value ?? NOT_LOADED),
    account: computed(() => loaded.value?.account.value),
    pending: computed(() => loaded.value?.pending.value ?? 0),
    start() {
      let stop: (() => void) | undefined;
      let stopped = false;
      void controller.then((c) => {
        if (!stopped) stop = c.start();
      });
      return () => {
        stopped = true;
        stop?.();
      };
    },
    syncNow: via((c) => c.syncNow),
    register: via((c) => c.register),
    signIn: via((c) => c.signIn),
    signInWithPasskey: via((c) => c.signInWithPasskey),
    passkeys: {
      list: via((c) => c.passkeys.list),
      add: via((c) => c.passkeys.add),
      remove: via((c) => c.passkeys.remove),
    },
    sessions: {
      list: via((c) => c.sessions.list),
      end: via((c) => c.sessions.end),
      endOthers: via((c) => c.sessions.endOthers),
      changePassword: via((c) => c.sessions.changePassword),
    },
    signOut: via((c) => c.signOut),
    exportData: via((c) => c.exportData),
    requestPasswordReset: via((c) => c.requestPasswordReset),
    resetPassword: via((c) => c.resetPassword),
    verifyEmail: via((c) => c.verifyEmail),
    resendVerification: via((c) => c.resendVerification),
    deleteAccount: via((c) => c.deleteAccount),
    leaveDeletedAccount: via((c) => c.leaveDeletedAccount),
    dismissRejected: via((c) => c.dismissRejected),
    pendingAmong: via((c) => c.pendingAmong),
    rejectedAmong: via((c) => c.rejectedAmong),
    request: (method, path, options) => {
      const now = loaded.peek();
      return now
        ? now.request(method, path, options)
        : controller.then((c) => c.request(method, path, options));
    },
  };
}
