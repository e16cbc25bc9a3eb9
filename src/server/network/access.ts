// Who may see what in the business-garden network (issue 14), in one place.
//
// Managing a garden: a network admin (every garden) or an advisor of it (`gardenRoleOf`).
//
// Seeing a learner — THE privacy rule, here and nowhere else: advisor U sees learner L in garden G
// iff U advises G (`advisors`), L is a member of G (`memberships`) and L's consent for G is given
// and not withdrawn (`consents.withdrawn_at IS NULL`). `visibleLearners` is the rule as a query;
// the list of a garden's learners pages through it and `visibleLearner` (the single-learner
// check) narrows the very same query to one id, so there is no second copy of the rule. Every
// advisor route that shows learner data goes through these. The network admin role is not
// consulted: a network admin sees gardens, advisors, firms and join codes, and no learner data
// (a network admin who also advises G sees G's learners as its advisor).
//
// Seeing aggregates (the insight page, issue 15): an analyst sees the whole network, an advisor
// the gardens they advise, anyone else nothing (`insightGardensOf`). No learner is shown there,
// only counts of at least five (src/server/insight/suppression.ts).
import type { Db } from '../db/schema';
import { isServerId } from '../../shared/network-protocol';
import { hasNetworkRole, isAdvisorOf } from './queries';

/** How a user relates to a garden's management. */
export type GardenRole = 'network_admin' | 'advisor';

/** Whether `userId` is a network admin. */
export const isNetworkAdmin = (db: Db, userId: string): Promise<boolean> =>
  hasNetworkRole(db, userId, 'network_admin');

/** The user's role for `gardenId` (network admin first), or null when they have none. A user
 * with no role gets null whether or not the garden exists, so no one learns which gardens
 * exist by asking. */
export async function gardenRoleOf(
  db: Db,
  userId: string,
  gardenId: string,
): Promise<GardenRole | null> {
  if (await isNetworkAdmin(db, userId)) return 'network_admin';
  if (await isAdvisorOf(db, userId, gardenId)) return 'advisor';
  return null;
}

/** Whether `userId` may ask for learner data of `gardenId` at all: only as its advisor (never as
 * a network admin). An id the server never made is answered without a query. */
export const mayViewLearnersOf = async (
  db: Db,
  userId: string,
  gardenId: string,
): Promise<boolean> => isServerId(gardenId) && isAdvisorOf(db, userId, gardenId);

/** The privacy rule as a query: the members of `gardenId` whom `advisorId` may see — none unless
 * they advise it, and only those whose consent is given and not withdrawn. Selects the
 * membership's columns; callers add order, paging and joins (e.g. the firm), never conditions
 * that widen it. */
export const visibleLearners = (db: Db, advisorId: string, gardenId: string) =>
  db
    .selectFrom('memberships')
    .innerJoin('consents', (join) =>
      join
        .onRef('consents.user_id', '=', 'memberships.user_id')
        .onRef('consents.garden_id', '=', 'memberships.garden_id'),
    )
    .innerJoin('advisors', (join) =>
      join
        .onRef('advisors.garden_id', '=', 'memberships.garden_id')
        .on('advisors.user_id', '=', advisorId),
    )
    .where('memberships.garden_id', '=', gardenId)
    .where('consents.withdrawn_at', 'is', null)
    .select([
      'memberships.user_id',
      'memberships.firm_id',
      'memberships.display_name',
      'memberships.joined_at',
    ]);

/** The one check "may advisor U see learner L in garden G": the rule's query narrowed to L
 * (a row when yes). */
export const visibleLearner = (db: Db, advisorId: string, gardenId: string, learnerId: string) =>
  visibleLearners(db, advisorId, gardenId).where('memberships.user_id', '=', learnerId);

/** The gardens whose aggregates `userId` may see: 'network' for an analyst (every garden, and
 * learners outside any garden), the gardens they advise for an advisor, null for anyone else. */
export async function insightGardensOf(
  db: Db,
  userId: string,
): Promise<'network' | readonly string[] | null> {
  if (await hasNetworkRole(db, userId, 'analyst')) return 'network';
  const advised = await db
    .selectFrom('advisors')
    .select('garden_id')
    .where('user_id', '=', userId)
    .orderBy('garden_id')
    .execute();
  return advised.length > 0 ? advised.map((row) => row.garden_id) : null;
}
