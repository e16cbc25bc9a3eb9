// Whether the server seems reachable: the connectivity store. `navigator.onLine === false` is
// believed at once; `true` proves nothing, so the app's own requests report what they saw
// (reached the server, or failed for lack of a connection). This module is the one writer of
// `online`; everyone else reads it and calls the actions.
import { signal, type ReadonlySignal } from '@preact/signals';
import { CourseApiError } from './course-api';
import { browserOffline } from './network';

export interface ConnectivityStore {
  /** False when the browser reports no connection or a request failed for lack of one; true
   * again after a request reaches the server or the browser reports a connection. */
  online: ReadonlySignal<boolean>;
  /** A request reached the server (true) or failed for lack of a connection (false). */
  noteReachable(reachable: boolean): void;
  /** A request failed: a connection failure marks the app offline, any other error changes
   * nothing. */
  noteFailure(error: unknown): void;
  /** Follow the browser's online/offline events; `onReconnect` runs after each `online` event.
   * Returns a function that stops listening. */
  watch(onReconnect?: () => void): () => void;
}

/** Whether a failure means the server could not be reached. */
export const isConnectionFailure = (error: unknown): boolean =>
  error instanceof CourseApiError && (error.kind === 'network' || error.kind === 'timeout');

/** Make the connectivity store, starting from the browser's own report. */
export function createConnectivityStore(): ConnectivityStore {
  const online = signal(!browserOffline());
  const noteReachable = (reachable: boolean) => {
    online.value = reachable;
  };
  return {
    online,
    noteReachable,
    noteFailure(error) {
      if (isConnectionFailure(error)) online.value = false;
    },
    watch(onReconnect) {
      if (typeof addEventListener !== 'function') return () => {};
      const up = () => {
        online.value = true;
        onReconnect?.();
      };
      const down = () => {
        online.value = false;
      };
      addEventListener('online', up);
      addEventListener('offline', down);
      return () => {
        removeEventListener('online', up);
        removeEventListener('offline', down);
      };
    },
  };
}
