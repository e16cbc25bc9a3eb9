// The Storage API: how much space the app uses and may use, and whether the browser has promised
// not to evict its data under storage pressure ("persistent storage"). Chrome decides by itself
// (an installed app is usually granted), Firefox asks the user. So the app asks only when the
// learner chooses to (components/PersistenceNote.tsx, beside downloads and on the storage screen)
// and after installation, which Chrome answers without a question. The persistence store below is
// the one writer of what the app knows about it.
import { signal, type ReadonlySignal } from '@preact/signals';

export interface StorageFacts {
  /** Bytes this site uses. */
  usage: number;
  /** Bytes this site may use in total. */
  quota: number;
}

export interface PersistenceState {
  /** Whether storage is persistent; null while unknown or where the browser cannot tell. */
  persisted: boolean | null;
  /** The browser's answer to this session's last request, if one was made. */
  answer: 'granted' | 'denied' | null;
}

export interface PersistenceStore {
  /** What the app knows about persistent storage. */
  status: ReadonlySignal<PersistenceState>;
  /** Ask the browser whether storage is persistent; null when it cannot tell. Never throws. */
  checkPersistence(): Promise<boolean | null>;
  /** Ask the browser to make storage persistent, and record its answer. Never throws. */
  requestPersistence(): Promise<boolean | null>;
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

/** Whether this browser can be asked for persistent storage at all. */
export const canRequestPersistence = (): boolean => typeof storage()?.persist === 'function';

/** Make the persistence store: unknown until checked or asked. */
export function createPersistenceStore(): PersistenceStore {
  const status = signal<PersistenceState>({ persisted: null, answer: null });
  return {
    status,
    async checkPersistence() {
      let persisted: boolean | null = null;
      try {
        const manager = storage();
        if (typeof manager?.persisted === 'function') persisted = await manager.persisted();
      } catch {
        persisted = null;
      }
      status.value = { ...status.value, persisted };
      return persisted;
    },
    async requestPersistence() {
      const manager = storage();
      if (typeof manager?.persist !== 'function') {
        status.value = { ...status.value, persisted: null };
        return null;
      }
      try {
        const granted = await manager.persist();
        status.value = { persisted: granted, answer: granted ? 'granted' : 'denied' };
        return granted;
      } catch {
        return null;
      }
    },
  };
}
