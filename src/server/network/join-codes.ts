// Join codes (issue 14): an advisor makes a short code for a garden, e.g. `NH-7K3P-Q2`, that a
// learner types or follows in a link to join it. Six characters of a 31-letter alphabet without
// look-alikes (no 0/O, 1/I/L) give about 887 million codes; a collision is retried. A code can
// expire and be revoked; it is not a secret that grants anything but asking to join, which the
// learner's own consent completes.
import { randomInt } from 'node:crypto';
import { JOIN_CODE_ALPHABET, JOIN_PATH, type JoinCodeInfo } from '../../shared/network-protocol';
import type { Db, JoinCodesTable } from '../db/schema';

const pick = (count: number) =>
  Array.from(
    { length: count },
    () => JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)],
  ).join('');

/** A new random code, `NH-XXXX-XX`. */
export const newJoinCode = (): string => `NH-${pick(4)}-${pick(2)}`;

const toInfo = (row: JoinCodesTable, origin: string): JoinCodeInfo => ({
  code: row.code,
  link: `${origin}${JOIN_PATH}#${row.code}`,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
});

/** Makes a join code for `gardenId` (retrying the rare collision). */
export async function createJoinCode(
  db: Db,
  {
    gardenId,
    createdBy,
    expiresAt,
    at,
  }: { gardenId: string; createdBy: string | null; expiresAt: number | null; at: number },
  origin: string,
): Promise<JoinCodeInfo> {
  for (let attempt = 1; ; attempt++) {
    const row: JoinCodesTable = {
      code: newJoinCode(),
      garden_id: gardenId,
      created_by: createdBy,
      created_at: at,
      expires_at: expiresAt,
      revoked_at: null,
    };
    const inserted = await db
      .insertInto('join_codes')
      .values(row)
      .onConflict((oc) => oc.column('code').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return toInfo(row, origin);
    if (attempt >= 5) throw new Error('No free join code after 5 attempts');
  }
}

/** The garden's join codes, newest first (revoked and expired ones included, marked). */
export async function joinCodesOf(
  db: Db,
  gardenId: string,
  origin: string,
): Promise<JoinCodeInfo[]> {
  const rows = await db
    .selectFrom('join_codes')
    .selectAll()
    .where('garden_id', '=', gardenId)
    .orderBy('created_at', 'desc')
    .orderBy('code')
    .execute();
  return rows.map((row) => toInfo(row, origin));
}

/** Revokes a live code of the garden; false when the garden has no such unrevoked code. */
export async function revokeJoinCode(
  db: Db,
  gardenId: string,
  code: string,
  at: number,
): Promise<boolean> {
  const result = await db
    .updateTable('join_codes')
    .set({ revoked_at: at })
    .where('garden_id', '=', gardenId)
    .where('code', '=', code)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
