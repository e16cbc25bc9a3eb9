// Setup for the `app` test project: a fresh in-memory IndexedDB for the whole run, and findBy…/
// waitFor that wait up to 5 s — `npm test` runs every project at once on two cores, where a lazy
// screen can take longer than Testing Library's default second to appear (a wait, not a limit
// on speed: a passing wait returns as soon as its condition holds).
import 'fake-indexeddb/auto';
import { configure } from '@testing-library/preact';
import { beforeAll } from 'vitest';

configure({ asyncUtilTimeout: 5000 });

// The app loads nn and en on demand (main.tsx before the first render, the language switch), and
// main.tsx waits for the first screen's chunk before the first render: component tests render any
// screen in any language at once, as the app does after those waits. In beforeAll, so that a test
// file's vi.mock applies to what the screens import. test/app/i18n.test.ts tests the loading
// itself on fresh modules.
beforeAll(async () => {
  const { UI_LANGUAGES, loadDictionary } = await import('../../src/app/i18n');
  const { eagerScreens } = await import('../../src/app/screens/lazy');
  await Promise.all([
    ...UI_LANGUAGES.map((lang) => loadDictionary(lang)),
    ...Object.values(eagerScreens).map((screen) => screen.preload()),
  ]);
});
