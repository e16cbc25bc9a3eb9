// The learner's place in the business-garden network (issue 14) as the server last said it: the
// gardens they joined (with consent), the gardens they advise, their network roles. Fetched from
// GET /api/v1/network/me while someone is signed in — when the store is made (at the app's start,
// see start.ts), after a sign-in, after joining or withdrawing — and kept on the device as the
// setting `network`, so the app knows offline whether to show the share switch and the advisor
// link. The copy names the account it belongs to: it is removed when nobody is signed in any more
// (sign-out, account deletion) and never shown to another account signed in on the same device.
// One store per sync controller (`membershipStoreFor`); components call its actions.
import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import { z } from 'zod/mini';
import { getSetting, setSetting } from '../../client-core/db/settings';
import {
  membershipSchema,
  networkMeSchema,
  type JoinRequest,
  type Membership,
  type NetworkMe,
} from '../../shared/network-protocol';
import { browserOffline } from '../offline/network';
import { useSync } from '../state/context';
import type { SyncController } from '../sync/controller';
import { RequestError, type RequestErrorCode } from '../sync/requests';

/** The settings key of the device copy. */
export const NETWORK_SETTING = 'network';

/** The device copy: whose it is, what the server said, and when. */
export interface StoredNetworkMe {
  userId: string;
  me: NetworkMe;
  fetchedAt: number;
}

const storedSchema = z.object({ userId: z.string(), me: networkMeSchema, fetchedAt: z.number() });

/** Where the device copy is kept (the settings table by default; tests may pass their own). */
export interface NetworkMeStorage {
  read(): Promise<unknown>;
  write(value: StoredNetworkMe | null): Promise<void>;
}

const settingsStorage: NetworkMeStorage = {
  read: () => getSetting<unknown>(NETWORK_SETTING, null),
  async write(value) {
    // Clearing writes only over a copy that exists: a device that never had one gets no row.
    if (value === null && (await getSetting<unknown>(NETWORK_SETTING, null)) === null) return;
    await setSetting(NETWORK_SETTING, value);
  },
};

/** The learner's network state and the actions that change it. */
export interface MembershipStore {
  /** What the server last said for the signed-in account; undefined while not known yet (the
   * device copy is being read, or there is none and the server has not answered), null when
   * nobody is signed in. */
  me: ReadonlySignal<NetworkMe | null | undefined>;
  /** When `me` was fetched (null without one). */
  fetchedAt: ReadonlySignal<number | null>;
  /** Why the last refresh failed (the copy shown may be old); null after a good one. */
  refreshError: ReadonlySignal<RequestErrorCode | null>;
  /** The learner is a member of at least one garden. */
  isMember: ReadonlySignal<boolean>;
  /** Fetch GET /api/v1/network/me now (never throws: a failure is in `refreshError`). */
  refresh(): Promise<void>;
  /** Join a garden with consent (POST /api/v1/network/join); throws RequestError. */
  join(request: JoinRequest): Promise<Membership>;
  /** Withdraw consent and leave a garden (DELETE /api/v1/network/memberships/{gardenId});
   * throws RequestError. A membership the server no longer has counts as withdrawn. */
  withdraw(gardenId: string): Promise<void>;
}

/** What the store needs of the sync controller. */
export type MembershipSync = Pick<SyncController, 'account' | 'request'>;

/** Makes the store and starts following the signed-in account. */
export function createMembershipStore(
  sync: MembershipSync,
  {
    storage = settingsStorage,
    now = Date.now,
  }: { storage?: NetworkMeStorage; now?: () => number } = {},
): MembershipStore {
  const me = signal<NetworkMe | null | undefined>(undefined);
  const fetchedAt = signal<number | null>(null);
  const refreshError = signal<RequestErrorCode | null>(null);
  // The account the signals belong to; undefined before the controller knows.
  let userId: string | null | undefined;
  // One request at a time: a refresh asked for while one runs gets that one's answer.
  let running: Promise<void> | null = null;
  // Joins and withdrawals made here: an answer fetched before one of them is out of date.
  let changes = 0;

  function refresh(): Promise<void> {
    running ??= fetchMe().finally(() => (running = null));
    return running;
  }

  /** After a join or withdrawal: drop the answer of a refresh already running, fetch anew. */
  function refreshAfterChange() {
    changes++;
    void (running ?? Promise.resolve()).then(refresh);
  }

  const show = (value: StoredNetworkMe | null) => {
    me.value = value?.me;
    fetchedAt.value = value?.fetchedAt ?? null;
  };

  /** Keep `next` for `owner`, unless another account is signed in by now. */
  async function keep(owner: string, next: NetworkMe) {
    if (userId !== owner) return;
    const value = { userId: owner, me: next, fetchedAt: now() };
    show(value);
    await storage.write(value);
  }

  async function readCopy(owner: string): Promise<StoredNetworkMe | null> {
    const parsed = storedSchema.safeParse(await storage.read().catch(() => null));
    return parsed.success && parsed.data.userId === owner ? parsed.data : null;
  }

  async function follow(account: string | null) {
    if (account === userId) return;
    userId = account;
    refreshError.value = null;
    if (account === null) {
      // Signed out or deleted: the copy goes with the rest of the learner's data.
      me.value = null;
      fetchedAt.value = null;
      await storage.write(null).catch(() => undefined);
      return;
    }
    const copy = await readCopy(account);
    if (userId !== account) return;
    show(copy);
    // A refresh still running for the account before is not this account's.
    await running;
    await refresh();
  }

  async function fetchMe() {
    const owner = userId;
    const at = changes;
    if (!owner) return;
    // No request when the browser knows there is no network (a cold start on the ferry).
    if (browserOffline()) {
      refreshError.value = 'offline';
      return;
    }
    try {
      const next = await sync.request('GET', '/api/v1/network/me', { schema: networkMeSchema });
      if (changes !== at) return;
      if (userId === owner) refreshError.value = null;
      await keep(owner, next);
    } catch (error) {
      if (userId === owner) refreshError.value = codeOf(error);
    }
  }

  async function join(request: JoinRequest): Promise<Membership> {
    const owner = userId;
    const membership = await sync.request('POST', '/api/v1/network/join', {
      body: request,
      schema: membershipSchema,
    });
    if (owner) await keep(owner, withMembership(me.peek(), membership));
    refreshAfterChange();
    return membership;
  }

  async function withdraw(gardenId: string): Promise<void> {
    const owner = userId;
    try {
      await sync.request('DELETE', `/api/v1/network/memberships/${encodeURIComponent(gardenId)}`, {
        schema: z.null(),
      });
    } catch (error) {
      if (!(error instanceof RequestError && error.code === 'membership_not_found')) throw error;
    }
    const current = me.peek();
    if (owner && current) {
      await keep(owner, {
        ...current,
        memberships: current.memberships.filter((m) => m.garden.id !== gardenId),
      });
    }
    refreshAfterChange();
  }

  // Follow the account; the work starts after the current render (the store may be made in one).
  effect(() => {
    const account = sync.account.value;
    if (account === undefined) return;
    const id = account?.id ?? null;
    void Promise.resolve().then(() => follow(id));
  });

  return {
    me,
    fetchedAt,
    refreshError,
    isMember: computed(() => (me.value?.memberships.length ?? 0) > 0),
    refresh,
    join,
    withdraw,
  };
}

/** `me` with `membership` added, or put in place of the same garden's. */
function withMembership(current: NetworkMe | null | undefined, membership: Membership): NetworkMe {
  const base = current ?? { memberships: [], advisorOf: [], roles: [] };
  return {
    ...base,
    memberships: [
      ...base.memberships.filter((m) => m.garden.id !== membership.garden.id),
      membership,
    ],
  };
}

const codeOf = (error: unknown): RequestErrorCode =>
  error instanceof RequestError ? error.code : 'server';

const stores = new WeakMap<MembershipSync, MembershipStore>();

/** The one store of a sync controller, made on first use. */
export function membershipStoreFor(sync: MembershipSync): MembershipStore {
  let store = stores.get(sync);
  if (!store) {
    store = createMembershipStore(sync);
    stores.set(sync, store);
  }
  return store;
}

/** The membership store of the app's sync controller. */
export const useMembership = (): MembershipStore => membershipStoreFor(useSync());
