// The business-garden network's queries, each a named function taking the database first.
// Row types are the Schema's (src/server/db/schema.ts).
import type { Firm, Garden } from '../../shared/network-protocol';
import type { Db, FirmsTable, GardensTable, InvitesTable, NetworkRole } from '../db/schema';

/** A garden row as the API shows it. */
export const toGarden = (row: GardensTable): Garden => ({
  id: row.id,
  name: row.name,
  county: row.county,
  municipality: row.municipality,
  createdAt: row.created_at,
});

/** A firm row as the API shows it. */
export const toFirm = (row: Pick<FirmsTable, 'id' | 'name' | 'org_number'>): Firm => ({
  id: row.id,
  name: row.name,
  orgNumber: row.org_number,
});

/** The firm of a row that left-joins `firms` (as `firm_id`, `firm_name`, `firm_org_number`):
 * null when there is none (no firm named, or it was deleted since). */
export const firmOfRow = (row: {
  firm_id: string | null;
  firm_name: string | null;
  firm_org_number: string | null;
}): Firm | null =>
  row.firm_id === null || row.firm_name === null
    ? null
    : toFirm({ id: row.firm_id, name: row.firm_name, org_number: row.firm_org_number });

/** Inserts a garden. */
export async function insertGarden(db: Db, row: GardensTable): Promise<void> {
  await db.insertInto('gardens').values(row).execute();
}

/** The garden `gardenId`, if it exists. */
export const findGarden = (db: Db, gardenId: string): Promise<GardensTable | undefined> =>
  db.selectFrom('gardens').selectAll().where('id', '=', gardenId).executeTakeFirst();

/** Gardens whose name is `name` (case as typed; names need not be unique). */
export const findGardensByName = (db: Db, name: string): Promise<GardensTable[]> =>
  db.selectFrom('gardens').selectAll().where('name', '=', name).orderBy('id').execute();

/** A page of gardens in id (creation) order after `after`: all, or those `advisorId` advises. */
export async function listGardens(
  db: Db,
  { after, limit, advisorId }: { after?: string; limit: number; advisorId?: string },
): Promise<GardensTable[]> {
  let query = db.selectFrom('gardens').selectAll('gardens');
  if (advisorId !== undefined) {
    query = query
      .innerJoin('advisors', 'advisors.garden_id', 'gardens.id')
      .where('advisors.user_id', '=', advisorId);
  }
  if (after !== undefined) query = query.where('gardens.id', '>', after);
  return query.orderBy('gardens.id').limit(limit).execute();
}

/** The advisors of a garden with their addresses, oldest first. */
export const advisorsOf = (db: Db, gardenId: string) =>
  db
    .selectFrom('advisors')
    .innerJoin('users', 'users.id', 'advisors.user_id')
    .select(['advisors.user_id', 'users.email', 'advisors.added_at'])
    .where('advisors.garden_id', '=', gardenId)
    .orderBy('advisors.added_at')
    .orderBy('advisors.user_id')
    .execute();

/** The firms of a garden by name. */
export const firmsOf = (db: Db, gardenId: string) =>
  db
    .selectFrom('firms')
    .select(['id', 'name', 'org_number'])
    .where('garden_id', '=', gardenId)
    .orderBy('name')
    .orderBy('id')
    .execute();

/** Whether `userId` advises `gardenId`. */
export async function isAdvisorOf(db: Db, userId: string, gardenId: string): Promise<boolean> {
  const row = await db
    .selectFrom('advisors')
    .select('user_id')
    .where('garden_id', '=', gardenId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether `userId` holds `role`. */
export async function hasNetworkRole(db: Db, userId: string, role: NetworkRole): Promise<boolean> {
  const row = await db
    .selectFrom('network_roles')
    .select('role')
    .where('user_id', '=', userId)
    .where('role', '=', role)
    .executeTakeFirst();
  return row !== undefined;
}

/** Grants `role` to `userId` (nothing changes if it is held already). */
export async function grantNetworkRole(
  db: Db,
  userId: string,
  role: NetworkRole,
  at: number,
): Promise<void> {
  await db
    .insertInto('network_roles')
    .values({ user_id: userId, role, granted_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'role']).doNothing())
    .execute();
}

/** Makes `userId` an advisor of `gardenId` (nothing changes if they are one already). */
export async function addAdvisor(
  db: Db,
  row: { garden_id: string; user_id: string; added_at: number; added_by: string | null },
): Promise<void> {
  await db
    .insertInto('advisors')
    .values(row)
    .onConflict((oc) => oc.columns(['garden_id', 'user_id']).doNothing())
    .execute();
}

/** Removes `userId` as an advisor of `gardenId`; true when they were one. */
export async function deleteAdvisor(db: Db, gardenId: string, userId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('advisors')
    .where('garden_id', '=', gardenId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Stores an invite (its token's hash only). */
export async function insertInvite(db: Db, row: InvitesTable): Promise<void> {
  await db.insertInto('invites').values(row).execute();
}

/** The invite with this token hash, if any. */
export const findInvite = (db: Db, tokenHash: string): Promise<InvitesTable | undefined> =>
  db.selectFrom('invites').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();

/** Marks an unused invite used; true when this call used it (a second call finds it used). */
export async function useInvite(
  db: Db,
  tokenHash: string,
  userId: string,
  at: number,
): Promise<boolean> {
  const result = await db
    .updateTable('invites')
    .set({ used_at: at, used_by: userId })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
