// Wiring for UI tests of accounts and sync: the whole app rendered with a SyncController on the
// app's own database (as main.tsx makes it) that reaches the REAL server in process through the
// sync harness's network, where faults are injected. Retries and the after-action debounce wait
// on manual timers, so a test decides when they fire and the status line holds still to be read.
import { afterEach, beforeEach } from 'vitest';
import { db } from '../../src/client-core/db/db';
import type { UiLanguage } from '../../src/app/i18n';
import type { SyncControllerOptions } from '../../src/app/sync/controller';
import { renderApp, setupAppTests } from './app';
import {
  createSyncHarness,
  manualTimers,
  type SyncHarness,
  type SyncHarnessOptions,
} from './sync-harness';

export const EMAIL = 'kari@example.test';
export const PASSWORD = 'riktig hest batteri';

/** Register per-test setup: a fresh server database with its harness (made with `options`,
 * read when each test starts), then the app's own setup (fresh IndexedDB, stubbed course API).
 * Returns a getter for the current harness. */
export function setupSyncUiTests(
  options: () => SyncHarnessOptions = () => ({}),
): () => SyncHarness {
  let harness: SyncHarness | undefined;
  beforeEach(async () => {
    harness = await createSyncHarness(options());
  });
  // Registered before the app's hooks, so it runs after them: the app stops syncing first.
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });
  setupAppTests();
  return () => {
    if (!harness) throw new Error('No harness outside a test');
    return harness;
  };
}

/** The app's controller on the harness's network; retries and debounces wait for `timers`. */
export function appSync(
  harness: SyncHarness,
  options: Omit<SyncControllerOptions, 'database'> = {},
) {
  const timers = manualTimers();
  // random 0.5: a retry is due after exactly half of its backoff ceiling.
  const sync = harness.controller(db, { timers, random: () => 0.5, ...options });
  return { sync, timers };
}

/** Render the app at `url` with a controller from appSync (started, as main.tsx does). */
export function renderWithServer(
  harness: SyncHarness,
  url: string,
  options: Omit<SyncControllerOptions, 'database'> & { language?: UiLanguage } = {},
) {
  const { language = 'nb', ...controllerOptions } = options;
  const { sync, timers } = appSync(harness, controllerOptions);
  return { ...renderApp(url, language, { sync }), timers };
}

/** Create Kari's account through the controller (the real register route) on the app's database,
 * and let the sync that follows end. */
export async function registerKari(harness: SyncHarness) {
  const { sync } = appSync(harness);
  await sync.register(EMAIL, PASSWORD);
  await sync.syncNow();
}
