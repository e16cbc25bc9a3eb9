// The business-garden network's algorithms (issue 14), each with numbered steps: create a garden
// (with its first advisor's invite), invite an advisor, accept an invite, remove an advisor,
// grant a network role. An invite carries a random 128-bit token; only its SHA-256 is stored,
// it works once and for 7 days, and only for the account with the address it was sent to (a
// forwarded or leaked link makes nobody else an advisor). Routes and the admin command call
// these; queries live in queries.ts.
import { randomBytes, randomUUID } from 'node:crypto';
import {
  INVITE_LIFETIME_MS,
  INVITE_PATH,
  type Garden,
  type Invite,
} from '../../shared/network-protocol';
import { findUserById } from '../auth/queries';
import type { Db, GardensTable } from '../db/schema';
import { inTransaction } from '../db/transaction';
import type { Logger } from '../logger';
import type { Mailer } from '../mail/mailer';
import type { MailLanguage } from '../mail/texts';
import { hashToken } from '../sessions/sessions';
import { inviteMail } from './invite-mail';
import {
  addAdvisor,
  deleteAdvisor,
  findGarden,
  findInvite,
  insertGarden,
  insertInvite,
  toGarden,
  useInvite,
} from './queries';

/** What the network's algorithms need from the server (or the admin command). */
export interface NetworkDeps {
  db: Db;
  logger: Logger;
  /** Null: invites are made and their links returned, but not mailed. */
  mailer: Mailer | null;
  now: () => number;
}

/** Where invite links point and in which language their mail is written. */
export interface LinkContext {
  /** The app's origin, e.g. `https://lommekurs.no`. */
  origin: string;
  lang: MailLanguage;
}

/** Creates a garden. */
export async function createGarden(
  { db, now }: NetworkDeps,
  input: { name: string; county: string; municipality?: string | null },
): Promise<Garden> {
  const row: GardensTable = {
    id: randomUUID(),
    name: input.name,
    county: input.county,
    municipality: input.municipality ?? null,
    created_at: now(),
  };
  await insertGarden(db, row);
  return toGarden(row);
}

/** Invites `email` to advise `gardenId`: stores the token's hash, mails the link (if there is
 * a mailer) and returns the link, to be shown this once. Undefined when the garden is unknown. */
export async function inviteAdvisor(
  { db, logger, mailer, now }: NetworkDeps,
  { gardenId, email, invitedBy }: { gardenId: string; email: string; invitedBy: string | null },
  { origin, lang }: LinkContext,
): Promise<Invite | undefined> {
  // 1. The garden, for its name in the mail.
  const garden = await findGarden(db, gardenId);
  if (!garden) return undefined;
  // 2. 16 random bytes; only the hash is stored.
  const token = randomBytes(16).toString('base64url');
  const createdAt = now();
  const address = email.trim().toLowerCase();
  const expiresAt = createdAt + INVITE_LIFETIME_MS;
  await insertInvite(db, {
    token_hash: hashToken(token),
    garden_id: garden.id,
    email: address,
    invited_by: invitedBy,
    created_at: createdAt,
    expires_at: expiresAt,
    used_at: null,
    used_by: null,
  });
  // 3. The link; mailed when the server sends mail. A failed mail is logged (never the link)
  //    and reported as not mailed: the inviter still has the link to pass on.
  const link = `${origin}${INVITE_PATH}#token=${token}`;
  let mailed = false;
  if (mailer) {
    try {
      await mailer.send(inviteMail(lang, address, garden.name, link));
      mailed = true;
      logger.info({ gardenId: garden.id, invitedBy }, 'advisor invite mailed');
    } catch (error) {
      logger.error({ err: error, gardenId: garden.id }, 'advisor invite mail failed');
    }
  }
  return { gardenId: garden.id, email: address, expiresAt, link, mailed };
}

/** Why an invite was not accepted. */
export type InviteRefusal =
  'invite_not_found' | 'invite_used' | 'invite_expired' | 'invite_wrong_account';

/** The outcome of accepting an invite. */
export type AcceptResult = { ok: true; garden: Garden } | { ok: false; reason: InviteRefusal };

/** Accepts an invite for the signed-in `userId`: single use, 7 days, and only for the account
 * with the invited address. */
export async function acceptInvite(
  { db, now }: NetworkDeps,
  { token, userId }: { token: string; userId: string },
): Promise<AcceptResult> {
  return inTransaction(db, async (trx): Promise<AcceptResult> => {
    const at = now();
    const tokenHash = hashToken(token);
    // 1. The invite, used or not, and still live.
    const invite = await findInvite(trx, tokenHash);
    if (!invite) return { ok: false, reason: 'invite_not_found' };
    if (invite.used_at !== null) return { ok: false, reason: 'invite_used' };
    if (invite.expires_at <= at) return { ok: false, reason: 'invite_expired' };
    // 2. Only the account with the address it was sent to; the invite stays usable for it.
    const user = await findUserById(trx, userId);
    if (!user || user.email !== invite.email) return { ok: false, reason: 'invite_wrong_account' };
    // 3. Use it: of two requests at once, one updates the row and the other finds it used.
    if (!(await useInvite(trx, tokenHash, userId, at))) return { ok: false, reason: 'invite_used' };
    // 4. The user advises the garden (the garden exists: invites go with their garden).
    await addAdvisor(trx, {
      garden_id: invite.garden_id,
      user_id: userId,
      added_at: at,
      added_by: invite.invited_by,
    });
    const garden = await findGarden(trx, invite.garden_id);
    if (!garden) return { ok: false, reason: 'invite_not_found' };
    return { ok: true, garden: toGarden(garden) };
  });
}

/** Removes `userId` as an advisor of `gardenId`; false when they were not one. */
export const removeAdvisor = ({ db }: NetworkDeps, gardenId: string, userId: string) =>
  deleteAdvisor(db, gardenId, userId);
