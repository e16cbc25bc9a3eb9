// Which requests the service worker answers, and how: pure functions of the URL, unit-tested.
// The app shell is precached; course media come from a per-course cache; the catalogue and the
// install icons are network-first with a fallback; the online-only screens' code is kept from its
// first use; course bundles are never cached here (the app keeps them in IndexedDB); everything
// else goes to the network untouched.

/** Navigations to these paths go to the server, not to the cached app shell. */
export const NOT_APP_NAVIGATION: RegExp[] = [/^\/api\//, /^\/healthz$/, /\.[a-z0-9]+$/i];

/** Whether a navigation to this path should be answered with the app shell. */
export const isAppNavigation = (pathname: string): boolean =>
  !NOT_APP_NAVIGATION.some((pattern) => pattern.test(pathname));

export type RequestRoute =
  | { kind: 'catalogue' }
  | { kind: 'media'; courseId: string }
  | { kind: 'icon' }
  | { kind: 'online-code' }
  | { kind: 'network' };

const CATALOGUE_PATH = '/api/v1/courses';
const MEDIA_PATH = /^\/api\/v1\/courses\/([^/]+)\/media\/./;
/** The install icons (the manifest's and Safari's): not precached — a page never shows them — but
 * kept from the last time the browser fetched them, for an installation check made offline. */
const ICON_PATH = /^\/icons\/[^/]+\.png$/;
/** The online-only screens' code (vite.config.ts puts it under assets/online/: signing in, the
 * account, joining a garden, the advisor and insight screens…): not precached — it needs the
 * server anyway — but kept once fetched, so a screen opened online once opens offline too. The
 * names carry a content hash, so a kept copy is never stale. */
const ONLINE_CODE_PATH = /^\/assets\/online\/[^/]+\.(js|css)$/;

/** How the service worker handles a same-origin GET to this URL. */
export function routeRequest(url: URL, origin: string): RequestRoute {
  if (url.origin !== origin) return { kind: 'network' };
  if (url.pathname === CATALOGUE_PATH) return { kind: 'catalogue' };
  if (ICON_PATH.test(url.pathname)) return { kind: 'icon' };
  if (ONLINE_CODE_PATH.test(url.pathname)) return { kind: 'online-code' };
  const media = MEDIA_PATH.exec(url.pathname);
  if (media) {
    try {
      return { kind: 'media', courseId: decodeURIComponent(media[1] ?? '') };
    } catch {
      return { kind: 'network' };
    }
  }
  return { kind: 'network' };
}

/** Seconds the catalogue request may take before the last cached catalogue is used instead. */
export const CATALOGUE_TIMEOUT_SECONDS = 3;
