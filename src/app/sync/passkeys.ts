// Passkeys on this device: add one to the signed-in account, list and remove them, and sign in
// with one. The browser side of WebAuthn is @simplewebauthn/browser, loaded only when a ceremony
// starts (a dynamic import, never in the main bundle). A passkey sign-in ends in `begin`, the
// same step as a password sign-in, so the device is left in exactly the same signed-in state.
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import type {
  AddPasskeyRequest,
  PasskeyInfo,
  PasskeySignInRequest,
} from '../../shared/passkey-protocol';
import { getSession, markSignedOut } from '../../client-core/db/sync-state';
import { AccountError, begin, type AccountDeps, type SignInOptions } from './account';
import type { ApiResult } from '../../client-core/sync/api';

/** Why a passkey action failed, as a code the UI turns into a sentence. */
export type PasskeyErrorCode =
  /** The learner closed the browser's dialog, or it timed out. */
  | 'cancelled'
  /** The browser or device cannot make or use passkeys here. */
  | 'unsupported'
  /** This device's passkey is already on the account. */
  | 'already_added'
  /** The server knows no such passkey (removed, or made for another account or site). */
  | 'unknown_passkey'
  | 'offline'
  | 'rate_limited'
  /** The session ended: sign in again. */
  | 'signed_out'
  | 'server';

/** A failed passkey action. */
export class PasskeyError extends Error {
  constructor(
    readonly code: PasskeyErrorCode,
    readonly retryAfter?: number,
  ) {
    super(`Passkey action failed: ${code}`);
    this.name = 'PasskeyError';
  }
}

/** The signed-in learner's passkeys, for the settings screen. */
export interface PasskeyActions {
  list(): Promise<PasskeyInfo[]>;
  /** Runs the browser's ceremony and stores the new passkey under `name`. */
  add(name: string): Promise<PasskeyInfo>;
  remove(id: string): Promise<void>;
}

/** Whether this browser has WebAuthn at all (the sign-in button is shown only then). */
export const passkeysSupported = (): boolean =>
  typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function';

/** A label for a new passkey from the device, e.g. "Chrome på Android" → "Chrome, Android". */
export function deviceName(userAgent: string): string {
  const platform =
    [
      [/iPhone/, 'iPhone'],
      [/iPad/, 'iPad'],
      [/Android/, 'Android'],
      [/Mac OS X|Macintosh/, 'Mac'],
      [/Windows/, 'Windows'],
      [/CrOS/, 'ChromeOS'],
      [/Linux/, 'Linux'],
    ].find(([pattern]) => (pattern as RegExp).test(userAgent))?.[1] ?? '';
  const browser =
    [
      [/Edg\//, 'Edge'],
      [/Firefox\//, 'Firefox'],
      [/SamsungBrowser\//, 'Samsung Internet'],
      [/Chrome\/|Chromium\//, 'Chrome'],
      [/Safari\//, 'Safari'],
    ].find(([pattern]) => (pattern as RegExp).test(userAgent))?.[1] ?? '';
  return [browser, platform].filter(Boolean).join(', ') || 'Passkey';
}

/** The browser library, loaded on first use; a failed load (offline, an old deploy) is
 * "offline": the learner can try again when connected. */
async function webAuthn() {
  try {
    return await import('@simplewebauthn/browser');
  } catch {
    throw new PasskeyError('offline');
  }
}

/** The code for an error the browser's ceremony threw. */
export function ceremonyError(error: unknown): PasskeyError {
  const { name, code } = (error ?? {}) as { name?: string; code?: string };
  // NotAllowedError: the learner cancelled, the dialog timed out, or no passkey was chosen.
  if (name === 'NotAllowedError' || name === 'AbortError' || code === 'ERROR_CEREMONY_ABORTED') {
    return new PasskeyError('cancelled');
  }
  if (code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED')
    return new PasskeyError('already_added');
  return new PasskeyError('unsupported');
}

/** The error for a non-ok answer to a passkey request. */
function requestError(result: Exclude<ApiResult<unknown>, { kind: 'ok' }>): PasskeyError {
  switch (result.kind) {
    case 'rate-limited':
      return new PasskeyError('rate_limited', result.retryAfter);
    case 'retryable':
      return new PasskeyError(result.reason === 'server' ? 'server' : 'offline');
    case 'refused':
      if (result.code === 'passkey_exists') return new PasskeyError('already_added');
      if (result.code === 'invalid_credentials') return new PasskeyError('unknown_passkey');
      return new PasskeyError('server');
    default:
      return new PasskeyError('server');
  }
}

/** Passkey management for the signed-in learner on this device. */
export function passkeyActions(deps: AccountDeps): PasskeyActions {
  const token = async (): Promise<string> => {
    const value = (await getSession(deps.database))?.token;
    if (!value) throw new PasskeyError('signed_out');
    return value;
  };
  // A 401 means the session is gone: the status line asks the learner to sign in again.
  const failure = async (
    value: string,
    result: Exclude<ApiResult<unknown>, { kind: 'ok' }>,
  ): Promise<PasskeyError> => {
    if (result.kind === 'unauthorized' || result.kind === 'account-deleted') {
      await markSignedOut(
        deps.database,
        value,
        result.kind === 'account-deleted' ? 'account-deleted' : 'signed-out',
      );
      return new PasskeyError('signed_out');
    }
    return requestError(result);
  };

  return {
    async list() {
      const value = await token();
      const result = await deps.api.listPasskeys(value);
      if (result.kind !== 'ok') throw await failure(value, result);
      return result.body.passkeys;
    },

    async add(name) {
      const value = await token();
      // 1. The library first: offline, the ceremony could not finish anyway.
      const { startRegistration } = await webAuthn();
      // 2. The server's options (a fresh challenge).
      const options = await deps.api.passkeyRegistrationOptions(value);
      if (options.kind !== 'ok') throw await failure(value, options);
      // 3. The browser's dialog: the device makes the key pair and keeps the private half.
      let response;
      try {
        response = await startRegistration({
          optionsJSON: options.body as PublicKeyCredentialCreationOptionsJSON,
        });
      } catch (error) {
        throw ceremonyError(error);
      }
      // 4. The public half, verified and stored by the server.
      // The library's JSON type and the shared schema's describe the same object (the server checks).
      const body = { response: response as AddPasskeyRequest['response'], name };
      const result = await deps.api.addPasskey(value, body);
      if (result.kind !== 'ok') throw await failure(value, result);
      return result.body;
    },

    async remove(id) {
      const value = await token();
      const result = await deps.api.deletePasskey(value, id);
      // 404: already gone (another device removed it): the list is what the learner wanted.
      if (result.kind === 'refused' && result.status === 404) return;
      if (result.kind !== 'ok') throw await failure(value, result);
    },
  };
}

/** Sign in with a passkey the device holds (the browser asks which); the device's local
 * progress is adopted into the account, as with a password. */
export async function signInWithPasskey(
  deps: AccountDeps,
  options: SignInOptions = {},
): Promise<void> {
  // 1. The library and the server's challenge.
  const { startAuthentication } = await webAuthn();
  const challenge = await deps.api.passkeySignInOptions();
  if (challenge.kind !== 'ok') throw requestError(challenge);
  // 2. The browser's dialog: the learner picks a passkey and unlocks it.
  let response;
  try {
    response = await startAuthentication({
      optionsJSON: challenge.body as PublicKeyCredentialRequestOptionsJSON,
    });
  } catch (error) {
    throw ceremonyError(error);
  }
  // 3. The server verifies it and answers like a password login; `begin` stores the session.
  const result = await deps.api.passkeySignIn({
    response: response as PasskeySignInRequest['response'],
  });
  if (result.kind === 'refused' || result.kind === 'unauthorized') {
    throw new PasskeyError('unknown_passkey');
  }
  try {
    await begin(deps, result, options);
  } catch (error) {
    if (error instanceof AccountError) throw requestError(asResult(error));
    throw error;
  }
}

// `begin` reports a refused request as an AccountError; passkeys speak in PasskeyErrors.
function asResult(error: AccountError): Exclude<ApiResult<unknown>, { kind: 'ok' }> {
  if (error.code === 'rate_limited')
    return { kind: 'rate-limited', retryAfter: error.retryAfter ?? 60 };
  if (error.code === 'offline') return { kind: 'retryable', reason: 'network' };
  return { kind: 'retryable', reason: 'server' };
}
