// Turns a failure into a sentence a learner can act on. Raw exception text never reaches the UI.
import {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  type CredentialFieldCode,
} from '../../shared/sync-protocol';
import type { DownloadError } from '../offline/download-error';
import { AccountError, UnsyncedError } from '../sync/controller';
import type { I18n } from './index';
import type { AccountTranslate } from '../components/account-texts';
import { downloadTexts } from '../components/download-texts';
import { translateTexts } from './feature-texts';

export { errorSentence } from './course-errors';

/** The sentence for a failed download for offline use; a full disk says how much is needed. */
export function downloadErrorSentence(i18n: I18n, error: DownloadError): string {
  const td = translateTexts(downloadTexts, i18n.lang);
  switch (error.kind) {
    case 'network':
    case 'aborted':
      return td('download.error.network');
    case 'timeout':
      return td('download.error.timeout');
    case 'http':
      return error.status === 404
        ? td('download.error.notFound')
        : td('download.error.http', { status: error.status });
    case 'payload':
      return td('download.error.payload');
    case 'quota': {
      const needed = error.quota?.needed ?? 0;
      const available = error.quota?.available;
      // The browser's estimate is not always the limit that was hit (the disk itself can be
      // full): name the free space only when it explains the failure.
      return typeof available === 'number' && available < needed
        ? td('download.error.quota', {
            needed: i18n.bytes(needed),
            available: i18n.bytes(available),
          })
        : td('download.error.quotaUnknown', { needed: i18n.bytes(needed) });
    }
    case 'unsupported':
      return td('download.error.unsupported');
    case 'other':
      return td('download.error.other');
  }
}

/** The sentence for one refused credential field (checked in the app or by the server). */
export function credentialFieldSentence(ta: AccountTranslate, code: CredentialFieldCode): string {
  switch (code) {
    case 'email_missing':
      return ta('account.error.emailMissing');
    case 'invalid_email':
      return ta('account.error.email');
    case 'password_missing':
      return ta('account.error.passwordMissing');
    case 'password_too_short':
      return ta('account.error.passwordTooShort', { min: MIN_PASSWORD_LENGTH });
    case 'password_too_long':
      return ta('account.error.passwordTooLong', { max: MAX_PASSWORD_LENGTH });
    case 'password_too_common':
      return ta('account.error.passwordTooCommon');
    case 'password_like_email':
      return ta('account.error.passwordLikeEmail');
  }
}

/** Where a failed account request is shown, in the learner's words: beside a field, or under
 * the whole form when it is about the request (offline, too many attempts). */
export interface AccountErrorTexts {
  email?: string;
  password?: string;
  form?: string;
}

/** The sentences for a failed register, sign-in or delete-account request. `purpose` matters for
 * invalid_credentials: at sign-in either field may be wrong; when deleting, only the password. */
export function accountErrorTexts(
  ta: AccountTranslate,
  error: unknown,
  purpose: 'register' | 'login' | 'delete',
): AccountErrorTexts {
  if (error instanceof UnsyncedError) return { form: ta('account.error.otherUnsynced') };
  if (!(error instanceof AccountError)) return { form: ta('account.error.server') };
  const { email, password } = error.fields ?? {};
  if (email || password) {
    return {
      email: email && credentialFieldSentence(ta, email),
      password: password && credentialFieldSentence(ta, password),
    };
  }
  switch (error.code) {
    case 'invalid_email':
      return { email: credentialFieldSentence(ta, error.code) };
    case 'password_too_short':
    case 'password_too_long':
      return { password: credentialFieldSentence(ta, error.code) };
    case 'email_taken':
      return { email: ta('account.error.emailTaken') };
    case 'invalid_credentials':
      return {
        password:
          purpose === 'delete'
            ? ta('account.error.wrongPassword')
            : ta('account.error.invalidCredentials'),
      };
    case 'rate_limited': {
      const minutes = Math.max(1, Math.ceil((error.retryAfter ?? 60) / 60));
      return { form: ta('account.error.rateLimited', { count: minutes }) };
    }
    case 'offline':
      return { form: ta('account.error.offline') };
    case 'invalid_token':
      return { form: ta('recovery.error.invalidToken') };
    case 'server':
      return { form: ta('account.error.server') };
  }
}
