// The one surface the UI uses for accounts and sync: signals to show (status, account, pending
// events) and actions to call. Everything it shows comes from IndexedDB through live queries, so
// every tab shows the same state whichever tab ran the sync; only `running` and `nextRetryAt`
// are this tab's own.
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { liveQuery } from 'dexie';
import type { AccountInfo } from '../../shared/sync-protocol';
import { db, type LommekursDB } from '../../client-core/db/db';
import { pendingAmong, summarizePending } from '../../client-core/db/outbox';
import {
  clearRejected,
  readSyncState,
  rejectedAmong,
  type SyncState,
} from '../../client-core/db/sync-state';
import { browserOffline } from '../offline/network';
import * as account from './account';
import type { z } from 'zod/mini';
import { createApi, type ApiMethod, type ApiOptions } from '../../client-core/sync/api';
import { passkeyActions, signInWithPasskey, type PasskeyActions } from './passkeys';
import { signedInRequest, type RequestOptions } from './requests';
import { sessionActions, type SessionActions } from './sessions';
import {
  sendAnonymousFeedback,
  type AnonymousSendOutcome,
} from '../../client-core/sync/anonymous-sender';
import { requestBackgroundSync } from '../../client-core/sync/background';
import { syncOnce, type SyncOutcome } from '../../client-core/sync/engine';
import type { LockRunner } from '../../client-core/sync/lock';
import type { SyncStatus } from './status';
import { createScheduler, type Timers } from './scheduler';

export { AccountError, UnsyncedError, type AccountErrorCode } from './account';
export { PasskeyError, passkeysSupported, deviceName, type PasskeyErrorCode } from './passkeys';
export { pendingAmong };
export { hasLiveSession, type SyncStatus } from './status';

/** Accounts and sync, for the UI. */
export interface SyncController {
  status: ReadonlySignal<SyncStatus>;
  /** The signed-in learner; null when nobody is; undefined while loading. While the status says
   * 'signed-out' this is still the learner whose session the server refused. */
  account: ReadonlySignal<AccountInfo | null | undefined>;
  /** Learner actions waiting for the server, live across tabs (not events: opening a lesson or
   * the time spent in it is no action; see db/pending-actions.ts). */
  pending: ReadonlySignal<number>;
  /** Subscribe to the database and the browser's events and sync once; returns stop(). */
  start(): () => void;
  /** Sync now; resolves when a sync that started after the call has ended (it never throws:
   * the outcome is in `status`). */
  syncNow(): Promise<void>;
  register(email: string, password: string, options?: account.SignInOptions): Promise<void>;
  signIn(email: string, password: string, options?: account.SignInOptions): Promise<void>;
  /** Sign in with a passkey the device holds; ends in the same state as signIn. */
  signInWithPasskey(options?: account.SignInOptions): Promise<void>;
  /** The signed-in learner's passkeys (add, list, remove). */
  passkeys: PasskeyActions;
  /** The signed-in learner's devices (list, sign out) and the password change. */
  sessions: SessionActions;
  /** Throws UnsyncedError while events are pending, unless `discardUnsynced`. */
  signOut(options?: { discardUnsynced?: boolean }): Promise<void>;
  exportData(): Promise<Blob>;
  /** Mail a reset link (the same answer whether or not the address has an account). */
  requestPasswordReset(email: string, lang: account.MailLanguage): Promise<void>;
  /** Set a new password with a reset link's token; signs this device in. */
  resetPassword(token: string, password: string, options?: account.SignInOptions): Promise<void>;
  /** Confirm the address with a verification link's token. */
  verifyEmail(token: string): Promise<void>;
  /** Mail a fresh verification link to the signed-in learner. */
  resendVerification(lang: account.MailLanguage): Promise<void>;
  deleteAccount(password: string): Promise<void>;
  /** The account was deleted on another device (status problem 'account-deleted'): keep this
   * device's progress without an account, or wipe it. */
  leaveDeletedAccount(options: { keepProgress: boolean }): Promise<void>;
  /** The learner has seen the refused events. */
  dismissRejected(): Promise<void>;
  /** Which of these event ids still wait for the server (a completion's receipt). */
  pendingAmong(ids: string[]): Promise<string[]>;
  /** Which of these event ids the server refused (a receipt must not say "Synkronisert"). */
  rejectedAmong(ids: string[]): Promise<string[]>;
  /** A request with this device's session to another part of the API (the business-garden
   * network); throws RequestError. */
  request<S extends z.ZodMiniType>(
    method: ApiMethod,
    path: string,
    options: RequestOptions<S>,
  ): Promise<z.infer<S>>;
}

/** Where the controller syncs to and with what; everything defaults to the app's own. */
export interface SyncControllerOptions extends ApiOptions {
  database?: LommekursDB;
  now?: () => number;
  random?: () => number;
  timers?: Timers;
  lock?: LockRunner;
  isOffline?: () => boolean;
  debounceMs?: number;
  /** Protocol version pushes declare (tests pretend to be an old app). */
  schemaVersion?: number;
  /** Called with every sync's outcome (logging, tests). */
  onOutcome?: (outcome: SyncOutcome) => void;
  /** Ask the browser for a Background Sync after a retryable failure (default true). */
  backgroundSync?: boolean;
}

/** The app's accounts-and-sync controller. */
export function createSyncController(options: SyncControllerOptions = {}): SyncController {
  const {
    database = db,
    now = Date.now,
    random,
    timers,
    lock,
    isOffline = browserOffline,
    debounceMs,
    schemaVersion,
    onOutcome,
    backgroundSync = true,
  } = options;
  const api = createApi(options);
  const deps = { database, api };

  const scheduler = createScheduler({
    run: async () => {
      const outcome = await syncOnce({ database, api, now, isOffline, schemaVersion });
      if (outcome.kind === 'failed' && outcome.error !== undefined) {
        console.error('Sync failed', outcome.error);
      }
      onOutcome?.(outcome);
      // Without an account: the answers the learner let go anonymously (issue 15), if any.
      if (outcome.kind === 'no-session') {
        const sent = await sendAnonymousFeedback({ database, api, isOffline }).catch(
          (error: unknown): AnonymousSendOutcome => {
            console.error('Anonymous feedback not sent', error);
            return { kind: 'failed' };
          },
        );
        if (sent.kind !== 'failed') return { retry: false };
        return sent.retryAfterMs === undefined
          ? { retry: true }
          : { retry: true, retryAfterMs: sent.retryAfterMs };
      }
      const retry = outcome.kind === 'failed' && outcome.retry;
      // If this tab closes before its backoff fires, the browser can still deliver the events.
      if (retry && backgroundSync) void requestBackgroundSync();
      const retryAfterMs = outcome.kind === 'failed' ? outcome.retryAfterMs : undefined;
      return retryAfterMs === undefined ? { retry } : { retry, retryAfterMs };
    },
    lock,
    timers,
    now,
    random,
    debounceMs,
  });

  const stored = signal<SyncState | undefined>(undefined);
  const pending = signal(0);
  const status = computed<SyncStatus>(() => ({
    running: scheduler.running.value,
    lastSyncedAt: stored.value?.lastSyncedAt ?? null,
    problem: stored.value?.problem ?? null,
    rejected: stored.value?.rejected.length ?? 0,
    nextRetryAt: scheduler.nextRetryAt.value,
  }));
  const accountInfo = computed(() =>
    stored.value === undefined ? undefined : (stored.value.session?.user ?? null),
  );

  function start(): () => void {
    scheduler.resume();
    const state = liveQuery(() => readSyncState(database)).subscribe({
      next: (value) => (stored.value = value),
      error: (error: unknown) => console.error('Sync state unreadable', error),
    });
    let seen: number | undefined;
    const outbox = liveQuery(() => summarizePending(database)).subscribe({
      next: ({ events, actions }) => {
        // A new event (in any tab) schedules a sync; a shrinking outbox is a sync at work.
        if (seen !== undefined && events > seen) scheduler.triggerSoon();
        seen = events;
        pending.value = actions;
      },
      error: (error: unknown) => console.error('Outbox unreadable', error),
    });
    // Online: try at once. Offline: the sync then stops before any request and records 'offline',
    // so a "server does not answer" of a moment ago becomes "no network" when that is the cause.
    const onNetworkChange = () => scheduler.trigger();
    const onVisible = () => {
      if (document.visibilityState === 'visible') scheduler.trigger();
    };
    window.addEventListener('online', onNetworkChange);
    window.addEventListener('offline', onNetworkChange);
    document.addEventListener('visibilitychange', onVisible);
    scheduler.trigger();
    return () => {
      scheduler.stop();
      state.unsubscribe();
      outbox.unsubscribe();
      window.removeEventListener('online', onNetworkChange);
      window.removeEventListener('offline', onNetworkChange);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }

  return {
    status,
    account: accountInfo,
    pending,
    start,
    syncNow: () => scheduler.runNow(),
    async register(email, password, signInOptions) {
      await account.register(deps, email, password, signInOptions);
      scheduler.trigger();
    },
    async signIn(email, password, signInOptions) {
      await account.signIn(deps, email, password, signInOptions);
      scheduler.trigger();
    },
    async signInWithPasskey(signInOptions) {
      await signInWithPasskey(deps, signInOptions);
      scheduler.trigger();
    },
    passkeys: passkeyActions(deps),
    sessions: sessionActions(deps),
    signOut: (signOutOptions) => account.signOut(deps, signOutOptions),
    exportData: () => account.exportData(deps),
    requestPasswordReset: (email, lang) => account.requestPasswordReset(deps, email, lang),
    async resetPassword(token, password, signInOptions) {
      await account.resetPassword(deps, token, password, signInOptions);
      scheduler.trigger();
    },
    verifyEmail: (token) => account.verifyEmail(deps, token),
    resendVerification: (lang) => account.resendVerification(deps, lang),
    deleteAccount: (password) => account.deleteAccount(deps, password),
    leaveDeletedAccount: (leaveOptions) => account.leaveDeletedAccount(deps, leaveOptions),
    dismissRejected: () => clearRejected(database),
    pendingAmong: (ids) => pendingAmong(ids, database),
    rejectedAmong: (ids) => rejectedAmong(ids, database),
    request: (method, path, options) => signedInRequest(deps, method, path, options),
  };
}
