// The signed-in learner's sessions, seen from this device: list the devices where the account
// is signed in, sign one or all others out, and change the password (which signs all others out
// too). A device signed out here learns it at its next request (401), like any expired session.
import type { SessionInfo } from '../../shared/session-protocol';
import {
  credentialFieldErrors,
  credentialsSchema,
  type CredentialFieldCode,
} from '../../shared/sync-protocol';
import { getSession, markSignedOut } from '../../client-core/db/sync-state';
import { AccountError, type AccountDeps } from './account';
import type { ApiResult } from '../../client-core/sync/api';

/** Session management for the signed-in learner on this device. */
export interface SessionActions {
  /** The live sessions, this device's first. */
  list(): Promise<SessionInfo[]>;
  /** Signs one other device out (already gone counts as done). */
  end(id: string): Promise<void>;
  /** Signs every other device out; resolves to how many were. */
  endOthers(): Promise<number>;
  /** Replaces the password (the current one proves it is the learner); every other device is
   * signed out. An AccountError: `invalid_credentials` for a wrong current password, a field
   * code in `fields.password` for a refused new one. Resolves to how many devices were. */
  changePassword(currentPassword: string, newPassword: string): Promise<number>;
}

type Failure = Exclude<ApiResult<unknown>, { kind: 'ok' }>;

/** Session management over the device's stored session. */
export function sessionActions(deps: AccountDeps): SessionActions {
  const token = async (): Promise<string> => {
    const value = (await getSession(deps.database))?.token;
    if (!value) throw new AccountError('server');
    return value;
  };
  // A 401: this device's own session is gone; the status line asks the learner to sign in.
  const failure = async (value: string, result: Failure): Promise<AccountError> => {
    if (result.kind === 'unauthorized' || result.kind === 'account-deleted') {
      await markSignedOut(
        deps.database,
        value,
        result.kind === 'account-deleted' ? 'account-deleted' : 'signed-out',
      );
      return new AccountError('server');
    }
    if (result.kind === 'rate-limited') {
      return new AccountError('rate_limited', { retryAfter: result.retryAfter });
    }
    if (result.kind === 'retryable') {
      return new AccountError(result.reason === 'server' ? 'server' : 'offline');
    }
    if (result.kind === 'refused') {
      if (result.code === 'invalid_credentials') return new AccountError('invalid_credentials');
      const code = result.fields.newPassword as CredentialFieldCode | undefined;
      if (code) return new AccountError('password_too_short', { fields: { password: code } });
    }
    return new AccountError('server');
  };

  return {
    async list() {
      const value = await token();
      const result = await deps.api.listSessions(value);
      if (result.kind !== 'ok') throw await failure(value, result);
      return result.body.sessions;
    },

    async end(id) {
      const value = await token();
      const result = await deps.api.endSession(value, id);
      // 404: already ended (by another device, or it expired): what the learner wanted.
      if (result.kind === 'refused' && result.status === 404) return;
      if (result.kind !== 'ok') throw await failure(value, result);
    },

    async endOthers() {
      const value = await token();
      const result = await deps.api.endOtherSessions(value);
      if (result.kind !== 'ok') throw await failure(value, result);
      return result.body.ended;
    },

    async changePassword(currentPassword, newPassword) {
      // The length check before the network, with the same schema as the server.
      const local = credentialFieldErrors(
        { email: 'x@x.no', password: newPassword },
        credentialsSchema,
      );
      if (local.password) {
        throw new AccountError('password_too_short', { fields: { password: local.password } });
      }
      const value = await token();
      const result = await deps.api.changePassword(value, { currentPassword, newPassword });
      if (result.kind !== 'ok') throw await failure(value, result);
      return result.body.ended;
    },
  };
}
