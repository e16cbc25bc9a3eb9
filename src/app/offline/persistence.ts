// The Storage API: how much space the app uses and may use, and whether the browser has promised
// not to evict its data under storage pressure ("persistent storage"). Chrome decides by itself
// (an installed app is usually granted), Firefox asks the user. So the app asks only when the
// learner chooses to (components/PersistenceNote.tsx, beside downloads and on the storage screen)
// and after installation, which Chrome answers without a question.
import type { AppState } from '../state/app-state';

export interface StorageFacts {
  /** Bytes this site uses. */
  usage: number;
  /** Bytes this site may use in total. */
  quota: number;
}

const storage = (): StorageManager | undefined =>
  typeof navigator === 'undefined' ? undefined : navigator.storage;

/** Usage and quota, or null when the browser does not say. Never throws. */
export async function estimateStorage(): Promise<StorageFacts | null> {
  try {
    const estimate = await storage()?.estimate?.();
    if (typeof estimate?.usage !== 'number' || typeof estimate.quota !== 'number') return null;
    return { usage: estimate.usage, quota: estimate.quota };
  } catch {
    return null;
  }
}

/** Bytes still free for this site, or null when unknown. */
export async function freeBytes(): Promise<number | null> {
  const facts = await estimateStorage();
  return facts ? Math.max(0, facts.quota - facts.usage) : null;
}

/** Whether storage is persistent; null when the browser cannot tell. Updates the app state. */
export async function checkPersistence(state: AppState): Promise<boolean | null> {
  let persisted: boolean | null = null;
  try {
    const manager = storage();
    if (typeof manager?.persisted === 'function') persisted = await manager.persisted();
  } catch {
    persisted = null;
  }
  state.persistence.value = { ...state.persistence.value, persisted };
  return persisted;
}

/** Ask the browser to make storage persistent, and record its answer. Never throws. */
export async function requestPersistence(state: AppState): Promise<boolean | null> {
  const manager = storage();
  if (typeof manager?.persist !== 'function') {
    state.persistence.value = { ...state.persistence.value, persisted: null };
    return null;
  }
  try {
    const granted = await manager.persist();
    state.persistence.value = { persisted: granted, answer: granted ? 'granted' : 'denied' };
    return granted;
  } catch {
    return null;
  }
}

/** Whether this browser can be asked for persistent storage at all. */
export const canRequestPersistence = (): boolean => typeof storage()?.persist === 'function';
