// The sentence a learner sees when a passkey action fails: a cancelled dialog, no connection, a
// passkey the server does not know. Raw exception text never reaches the UI.
import { UnsyncedError } from '../sync/account';
import { PasskeyError } from '../sync/passkeys';
import type { Translate } from './types';

/** The sentence for a failed passkey action (adding, removing, listing, signing in). */
export function passkeyErrorSentence(t: Translate, error: unknown): string {
  if (error instanceof UnsyncedError) return t('account.error.otherUnsynced');
  if (!(error instanceof PasskeyError)) return t('passkey.error.server');
  switch (error.code) {
    case 'cancelled':
      return t('passkey.error.cancelled');
    case 'unsupported':
      return t('passkey.error.unsupported');
    case 'already_added':
      return t('passkey.error.alreadyAdded');
    case 'unknown_passkey':
      return t('passkey.error.unknown');
    case 'offline':
      return t('passkey.error.offline');
    case 'rate_limited':
      return t('passkey.error.rateLimited');
    case 'signed_out':
      return t('passkey.error.signedOut');
    case 'server':
      return t('passkey.error.server');
  }
}
