// Stubs for browser APIs jsdom lacks or fixes, installed per test and removed after it:
// navigator.storage (estimate/persisted/persist), navigator.onLine and navigator.connection.
import { onTestFinished, vi } from 'vitest';

export interface StorageStub {
  usage: number;
  quota: number;
  persisted: boolean;
  /** What persist() answers. */
  grant: boolean;
}

/** Install a navigator.storage with these facts; returns its spies and the mutable facts. */
export function stubStorage(init: Partial<StorageStub> = {}) {
  const facts: StorageStub = {
    usage: 2_000_000,
    quota: 500_000_000,
    persisted: false,
    grant: true,
    ...init,
  };
  const storage = {
    estimate: vi.fn(async () => ({ usage: facts.usage, quota: facts.quota })),
    persisted: vi.fn(async () => facts.persisted),
    persist: vi.fn(async () => {
      facts.persisted = facts.grant;
      return facts.grant;
    }),
  };
  Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
  onTestFinished(() => {
    delete (navigator as { storage?: unknown }).storage;
  });
  return { storage, facts };
}

/** Make navigator.onLine report `online` for this test. */
export function stubOnLine(online: boolean) {
  return vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);
}

/** Give navigator a Network Information `connection` of this type for this test. */
export function stubConnection(type: string) {
  Object.defineProperty(navigator, 'connection', { value: { type }, configurable: true });
  onTestFinished(() => {
    delete (navigator as { connection?: unknown }).connection;
  });
}
