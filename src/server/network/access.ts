// Who may manage a garden: a network admin (every garden) or an advisor of it. The one function
// "may user U see learner L" of issue 14 will live here too, beside these, and every advisor
// route goes through it.
import type { Db } from '../db/schema';
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
