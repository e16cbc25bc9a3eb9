// The names of the app's IndexedDB database and of its settings table, in a module of their own:
// db.ts declares its Dexie schema under them, and boot-settings.ts reads the settings with raw
// IndexedDB before the app starts, without importing db.ts (and with it Dexie).

/** The app's IndexedDB database. */
export const DB_NAME = 'lommekurs';

/** The key-value table holding the client id and the settings (rows `{ key, value }`; a setting's
 * key is `setting:<name>`). db.ts's schema names it `meta`; test/app/boot.test.ts holds them equal. */
export const META_TABLE = 'meta';

/** The advisor's offline copy of the garden views (issue 14), a database of its own so the
 * learner's schema never carries it: src/app/advisor/offline-copy.ts, removed at sign-out. */
export const ADVISOR_DB_NAME = 'lommekurs-advisor';
