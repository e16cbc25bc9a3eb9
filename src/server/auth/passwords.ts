// Password hashing with scrypt (node:crypto): memory-hard, so a leaked users table is slow to
// crack even on GPUs. Each hash carries its own salt and parameters —
// `scrypt$<log2 N>$<r>$<p>$<salt b64url>$<hash b64url>` — so the cost can be raised later and
// old hashes still verify (and are upgraded at the next login, see needsRehash).
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** log2 of scrypt's N for new hashes: 2^15 with r=8 is 32 MiB and ~50–100 ms per hash. */
export const DEFAULT_PASSWORD_COST = 15;

const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 32;

// Bounds on what a stored string may ask for, so a corrupt row cannot make verification
// allocate gigabytes or spin for minutes.
const MAX_LOG_N = 20;
const MAX_BLOCK_SIZE = 32;
const MAX_PARALLELISM = 16;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

interface StoredHash {
  logN: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

function derive(
  password: string,
  salt: Buffer,
  { logN, r, p }: Omit<StoredHash, 'salt' | 'hash'>,
  keyBytes = KEY_BYTES,
) {
  const N = 2 ** logN;
  // scrypt needs 128·N·r bytes; Node refuses anything above maxmem (32 MiB by default, which
  // is exactly what N=2^15, r=8 needs, so the default would fail). Leave headroom.
  const options: ScryptOptions = { N, r, p, maxmem: 128 * N * r * 2 };
  // NFKC: the same password typed on a phone and on a laptop may arrive as different code points
  // (composed vs decomposed letters, full-width forms); normalised, they hash alike.
  const normalised = password.normalize('NFKC');
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(normalised, salt, keyBytes, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

const isInt = (value: number, min: number, max: number) =>
  Number.isInteger(value) && value >= min && value <= max;

/** The parameters of a stored hash, or null when it is not a well-formed scrypt string. */
function parseStored(stored: string): StoredHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [, logNText, rText, pText, saltText, hashText] = parts;
  const numbers = [logNText, rText, pText];
  if (!numbers.every((n) => /^[0-9]{1,3}$/.test(n))) return null;
  const [logN, r, p] = numbers.map(Number);
  if (!isInt(logN, 1, MAX_LOG_N) || !isInt(r, 1, MAX_BLOCK_SIZE) || !isInt(p, 1, MAX_PARALLELISM)) {
    return null;
  }
  if (!BASE64URL.test(saltText) || !BASE64URL.test(hashText)) return null;
  const salt = Buffer.from(saltText, 'base64url');
  const hash = Buffer.from(hashText, 'base64url');
  if (salt.length < SALT_BYTES || hash.length < 16 || hash.length > 64) return null;
  return { logN, r, p, salt, hash };
}

/** Hashes a password with a fresh random salt into the self-describing stored form. */
export async function hashPassword(
  password: string,
  logN: number = DEFAULT_PASSWORD_COST,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, { logN, r: BLOCK_SIZE, p: PARALLELISM });
  return [
    'scrypt',
    logN,
    BLOCK_SIZE,
    PARALLELISM,
    salt.toString('base64url'),
    hash.toString('base64url'),
  ].join('$');
}

/** Whether `password` matches the stored hash; false (never a throw) for a malformed one. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStored(stored);
  if (!parsed) return false;
  let key: Buffer;
  try {
    key = await derive(password, parsed.salt, parsed, parsed.hash.length);
  } catch {
    return false;
  }
  return timingSafeEqual(key, parsed.hash);
}

/** Whether a stored hash was made with weaker parameters than `logN` and should be redone. */
export function needsRehash(stored: string, logN: number = DEFAULT_PASSWORD_COST): boolean {
  const parsed = parseStored(stored);
  return (
    !parsed ||
    parsed.logN < logN ||
    parsed.r !== BLOCK_SIZE ||
    parsed.p !== PARALLELISM ||
    parsed.hash.length !== KEY_BYTES
  );
}
