// Whether to try the network at all. `navigator.onLine === false` is reliable in one direction:
// the device has no connection, so the app makes no request (a cold start on the ferry makes
// none). `true` proves nothing, so the app also watches its own requests (see AppState.online).

/** The browser reports that the device has no network connection. */
export const browserOffline = (): boolean =>
  typeof navigator !== 'undefined' && navigator.onLine === false;

/** The Network Information API's connection type ('wifi', 'cellular', …), where the browser has
 * it (Chrome on Android); null elsewhere (desktop browsers, Safari, Firefox). */
export function connectionType(): string | null {
  if (typeof navigator === 'undefined') return null;
  const connection = (navigator as Navigator & { connection?: { type?: unknown } }).connection;
  return typeof connection?.type === 'string' ? connection.type : null;
}

/** The connection is not metered as far as the browser can tell (Wi-Fi or cable). */
export const onWifi = (type: string | null): boolean => type === 'wifi' || type === 'ethernet';
