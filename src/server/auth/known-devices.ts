// Device tokens (OWASP "device cookies", Authentication Cheat Sheet / "Slow down online guessing
// attacks with device cookies"): a device that signed in or registered gets a random token; the
// app keeps it per account and sends it with later logins. A login with a valid token for that
// account is limited by the token's own small budget, never by the email's slowdown, so nobody
// can lock a learner out of a device they already use. Only the token's SHA-256 is stored
// (table known_devices, migration 0003); each successful login replaces the token it came with.
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/schema';
import { hashToken } from '../sessions/sessions';

/** A device not seen signing in for this long is a new device again. */
export const DEVICE_TOKEN_LIFETIME_MS = 365 * 24 * 60 * 60_000;
/** The most devices remembered per account; the least recently used go first. */
export const MAX_DEVICES_PER_ACCOUNT = 20;

/** Whether `token` is a live device token of `userId`. */
export async function isKnownDevice(
  db: Db,
  userId: string,
  token: string,
  now: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('known_devices')
    .select('token_hash')
    .where('token_hash', '=', hashToken(token))
    .where('user_id', '=', userId)
    .where('last_used_at', '>', now - DEVICE_TOKEN_LIFETIME_MS)
    .executeTakeFirst();
  return row !== undefined;
}

/** A new device token for `userId` (to hand out once), replacing `previous` if the device sent
 * one; the account keeps at most MAX_DEVICES_PER_ACCOUNT. */
export async function rememberDevice(
  db: Db,
  userId: string,
  now: number,
  previous?: string | null,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  if (previous) {
    await db
      .deleteFrom('known_devices')
      .where('token_hash', '=', hashToken(previous))
      .where('user_id', '=', userId)
      .execute();
  }
  await db
    .insertInto('known_devices')
    .values({ token_hash: hashToken(token), user_id: userId, created_at: now, last_used_at: now })
    .execute();
  const surplus = await db
    .selectFrom('known_devices')
    .select('token_hash')
    .where('user_id', '=', userId)
    .orderBy('last_used_at', 'desc')
    .orderBy('created_at', 'desc')
    .offset(MAX_DEVICES_PER_ACCOUNT)
    .limit(1000)
    .execute();
  if (surplus.length > 0) {
    await db
      .deleteFrom('known_devices')
      .where(
        'token_hash',
        'in',
        surplus.map((row) => row.token_hash),
      )
      .execute();
  }
  return token;
}
