// The advisor's offline copy (issue 14): the last garden views and learner details fetched, kept
// on the device so an advisor on the road still sees them, with the server's time of each. Its
// own IndexedDB database (ADVISOR_DB_NAME), one store keyed [userId, gardenId, learnerId]: a
// copy is only ever read back for the user who fetched it; '' stands for "the garden view"
// (learnerId) and "the list of gardens" (gardenId). A garden view replaces the garden's copy
// whole, and drops the stored details of learners no longer in it (withdrawn consent).
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { ADVISOR_DB_NAME } from '../../client-core/db/db-names';
import type { z } from 'zod/mini';
import type {
  Garden,
  gardenDetailSchema,
  LearnerDetail,
  LearnerSummary,
} from '../../shared/network-protocol';

/** GET /gardens/{gardenId}: the garden, its advisors and its firms. */
export type GardenDetail = z.infer<typeof gardenDetailSchema>;

/** The gardens the advisor advises, with the counts AdvisorHome shows. */
export interface GardenCard {
  garden: Garden;
  firms: number;
  advisors: number;
}

/** One garden as GardenScreen shows it: the garden with its firms, and every learner. */
export interface GardenView {
  detail: GardenDetail;
  learners: LearnerSummary[];
}

type Stored =
  | { kind: 'home'; fetchedAt: number; value: GardenCard[] }
  | { kind: 'garden'; fetchedAt: number; value: GardenView }
  | { kind: 'learner'; fetchedAt: number; value: LearnerDetail };

type CopyKey = [userId: string, gardenId: string, learnerId: string];

interface CopySchema extends DBSchema {
  copies: { key: CopyKey; value: Stored };
}

const STORE = 'copies';

/** The advisor copy's database. */
export type AdvisorCopyDB = IDBPDatabase<CopySchema>;

/** A value from the copy with the server's time it was fetched at. */
export interface CopyEntry<T> {
  value: T;
  fetchedAt: number;
}

/** Opens (and creates) the copy's database; the connection closes itself when the database is
 * to be deleted (sign-out in another tab), so the deletion is never blocked. */
export async function openAdvisorCopy(): Promise<AdvisorCopyDB> {
  const db: AdvisorCopyDB = await openDB<CopySchema>(ADVISOR_DB_NAME, 1, {
    upgrade(upgrading, oldVersion) {
      if (oldVersion < 1) upgrading.createObjectStore(STORE);
    },
    blocking() {
      db.close();
    },
  });
  return db;
}

type ValueOf<K extends Stored['kind']> = Extract<Stored, { kind: K }>['value'];

async function read<K extends Stored['kind']>(
  db: AdvisorCopyDB,
  key: CopyKey,
  kind: K,
): Promise<CopyEntry<ValueOf<K>> | null> {
  const row = await db.get(STORE, key);
  if (!row || row.kind !== kind) return null;
  return { value: row.value as ValueOf<K>, fetchedAt: row.fetchedAt };
}

// Every key of one garden (its view and its learners' details) for one user.
const gardenRange = (userId: string, gardenId: string) =>
  IDBKeyRange.bound([userId, gardenId, ''], [userId, gardenId, '\uffff']);

/** The stored list of gardens of `userId`, or null. */
export const readHome = (db: AdvisorCopyDB, userId: string) => read(db, [userId, '', ''], 'home');

/** Stores the list of gardens of `userId` (replacing the last one). */
export const saveHome = (
  db: AdvisorCopyDB,
  userId: string,
  entry: CopyEntry<GardenCard[]>,
): Promise<unknown> => db.put(STORE, { kind: 'home', ...entry }, [userId, '', '']);

/** The stored view of a garden, or null. */
export const readGardenView = (db: AdvisorCopyDB, userId: string, gardenId: string) =>
  read(db, [userId, gardenId, ''], 'garden');

/** Replaces the stored view of a garden, and drops the details of learners not in it. */
export async function saveGardenView(
  db: AdvisorCopyDB,
  userId: string,
  entry: CopyEntry<GardenView>,
): Promise<void> {
  const gardenId = entry.value.detail.garden.id;
  const present = new Set(entry.value.learners.map((learner) => learner.id));
  const tx = db.transaction(STORE, 'readwrite');
  for (const key of await tx.store.getAllKeys(gardenRange(userId, gardenId))) {
    const learnerId = key[2];
    if (learnerId !== '' && !present.has(learnerId)) await tx.store.delete(key);
  }
  await tx.store.put({ kind: 'garden', ...entry }, [userId, gardenId, '']);
  await tx.done;
}

/** The stored detail of a learner, or null. */
export const readLearnerDetail = (
  db: AdvisorCopyDB,
  userId: string,
  gardenId: string,
  learnerId: string,
) => read(db, [userId, gardenId, learnerId], 'learner');

/** Stores the detail of a learner (replacing the last one). */
export const saveLearnerDetail = (
  db: AdvisorCopyDB,
  userId: string,
  gardenId: string,
  entry: CopyEntry<LearnerDetail>,
): Promise<unknown> =>
  db.put(STORE, { kind: 'learner', ...entry }, [userId, gardenId, entry.value.learner.id]);

/** Forgets one learner (the server no longer shows them: 404). */
export const removeLearnerDetail = (
  db: AdvisorCopyDB,
  userId: string,
  gardenId: string,
  learnerId: string,
): Promise<void> => db.delete(STORE, [userId, gardenId, learnerId]);

/** Forgets a garden whole (the advisor lost access to it: 403). */
export const removeGarden = (db: AdvisorCopyDB, userId: string, gardenId: string): Promise<void> =>
  db.delete(STORE, gardenRange(userId, gardenId));
