// The UI's handle on the storage layer. Dexie, the database and the queries screens read
// (./storage-api.ts) are a chunk of their own, so the first paint does not wait for them: boot.ts
// starts loading it at once, in parallel with the render, and every store or hook that reads or
// writes IndexedDB awaits this one promise.
import type * as StorageApi from './storage-api';

export type Storage = typeof StorageApi;

let loading: Promise<Storage> | undefined;

/** The storage layer; loaded once (a failed load is tried again on the next call). */
export function loadStorage(): Promise<Storage> {
  loading ??= import('./storage-api').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
