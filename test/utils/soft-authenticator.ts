// A small software authenticator for the server's passkey tests: real ES256 keys from node:crypto
// and the byte formats of WebAuthn L3 §6.1 (authenticator data) and §6.5 ("none" attestation),
// CBOR-encoded with @simplewebauthn/server's own encoder. It answers the server's ceremony
// options as a browser with a platform authenticator would, so real ceremonies run without one,
// and each part a test wants to falsify (origin, counter, challenge) can be overridden.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';

const b64url = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();

// Authenticator data flags (WebAuthn L3 §6.1).
const UP = 0x01;
const UV = 0x04;
const AT = 0x40;

/** One credential the authenticator holds. */
export interface SoftCredential {
  id: string;
  rpId: string;
  privateKey: KeyObject;
  /** base64url user handle from the registration options. */
  userHandle: string;
  counter: number;
}

/** What a ceremony may change, to make the response wrong on purpose. */
export interface CeremonyOverrides {
  /** The origin written into clientDataJSON (default: the authenticator's origin). */
  origin?: string;
  /** The challenge written into clientDataJSON (default: the options'). */
  challenge?: string;
  /** The signature counter to report (default: the credential's, plus one). */
  counter?: number;
}

interface CreationOptions {
  challenge: string;
  rp: { id?: string; name: string };
  user: { id: string; name: string };
}

interface RequestOptions {
  challenge: string;
  rpId?: string;
}

function coseKey(publicKey: KeyObject): Uint8Array {
  const jwk = publicKey.export({ format: 'jwk' });
  const key = new Map<number, number | Uint8Array>([
    [1, 2], // kty: EC2
    [3, -7], // alg: ES256
    [-1, 1], // crv: P-256
    [-2, new Uint8Array(Buffer.from(jwk.x!, 'base64url'))],
    [-3, new Uint8Array(Buffer.from(jwk.y!, 'base64url'))],
  ]);
  return isoCBOR.encode(key);
}

const counterBytes = (counter: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(counter);
  return bytes;
};

const clientData = (type: string, challenge: string, origin: string) =>
  Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));

/** A platform authenticator with user verification, in a browser at `origin`. */
export class SoftAuthenticator {
  readonly credentials: SoftCredential[] = [];

  constructor(readonly origin: string) {}

  /** Answers registration options as `navigator.credentials.create()` would (JSON form). */
  register(options: CreationOptions, overrides: CeremonyOverrides = {}) {
    const rpId = options.rp.id ?? new URL(this.origin).hostname;
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const credentialId = randomBytes(16);
    const counter = overrides.counter ?? 0;
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(credentialId.length);
    const authData = Buffer.concat([
      sha256(rpId),
      Buffer.from([UP | UV | AT]),
      counterBytes(counter),
      Buffer.alloc(16), // AAGUID: none
      idLength,
      credentialId,
      coseKey(publicKey),
    ]);
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Map<string, string> | Uint8Array>([
        ['fmt', 'none'],
        ['attStmt', new Map<string, string>()],
        ['authData', new Uint8Array(authData)],
      ]),
    );
    const id = b64url(credentialId);
    this.credentials.push({ id, rpId, privateKey, userHandle: options.user.id, counter });
    return {
      id,
      rawId: id,
      type: 'public-key' as const,
      response: {
        clientDataJSON: b64url(
          clientData(
            'webauthn.create',
            overrides.challenge ?? options.challenge,
            overrides.origin ?? this.origin,
          ),
        ),
        attestationObject: b64url(attestationObject),
        transports: ['internal'],
      },
      authenticatorAttachment: 'platform' as const,
      clientExtensionResults: {},
    };
  }

  /** Answers sign-in options as `navigator.credentials.get()` would, with a discoverable
   * credential for the options' rpId (the newest, or `credentialId`). */
  assert(options: RequestOptions, overrides: CeremonyOverrides & { credentialId?: string } = {}) {
    const rpId = options.rpId ?? new URL(this.origin).hostname;
    const credential = this.credentials
      .filter(
        (c) => c.rpId === rpId && (!overrides.credentialId || c.id === overrides.credentialId),
      )
      .at(-1);
    if (!credential) throw new Error(`No credential for ${rpId}`);
    credential.counter = overrides.counter ?? credential.counter + 1;
    const authData = Buffer.concat([
      sha256(rpId),
      Buffer.from([UP | UV]),
      counterBytes(credential.counter),
    ]);
    const clientDataJSON = clientData(
      'webauthn.get',
      overrides.challenge ?? options.challenge,
      overrides.origin ?? this.origin,
    );
    const signature = sign(
      'sha256',
      Buffer.concat([authData, sha256(clientDataJSON)]),
      credential.privateKey,
    );
    return {
      id: credential.id,
      rawId: credential.id,
      type: 'public-key' as const,
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        userHandle: credential.userHandle,
      },
      authenticatorAttachment: 'platform' as const,
      clientExtensionResults: {},
    };
  }
}
