// Which URLs belong to the app shell and which to the server: pure, so they are unit-tested.

/** Navigations to these paths go to the server, not to the cached app shell. */
export const NOT_APP_NAVIGATION: RegExp[] = [/^\/api\//, /^\/healthz$/, /\.[a-z0-9]+$/i];

/** Whether a navigation to this path should be answered with the app shell. */
export const isAppNavigation = (pathname: string): boolean =>
  !NOT_APP_NAVIGATION.some((pattern) => pattern.test(pathname));
