// What the learner's data export holds of the business-garden network (issue 14): the gardens
// they joined (with firm and shown name), their current consents with the text version, the
// consent audit log, the gardens they advise and their network roles. Names, not ids only, so a
// person reading the export understands it.
import type { NetworkExport } from '../../shared/network-protocol';
import type { Db } from '../db/schema';

/** The learner's rows of the network tables, for the export. */
export async function networkExport(db: Db, userId: string): Promise<NetworkExport> {
  const [memberships, consents, consentLog, advisorOf, networkRoles] = await Promise.all([
    db
      .selectFrom('memberships as m')
      .leftJoin('gardens as g', 'g.id', 'm.garden_id')
      .leftJoin('firms as f', 'f.id', 'm.firm_id')
      .select([
        'm.garden_id',
        'g.name as garden_name',
        'f.name as firm_name',
        'f.org_number',
        'm.display_name',
        'm.joined_at',
      ])
      .where('m.user_id', '=', userId)
      .orderBy('m.joined_at')
      .orderBy('m.garden_id')
      .execute(),
    db
      .selectFrom('consents')
      .select(['garden_id', 'text_version', 'given_at', 'withdrawn_at'])
      .where('user_id', '=', userId)
      .orderBy('given_at')
      .orderBy('garden_id')
      .execute(),
    db
      .selectFrom('consent_log')
      .select(['garden_id', 'kind', 'text_version', 'at'])
      .where('user_id', '=', userId)
      .orderBy('at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('advisors as a')
      .innerJoin('gardens as g', 'g.id', 'a.garden_id')
      .select(['a.garden_id', 'g.name', 'a.added_at'])
      .where('a.user_id', '=', userId)
      .orderBy('a.added_at')
      .orderBy('a.garden_id')
      .execute(),
    db
      .selectFrom('network_roles')
      .select(['role', 'granted_at'])
      .where('user_id', '=', userId)
      .orderBy('role')
      .execute(),
  ]);
  return {
    memberships: memberships.map((row) => ({
      gardenId: row.garden_id,
      gardenName: row.garden_name,
      firmName: row.firm_name,
      orgNumber: row.org_number,
      displayName: row.display_name,
      joinedAt: row.joined_at,
    })),
    consents: consents.map((row) => ({
      gardenId: row.garden_id,
      textVersion: row.text_version,
      givenAt: row.given_at,
      withdrawnAt: row.withdrawn_at,
    })),
    consentLog: consentLog.map((row) => ({
      gardenId: row.garden_id,
      kind: row.kind,
      textVersion: row.text_version,
      at: row.at,
    })),
    advisorOf: advisorOf.map((row) => ({
      gardenId: row.garden_id,
      gardenName: row.name,
      addedAt: row.added_at,
    })),
    networkRoles: networkRoles.map((row) => ({ role: row.role, grantedAt: row.granted_at })),
  };
}
