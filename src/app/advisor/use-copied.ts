// The store behind each advisor screen: what it shows (loading with a count, the fresh answer or
// the stored copy, an error) and the one action that changes it, refresh(). The copy is read
// only for the signed-in user with a live session, shown at once while the fresh answer is on its
// way, and replaced by it; the screen refreshes itself when the connection comes back.
import { signal, type ReadonlySignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import type { LearnerDetail } from '../../shared/network-protocol';
import { useAppState, useSync } from '../state/context';
import { hasLiveSession } from '../sync/status';
import { RequestError, type RequestErrorCode } from '../sync/requests';
import {
  gardenSource,
  homeSource,
  learnerSource,
  loadWithCopy,
  readCopy,
  type Copied,
  type CopySource,
  type Request,
} from './advisor-data';
import type { GardenCard, GardenView } from './offline-copy';

/** What an advisor screen shows. */
export type CopiedState<T> =
  /** Nothing to show yet; `loaded` counts the learners fetched so far (big gardens). */
  | { kind: 'loading'; loaded: number }
  | { kind: 'ready'; data: Copied<T>; refreshing: boolean }
  /** Nothing to show: no copy and the fetch failed, or the server refused. */
  | { kind: 'error'; code: RequestErrorCode };

/** One screen's store: its state and the action that refreshes it. */
export interface CopiedStore<T> {
  state: ReadonlySignal<CopiedState<T>>;
  refresh(): Promise<void>;
}

/** Makes the store of `source` for `userId` (null: nobody with a live session; undefined: the
 * account is still being read). */
export function createCopiedStore<T>(
  source: CopySource<T>,
  request: Request,
  userId: string | null | undefined,
): CopiedStore<T> {
  const state = signal<CopiedState<T>>(
    userId === null ? { kind: 'error', code: 'signed_out' } : { kind: 'loading', loaded: 0 },
  );
  let generation = 0;
  async function refresh() {
    if (!userId) return;
    const mine = ++generation;
    const current = state.value;
    if (current.kind === 'ready') state.value = { ...current, refreshing: true };
    else state.value = { kind: 'loading', loaded: 0 };
    // While the first answer is on its way, show what is stored (a big garden takes a while).
    if (current.kind !== 'ready') {
      void readCopy(source, userId).then((stored) => {
        if (stored && mine === generation && state.value.kind === 'loading') {
          state.value = { kind: 'ready', data: { ...stored, fromCopy: true }, refreshing: true };
        }
      });
    }
    const onProgress = (loaded: number) => {
      if (mine === generation && state.value.kind === 'loading') {
        state.value = { kind: 'loading', loaded };
      }
    };
    try {
      const data = await loadWithCopy(source, request, userId, onProgress);
      if (mine === generation) state.value = { kind: 'ready', data, refreshing: false };
    } catch (error) {
      if (mine !== generation) return;
      // A refusal or no connection is said on the screen; anything else is a bug to log.
      if (!(error instanceof RequestError)) console.error('Advisor view not loaded', error);
      state.value = {
        kind: 'error',
        code: error instanceof RequestError ? error.code : 'server',
      };
    }
  }
  return { state, refresh };
}

/** The store of `source` for the signed-in user, refreshed when made and when the connection
 * returns. `key` names the source (a new key makes a new store). */
function useCopied<T>(key: string, source: () => CopySource<T>): CopiedStore<T> {
  const sync = useSync();
  const { connectivity } = useAppState();
  const account = sync.account.value;
  const live = hasLiveSession(account, sync.status.value.problem);
  // While the account is still being read there is nobody yet: wait rather than say "signed out".
  const userId = live ? account.id : account === undefined ? undefined : null;
  // `source` is named by `key`: a new key makes a new store.
  const store = useMemo(
    () => createCopiedStore(source(), sync.request.bind(sync) as Request, userId),
    [key, sync, userId],
  );
  useEffect(() => {
    void store.refresh();
    let wasOnline = connectivity.online.peek();
    return connectivity.online.subscribe((online) => {
      if (online && !wasOnline) void store.refresh();
      wasOnline = online;
    });
  }, [store, connectivity]);
  return store;
}

/** The gardens the signed-in user advises (AdvisorHome). */
export const useAdvisorHome = (): CopiedStore<GardenCard[]> => useCopied('home', () => homeSource);

/** One garden's view (GardenScreen). */
export const useGardenView = (gardenId: string): CopiedStore<GardenView> =>
  useCopied(`garden:${gardenId}`, () => gardenSource(gardenId));

/** One learner's detail ("Forbered samtale", C2b's LearnerScreen). */
export const useLearnerDetail = (gardenId: string, learnerId: string): CopiedStore<LearnerDetail> =>
  useCopied(`learner:${gardenId}:${learnerId}`, () => learnerSource(gardenId, learnerId));
