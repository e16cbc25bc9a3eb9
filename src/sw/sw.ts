// The service worker entry, kept thin: precache the app shell that vite-plugin-pwa lists, serve it
// for every app navigation, answer course media from their course's cache and the catalogue
// network-first, take over only when the learner chooses to update, and sync the learner's events
// when the browser wakes it (background-sync.ts). The decisions are pure functions in routes.ts.
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { CATALOGUE_CACHE, mediaCacheName } from '../shared/offline-caches';
import { listenForBackgroundSync } from './background-sync';
import { CATALOGUE_TIMEOUT_SECONDS, NOT_APP_NAVIGATION, routeRequest } from './routes';

declare const self: ServiceWorkerGlobalScope;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Take control as soon as this worker is active: on a first visit that makes the open page
// work offline at once; an update only activates when the learner asks for it (SKIP_WAITING).
clientsClaim();

registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: NOT_APP_NAVIGATION }),
);

const catalogue = new NetworkFirst({
  cacheName: CATALOGUE_CACHE,
  networkTimeoutSeconds: CATALOGUE_TIMEOUT_SECONDS,
});
registerRoute(({ url }) => routeRequest(url, self.location.origin).kind === 'catalogue', catalogue);
// The install icons are fetched by the browser (installation), never by a page: they stay out of
// the precache, and the copy last fetched online answers an installation check made offline.
registerRoute(
  ({ url }) => routeRequest(url, self.location.origin).kind === 'icon',
  new NetworkFirst({ cacheName: 'lommekurs-icons' }),
);

// The online-only screens' code, out of the precache, kept from its first use (src/sw/routes.ts).
registerRoute(
  ({ url }) => routeRequest(url, self.location.origin).kind === 'online-code',
  new CacheFirst({ cacheName: 'lommekurs-online-code' }),
);
// Its cache was the advisor screens' alone before issue 13 (assets/advisor/): nothing reads it now.
self.addEventListener('activate', (event) => {
  event.waitUntil(caches.delete('lommekurs-advisor-code'));
});

// One cache per course, so a course's media can be counted and deleted together. Media URLs
// carry their content hash, so a cached copy is never stale.
const mediaStrategies = new Map<string, CacheFirst>();
registerRoute(
  ({ url }) => routeRequest(url, self.location.origin).kind === 'media',
  (options) => {
    const route = routeRequest(options.url, self.location.origin);
    const courseId = route.kind === 'media' ? route.courseId : '';
    let strategy = mediaStrategies.get(courseId);
    if (!strategy) {
      strategy = new CacheFirst({ cacheName: mediaCacheName(courseId) });
      mediaStrategies.set(courseId, strategy);
    }
    return strategy.handle(options);
  },
);

listenForBackgroundSync();

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
