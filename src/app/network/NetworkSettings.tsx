// Settings → Næringshage (a chunk of its own, loaded with Settings): the gardens the learner is a
// member of (garden, firm, since when), each with "Trekk samtykket" behind a confirmation that
// says what happens; a field for a join code that goes on to the consent screen; a link to the
// advisor's screens for someone who advises a garden; a link to the insight page for an analyst or
// an advisor, once the server has said they may see it; and the privacy statement. The list is the
// membership store's: the device copy while offline (with its time), fresh when online.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { Membership } from '../../shared/network-protocol';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useTexts } from '../i18n/feature-texts';
import { paths } from '../routes';
import { useAppState, useI18n, useSync } from '../state/context';
import { hasLiveSession } from '../sync/controller';
import { RequestError } from '../sync/requests';
import { useInsightOffer } from './insight-access';
import { JoinCodeForm } from './JoinCodeForm';
import { useMembership } from './membership-store';
import { networkSettingsTexts } from './network-settings-texts';

type WithdrawErrorKey =
  | 'network.withdrawOffline'
  | 'network.withdrawServer'
  | 'network.withdrawSignedOut'
  | 'network.withdrawFailed';

/** The sentence for a failed withdrawal. */
function withdrawErrorKey(error: unknown): WithdrawErrorKey {
  const code = error instanceof RequestError ? error.code : 'server';
  if (code === 'offline') return 'network.withdrawOffline';
  if (code === 'server' || code === 'rate_limited') return 'network.withdrawServer';
  if (code === 'signed_out') return 'network.withdrawSignedOut';
  return 'network.withdrawFailed';
}

export function NetworkSettings() {
  const t = useTexts(networkSettingsTexts);
  const { date, time } = useI18n();
  const sync = useSync();
  const store = useMembership();
  const { online } = useAppState().connectivity;
  const { route } = useLocation();
  const account = sync.account.value;
  const signedIn = hasLiveSession(account, sync.status.value.problem);
  const me = store.me.value;
  const [confirming, setConfirming] = useState<Membership | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const mayAskInsight =
    signedIn &&
    online.value &&
    ((me?.advisorOf.length ?? 0) > 0 || (me?.roles.includes('analyst') ?? false));
  const insightOffered = useInsightOffer(sync, mayAskInsight);

  // Fresh when Settings opens and whenever the connection comes back.
  useEffect(() => {
    if (signedIn && online.value) void store.refresh();
  }, [signedIn, online.value, store]);

  const withdraw = async () => {
    const membership = confirming;
    if (!membership || busy) return;
    setBusy(true);
    try {
      await store.withdraw(membership.garden.id);
      setMessage({
        text: t('network.withdrawn', { garden: membership.garden.name }),
        error: false,
      });
    } catch (error) {
      setMessage({ text: t(withdrawErrorKey(error)), error: true });
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  };

  const memberships = me?.memberships ?? [];
  // The time of the copy shown, when the last refresh failed (offline, or no answer).
  const stale = store.refreshError.value !== null ? store.fetchedAt.value : null;
  return (
    <section class="network-settings" aria-labelledby="network-settings-heading">
      <h2 id="network-settings-heading" tabIndex={-1} ref={heading}>
        {t('network.heading')}
      </h2>
      <p>{t('network.intro')}</p>
      <p class={message?.error ? 'error' : 'hint'} role="status">
        {message?.text ?? ''}
      </p>
      {account === undefined ? null : !signedIn ? (
        <p>{t('network.signedOut')}</p>
      ) : me === undefined ? (
        <p class="hint">{t('network.loading')}</p>
      ) : memberships.length === 0 ? (
        <p>{t('network.none')}</p>
      ) : (
        <ul class="card-list network-memberships" aria-label={t('network.listLabel')}>
          {memberships.map((m) => (
            <li key={m.garden.id} class="card">
              <p class="card-title">{m.garden.name}</p>
              <p class="meta">
                {m.garden.municipality
                  ? `${m.garden.municipality}, ${m.garden.county}`
                  : m.garden.county}
              </p>
              <p>{m.firm ? t('network.firm', { firm: m.firm.name }) : t('network.noFirm')}</p>
              <p>{t('network.since', { date: date(m.joinedAt) })}</p>
              <p class="actions">
                <button
                  type="button"
                  class="button secondary"
                  aria-label={t('network.withdrawLabel', { garden: m.garden.name })}
                  onClick={() => setConfirming(m)}
                >
                  {t('network.withdraw')}
                </button>
              </p>
            </li>
          ))}
        </ul>
      )}
      {signedIn && stale !== null && (
        <p class="hint">{t('network.stale', { date: date(stale), time: time(stale) })}</p>
      )}
      <h3>{t('network.codeHeading')}</h3>
      <JoinCodeForm onCode={(code) => route(`${paths.join}#${code}`)} />
      {signedIn && (me?.advisorOf.length ?? 0) > 0 && (
        <p>
          <a href={paths.advisor}>{t('network.advisorLink')}</a>
        </p>
      )}
      {insightOffered && (
        <p>
          <a href={paths.insight}>{t('network.insightLink')}</a>
        </p>
      )}
      <p>
        <a href={paths.privacy}>{t('network.privacyLink')}</a>
      </p>
      {confirming && (
        <ConfirmDialog
          title={t('network.confirmTitle', { garden: confirming.garden.name })}
          confirmLabel={busy ? t('network.withdrawing') : t('network.confirm')}
          cancelLabel={t('network.cancel')}
          busy={busy}
          onConfirm={() => void withdraw()}
          onCancel={() => setConfirming(null)}
          fallbackFocus={() => heading.current}
        >
          <p>{t('network.confirmText', { garden: confirming.garden.name })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
