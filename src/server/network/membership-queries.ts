// The queries of joining a garden and withdrawing (issue 14), each a named function taking the
// database (or a transaction) first: live join codes, firms, memberships, consents and the
// consent log. The algorithms that use them are in memberships.ts.
import { randomUUID } from 'node:crypto';
import { SqliteAdapter } from 'kysely';
import type {
  ConsentLogTable,
  ConsentsTable,
  Db,
  FirmsTable,
  GardensTable,
  MembershipsTable,
} from '../db/schema';

/** The garden of `code` when the code is live (not revoked, not expired at `at`). */
export const findGardenOfLiveCode = (
  db: Db,
  code: string,
  at: number,
): Promise<GardensTable | undefined> =>
  db
    .selectFrom('join_codes as j')
    .innerJoin('gardens as g', 'g.id', 'j.garden_id')
    .selectAll('g')
    .where('j.code', '=', code)
    .where('j.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('j.expires_at', 'is', null), eb('j.expires_at', '>', at)]))
    .executeTakeFirst();

/** The firm of `gardenId` with this id or organisation number (undefined for a firm of another
 * garden). */
export const findFirm = (
  db: Db,
  gardenId: string,
  by: { id: string } | { orgNumber: string },
): Promise<FirmsTable | undefined> =>
  db
    .selectFrom('firms')
    .selectAll()
    .where('garden_id', '=', gardenId)
    .$call((query) =>
      'id' in by ? query.where('id', '=', by.id) : query.where('org_number', '=', by.orgNumber),
    )
    .executeTakeFirst();

/** Inserts a firm; nothing happens when the garden already has its organisation number (the
 * unique index firms_garden_org_number: two learners adding the same firm at once). */
export async function insertFirm(db: Db, row: FirmsTable): Promise<void> {
  await db
    .insertInto('firms')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Makes `user_id` a member of `garden_id`, or updates the firm and shown name of a member
 * (who keeps the time they first joined). */
export async function upsertMembership(db: Db, row: MembershipsTable): Promise<void> {
  await db
    .insertInto('memberships')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['user_id', 'garden_id'])
        .doUpdateSet({ firm_id: row.firm_id, display_name: row.display_name }),
    )
    .execute();
}

/** Records consent given now to `text_version` (also over a withdrawn or older consent). */
export async function upsertConsent(
  db: Db,
  row: Omit<ConsentsTable, 'withdrawn_at'>,
): Promise<void> {
  await db
    .insertInto('consents')
    .values({ ...row, withdrawn_at: null })
    .onConflict((oc) =>
      oc.columns(['user_id', 'garden_id']).doUpdateSet({
        text_version: row.text_version,
        given_at: row.given_at,
        withdrawn_at: null,
      }),
    )
    .execute();
}

/** Appends to the learner's consent audit log. */
export async function insertConsentLog(db: Db, row: Omit<ConsentLogTable, 'id'>): Promise<void> {
  await db
    .insertInto('consent_log')
    .values({ id: randomUUID(), ...row })
    .execute();
}

/** The learner's consent to `gardenId`, if any (withdrawn or not). */
export const findConsent = (
  db: Db,
  userId: string,
  gardenId: string,
): Promise<ConsentsTable | undefined> =>
  db
    .selectFrom('consents')
    .selectAll()
    .where('user_id', '=', userId)
    .where('garden_id', '=', gardenId)
    .executeTakeFirst();

/** Ends the learner's consent to `gardenId` at `at` (a withdrawn one stays as it was). */
export async function withdrawConsent(
  db: Db,
  userId: string,
  gardenId: string,
  at: number,
): Promise<void> {
  await db
    .updateTable('consents')
    .set({ withdrawn_at: at })
    .where('user_id', '=', userId)
    .where('garden_id', '=', gardenId)
    .where('withdrawn_at', 'is', null)
    .execute();
}

/** Deletes the learner's membership of `gardenId`: whether there was one, and its firm. */
export async function deleteMembership(
  db: Db,
  userId: string,
  gardenId: string,
): Promise<{ firmId: string | null } | undefined> {
  const deleted = await db
    .deleteFrom('memberships')
    .where('user_id', '=', userId)
    .where('garden_id', '=', gardenId)
    .returning('firm_id')
    .executeTakeFirst();
  return deleted && { firmId: deleted.firm_id };
}

const onPostgres = (db: Db): boolean => !(db.getExecutor().adapter instanceof SqliteAdapter);

/** Whether the firm still exists, holding it (PostgreSQL: FOR SHARE) until the transaction ends,
 * so the withdrawal of its last other member cannot delete it under a join that chose it. */
export async function holdFirm(db: Db, firmId: string): Promise<boolean> {
  const query = db.selectFrom('firms').select('id').where('id', '=', firmId);
  const row = await (onPostgres(db) ? query.forShare() : query).executeTakeFirst();
  return row !== undefined;
}

/** Deletes those of `firmIds` no membership refers to any more. Firms are made only by the
 * learners who join with them, and a sole trader's firm name names the person, so a firm goes
 * with its last member (withdrawal, account erasure). */
export async function deleteEmptyFirms(db: Db, firmIds: readonly (string | null)[]): Promise<void> {
  const ids = firmIds.filter((id): id is string => id !== null);
  if (ids.length === 0) return;
  // PostgreSQL: the firms' rows first (a join choosing one holds it, see holdFirm), so the check
  // below, a new statement, sees a member who joined it meanwhile. SQLite has one writer.
  if (onPostgres(db)) {
    await db.selectFrom('firms').select('id').where('id', 'in', ids).forUpdate().execute();
  }
  await db
    .deleteFrom('firms')
    .where('id', 'in', ids)
    .where(({ exists, not, selectFrom }) =>
      not(
        exists(
          selectFrom('memberships')
            .select('user_id')
            .whereRef('memberships.firm_id', '=', 'firms.id'),
        ),
      ),
    )
    .execute();
}

/** The learner's memberships (optionally of one garden) with garden, firm and current consent,
 * oldest first. A membership always has a consent that is not withdrawn (both are written in
 * one transaction, and withdrawal deletes the membership); the inner join says so. */
export const membershipRowsOf = (db: Db, userId: string, gardenId?: string) => {
  let query = db
    .selectFrom('memberships as m')
    .innerJoin('gardens as g', 'g.id', 'm.garden_id')
    .innerJoin('consents as c', (join) =>
      join.onRef('c.user_id', '=', 'm.user_id').onRef('c.garden_id', '=', 'm.garden_id'),
    )
    .leftJoin('firms as f', 'f.id', 'm.firm_id')
    .select([
      'g.id as garden_id',
      'g.name as garden_name',
      'g.county',
      'g.municipality',
      'g.created_at as garden_created_at',
      'f.id as firm_id',
      'f.name as firm_name',
      'f.org_number as firm_org_number',
      'm.display_name',
      'm.joined_at',
      'c.text_version',
      'c.given_at',
    ])
    .where('m.user_id', '=', userId)
    .where('c.withdrawn_at', 'is', null);
  if (gardenId !== undefined) query = query.where('m.garden_id', '=', gardenId);
  return query.orderBy('m.joined_at').orderBy('m.garden_id').execute();
};

/** The gardens `userId` advises, oldest first. */
export const gardensAdvisedBy = (db: Db, userId: string): Promise<GardensTable[]> =>
  db
    .selectFrom('gardens as g')
    .innerJoin('advisors as a', 'a.garden_id', 'g.id')
    .selectAll('g')
    .where('a.user_id', '=', userId)
    .orderBy('a.added_at')
    .orderBy('g.id')
    .execute();

/** The network roles `userId` holds, by name. */
export async function networkRolesOf(db: Db, userId: string) {
  const rows = await db
    .selectFrom('network_roles')
    .select('role')
    .where('user_id', '=', userId)
    .orderBy('role')
    .execute();
  return rows.map((row) => row.role);
}
