// The insight page's store (issue 15): what the signed-in user may see (GET /api/v1/insight) and
// the chosen course's aggregates for the chosen filters (GET /api/v1/insight/courses/{id}), each
// loading, there, or failed with a reason; and the actions that fetch them. Online only: nothing
// is kept on the device, and without a connection the page says so instead of asking.
import { signal, type ReadonlySignal } from '@preact/signals';
import type { InsightAccess } from '../../shared/insight-access';
import {
  courseInsightSchema,
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
  /** Fetch `courseId`'s aggregates for `query`; an answer to an earlier call is dropped. Never
   * throws. */
  loadInsight(courseId: string, query: InsightQuery): Promise<void>;
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
  let latest = 0;

  async function loadAccess() {
    access.value = { kind: 'loading' };
    try {
      access.value = { kind: 'ready', value: await fetchInsightAccess(sync) };
    } catch (error) {
      access.value = { kind: 'error', code: codeOf(error) };
    }
  }

  async function loadInsight(courseId: string, query: InsightQuery) {
    const mine = ++latest;
    insight.value = { kind: 'loading' };
    try {
      if (browserOffline()) throw new RequestError('offline');
      const path = `/api/v1/insight/courses/${encodeURIComponent(courseId)}`;
      const search = new URLSearchParams(query as Record<string, string>).toString();
      const value = await sync.request('GET', search ? `${path}?${search}` : path, {
        schema: courseInsightSchema,
      });
      if (mine === latest) insight.value = { kind: 'ready', value };
    } catch (error) {
      if (mine === latest) insight.value = { kind: 'error', code: codeOf(error) };
    }
  }

  return { access, insight, loadAccess, loadInsight };
}
