// Safari may delete what Lommekurs stored on the device (offline/safari-tab.ts). The notice says
// it once, when it first matters — in a Safari tab, with progress no server holds — and what
// keeps the work safe: the Home Screen, or an account. It can be dismissed, and the storage
// screen keeps saying it (SafariStorageFacts).
import { paths } from '../routes';
import { useI18n } from '../state/context';
import { loadStorage } from '../state/storage';
import {
  useInSafariTab,
  useSafariStorageRisk,
  type SafariStorageRisk,
} from '../state/use-safari-storage-risk';
import { focusPageHeading } from './PageHeading';
import { safariNoticeTexts } from './safari-notice-texts';
import { useTexts } from '../i18n/feature-texts';

/** The one-time, dismissible notice shown above every screen. */
export function SafariStorageNotice() {
  return useInSafariTab() ? <NoticeInSafariTab /> : null;
}

function NoticeInSafariTab() {
  const ts = useTexts(safariNoticeTexts);
  const risk = useSafariStorageRisk();
  if (!risk.atRisk || risk.dismissed !== false) return null;
  const dismiss = async () => {
    await (await loadStorage()).dismissSafariNotice();
    // The button goes with the notice: continue at the screen's heading, not the page top.
    focusPageHeading();
  };
  return (
    <section class="safari-notice" aria-labelledby="safari-notice-heading">
      <h2 id="safari-notice-heading">{ts('safari.heading')}</h2>
      <SafariText risk={risk} />
      <p class="actions">
        <button type="button" class="button secondary" onClick={() => void dismiss()}>
          {ts('safari.dismiss')}
        </button>
      </p>
    </section>
  );
}

/** The same facts on the storage screen, for as long as the app runs in a Safari tab. */
export function SafariStorageFacts() {
  return useInSafariTab() ? <FactsInSafariTab /> : null;
}

function FactsInSafariTab() {
  const ts = useTexts(safariNoticeTexts);
  const risk = useSafariStorageRisk();
  return (
    <section class="safari-storage" aria-labelledby="safari-storage-heading">
      <h2 id="safari-storage-heading">{ts('safari.heading')}</h2>
      <SafariText risk={risk} />
    </section>
  );
}

function SafariText({ risk }: { risk: SafariStorageRisk }) {
  const { t } = useI18n();
  const ts = useTexts(safariNoticeTexts);
  return (
    <>
      <p>{ts('safari.deletes')}</p>
      <p>{ts(risk.withoutAccount ? 'safari.keepSafe' : 'safari.keepSafeSynced')}</p>
      {risk.withoutAccount && (
        <p>
          <a href={paths.account}>{t('account.settingsLink')}</a>
        </p>
      )}
    </>
  );
}
