// The states of an advisor view before there is anything to show: loading (with how many
// learners have arrived, for a big garden) and an error in plain words with a way on.
import { useTexts } from '../i18n/feature-texts';
import { paths } from '../routes';
import { RequestError, type RequestErrorCode } from '../sync/requests';
import { requestErrorSentence, requestErrorTexts } from './request-errors';
import { advisorTexts } from './texts';

/** "Henter …", a live region. */
export function LoadingLine({ text }: { text: string }) {
  return (
    <p class="hint" role="status">
      {text}
    </p>
  );
}

interface ErrorProps {
  code: RequestErrorCode;
  onRetry: () => void;
}

/** Why nothing can be shown, and what to do: sign in, or try again. */
export function ViewError({ code, onRetry }: ErrorProps) {
  const t = useTexts(advisorTexts);
  const te = useTexts(requestErrorTexts);
  if (code === 'signed_out') {
    return (
      <div class="notice" role="alert">
        <p>{t('error.signedOut')}</p>
        <p>
          <a href={paths.account}>{t('error.signIn')}</a>
        </p>
      </div>
    );
  }
  // Offline here means offline with no copy stored: say that, not just "offline".
  const message =
    code === 'offline'
      ? t('error.offline')
      : code === 'learner_not_found'
        ? t('error.notFound')
        : requestErrorSentence(te, new RequestError(code));
  return (
    <div class="notice" role="alert">
      <p>{message}</p>
      <button type="button" class="button" onClick={onRetry}>
        {t('error.retry')}
      </button>
    </div>
  );
}
