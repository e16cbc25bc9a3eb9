// The database and table names boot-settings.ts reads without importing db.ts (and with it
// Dexie); test/app/boot.test.ts checks they are db.ts's.

/** The app's IndexedDB database. */
export const DB_NAME_FOR_BOOT = 'lommekurs';

/** The key-value table holding the settings (rows `{ key: 'setting:<name>', value }`). */
export const META_STORE_FOR_BOOT = 'meta';
