// Device tokens, per account email (server: src/server/auth/known-devices.ts). A sign-in or a
// registration hands this device a token; the next login for that email sends it, so the server
// knows the device signed in before and lets it in even while someone else's wrong passwords
// slow that email down. They outlive sign-out on purpose: a device token is no session, only
// "this device has been here" (OWASP's device cookies).
import type { LommekursDB } from './db';

// As the server normalises it (NFKC, trimmed, lower-cased), so one account has one key.
const keyOf = (email: string) => `device-token:${email.normalize('NFKC').trim().toLowerCase()}`;

/** The device token kept for `email`, if any. */
export async function getDeviceToken(
  database: LommekursDB,
  email: string,
): Promise<string | undefined> {
  const row = await database.meta.get(keyOf(email));
  return typeof row?.value === 'string' ? row.value : undefined;
}

/** Keeps `token` for `email` (replacing the one it was sent with). */
export async function setDeviceToken(
  database: LommekursDB,
  email: string,
  token: string,
): Promise<void> {
  await database.meta.put({ key: keyOf(email), value: token });
}
