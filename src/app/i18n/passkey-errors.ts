// The sentence a learner sees when a passkey action fails: a cancelled dialog, no connection, a
// passkey the server does not know. Raw exception text never reaches the UI.
import { UnsyncedError } from '../sync/account';
import { PasskeyError } from '../sync/passkeys';
import type { AccountTranslate } from '../components/account-texts';

/** The sentence for a failed passkey action (adding, removing, listing, signing in). */
export function passkeyErrorSentence(ta: AccountTranslate, error: unknown): string {
  if (error instanceof UnsyncedError) return ta('account.error.otherUnsynced');
  if (!(error instanceof PasskeyError)) return ta('passkey.error.server');
  switch (error.code) {
    case 'cancelled':
      return ta('passkey.error.cancelled');
    case 'unsupported':
      return ta('passkey.error.unsupported');
    case 'already_added':
      return ta('passkey.error.alreadyAdded');
    case 'unknown_passkey':
      return ta('passkey.error.unknown');
    case 'offline':
      return ta('passkey.error.offline');
    case 'rate_limited':
      return ta('passkey.error.rateLimited');
    case 'signed_out':
      return ta('passkey.error.signedOut');
    case 'server':
      return ta('passkey.error.server');
  }
}
