// The persistence store: what the browser says about persistent storage, checked and asked.
import { describe, expect, it } from 'vitest';
import { createPersistenceStore } from '../../../src/app/offline/persistence';
import { stubStorage } from '../../utils/browser';

describe('the persistence store', () => {
  it('is unknown until checked; checkPersistence records the answer without asking', async () => {
    const { storage } = stubStorage({ persisted: false });
    const store = createPersistenceStore();
    expect(store.status.value).toEqual({ persisted: null, answer: null });
    expect(await store.checkPersistence()).toBe(false);
    expect(store.status.value).toEqual({ persisted: false, answer: null });
    expect(storage.persist).not.toHaveBeenCalled();
  });

  it('requestPersistence records a grant and a refusal', async () => {
    stubStorage({ persisted: false, grant: true });
    const granted = createPersistenceStore();
    expect(await granted.requestPersistence()).toBe(true);
    expect(granted.status.value).toEqual({ persisted: true, answer: 'granted' });

    stubStorage({ persisted: false, grant: false });
    const denied = createPersistenceStore();
    expect(await denied.requestPersistence()).toBe(false);
    expect(denied.status.value).toEqual({ persisted: false, answer: 'denied' });
  });

  it('without the Storage API: unknown, and never throws', async () => {
    const store = createPersistenceStore();
    expect(await store.checkPersistence()).toBeNull();
    expect(await store.requestPersistence()).toBeNull();
    expect(store.status.value).toEqual({ persisted: null, answer: null });
  });
});
