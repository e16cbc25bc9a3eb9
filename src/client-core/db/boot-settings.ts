// The settings the page needs before its first paint (interface language, text size), read with
// raw IndexedDB so that the entry script does not wait for Dexie (boot.ts loads Dexie in
// parallel). Reads only: a database that does not exist yet is not created here — its upgrade is
// aborted, so Dexie creates it later at the right version, and the answer says so (`newDevice`:
// nothing can be stored yet, so the first screen need not wait for Dexie to show its empty state)
// — and any other failure means defaults.
import { DB_NAME, META_TABLE } from './db-names';

/** The stored values of the boot settings (undefined when unset); callers validate them. */
export interface BootSettings {
  language: unknown;
  textSize: unknown;
  /** The app's database did not exist: nothing is stored on this device yet. */
  newDevice: boolean;
}

const NONE: BootSettings = { language: undefined, textSize: undefined, newDevice: false };

/** Read the language and text-size settings from the app's database. Never throws. */
export function readBootSettings(
  idb: IDBFactory | undefined = globalThis.indexedDB,
  name = DB_NAME,
): Promise<BootSettings> {
  return new Promise((resolve) => {
    if (!idb) return resolve(NONE);
    let request: IDBOpenDBRequest;
    try {
      // No version: opens the database as it is; a missing one arrives as an upgrade from 0.
      request = idb.open(name);
    } catch {
      return resolve(NONE);
    }
    let missing = false;
    request.onupgradeneeded = (event) => {
      if (event.oldVersion !== 0) return;
      missing = true;
      request.transaction?.abort();
    };
    request.onerror = (event) => {
      event.preventDefault();
      resolve(missing ? { ...NONE, newDevice: true } : NONE);
    };
    request.onblocked = () => resolve(NONE);
    request.onsuccess = () => {
      const db = request.result;
      // Never hold up Dexie's upgrade of the database.
      db.onversionchange = () => db.close();
      const done = (settings: BootSettings) => {
        db.close();
        resolve(settings);
      };
      try {
        if (!db.objectStoreNames.contains(META_TABLE)) return done(NONE);
        const store = db.transaction(META_TABLE, 'readonly').objectStore(META_TABLE);
        const language = store.get('setting:language');
        const textSize = store.get('setting:textSize');
        const value = (r: IDBRequest) => (r.result as { value?: unknown } | undefined)?.value;
        textSize.onsuccess = () =>
          done({ language: value(language), textSize: value(textSize), newDevice: false });
        textSize.onerror = () => done(NONE);
        textSize.transaction!.onabort = () => done(NONE);
      } catch {
        done(NONE);
      }
    };
  });
}
