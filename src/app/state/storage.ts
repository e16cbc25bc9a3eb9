// The UI's handle on the storage layer. Dexie, the database and the queries screens read
// (./storage-api.ts) are a chunk of their own, so the first paint does not wait for them: boot.ts
// starts loading it at once, in parallel with the render, and every store or hook that reads or
// writes IndexedDB awaits this one promise.
import type * as StorageApi from './storage-api';

export type Storage = typeof StorageApi;

let loading: Promise<Storage> | undefined;
let loaded = false;
let newDevice = false;

/** Boot found no database: until the storage layer is loaded nothing can have been stored on this
 * device, so lists can show their empty state at once (a first visit does not wait for Dexie). */
export function noteNewDevice(isNew: boolean): void {
  newDevice = isNew;
}

/** Nothing is stored on this device, known without the storage layer: true only on a new device
 * and only before the chunk has loaded (from then on its queries are the truth). */
export const knownEmpty = (): boolean => newDevice && !loaded;

/** The storage layer; loaded once (a failed load is tried again on the next call). */
export function loadStorage(): Promise<Storage> {
  loading ??= import('./storage-api').then(
    (storage) => {
      loaded = true;
      return storage;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
