// Password hashing with scrypt (node:crypto): memory-hard, so a leaked users table is slow to
// crack even on GPUs. Each hash carries its own salt and parameters —
// `scrypt$<log2 N>$<r>$<p>$<salt b64url>$<hash b64url>` — so the cost can be raised later and
// old hashes still verify (and are upgraded at the next login, see needsRehash).
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** log2 of scrypt's N for new hashes: 2^17 with r=8 (OWASP's password storage cheat sheet) is
 * 128 MiB and ~250–400 ms per hash. Hashes made at 2^15 are redone at the next login. */
export const DEFAULT_PASSWORD_COST = 17;

/** At most this many scrypt computations run at once in a process; the rest wait their turn.
 * Each takes 128·N·r bytes (128 MiB at 2^17), so a burst of sign-ins cannot exhaust memory. */
export const MAX_CONCURRENT_HASHES = 2;

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

// A small FIFO semaphore around scrypt: a burst of logins waits instead of allocating
// 128 MiB per request at once.
let running = 0;
const waiting: (() => void)[] = [];

async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES) {
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running++;
  }
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next in line (running stays the same), or free it.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** How many hashes are computing and waiting now (for tests and diagnostics). */
export const hashQueue = (): { running: number; waiting: number } => ({
  running,
  waiting: waiting.length,
});

function derive(
  password: string,
  salt: Buffer,
  { logN, r, p }: Omit<StoredHash, 'salt' | 'hash'>,
  keyBytes = KEY_BYTES,
) {
  const N = 2 ** logN;
  // scrypt needs 128·N·r bytes (plus 128·r·p); Node refuses anything above maxmem (32 MiB by
  // default: even N=2^15, r=8 would fail). Allow twice the need: 256 MiB at N=2^17.
  const options: ScryptOptions = { N, r, p, maxmem: 128 * N * r * 2 };
  // NFKC: the same password typed on a phone and on a laptop may arrive as different code points
  // (composed vs decomposed letters, full-width forms); normalised, they hash alike.
  const normalised = password.normalize('NFKC');
  return withHashSlot(
    () =>
      new Promise<Buffer>((resolve, reject) => {
        scrypt(normalised, salt, keyBytes, options, (error, key) =>
          error ? reject(error) : resolve(key),
        );
      }),
  );
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
