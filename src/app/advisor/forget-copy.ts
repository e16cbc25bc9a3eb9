// Removes the advisor's offline copy from the device (sign-out, account deletion). Raw IndexedDB
// and nothing else, so the account code that calls it carries none of the advisor screens.
import { ADVISOR_DB_NAME } from '../../client-core/db/db-names';

let forgotten = 0;

/** How many times this page has forgotten the copy: a fetch that began before a sign-out sees
 * the number change and does not write its answer back into the copy. */
export const forgetCount = (): number => forgotten;

/** Deletes the advisor copy's database (every user's); resolves when it is gone, or at once where
 * there is no IndexedDB. A deletion still blocked by an open connection finishes when it closes.
 * Never rejects: a failure is logged, and the sign-out it is part of goes on. */
export function forgetAdvisorCopy(): Promise<void> {
  forgotten += 1;
  if (typeof indexedDB === 'undefined') return Promise.resolve();
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(ADVISOR_DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => {
      console.error('Advisor copy not deleted', request.error);
      resolve();
    };
    // Another tab still holds it open (and closes it on versionchange): the deletion is queued.
    request.onblocked = () => resolve();
  });
}
