// The sync status on every screen (below the header) and on the account screen: where the
// learner's progress is, how many changes wait, when the last sync succeeded, "Synkroniser nå",
// and one sentence per problem — "Frakoblet" only when the device has no network, "Tjeneren
// svarer ikke" when the network is up and our server does not answer, and, when the account was
// deleted on another device, the choice to keep or wipe this device's copy. Only the problem
// sentence is a live region: the pending count changes after every answer, and announcing it each
// time would drown the lesson's own messages.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { I18n } from '../i18n';
import { paths } from '../routes';
import { useAppState, useI18n, useSync } from '../state/context';
import { hasLiveSession, type SyncStatus as Status } from '../sync/status';
import { deferred } from './deferred';

// Shown only after the account was deleted on another device: its code and words load then.
const AccountDeletedNotice = deferred(() =>
  import('./AccountDeletedNotice').then((m) => m.AccountDeletedNotice),
);

/** "Sist synkronisert kl. 14:32", with the date when it was not today. */
export function lastSyncedText(i18n: I18n, at: number, now = Date.now()): string {
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
  return sameDay
    ? i18n.t('sync.lastSynced', { time: i18n.time(at) })
    : i18n.t('sync.lastSyncedOn', { date: i18n.date(at), time: i18n.time(at) });
}

/** The status line. `place` says where it stands: the header bar is compact. */
export function SyncStatus({ place = 'header' }: { place?: 'header' | 'screen' }) {
  const i18n = useI18n();
  const { t } = i18n;
  const sync = useSync();
  const account = sync.account.value;
  const status = sync.status.value;
  const pending = sync.pending.value;
  const live = hasLiveSession(account, status.problem);
  // After the account was deleted elsewhere, the status line does not offer to sign in: the
  // notice below asks what to do with the device's copy first.
  const signInOffered = status.problem !== 'signed-out' && status.problem !== 'account-deleted';
  // "Kept" or "wiped", after the learner answered the account-deleted notice; focused, as the
  // notice (and the button pressed) is gone.
  const [leftMessage, setLeftMessage] = useState('');
  const leftRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (leftMessage) leftRef.current?.focus();
  }, [leftMessage]);

  return (
    <section class={`sync-status is-${place}`} aria-label={t('sync.label')}>
      {account !== undefined &&
        (live ? (
          // On a phone: the count and the button on one line, the time of the last sync below.
          <div class="sync-line">
            <p class="sync-count">
              {pending > 0 ? t('sync.pending', { count: pending }) : t('sync.allSynced')}
            </p>
            <button
              type="button"
              class="button secondary small"
              // aria-disabled, not disabled: the button keeps focus while the sync runs.
              aria-disabled={status.running ? 'true' : undefined}
              onClick={() => {
                if (!status.running) void sync.syncNow();
              }}
            >
              {status.running ? t('sync.running') : t('sync.now')}
            </button>
            {status.lastSyncedAt !== null && (
              <p class="sync-time">{lastSyncedText(i18n, status.lastSyncedAt)}</p>
            )}
          </div>
        ) : (
          <div class="sync-line">
            <p class="sync-local">
              <span>{t('sync.local')}</span>{' '}
              {signInOffered && <a href={paths.account}>{t('sync.signIn')}</a>}
            </p>
          </div>
        ))}
      {/* Always in the DOM, so a problem that appears is announced. */}
      <div class="sync-problems" role="status">
        {account !== undefined && <Problems status={status} />}
        {status.problem === 'account-deleted' && <AccountDeletedNotice onLeft={setLeftMessage} />}
        {leftMessage && status.problem !== 'account-deleted' && (
          <p class="sync-left" tabIndex={-1} ref={leftRef}>
            {leftMessage}
          </p>
        )}
      </div>
    </section>
  );
}

function Problems({ status }: { status: Status }) {
  const { t, time } = useI18n();
  const sync = useSync();
  return (
    <>
      {status.problem === 'offline' && <p class="sync-problem">{t('sync.offline')}</p>}
      {status.problem === 'server' && (
        <p class="sync-problem">
          {status.nextRetryAt === null
            ? t('sync.serverSoon')
            : t('sync.server', { time: time(status.nextRetryAt) })}
        </p>
      )}
      {status.problem === 'signed-out' && (
        <p class="sync-problem">
          <a href={paths.account}>{t('sync.signedOut')}</a> <span>{t('sync.kept')}</span>
        </p>
      )}
      {status.problem === 'update-required' && (
        <p class="sync-problem">
          <span>{t('sync.updateRequired')}</span> <span>{t('sync.kept')}</span> <UpdateAction />
        </p>
      )}
      {status.rejected > 0 && (
        <p class="sync-problem">
          <span>{t('sync.rejected', { count: status.rejected })}</span>{' '}
          <button
            type="button"
            class="button secondary small"
            onClick={() => void sync.dismissRejected()}
          >
            {t('sync.dismiss')}
          </button>
        </p>
      )}
    </>
  );
}

/** The 426 answer: the server no longer accepts this version of the app. The new version is
 * taken into use the same way as from the update banner (app.tsx already asked the service worker
 * to look for it); without a service worker (development, an old browser) a reload fetches it. */
function UpdateAction() {
  const { t } = useI18n();
  const state = useAppState();
  const [checking, setChecking] = useState(false);
  const update = state.update.status.value;
  const waiting = update === 'ready' || update === 'dismissed' || update === 'applying';
  const apply = async () => {
    if (waiting) {
      state.update.applyUpdate();
      return;
    }
    setChecking(true);
    const asked = await state.update.checkForUpdate();
    setChecking(false);
    if (!asked) location.reload();
  };
  return (
    <button
      type="button"
      class="button small"
      aria-disabled={update === 'applying' || checking ? 'true' : undefined}
      onClick={() => {
        if (update !== 'applying' && !checking) void apply();
      }}
    >
      {update === 'applying'
        ? t('update.applying')
        : checking
          ? t('sync.updateChecking')
          : t('sync.update')}
    </button>
  );
}
