// The receipt under a completed lesson: "Lagret på enheten" ✓ as soon as the completion is
// stored, then "Synkronisert" ✓ once its events have left the outbox while signed in (the server
// acknowledged them) — or, should the server have refused one of them, says so. Signed out, it
// says how to get them synced. The learner can see that nothing is lost.
import type { ComponentChildren } from 'preact';
import { paths } from '../routes';
import { useSync } from '../state/context';
import { useLive } from '../state/live';
import { Icon } from './Icon';
import { playerTexts } from '../player/player-texts';
import { useTexts } from '../i18n/feature-texts';

/** `eventIds`: the events of the learner's action that this receipt is for. */
export function SyncReceipt({ eventIds }: { eventIds: readonly string[] }) {
  const tp = useTexts(playerTexts);
  const sync = useSync();
  const state = useLive(async () => {
    const [pending, rejected] = await Promise.all([
      sync.pendingAmong([...eventIds]),
      sync.rejectedAmong([...eventIds]),
    ]);
    return { pending: pending.length, rejected: rejected.length };
  }, eventIds);
  const account = sync.account.value;
  const signedIn = account !== null && account !== undefined;
  const settled = signedIn && state !== undefined && state.pending === 0;
  const synced = settled && state.rejected === 0;
  const refused = settled && state.rejected > 0;
  return (
    <p class="receipt" role="status">
      <span class="receipt-step">
        <Icon name="completed" />
        {tp('receipt.saved')}
      </span>
      {synced && (
        <Step>
          <Icon name="completed" />
          {tp('receipt.synced')}
        </Step>
      )}
      {refused && (
        <Step refused>
          <Icon name="warning" />
          {tp('receipt.rejected')}
        </Step>
      )}
      {account === null && (
        <Step>
          — <a href={paths.account}>{tp('receipt.signIn')}</a>
        </Step>
      )}
    </p>
  );
}

/** A later step of the receipt. The space before it makes the steps read as words, not run
 * together. */
function Step({ refused = false, children }: { refused?: boolean; children: ComponentChildren }) {
  return (
    <>
      {' '}
      <span class={refused ? 'receipt-step receipt-refused' : 'receipt-step'}>{children}</span>
    </>
  );
}
