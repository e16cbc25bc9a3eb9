// Test data and a fake network for the advisor screens' tests: an advisor signed in on the app's
// database (a stored session, so the real sync controller sees a live account), gardens and
// learners shaped by the wire schemas, and `fetch` answering the advisor routes by path — the
// app's own request code (SyncApi.request, signedInRequest, the zod checks) runs for real.
import axe from 'axe-core';
import { vi } from 'vitest';
import { db } from '../../src/client-core/db/db';
import { storeSession } from '../../src/client-core/db/sync-state';
import type {
  Garden,
  LearnerCourse,
  LearnerDetail,
  LearnerSummary,
} from '../../src/shared/network-protocol';
import type { GardenDetail } from '../../src/app/advisor/offline-copy';

export const ADVISOR_ID = '11111111-1111-4111-8111-111111111111';
export const OTHER_ADVISOR_ID = '22222222-2222-4222-8222-222222222222';
export const GARDEN_ID = '33333333-3333-4333-8333-333333333333';
export const DAY = 24 * 60 * 60_000;

/** Sign `userId` in on the app's database (no server needed: the session is only stored). */
export function signInAdvisor(userId = ADVISOR_ID): Promise<void> {
  return storeSession(db, {
    token: `token-${userId}`,
    user: { id: userId, email: `${userId}@example.test`, createdAt: 0, emailVerified: true },
    expiresAt: Date.now() + 30 * DAY,
  });
}

export const garden = (over: Partial<Garden> = {}): Garden => ({
  id: GARDEN_ID,
  name: 'Nordhagen næringshage',
  county: 'Vestland',
  municipality: 'Bergen',
  createdAt: 0,
  ...over,
});

export const firms = [
  { id: 'f1', name: 'Fjordfisk AS', orgNumber: '974760673' },
  { id: 'f2', name: 'Bakeriet på hjørnet', orgNumber: null },
];

export const gardenDetail = (over: Partial<GardenDetail> = {}): GardenDetail => ({
  garden: garden(),
  advisors: [{ userId: ADVISOR_ID, email: 'a@example.test', addedAt: 0 }],
  firms,
  ...over,
});

/** One course of a learner: half done, active yesterday. */
export const learnerCourse = (over: Partial<LearnerCourse> = {}): LearnerCourse => ({
  courseId: 'trygg-epost',
  lessonsTotal: 4,
  lessonsOpened: 2,
  lessonsCompleted: 1,
  completed: false,
  minutes: 12,
  lastActivityAt: Date.now() - DAY,
  needsFollowUp: false,
  ...over,
});

let serial = 0;

/** A consenting learner with one course half done. */
export function learner(over: Partial<LearnerSummary> = {}): LearnerSummary {
  serial += 1;
  const id = over.id ?? `44444444-4444-4444-8444-${String(serial).padStart(12, '0')}`;
  return {
    id,
    displayName: `Elev ${serial}`,
    firm: firms[0],
    joinedAt: 0,
    lastActivityAt: Date.now() - DAY,
    lastSyncAt: Date.now() - DAY,
    courses: [learnerCourse()],
    needsFollowUp: false,
    ...over,
  };
}

/** A learner's detail as "Forbered samtale" fetches it. */
export const learnerDetail = (summary: LearnerSummary, fetchedAt = Date.now()): LearnerDetail => ({
  learner: summary,
  courses: [],
  fetchedAt,
});

/** What the fake network answers for a path: a JSON body (200), a refusal, or no connection. */
export type Answer = unknown | { status: number; error: string } | 'offline';

const isRefusal = (value: unknown): value is { status: number; error: string } =>
  typeof value === 'object' && value !== null && 'status' in value && 'error' in value;

/** Stub `fetch`: `answer(path with query, method)` decides; undefined is "no connection" (the
 * sync engine's own requests get that too). Returns the mock, to read the requests made. */
export function stubNetwork(answer: (path: string, method: string) => Answer | undefined) {
  const mock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const value = answer(url.pathname + url.search, init?.method ?? 'GET');
    if (value === undefined || value === 'offline') {
      return Promise.reject(new TypeError('Failed to fetch'));
    }
    const [status, body] = isRefusal(value) ? [value.status, { error: value.error }] : [200, value];
    return Promise.resolve(
      new Response(JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
  });
  vi.stubGlobal('fetch', mock);
  return mock;
}

/** Answers for one garden: its detail and its learners, `pageSize` per page. */
export function gardenAnswers(
  learners: LearnerSummary[],
  { fetchedAt = Date.now(), pageSize = 200, detail = gardenDetail() } = {},
) {
  const base = `/api/v1/network/gardens/${GARDEN_ID}`;
  return (path: string): Answer | undefined => {
    if (path === base) return detail;
    if (path.startsWith(`${base}/learners?`)) {
      const after = new URLSearchParams(path.split('?')[1]).get('after');
      const start = after === null ? 0 : learners.findIndex((l) => l.id === after) + 1;
      const page = learners.slice(start, start + pageSize);
      const more = start + pageSize < learners.length;
      return { learners: page, next: more ? page[page.length - 1].id : null, fetchedAt };
    }
    const match = path.match(/\/learners\/([^/?]+)$/);
    if (match && path.startsWith(base)) {
      const found = learners.find((l) => l.id === match[1]);
      return found ? learnerDetail(found, fetchedAt) : { status: 404, error: 'learner_not_found' };
    }
    return undefined;
  };
}

/** axe-core's violations on the whole document, as "rule: targets" lines (colour contrast needs
 * a real layout: the e2e run checks it). */
export async function violations(): Promise<string[]> {
  const result = await axe.run(document.documentElement, {
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
}

/** A clock time as the app writes it in nb ("14:02"). */
export const hhmm = (ms: number): string =>
  new Date(ms).toLocaleTimeString('nb-NO', { hour: '2-digit', minute: '2-digit' });

/** "Sist oppdatert …" as the advisor screens word it in Bokmål: "kl. 14:02" today, with the date
 * ("1. desember 2026 kl. 14:02") on another day. (Added by C2b for "Forbered samtale".) */
export function updatedAtNb(ms: number, today = true): string {
  const time = new Date(ms).toLocaleTimeString('nb-NO', { hour: '2-digit', minute: '2-digit' });
  if (today) return `Sist oppdatert kl. ${time}`;
  const date = new Date(ms).toLocaleDateString('nb-NO', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  return `Sist oppdatert ${date} kl. ${time}`;
}
