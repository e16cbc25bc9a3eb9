import { describe, expect, it } from 'vitest';
import { isAppNavigation, routeRequest } from '../../src/sw/routes';

const ORIGIN = 'https://lommekurs.example';
const route = (path: string, origin = ORIGIN) => routeRequest(new URL(path, origin), ORIGIN);

describe('app navigations', () => {
  it.each([
    '/',
    '/kurs',
    '/kurs/eksempel-trygg-epost',
    '/kurs/a/b',
    '/innstillinger',
    '/lagring',
    '/konto',
  ])('%s is answered by the app shell', (path) => expect(isAppNavigation(path)).toBe(true));
  it.each([
    '/api/v1/courses',
    '/healthz',
    '/sw.js',
    '/manifest.webmanifest',
    '/icons/icon-192.png',
  ])('%s goes to the network', (path) => expect(isAppNavigation(path)).toBe(false));
});

describe('request routes', () => {
  it('sends the catalogue network-first', () => {
    expect(route('/api/v1/courses')).toEqual({ kind: 'catalogue' });
    expect(route('/api/v1/courses?x=1')).toEqual({ kind: 'catalogue' });
  });

  it('answers media from the cache of their course', () => {
    expect(route('/api/v1/courses/trygg-epost/media/bilde%201.png?v=0123456789abcdef')).toEqual({
      kind: 'media',
      courseId: 'trygg-epost',
    });
  });

  it("keeps the online-only screens' code once fetched (cache-first), nothing else under /assets/", () => {
    expect(route('/assets/online/GardenScreen-Ab12_x.js')).toEqual({ kind: 'online-code' });
    expect(route('/assets/online/AccountScreen-Q9_z-1.js')).toEqual({ kind: 'online-code' });
    expect(route('/assets/online/advisor-Zz9.css')).toEqual({ kind: 'online-code' });
    expect(route('/assets/HomeScreen-Ab12.js')).toEqual({ kind: 'network' });
    expect(route('/assets/password-estimator-Ab12.js')).toEqual({ kind: 'network' });
    expect(route('/assets/online/x.js.map')).toEqual({ kind: 'network' });
    expect(route('/assets/online/nested/x.js')).toEqual({ kind: 'network' });
    // The folder of before issue 13 is gone: nothing is kept from it.
    expect(route('/assets/advisor/GardenScreen-Ab12_x.js')).toEqual({ kind: 'network' });
    expect(route('/assets/online/x.js', 'https://other.example')).toEqual({ kind: 'network' });
  });

  it('keeps the PNG install icons network-first, nothing else under /icons/', () => {
    expect(route('/icons/icon-192.png')).toEqual({ kind: 'icon' });
    expect(route('/icons/apple-touch-icon.png')).toEqual({ kind: 'icon' });
    expect(route('/icons/icon.svg')).toEqual({ kind: 'network' });
    expect(route('/icons/icon-192.png', 'https://other.example')).toEqual({ kind: 'network' });
  });

  it('never caches bundles, other API calls or other origins', () => {
    expect(route('/api/v1/courses/trygg-epost')).toEqual({ kind: 'network' });
    expect(route('/api/v1/courses/trygg-epost/media/')).toEqual({ kind: 'network' });
    expect(route('/api/v1/sync/push')).toEqual({ kind: 'network' });
    expect(route('/api/v1/courses', 'https://other.example')).toEqual({ kind: 'network' });
  });

  it('sends a malformed course id to the network instead of throwing', () => {
    expect(route('/api/v1/courses/%E0%A4%A/media/x.png')).toEqual({ kind: 'network' });
  });
});
