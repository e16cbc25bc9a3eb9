// Joining a business garden with consent, and withdrawing it (issue 14), each with numbered
// steps: what a join code shows before the learner has an account, the join itself (firm,
// membership, consent and its log in one transaction), the learner's place in the network, and
// the withdrawal (membership gone, consent withdrawn, log 'withdrawn' in one transaction; from
// that commit S2's access rule gives advisors nothing about the learner). Queries live in
// membership-queries.ts, HTTP in membership-routes.ts.
//
// An advisor (or network admin) may join a garden as a learner too, also one they advise: they
// then show their own progress, with their own consent, to the garden's advisors (themself
// included) — nothing of anyone else's. Staff of a garden take its courses, and an advisor trying
// the learner's side is how they learn what their learners see; refusing it would protect no one.
import { randomUUID } from 'node:crypto';
import {
  CONSENT_TEXT_VERSION,
  isServerId,
  type JoinPreview,
  type JoinRequest,
  type Membership,
  type NetworkMe,
} from '../../shared/network-protocol';
import type { Db, FirmsTable } from '../db/schema';
import { inTransaction } from '../db/transaction';
import type { NetworkDeps } from './gardens';
import {
  deleteEmptyFirms,
  deleteMembership,
  findConsent,
  findFirm,
  holdFirm,
  findGardenOfLiveCode,
  gardensAdvisedBy,
  insertConsentLog,
  insertFirm,
  membershipRowsOf,
  networkRolesOf,
  upsertConsent,
  upsertMembership,
  withdrawConsent,
} from './membership-queries';
import { firmOfRow, firmsOf, toFirm, toGarden } from './queries';

/** What the consent screen shows for a live code; null for an unknown, revoked or expired one
 * (one answer for all three, so a code's history is not told). */
export async function previewJoin(db: Db, code: string, at: number): Promise<JoinPreview | null> {
  const garden = await findGardenOfLiveCode(db, code, at);
  if (!garden) return null;
  const firms = await firmsOf(db, garden.id);
  return {
    garden: toGarden(garden),
    firms: firms.map(toFirm),
  };
}

/** Why a join was refused. */
export type JoinRefusal = 'consent_outdated' | 'join_code_not_found' | 'firm_not_found';

/** The outcome of a join. */
export type JoinResult = { ok: true; membership: Membership } | { ok: false; reason: JoinRefusal };

const sameName = (a: string, b: string) =>
  a.toLocaleLowerCase('nb').normalize('NFC') === b.toLocaleLowerCase('nb').normalize('NFC');

/** The firm a join names: one of the garden's by id, or the one a new firm's details name. */
async function resolveFirm(
  db: Db,
  gardenId: string,
  firm: JoinRequest['firm'],
  at: number,
): Promise<Pick<FirmsTable, 'id'> | undefined> {
  if ('id' in firm) return isServerId(firm.id) ? findFirm(db, gardenId, firm) : undefined;
  // An organisation number the garden already has names that firm: the number identifies a
  // legal entity, so a second learner of it joins the same firm (under the name it has) rather
  // than making a duplicate. Without a number, a firm of the garden with the same name
  // (ignoring case) is taken to be the one meant, for the same reason.
  const { name, orgNumber } = firm;
  if (orgNumber !== undefined) {
    const known = await findFirm(db, gardenId, { orgNumber });
    if (known) return known;
  } else {
    const known = (await firmsOf(db, gardenId)).find((f) => sameName(f.name, name));
    if (known) return known;
  }
  const row: FirmsTable = {
    id: randomUUID(),
    garden_id: gardenId,
    name,
    org_number: orgNumber ?? null,
    created_at: at,
  };
  await insertFirm(db, row);
  // Another learner may have added the same organisation number a moment before: theirs stands.
  return orgNumber === undefined ? row : findFirm(db, gardenId, { orgNumber });
}

/** Joins the garden of `request.code` for `userId`, with consent to the text of
 * `request.consentVersion`. Joining again updates firm and name and gives consent anew. */
export async function joinGarden(
  { db, now }: NetworkDeps,
  { userId, request }: { userId: string; request: JoinRequest },
): Promise<JoinResult> {
  // 1. Consent only to the text the app shows now: an app showing an older text must reload.
  if (request.consentVersion !== CONSENT_TEXT_VERSION) {
    return { ok: false, reason: 'consent_outdated' };
  }
  return inTransaction(db, async (trx): Promise<JoinResult> => {
    const at = now();
    // 2. The code is live, and names the garden.
    const garden = await findGardenOfLiveCode(trx, request.code, at);
    if (!garden) return { ok: false, reason: 'join_code_not_found' };
    // 3. The firm: one of this garden's, or a new one in it (an id the server never made, or
    //    one of another garden, names no firm of this garden).
    const firm = await resolveFirm(trx, garden.id, request.firm, at);
    if (!firm || !(await holdFirm(trx, firm.id))) return { ok: false, reason: 'firm_not_found' };
    // 4. Membership, consent and the log entry commit together, or not at all.
    await upsertMembership(trx, {
      user_id: userId,
      garden_id: garden.id,
      firm_id: firm.id,
      display_name: request.displayName,
      joined_at: at,
    });
    await upsertConsent(trx, {
      user_id: userId,
      garden_id: garden.id,
      text_version: CONSENT_TEXT_VERSION,
      given_at: at,
    });
    await insertConsentLog(trx, {
      user_id: userId,
      garden_id: garden.id,
      kind: 'given',
      text_version: CONSENT_TEXT_VERSION,
      at,
    });
    // 5. The membership as stored (a member who joined before keeps their first joinedAt).
    const [row] = await membershipRowsOf(trx, userId, garden.id);
    return { ok: true, membership: toMembership(row!) };
  });
}

/** Withdraws `userId`'s consent to `gardenId` and ends the membership; false when they were not
 * a member. */
export async function withdrawMembership(
  { db, now }: NetworkDeps,
  userId: string,
  gardenId: string,
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const at = now();
    // 1. The membership goes (and its firm, when no one else is in it); no membership, nothing
    //    to withdraw.
    const deleted = await deleteMembership(trx, userId, gardenId);
    if (!deleted) return false;
    await deleteEmptyFirms(trx, [deleted.firmId]);
    // 2. The consent is marked withdrawn (kept, with the text it was given to)…
    const consent = await findConsent(trx, userId, gardenId);
    await withdrawConsent(trx, userId, gardenId, at);
    // 3. …and the learner's log says so.
    await insertConsentLog(trx, {
      user_id: userId,
      garden_id: gardenId,
      kind: 'withdrawn',
      text_version: consent?.text_version ?? CONSENT_TEXT_VERSION,
      at,
    });
    return true;
  });
}

/** The caller's place in the network: memberships with consent, gardens advised, roles. */
export async function networkMe(db: Db, userId: string): Promise<NetworkMe> {
  const [memberships, advisorOf, roles] = await Promise.all([
    membershipRowsOf(db, userId),
    gardensAdvisedBy(db, userId),
    networkRolesOf(db, userId),
  ]);
  return { memberships: memberships.map(toMembership), advisorOf: advisorOf.map(toGarden), roles };
}

type MembershipRow = Awaited<ReturnType<typeof membershipRowsOf>>[number];

function toMembership(row: MembershipRow): Membership {
  return {
    garden: toGarden({
      id: row.garden_id,
      name: row.garden_name,
      county: row.county,
      municipality: row.municipality,
      created_at: row.garden_created_at,
    }),
    firm: firmOfRow(row),
    displayName: row.display_name,
    joinedAt: row.joined_at,
    consent: { textVersion: row.text_version, givenAt: row.given_at },
  };
}
