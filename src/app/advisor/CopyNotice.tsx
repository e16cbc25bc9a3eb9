// "Sist oppdatert kl. 14:02" above an advisor view (the date too when not today), and, when the
// view is the copy stored on the device, why: offline, or the server could not be reached. With a
// button to fetch again. The line is a live region, so a screen reader hears when it changes.
import { useI18n } from '../state/context';
import { useTexts } from '../i18n/feature-texts';
import type { RequestErrorCode } from '../sync/requests';
import { advisorTexts } from './texts';

interface Props {
  /** The server's time of what is shown. */
  fetchedAt: number;
  /** What is shown is the stored copy. */
  fromCopy: boolean;
  /** Why the fresh fetch failed, when fromCopy. */
  error?: RequestErrorCode;
  /** A fresh fetch is running. */
  refreshing: boolean;
  onRefresh: () => void;
  /** The clock (tests). */
  now?: number;
}

const sameDay = (a: number, b: number) => new Date(a).toDateString() === new Date(b).toDateString();

/** "Sist oppdatert kl. 14:02", or "Sist oppdatert 1. desember 2026 kl. 14:02" on another day. */
export function useUpdatedText(): (fetchedAt: number, now?: number) => string {
  const i18n = useI18n();
  const t = useTexts(advisorTexts);
  return (fetchedAt, now = Date.now()) =>
    sameDay(fetchedAt, now)
      ? t('copy.updatedToday', { time: i18n.time(fetchedAt) })
      : t('copy.updated', { date: i18n.date(fetchedAt), time: i18n.time(fetchedAt) });
}

export function CopyNotice({ fetchedAt, fromCopy, error, refreshing, onRefresh, now }: Props) {
  const t = useTexts(advisorTexts);
  const updated = useUpdatedText();
  // A copy shown while the first answer is on its way has no failure to explain yet.
  const why =
    !fromCopy || error === undefined
      ? null
      : error === 'offline'
        ? t('copy.offline')
        : t('copy.failed');
  return (
    <div class={fromCopy ? 'copy-notice copy-notice-stale' : 'copy-notice'}>
      <p role="status">
        <span>{updated(fetchedAt, now)}</span>
        {why && <span> {why}</span>}
        {refreshing && <span> {t('copy.refreshing')}</span>}
      </p>
      <button
        type="button"
        class="button"
        onClick={() => {
          if (!refreshing) onRefresh();
        }}
        aria-disabled={refreshing}
      >
        {t('copy.refresh')}
      </button>
    </div>
  );
}
