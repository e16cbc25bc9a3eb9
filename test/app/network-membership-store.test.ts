// The membership store on its own, with a fake sync controller and storage: it follows the
// signed-in account (fetches for it, shows only its own device copy, removes the copy when nobody
// is signed in), keeps a join or withdrawal made here against an answer fetched before it, and
// counts a membership the server no longer has as withdrawn.
import { signal } from '@preact/signals';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createMembershipStore,
  type MembershipSync,
  type NetworkMeStorage,
  type StoredNetworkMe,
} from '../../src/app/network/membership-store';
import { RequestError } from '../../src/app/sync/requests';
import type { AccountInfo } from '../../src/shared/sync-protocol';
import type { NetworkMe } from '../../src/shared/network-protocol';
import { gardenOf, membershipOf } from './network-support';

const account = (id: string): AccountInfo => ({
  id,
  email: `${id}@example.test`,
  createdAt: 0,
  emailVerified: true,
});

const G1 = '0b6d7c8e-1f2a-4b3c-9d4e-5f6a7b8c9d0e';
const ME_EMPTY: NetworkMe = { memberships: [], advisorOf: [], roles: [] };

/** A storage in memory. */
function memoryStorage(initial: StoredNetworkMe | null = null) {
  const box = { value: initial as StoredNetworkMe | null };
  const storage: NetworkMeStorage = {
    read: () => Promise.resolve(box.value),
    write: (value) => {
      box.value = value;
      return Promise.resolve();
    },
  };
  return { box, storage };
}

/** A sync controller whose requests are answered by `answer`. */
function fakeSync(answer: (method: string, path: string) => Promise<unknown>) {
  const accountSignal = signal<AccountInfo | null | undefined>(undefined);
  const request = vi.fn((method: string, path: string) => answer(method, path));
  const sync = { account: accountSignal, request } as unknown as MembershipSync;
  return { sync, accountSignal, request };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => vi.restoreAllMocks());

describe('the membership store', () => {
  it('fetches for the signed-in account and keeps a copy named after it', async () => {
    const me: NetworkMe = { ...ME_EMPTY, memberships: [membershipOf()] };
    const { sync, accountSignal, request } = fakeSync(() => Promise.resolve(me));
    const { box, storage } = memoryStorage();
    const store = createMembershipStore(sync, { storage, now: () => 42 });
    expect(store.me.value).toBeUndefined();
    accountSignal.value = account('kari');
    await vi.waitFor(() => expect(store.me.value).toEqual(me));
    expect(store.isMember.value).toBe(true);
    expect(store.fetchedAt.value).toBe(42);
    expect(box.value).toEqual({ userId: 'kari', me, fetchedAt: 42 });
    expect(request).toHaveBeenCalledWith('GET', '/api/v1/network/me', expect.anything());
  });

  it('never shows another account’s copy, and removes the copy when nobody is signed in', async () => {
    const other: StoredNetworkMe = {
      userId: 'ola',
      me: { ...ME_EMPTY, memberships: [membershipOf()] },
      fetchedAt: 1,
    };
    const { sync, accountSignal } = fakeSync(() => Promise.reject(new RequestError('offline')));
    const { box, storage } = memoryStorage(other);
    const store = createMembershipStore(sync, { storage });
    accountSignal.value = account('kari');
    await vi.waitFor(() => expect(store.refreshError.value).toBe('offline'));
    expect(store.me.value).toBeUndefined();
    expect(store.isMember.value).toBe(false);

    accountSignal.value = null;
    await vi.waitFor(() => expect(store.me.value).toBeNull());
    expect(box.value).toBeNull();
  });

  it('shows its own copy offline, with its time', async () => {
    const copy: StoredNetworkMe = {
      userId: 'kari',
      me: { ...ME_EMPTY, memberships: [membershipOf()] },
      fetchedAt: 7,
    };
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const { sync, accountSignal, request } = fakeSync(() => Promise.resolve(ME_EMPTY));
    const store = createMembershipStore(sync, { storage: memoryStorage(copy).storage });
    accountSignal.value = account('kari');
    await vi.waitFor(() => expect(store.refreshError.value).toBe('offline'));
    expect(store.me.value).toEqual(copy.me);
    expect(store.fetchedAt.value).toBe(7);
    expect(request).not.toHaveBeenCalled();
  });

  it('keeps a join against an answer fetched before it', async () => {
    const membership = membershipOf(gardenOf());
    const pending: ((me: NetworkMe) => void)[] = [];
    let gets = 0;
    const { sync, accountSignal } = fakeSync((method) => {
      if (method === 'POST') return Promise.resolve(membership);
      gets++;
      if (gets === 1) return Promise.resolve(ME_EMPTY);
      // Later answers wait for the test to release them.
      return new Promise((resolve) => pending.push(resolve));
    });
    const store = createMembershipStore(sync, { storage: memoryStorage().storage });
    accountSignal.value = account('kari');
    await vi.waitFor(() => expect(store.me.value).toEqual(ME_EMPTY));
    const stale = store.refresh();
    await store.join({
      code: 'NH-7K3P-Q2',
      firm: { name: 'Kaffebrenneriet AS' },
      displayName: 'Kari',
      consentVersion: '2026-12-02',
    });
    expect(store.me.value?.memberships).toEqual([membership]);
    // The answer asked for before the join arrives after it: it is dropped …
    pending[0]!(ME_EMPTY);
    await stale;
    await settle();
    expect(store.me.value?.memberships).toEqual([membership]);
    // … and a fresh one is asked for.
    await vi.waitFor(() => expect(gets).toBe(3));
    pending[1]!({ ...ME_EMPTY, memberships: [membership] });
    await vi.waitFor(() => expect(store.refreshError.value).toBeNull());
    expect(store.me.value?.memberships).toEqual([membership]);
  });

  it('counts a membership the server no longer has as withdrawn; other refusals throw', async () => {
    const membership = membershipOf(gardenOf(G1));
    let refusal = 'membership_not_found';
    const { sync, accountSignal } = fakeSync((method) =>
      method === 'DELETE'
        ? Promise.reject(new RequestError(refusal, { status: 404 }))
        : Promise.resolve({ ...ME_EMPTY, memberships: [membership] }),
    );
    const store = createMembershipStore(sync, { storage: memoryStorage().storage });
    accountSignal.value = account('kari');
    await vi.waitFor(() => expect(store.isMember.value).toBe(true));
    await store.withdraw(G1);
    expect(store.me.value?.memberships).toEqual([]);
    refusal = 'server';
    await expect(store.withdraw(G1)).rejects.toThrow(RequestError);
  });
});
