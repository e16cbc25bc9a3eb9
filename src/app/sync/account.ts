// The learner's account on this device: register, sign in, sign out, export, delete. The app
// works without an account; creating one or signing in adopts everything done locally, because
// the outbox simply pushes it. Signing out (on a shared device) and deleting the account remove
// the learner's data from the device and give it a new client id.
import {
  credentialFieldErrors,
  loginSchema,
  type CredentialFieldErrors,
  type SessionResponse,
} from '../../shared/sync-protocol';
import type { LommekursDB } from '../../client-core/db/db';
import { getDeviceToken, setDeviceToken } from '../../client-core/db/device-tokens';
import { countPending } from '../../client-core/db/outbox';
import {
  forgetDeletedAccount,
  getSession,
  markSignedOut,
  removeLearnerData,
  storeSession,
  UnsyncedError,
} from '../../client-core/db/sync-state';
import type { ForgotRequest } from '../../shared/recovery-protocol';
import type { ApiResult, SyncApi } from '../../client-core/sync/api';
import { forgetAdvisorCopy } from '../advisor/forget-copy';

export { UnsyncedError };

/** Why an account request failed, as a code the UI turns into a sentence. */
export type AccountErrorCode =
  | 'invalid_email'
  | 'password_too_short'
  | 'password_too_long'
  | 'email_taken'
  | 'invalid_credentials'
  | 'rate_limited'
  /** A mail link that is unknown, used, replaced by a newer one, or expired. */
  | 'invalid_token'
  | 'offline'
  | 'server';

/** A failed account request. `retryAfter` (seconds) comes with rate_limited; `fields` with the
 * credential codes, per field, as the server or the local check gave them. */
export class AccountError extends Error {
  readonly code: AccountErrorCode;
  readonly retryAfter?: number;
  readonly fields?: CredentialFieldErrors;

  constructor(
    code: AccountErrorCode,
    details: { retryAfter?: number; fields?: CredentialFieldErrors } = {},
  ) {
    super(`Account request failed: ${code}`);
    this.name = 'AccountError';
    this.code = code;
    this.retryAfter = details.retryAfter;
    this.fields = details.fields;
  }
}

/** What the account functions need. */
export interface AccountDeps {
  database: LommekursDB;
  api: SyncApi;
}

/** Whether a sign-in may drop the unsynced data of another account remembered on the device. */
export interface SignInOptions {
  discardUnsynced?: boolean;
}

// The learner-facing code of the first field in error ("missing" reads as "not valid" to them).
function fieldCode(fields: CredentialFieldErrors): AccountErrorCode | null {
  if (fields.email) return 'invalid_email';
  if (fields.password === 'password_too_long') return 'password_too_long';
  if (fields.password) return 'password_too_short';
  return null;
}

/** The error for a non-ok answer to an account request. */
function errorOf(result: Exclude<ApiResult<unknown>, { kind: 'ok' }>): AccountError {
  switch (result.kind) {
    case 'rate-limited':
      return new AccountError('rate_limited', { retryAfter: result.retryAfter });
    case 'retryable':
      return new AccountError(result.reason === 'server' ? 'server' : 'offline');
    case 'refused': {
      const fields = result.fields as CredentialFieldErrors;
      const code = fieldCode(fields);
      if (code) return new AccountError(code, { fields });
      if (result.code === 'email_taken') return new AccountError('email_taken');
      if (result.code === 'invalid_credentials') return new AccountError('invalid_credentials');
      if (result.code === 'invalid_token') return new AccountError('invalid_token');
      return new AccountError('server');
    }
    case 'unauthorized':
      return new AccountError('invalid_credentials');
    default:
      return new AccountError('server');
  }
}

/** Ends any sign-in (password or passkey) the same way: the session stored on the device, the
 * local progress adopted; a refused request becomes an AccountError. */
export async function begin(
  deps: AccountDeps,
  result: ApiResult<SessionResponse>,
  options: SignInOptions,
): Promise<void> {
  if (result.kind !== 'ok') throw errorOf(result);
  const { token, user, expiresAt, deviceToken } = result.body;
  try {
    await storeSession(deps.database, { token, user, expiresAt }, options);
  } catch (error) {
    // Another account's unsynced work is still here: do not leave a session behind on the server.
    void deps.api.logout(token);
    throw error;
  }
  // This device has now signed in to the account: its next login says so.
  if (deviceToken) await setDeviceToken(deps.database, user.email, deviceToken);
}

/** Create an account and sign in; the device's local progress becomes the account's. Checks the
 * credentials locally first, with the server's own rules, so no request is made for a typo. */
export async function register(
  deps: AccountDeps,
  email: string,
  password: string,
  options: SignInOptions = {},
): Promise<void> {
  const fields = credentialFieldErrors({ email, password });
  const code = fieldCode(fields);
  if (code) throw new AccountError(code, { fields });
  await begin(deps, await deps.api.register({ email, password }), options);
}

/** Sign in; the device's local progress is adopted into the account. */
export async function signIn(
  deps: AccountDeps,
  email: string,
  password: string,
  options: SignInOptions = {},
): Promise<void> {
  // At sign-in only presence is checked: an implausible address is just a failed sign-in.
  const fields = credentialFieldErrors({ email, password }, loginSchema);
  if (fields.email || fields.password) throw new AccountError('invalid_credentials', { fields });
  const deviceToken = await getDeviceToken(deps.database, email);
  const result = await deps.api.login(
    deviceToken === undefined ? { email, password } : { email, password, deviceToken },
  );
  await begin(deps, result, options);
}

/**
 * Sign out and remove the learner's data from the device. Throws UnsyncedError while events are
 * still waiting for the server, unless `discardUnsynced` (the UI offers to sync first). The
 * server session is ended if the network allows; the device forgets it either way.
 */
export async function signOut(
  deps: AccountDeps,
  { discardUnsynced = false }: { discardUnsynced?: boolean } = {},
): Promise<void> {
  const pending = await countPending(deps.database);
  if (pending > 0 && !discardUnsynced) throw new UnsyncedError(pending);
  const session = await getSession(deps.database);
  if (session?.token) await deps.api.logout(session.token);
  // Checked again inside the removal: an action in another tab may have added an event.
  await removeLearnerData(deps.database, { discardUnsynced });
  // The advisor's offline copy of their gardens goes with the account's data.
  await forgetAdvisorCopy();
}

/** The signed-in learner's token. Without one the UI offers neither export nor deletion. */
async function tokenOf(deps: AccountDeps): Promise<string> {
  const token = (await getSession(deps.database))?.token;
  if (!token) throw new AccountError('server');
  return token;
}

// A 401 here means the session is gone, not a wrong password: the sync status asks the learner
// to sign in again (or, when the account was deleted elsewhere, to keep or wipe this device's
// copy), and the request itself reports a plain failure.
async function failure(
  deps: AccountDeps,
  token: string,
  result: Exclude<ApiResult<unknown>, { kind: 'ok' }>,
) {
  if (result.kind === 'account-deleted') {
    await markSignedOut(deps.database, token, 'account-deleted');
    return new AccountError('server');
  }
  if (result.kind !== 'unauthorized') return errorOf(result);
  await markSignedOut(deps.database, token);
  return new AccountError('server');
}

/** Everything the server stores about the learner, as the JSON file it sends (GDPR art. 20). */
export async function exportData(deps: AccountDeps): Promise<Blob> {
  const token = await tokenOf(deps);
  const result = await deps.api.exportData(token);
  if (result.kind !== 'ok') throw await failure(deps, token, result);
  return new Blob([result.body], { type: 'application/json' });
}

/** The account was deleted on another device: keep this device's progress without an account,
 * or wipe it. */
export async function leaveDeletedAccount(
  deps: AccountDeps,
  options: { keepProgress: boolean },
): Promise<void> {
  await forgetDeletedAccount(deps.database, options);
  await forgetAdvisorCopy();
}

/** Erase the account on the server (the password again, so a stolen token cannot), then the
 * learner's data on this device (GDPR art. 17). */
export async function deleteAccount(deps: AccountDeps, password: string): Promise<void> {
  const token = await tokenOf(deps);
  const result = await deps.api.deleteAccount(token, password);
  // 403 invalid_credentials: wrong password; nothing was deleted.
  if (result.kind !== 'ok') throw await failure(deps, token, result);
  await removeLearnerData(deps.database, { discardUnsynced: true });
  await forgetAdvisorCopy();
}

/** A language the account mails are written in. */
export type MailLanguage = NonNullable<ForgotRequest['lang']>;

/** "Forgot my password": ask the server to mail a reset link. The answer is the same whether or
 * not the address has an account, so this only fails for the network or too many tries. */
export async function requestPasswordReset(
  deps: AccountDeps,
  email: string,
  lang: MailLanguage,
): Promise<void> {
  const fields = credentialFieldErrors({ email, password: 'x' }, loginSchema);
  if (fields.email) throw new AccountError('invalid_email', { fields: { email: fields.email } });
  const result = await deps.api.forgotPassword({ email, lang });
  if (result.kind !== 'ok') throw errorOf(result);
}

/** Set a new password with the token of a reset link; the server ends every session of the
 * account and this device is signed in with a new one (its local progress joins the account). */
export async function resetPassword(
  deps: AccountDeps,
  token: string,
  password: string,
  options: SignInOptions = {},
): Promise<void> {
  await begin(deps, await deps.api.resetPassword({ token, password }), options);
}

/** Confirm the address with a verification link's token. If this device is signed in to that
 * account, its copy of the account says so at once. */
export async function verifyEmail(deps: AccountDeps, token: string): Promise<void> {
  const result = await deps.api.verifyEmail(token);
  if (result.kind !== 'ok') throw errorOf(result);
  const session = await getSession(deps.database);
  if (session?.token) {
    const me = await deps.api.me(session.token);
    // Only while the device still holds that same session (another tab may have signed out).
    const now = await getSession(deps.database);
    if (me.kind === 'ok' && now?.token === session.token && me.body.id === now.user.id) {
      await storeSession(deps.database, { ...now, user: me.body });
    }
  }
}

/** Ask for a fresh verification link to the signed-in learner's address. */
export async function resendVerification(deps: AccountDeps, lang: MailLanguage): Promise<void> {
  const token = await tokenOf(deps);
  const result = await deps.api.resendVerification(token, lang);
  if (result.kind !== 'ok') throw await failure(deps, token, result);
}
