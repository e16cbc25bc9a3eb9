// The insight page's status lines: one while something is fetched, and one that says in words
// why something could not be (signed out, no access, offline, …) and what to do.
import { useTexts } from '../i18n/feature-texts';
import { paths } from '../routes';
import type { RequestErrorCode } from '../sync/requests';
import { insightTexts } from './insight-texts';

/** A line read out when it changes ("Henter innsikt …"). */
export function StatusLine({ text }: { text: string }) {
  return (
    <p class="hint" role="status">
      {text}
    </p>
  );
}

/** Why nothing can be shown, in words, and what to do. */
export function InsightError({ code, onRetry }: { code: RequestErrorCode; onRetry: () => void }) {
  const t = useTexts(insightTexts);
  if (code === 'signed_out') {
    return (
      <div class="notice" role="alert">
        <p>{t('insight.signedOut')}</p>
        <p>
          <a href={paths.account}>{t('insight.signIn')}</a>
        </p>
      </div>
    );
  }
  if (code === 'forbidden') {
    return (
      <div class="notice" role="alert">
        <p>{t('insight.noAccess')}</p>
      </div>
    );
  }
  const message =
    code === 'offline'
      ? t('insight.offline')
      : code === 'server'
        ? t('insight.server')
        : code === 'rate_limited'
          ? t('insight.rateLimited')
          : t('insight.failed');
  return (
    <div class="notice" role="alert">
      <p>{message}</p>
      <button type="button" class="button" onClick={onRetry}>
        {t('insight.retry')}
      </button>
    </div>
  );
}
