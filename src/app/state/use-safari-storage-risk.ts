// Whether the learner's work is at risk from Safari's seven-day deletion (offline/safari-tab.ts):
// the app runs in a Safari tab, and progress exists only on this device — there is no account,
// or there is one but changes are still waiting to be synced.
import { useState } from 'preact/hooks';
import { browserFacts, isSafariTab } from '../offline/safari-tab';
import { useSync } from './context';
import { useLive } from './live';
import type { Storage } from './storage';

export interface SafariStorageRisk {
  /** Progress no server holds yet. */
  atRisk: boolean;
  /** The learner has no account (so "make an account" is one of the ways to keep it safe). */
  withoutAccount: boolean;
  /** The one-time notice was dismissed; undefined while unknown. */
  dismissed: boolean | undefined;
}

const hasProgress = async (storage: Storage): Promise<boolean> =>
  (await storage.listCourseIdsWithProgress()).length > 0;

/** Whether the app runs in a Safari tab; read once per mount. */
export function useInSafariTab(): boolean {
  const [inSafariTab] = useState(() => isSafariTab(browserFacts()));
  return inSafariTab;
}

/** The storage risk in a Safari tab (use it only there: it queries the database), kept up to
 * date with progress, account and sync. */
export function useSafariStorageRisk(): SafariStorageRisk {
  const sync = useSync();
  const progress = useLive(hasProgress, []);
  const dismissed = useLive((s) => s.isSafariNoticeDismissed(), []);
  const account = sync.account.value;
  const localOnly =
    account === null ? progress === true : account !== undefined && sync.pending.value > 0;
  return {
    atRisk: localOnly,
    withoutAccount: account === null,
    dismissed,
  };
}
