// What the advisor screens fetch (the gardens, one garden's view with every page of its
// learners, one learner's detail) and how each falls back to the offline copy: a fresh answer
// replaces the stored one; when the server cannot be reached the stored one is shown with its
// time; when the server refuses (403: no longer an advisor of the garden, 404: the learner
// withdrew) the stored one is forgotten, so nothing the server would not show lingers.
import type { z } from 'zod/mini';
import {
  GARDEN_PAGE,
  gardenDetailSchema,
  gardenListSchema,
  LEARNER_PAGE,
  learnerDetailSchema,
  learnerListSchema,
  type Garden,
  type LearnerDetail,
} from '../../shared/network-protocol';
import type { ApiMethod } from '../../client-core/sync/api';
import { RequestError, type RequestErrorCode, type RequestOptions } from '../sync/requests';
import { forgetCount } from './forget-copy';
import {
  openAdvisorCopy,
  readGardenView,
  readHome,
  readLearnerDetail,
  removeGarden,
  removeLearnerDetail,
  saveGardenView,
  saveHome,
  saveLearnerDetail,
  type AdvisorCopyDB,
  type CopyEntry,
  type GardenCard,
  type GardenView,
} from './offline-copy';

/** The signed-in request of the sync controller (useSync().request). */
export type Request = <S extends z.ZodMiniType>(
  method: ApiMethod,
  path: string,
  options: RequestOptions<S>,
) => Promise<z.infer<S>>;

/** A value to show, fresh or from the offline copy. */
export interface Copied<T> {
  value: T;
  /** The server's time of the answer (the device's for the list of gardens). */
  fetchedAt: number;
  /** The server could not be reached: this is the stored copy. */
  fromCopy: boolean;
  /** Why the fresh fetch failed, when fromCopy. */
  error?: RequestErrorCode;
}

/** One thing the advisor screens show, with where its copy is kept. */
export interface CopySource<T> {
  fetch(
    request: Request,
    onProgress: (loaded: number) => void,
    userId: string,
  ): Promise<CopyEntry<T>>;
  read(db: AdvisorCopyDB, userId: string): Promise<CopyEntry<T> | null>;
  save(db: AdvisorCopyDB, userId: string, entry: CopyEntry<T>): Promise<unknown>;
  /** The server refused it (403/404): drop what is stored. */
  forget(db: AdvisorCopyDB, userId: string): Promise<unknown>;
}

const NETWORK = '/api/v1/network';
const gardenPath = (gardenId: string) => `${NETWORK}/gardens/${encodeURIComponent(gardenId)}`;

// Failures after which the stored copy is shown: the server was not reached or not able.
const SHOWS_COPY = new Set<RequestErrorCode>(['offline', 'server', 'rate_limited']);

/** Runs `work` on the copy's database and closes it (sign-out may delete it any moment). */
async function withCopy<T>(work: (db: AdvisorCopyDB) => Promise<T>): Promise<T> {
  const db = await openAdvisorCopy();
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

// The copy is a convenience: a device that cannot store it still shows the fresh answer.
const tryCopy = <T>(work: (db: AdvisorCopyDB) => Promise<T>): Promise<T | null> =>
  withCopy(work).catch((error: unknown) => {
    console.error('Advisor copy unavailable', error);
    return null;
  });

/** The stored copy of `source` for `userId`, or null. */
export const readCopy = <T>(source: CopySource<T>, userId: string) =>
  tryCopy((db) => source.read(db, userId));

/** Fetches `source` and stores it; on a failure to reach the server gives the stored copy,
 * on a refusal forgets it. Throws RequestError when there is nothing to show. */
export async function loadWithCopy<T>(
  source: CopySource<T>,
  request: Request,
  userId: string,
  onProgress: (loaded: number) => void = () => {},
): Promise<Copied<T>> {
  const forgetsBefore = forgetCount();
  try {
    const entry = await source.fetch(request, onProgress, userId);
    // Signed out while the answer was on its way: show it, but keep nothing of it.
    if (forgetCount() === forgetsBefore) await tryCopy((db) => source.save(db, userId, entry));
    return { ...entry, fromCopy: false };
  } catch (error) {
    if (!(error instanceof RequestError)) throw error;
    if (SHOWS_COPY.has(error.code)) {
      const stored = await readCopy(source, userId);
      if (stored) return { ...stored, fromCopy: true, error: error.code };
    } else if (error.details.status === 403 || error.details.status === 404) {
      await tryCopy((db) => source.forget(db, userId));
    }
    throw error;
  }
}

/** Every garden of GET /gardens, page after page. */
async function allGardens(request: Request): Promise<Garden[]> {
  const gardens: Garden[] = [];
  let after: string | null = null;
  do {
    const query = new URLSearchParams({ limit: String(GARDEN_PAGE) });
    if (after) query.set('after', after);
    const page = await request('GET', `${NETWORK}/gardens?${query}`, {
      schema: gardenListSchema,
    });
    gardens.push(...page.gardens);
    after = page.next;
  } while (after);
  return gardens;
}

/** The gardens the user advises, each with its number of firms and advisors. GET /gardens lists
 * every garden to a network admin, who sees no learners: only gardens naming the user among
 * their advisors are kept. */
export const homeSource: CopySource<GardenCard[]> = {
  async fetch(request, _onProgress, userId) {
    const fetchedAt = Date.now();
    const gardens = await allGardens(request);
    const cards = await Promise.all(
      gardens.map(async (garden) => {
        const detail = await request('GET', gardenPath(garden.id), { schema: gardenDetailSchema });
        const advises = detail.advisors.some((advisor) => advisor.userId === userId);
        return advises
          ? [{ garden, firms: detail.firms.length, advisors: detail.advisors.length }]
          : [];
      }),
    );
    return { value: cards.flat(), fetchedAt };
  },
  read: readHome,
  save: saveHome,
  forget: (db, userId) => saveHome(db, userId, { value: [], fetchedAt: 0 }),
};

/** One garden with its firms and every page of its consenting learners. */
export const gardenSource = (gardenId: string): CopySource<GardenView> => ({
  async fetch(request, onProgress) {
    const detail = await request('GET', gardenPath(gardenId), { schema: gardenDetailSchema });
    const learners: GardenView['learners'] = [];
    let fetchedAt: number | null = null;
    let after: string | null = null;
    do {
      const query = new URLSearchParams({ limit: String(LEARNER_PAGE) });
      if (after) query.set('after', after);
      const page = await request('GET', `${gardenPath(gardenId)}/learners?${query}`, {
        schema: learnerListSchema,
      });
      // The first page's time: nothing in the view is older than that.
      fetchedAt ??= page.fetchedAt;
      learners.push(...page.learners);
      after = page.next;
      onProgress(learners.length);
    } while (after);
    return { value: { detail, learners }, fetchedAt };
  },
  read: (db, userId) => readGardenView(db, userId, gardenId),
  save: saveGardenView,
  forget: (db, userId) => removeGarden(db, userId, gardenId),
});

/** One learner's detail ("Forbered samtale"). */
export const learnerSource = (gardenId: string, learnerId: string): CopySource<LearnerDetail> => ({
  async fetch(request) {
    const path = `${gardenPath(gardenId)}/learners/${encodeURIComponent(learnerId)}`;
    const detail = await request('GET', path, { schema: learnerDetailSchema });
    return { value: detail, fetchedAt: detail.fetchedAt };
  },
  read: (db, userId) => readLearnerDetail(db, userId, gardenId, learnerId),
  save: (db, userId, entry) => saveLearnerDetail(db, userId, gardenId, entry),
  forget: (db, userId) => removeLearnerDetail(db, userId, gardenId, learnerId),
});
