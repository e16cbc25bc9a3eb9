import { describe, expect, it } from 'vitest';
import { isAppNavigation } from '../../src/sw/routes';

describe('app navigations', () => {
  it.each(['/', '/kurs', '/kurs/eksempel-trygg-epost', '/kurs/a/b', '/innstillinger'])(
    '%s is answered by the app shell',
    (path) => expect(isAppNavigation(path)).toBe(true),
  );
  it.each([
    '/api/v1/courses',
    '/healthz',
    '/sw.js',
    '/manifest.webmanifest',
    '/icons/icon-192.png',
  ])('%s goes to the network', (path) => expect(isAppNavigation(path)).toBe(false));
});
