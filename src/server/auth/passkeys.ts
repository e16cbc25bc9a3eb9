// Passkeys (WebAuthn) as a way to sign in beside the password: the registration ceremony for a
// signed-in learner and the sign-in ceremony with a discoverable credential, each as options
// (a stored single-use challenge) and a verification. The cryptography is @simplewebauthn/server;
// here are the rules around it: which origin and relying party, which challenge, whose passkey.
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import type {
  AddPasskeyRequest,
  PasskeyInfo,
  PasskeySignInRequest,
} from '../../shared/passkey-protocol';
import type { AccountInfo } from '../../shared/sync-protocol';
import type { Db } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { createSession, type NewSession } from '../sessions/sessions';
import {
  consumeChallenge,
  countOpenChallenges,
  deletePasskeyOf,
  findPasskey,
  insertChallenge,
  insertPasskey,
  markPasskeyUsed,
  passkeysOfUser,
  purgeExpiredChallenges,
  type PasskeyRow,
} from './passkey-queries';
import { findUserById, toAccountInfo } from './queries';

/** How long a ceremony's challenge may be answered: also the browser's timeout. */
export const CHALLENGE_LIFETIME_MS = 5 * 60_000;
/** At most this many sign-in challenges wait at once. The sign-in options are public; without a
 * cap a flood of requests would grow the table for five minutes. Beyond it: 429, try shortly. */
export const MAX_OPEN_SIGN_IN_CHALLENGES = 10_000;

const RP_NAME = 'Lommekurs';

/** The relying party a ceremony runs for: the rpID the credential is scoped to and the origin
 * the browser must have signed into clientDataJSON. */
export interface RelyingParty {
  id: string;
  origin: string;
}

/** The relying party: from PUBLIC_URL when set; otherwise the origin the request came in on.
 * The fallback (dev, tests, one machine) is safe because the origin is not taken on trust from
 * the request alone: the browser writes the page's real origin into clientDataJSON, which the
 * authenticator signs, and the credential is bound to the rpID's hash in authenticatorData. A
 * client that lies in its Host header can only make the server expect an origin whose scoped
 * credentials it would then need to hold. Behind a TLS-terminating proxy the request's origin
 * is the proxy's view, so production sets PUBLIC_URL. */
export function relyingParty(publicUrl: string | null, requestUrl: string): RelyingParty {
  const origin = new URL(publicUrl ?? requestUrl).origin;
  return { id: new URL(origin).hostname, origin };
}

/** What the ceremonies need from the server. */
export interface PasskeyDeps {
  db: Db;
  now: () => number;
  /** The absolute lifetime of new sessions (SESSION_MAX_DAYS), as for a password sign-in. */
  sessionMaxAgeMs: number;
}

/** The WebAuthn user handle of an account: its id's bytes (no personal data). */
const userHandleOf = (userId: string) => new TextEncoder().encode(userId);

/** The challenge the browser says it answered, read from clientDataJSON before anything is
 * verified: only a key to look the stored challenge up by. Null when unreadable. */
function challengeIn(clientDataJSON: string): string | null {
  try {
    const data: unknown = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8'));
    const challenge = (data as { challenge?: unknown } | null)?.challenge;
    return typeof challenge === 'string' && /^[A-Za-z0-9_-]{1,128}$/.test(challenge)
      ? challenge
      : null;
  } catch {
    return null;
  }
}

const transportsOf = (row: PasskeyRow): string[] => {
  try {
    const parsed: unknown = JSON.parse(row.transports);
    return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
};

/** A passkey as its owner sees it. */
export const toPasskeyInfo = (row: PasskeyRow): PasskeyInfo => ({
  id: row.credential_id,
  name: row.name,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
});

/** The learner's passkeys, newest first. */
export async function listPasskeys(db: Db, userId: string): Promise<PasskeyInfo[]> {
  return (await passkeysOfUser(db, userId)).map(toPasskeyInfo);
}

/** Removes one of the learner's own passkeys; false when there is none of that id (another
 * learner's passkey is "none" too). */
export const removePasskey = (db: Db, userId: string, credentialId: string): Promise<boolean> =>
  deletePasskeyOf(db, userId, credentialId);

/** Options for adding a passkey, or null when the account is gone. */
export async function registrationOptions(
  { db, now }: PasskeyDeps,
  userId: string,
  rp: RelyingParty,
): Promise<PublicKeyCredentialCreationOptionsJSON | null> {
  // 1. Who: the account, and the passkeys it has (the browser then refuses a second one on the
  //    same authenticator instead of silently replacing it).
  const user = await findUserById(db, userId);
  if (!user) return null;
  const existing = await passkeysOfUser(db, userId);
  // 2. Challenges of abandoned ceremonies go first.
  const at = now();
  await purgeExpiredChallenges(db, at);
  // 3. The options: a discoverable credential (sign-in asks no address), user verification
  //    preferred (a PIN or fingerprint where the device has one), no attestation (we trust no
  //    vendor list; the key itself is what matters).
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: rp.id,
    userName: user.email,
    userDisplayName: user.email,
    userID: userHandleOf(user.id),
    timeout: CHALLENGE_LIFETIME_MS,
    attestationType: 'none',
    excludeCredentials: existing.map((row) => ({
      id: row.credential_id,
      transports: transportsOf(row),
    })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  });
  // 4. The challenge, for this learner only, single use, five minutes.
  await insertChallenge(db, {
    challenge: options.challenge,
    user_id: userId,
    purpose: 'register',
    expires_at: at + CHALLENGE_LIFETIME_MS,
  });
  return options;
}

/** A passkey added, or why not. */
export type AddPasskeyResult =
  | { ok: true; passkey: PasskeyInfo }
  | { ok: false; reason: 'challenge_expired' | 'passkey_exists' }
  | { ok: false; reason: 'passkey_not_verified'; detail: string };

/** Verifies a new credential against the learner's stored challenge and stores it. */
export async function addPasskey(
  { db, now }: PasskeyDeps,
  userId: string,
  rp: RelyingParty,
  { response, name }: AddPasskeyRequest,
): Promise<AddPasskeyResult> {
  // 1. The challenge the browser answered, taken out of the table: it cannot be answered twice,
  //    whatever the verification says.
  const challenge = challengeIn(response.response.clientDataJSON);
  const at = now();
  if (!challenge || !(await consumeChallenge(db, challenge, 'register', userId, at))) {
    return { ok: false, reason: 'challenge_expired' };
  }
  // 2. The credential: our challenge, our origin and rpID, a supported key, user presence.
  let credential;
  try {
    const verified = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      // Preferred, not required (as asked in the options): a security key without a PIN still
      // proves possession, as much as a password proves knowledge.
      requireUserVerification: false,
    });
    if (!verified.verified) {
      return { ok: false, reason: 'passkey_not_verified', detail: 'not verified' };
    }
    credential = verified.registrationInfo.credential;
  } catch (error) {
    return { ok: false, reason: 'passkey_not_verified', detail: messageOf(error) };
  }
  // 3. Stored with the learner's label; a credential id is registered once, to one account.
  const row: PasskeyRow = {
    credential_id: credential.id,
    user_id: userId,
    public_key: Buffer.from(credential.publicKey).toString('base64url'),
    counter: credential.counter,
    transports: JSON.stringify(response.response.transports ?? []),
    name,
    created_at: at,
    last_used_at: null,
  };
  if (!(await insertPasskey(db, row))) return { ok: false, reason: 'passkey_exists' };
  return { ok: true, passkey: toPasskeyInfo(row) };
}

/** Options for signing in with a discoverable passkey, or null when too many ceremonies are
 * open (see MAX_OPEN_SIGN_IN_CHALLENGES). */
export async function signInOptions(
  { db, now }: PasskeyDeps,
  rp: RelyingParty,
): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  // 1. Expired challenges go; a full table of live ones means "try again shortly".
  const at = now();
  await purgeExpiredChallenges(db, at);
  if ((await countOpenChallenges(db, 'sign-in', at)) >= MAX_OPEN_SIGN_IN_CHALLENGES) return null;
  // 2. No allowCredentials: the authenticator offers the passkeys it has for this rpID, so the
  //    learner types no address and the server reveals none.
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: [],
    userVerification: 'preferred',
    timeout: CHALLENGE_LIFETIME_MS,
  });
  // 3. The challenge, for nobody yet, single use, five minutes.
  await insertChallenge(db, {
    challenge: options.challenge,
    user_id: null,
    purpose: 'sign-in',
    expires_at: at + CHALLENGE_LIFETIME_MS,
  });
  return options;
}

/** A session from a passkey, or a refusal (deliberately without saying why to the client). */
export type PasskeySignInResult =
  | { ok: true; user: AccountInfo; session: NewSession }
  | {
      ok: false;
      reason: 'invalid_credentials';
      /** For the log: what failed, and whose passkey it was when known. */
      detail: string;
      userId: string | null;
    };

/** Verifies a sign-in assertion and opens a session: the challenge is consumed, the counter
 * and last use updated and the session made in one transaction. */
export async function signInWithPasskey(
  { db, now, sessionMaxAgeMs }: PasskeyDeps,
  rp: RelyingParty,
  { response }: PasskeySignInRequest,
  userAgent?: string,
): Promise<PasskeySignInResult> {
  const refuse = (detail: string, userId: string | null = null): PasskeySignInResult => ({
    ok: false,
    reason: 'invalid_credentials',
    detail,
    userId,
  });
  // 1. The challenge the browser says it answered (only a lookup key until verified).
  const challenge = challengeIn(response.response.clientDataJSON);
  if (!challenge) return refuse('unreadable clientDataJSON');
  const at = now();
  // A refusal returns (not throws) from the transaction, so the consumed challenge stays
  // consumed: a failed answer cannot be retried with the same challenge either.
  return inTransaction(db, async (trx) => {
    // 2. Single use: the challenge leaves the table here, or was never (or no longer) there.
    if (!(await consumeChallenge(trx, challenge, 'sign-in', null, at))) {
      return refuse('unknown, used or expired challenge');
    }
    // 3. The passkey, by the credential id the authenticator chose.
    const passkey = await findPasskey(trx, response.id);
    if (!passkey) return refuse('unknown passkey');
    // 4. If the authenticator names the user, it must be the passkey's owner.
    const handle = response.response.userHandle;
    const expectedHandle = Buffer.from(userHandleOf(passkey.user_id)).toString('base64url');
    if (handle && handle !== expectedHandle) return refuse('user handle mismatch', passkey.user_id);
    // 5. The signature over our challenge, origin and rpID, with the stored key; a counter that
    //    did not grow (when the authenticator keeps one) means a cloned authenticator.
    let newCounter: number;
    try {
      const verified = await verifyAuthenticationResponse({
        // Some clients send a null user handle where the library expects it absent.
        response: {
          ...response,
          response: { ...response.response, userHandle: handle ?? undefined },
        },
        expectedChallenge: challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.id,
        credential: {
          id: passkey.credential_id,
          publicKey: new Uint8Array(Buffer.from(passkey.public_key, 'base64url')),
          counter: passkey.counter,
          transports: transportsOf(passkey),
        },
        requireUserVerification: false,
      });
      if (!verified.verified) return refuse('not verified', passkey.user_id);
      newCounter = verified.authenticationInfo.newCounter;
    } catch (error) {
      return refuse(messageOf(error), passkey.user_id);
    }
    // 6. The account must still exist (a passkey row outliving its user would be a bug).
    const user = await findUserById(trx, passkey.user_id);
    if (!user) return refuse('account gone', passkey.user_id);
    // 7. Counter and last use, then the session, exactly as a password sign-in makes it.
    await markPasskeyUsed(trx, passkey.credential_id, newCounter, at);
    const session = await createSession(trx, user.id, at, { userAgent, maxAgeMs: sessionMaxAgeMs });
    return { ok: true, user: toAccountInfo(user), session };
  });
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message.slice(0, 200) : 'verification failed';
