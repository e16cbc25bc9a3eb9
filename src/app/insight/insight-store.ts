// The insight page's store (issue 15): what the signed-in user may see (GET /api/v1/insight), the
// chosen course's aggregates for the chosen filters (GET /api/v1/insight/courses/{id}) and, for an
// analyst, the texts learners let its authors read (…/texts), each loading, there, or failed with
// a reason; and the actions that fetch them. Online only: nothing
// is kept on the device, and without a connection the page says so instead of asking.
import { signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { z } from 'zod/mini';
import type { InsightAccess } from '../../shared/insight-access';
import {
  authorTextsSchema,
  courseInsightSchema,
  type AuthorTexts,
  type CourseInsight,
  type InsightQuery,
} from '../../shared/insight-protocol';
import { fetchInsightAccess } from '../network/insight-access';
import { browserOffline } from '../offline/network';
import type { SyncController } from '../sync/controller';
import { RequestError, type RequestErrorCode } from '../sync/requests';

/** A reply being fetched, fetched, or failed. */
export type Fetched<T> =
  { kind: 'loading' } | { kind: 'ready'; value: T } | { kind: 'error'; code: RequestErrorCode };

export interface InsightStore {
  access: ReadonlySignal<Fetched<InsightAccess>>;
  /** The shown course's aggregates; null before a course is chosen. */
  insight: ReadonlySignal<Fetched<CourseInsight> | null>;
  /** Ask what the user may see. Never throws. */
  loadAccess(): Promise<void>;
  /** The shown course's texts for its authors; null before they are asked for. */
  texts: ReadonlySignal<Fetched<AuthorTexts> | null>;
  /** Fetch `courseId`'s aggregates for `query`; an answer to an earlier call is dropped. Never
   * throws. */
  loadInsight(courseId: string, query: InsightQuery): Promise<void>;
  /** Fetch `courseId`'s texts for its authors (an analyst's only); an answer to an earlier call
   * is dropped. Never throws. */
  loadTexts(courseId: string): Promise<void>;
}

const codeOf = (error: unknown): RequestErrorCode => {
  if (error instanceof RequestError) return error.code;
  console.error('Insight not loaded', error);
  return 'server';
};

/** Makes the store on the app's sync controller (its session and network). */
export function createInsightStore(sync: Pick<SyncController, 'request'>): InsightStore {
  const access = signal<Fetched<InsightAccess>>({ kind: 'loading' });
  const insight = signal<Fetched<CourseInsight> | null>(null);
  const texts = signal<Fetched<AuthorTexts> | null>(null);

  /** A GET into `target`, where only the latest call's answer lands. */
  function latestInto<S extends z.ZodMiniType>(
    target: Signal<Fetched<z.infer<S>> | null>,
    schema: S,
  ) {
    let latest = 0;
    return async (path: string) => {
      const mine = ++latest;
      target.value = { kind: 'loading' };
      try {
        if (browserOffline()) throw new RequestError('offline');
        const value: z.infer<S> = await sync.request('GET', path, { schema });
        if (mine === latest) target.value = { kind: 'ready', value };
      } catch (error) {
        if (mine === latest) target.value = { kind: 'error', code: codeOf(error) };
      }
    };
  }
  const getInsight = latestInto(insight, courseInsightSchema);
  const getTexts = latestInto(texts, authorTextsSchema);
  const coursePath = (courseId: string) =>
    `/api/v1/insight/courses/${encodeURIComponent(courseId)}`;

  async function loadAccess() {
    access.value = { kind: 'loading' };
    try {
      access.value = { kind: 'ready', value: await fetchInsightAccess(sync) };
    } catch (error) {
      access.value = { kind: 'error', code: codeOf(error) };
    }
  }

  function loadInsight(courseId: string, query: InsightQuery) {
    const search = new URLSearchParams(query as Record<string, string>).toString();
    return getInsight(search ? `${coursePath(courseId)}?${search}` : coursePath(courseId));
  }

  return {
    access,
    insight,
    texts,
    loadAccess,
    loadInsight,
    loadTexts: (courseId) => getTexts(`${coursePath(courseId)}/texts`),
  };
}
