// One sync, start to end: push every waiting event, then pull every changed progress row. Pure
// of scheduling — when to sync, and how often to retry, is scheduler.ts's job.
//
// Push first, so the pull that follows already contains this device's events as the server
// merged them. A failed push ends the sync without pulling: pulling past a row whose events are
// still waiting (their acknowledgement lost) would keep this device's unclamped copy of them.
import type { LearnerEvent } from '../../shared/events';
import { COMPACT_SCHEMA_VERSION } from '../../shared/push-batch';
import {
  MAX_COMPACT_PUSH_EVENTS,
  MAX_PUSH_BYTES,
  MAX_PUSH_EVENTS,
  SYNC_SCHEMA_VERSION,
  type RejectedEvent,
} from '../../shared/sync-protocol';
import { applyPulledPage, SessionChangedError } from '../db/apply-pull';
import { readClientId } from '../db/client-id';
import type { LommekursDB } from '../db/db';
import { acknowledge, peekOutbox, reject, type Rejection } from '../db/outbox';
import {
  getCursor,
  markSignedOut,
  readSyncState,
  recordSyncResult,
  type SyncProblem,
} from '../db/sync-state';
import type { ApiResult, SyncApi } from './api';

/** What a sync needs. */
export interface SyncDeps {
  database: LommekursDB;
  api: SyncApi;
  now?: () => number;
  /** The browser's hint that there is no connection: skip the network, retry later. */
  isOffline?: () => boolean;
  /** The protocol version sent with a push (tests pretend to be an old app). */
  schemaVersion?: number;
  /** Page size of a pull; the server's default when absent. */
  pullLimit?: number;
}

/** How a sync ended. */
export type SyncOutcome =
  | { kind: 'synced'; pushed: number; rejected: number; pulled: number }
  /** Nobody is signed in (or the learner signed out during the sync): nothing to do. */
  | { kind: 'no-session' }
  /** `retry` says whether trying again later can help (network, server) or not (sign in again,
   * update the app). */
  | {
      kind: 'failed';
      problem: SyncProblem;
      retry: boolean;
      status?: number;
      error?: unknown;
      /** A 429's Retry-After (push rate or daily quota): retry no sooner. */
      retryAfterMs?: number;
    };

type Failure = Extract<SyncOutcome, { kind: 'failed' }>;

const failed = (problem: SyncProblem, status?: number): Failure => ({
  kind: 'failed',
  problem,
  retry: problem === 'offline' || problem === 'server',
  ...(status === undefined ? {} : { status }),
});

const encoder = new TextEncoder();
const bytesOf = (value: unknown) => encoder.encode(JSON.stringify(value)).length;

/** The longest prefix of `events` whose push body stays within MAX_PUSH_BYTES (at least one
 * event: a single event too large for the server is refused by it with 413, then dropped). */
export function fitPushBody(
  clientId: string,
  schemaVersion: number,
  events: readonly LearnerEvent[],
): LearnerEvent[] {
  let total = bytesOf({ clientId, schemaVersion, events: [] });
  const batch: LearnerEvent[] = [];
  for (const event of events) {
    const size = bytesOf(event) + (batch.length > 0 ? 1 : 0);
    if (batch.length > 0 && total + size > MAX_PUSH_BYTES) break;
    total += size;
    batch.push(event);
  }
  return batch;
}

/** The events of `peeked` that one push may carry: up to MAX_COMPACT_PUSH_EVENTS in protocol 2's
 * shape, which needs every event to be of `clientId` (api.ts's pushWireBody); a batch holding
 * another client's event goes in protocol 1's shape, and so at most MAX_PUSH_EVENTS. */
function pushable(clientId: string, events: readonly LearnerEvent[]): readonly LearnerEvent[] {
  if (events.length <= MAX_PUSH_EVENTS) return events;
  const own = events.every((event) => event.clientId === clientId);
  return own ? events : events.slice(0, MAX_PUSH_EVENTS);
}

/** Match the server's refusals to the batch's events: by index, checked against the id. */
function rejectionsOf(batch: readonly LearnerEvent[], rejected: readonly RejectedEvent[]) {
  const found = new Map<string, Rejection>();
  for (const { index, id, reason } of rejected) {
    const atIndex = batch[index];
    const event =
      atIndex && (id === null || atIndex.id === id) ? atIndex : batch.find((e) => e.id === id);
    if (event) found.set(event.id, { event, reason });
  }
  return [...found.values()];
}

/** What every request of a sync shares. */
interface Run {
  deps: SyncDeps;
  token: string;
}

/** The failure a non-ok answer means; a 401 also forgets the token. A request that got no
 * answer is "offline" only when the browser says the device has no network: with the network up,
 * it is our server that does not answer (stopped, unreachable, or too slow), and the learner is
 * told that instead of being sent to look for a network that is there. */
async function failureOf(run: Run, result: Exclude<ApiResult<unknown>, { kind: 'ok' }>) {
  const { isOffline = () => false } = run.deps;
  switch (result.kind) {
    case 'unauthorized':
      await markSignedOut(run.deps.database, run.token);
      return failed('signed-out');
    case 'account-deleted':
      await markSignedOut(run.deps.database, run.token, 'account-deleted');
      return failed('account-deleted');
    case 'update-required':
      return failed('update-required');
    case 'rate-limited':
      // The learner's push rate or daily quota (server: limits/push-limits.ts): the outbox keeps
      // the events, and the scheduler waits at least as long as the server asked.
      return { ...failed('server', 429), retryAfterMs: result.retryAfter * 1000 };
    case 'retryable':
      if (result.reason === 'server') return failed('server', result.status);
      return isOffline() ? failed('offline') : failed('server');
    case 'refused':
      // 403 client_bound_to_other_user lands here: it cannot happen while sign-out renews the
      // client id, so it is reported as a server problem and the outbox is kept.
      return failed('server', result.status);
    default:
      return failed('server');
  }
}

interface PushTotals {
  pushed: number;
  rejected: number;
}

/** Push the outbox until it is empty, one push at a time: batches of ≤ MAX_COMPACT_PUSH_EVENTS
 * events (protocol 2; MAX_PUSH_EVENTS in protocol 1) and ≤ MAX_PUSH_BYTES, halved on 413; refused
 * events are dropped and remembered, the rest sent again at once. */
async function pushAll(run: Run): Promise<PushTotals | Failure> {
  const { database, api, schemaVersion = SYNC_SCHEMA_VERSION } = run.deps;
  const totals: PushTotals = { pushed: 0, rejected: 0 };
  let limit = schemaVersion >= COMPACT_SCHEMA_VERSION ? MAX_COMPACT_PUSH_EVENTS : MAX_PUSH_EVENTS;
  for (;;) {
    const clientId = await readClientId(database);
    const peeked = pushable(clientId, await peekOutbox(limit, database));
    const batch = fitPushBody(clientId, schemaVersion, peeked);
    if (batch.length === 0) return totals;
    const result = await api.push(run.token, { clientId, schemaVersion, events: batch });
    if (result.kind === 'too-large') {
      if (batch.length === 1) {
        await reject([{ event: batch[0], reason: 'payload_too_large' }], database);
        totals.rejected += 1;
      }
      limit = Math.max(1, Math.floor(batch.length / 2));
      continue;
    }
    if (result.kind !== 'ok' && result.kind !== 'rejected') return failureOf(run, result);
    const refused = rejectionsOf(
      batch,
      result.kind === 'ok' ? result.body.rejected : result.rejected,
    );
    const sent = new Set(batch.map((event) => event.id));
    const acked = result.kind === 'ok' ? result.body.acked.filter((id) => sent.has(id)) : [];
    // A reply that settles none of the batch would send the same batch forever.
    if (refused.length === 0 && acked.length === 0) return failed('server');
    await reject(refused, database);
    await acknowledge(acked, database);
    totals.pushed += acked.length;
    totals.rejected += refused.length;
  }
}

/** Pull pages until the server has no more, applying each with its cursor. */
async function pullAll(run: Run, userId: string): Promise<number | Failure> {
  const { database, api, pullLimit } = run.deps;
  let cursor = await getCursor(database);
  let pulled = 0;
  for (;;) {
    const result = await api.pull(run.token, cursor, pullLimit);
    if (result.kind !== 'ok') return failureOf(run, result);
    await applyPulledPage(result.body, userId, database);
    pulled += result.body.rows.length;
    if (!result.body.hasMore) return pulled;
    // A server that says "more" without moving the cursor would keep this loop busy forever.
    if (result.body.cursor === cursor) return failed('server');
    cursor = result.body.cursor;
  }
}

/** Run one sync for the signed-in learner and record its result on the device. */
export async function syncOnce(deps: SyncDeps): Promise<SyncOutcome> {
  const { database, now = Date.now, isOffline = () => false } = deps;
  const { session, problem } = await readSyncState(database);
  if (!session) return { kind: 'no-session' };
  const userId = session.user.id;
  const end = async (outcome: Failure) => {
    await recordSyncResult(database, userId, { problem: outcome.problem });
    return outcome;
  };
  // No token: the server refused it — as expired, or because the account was deleted.
  if (session.token === null) {
    return end(failed(problem === 'account-deleted' ? 'account-deleted' : 'signed-out'));
  }
  if (isOffline()) return end(failed('offline'));
  const run: Run = { deps, token: session.token };
  try {
    const pushed = await pushAll(run);
    if ('kind' in pushed) return await end(pushed);
    const pulled = await pullAll(run, userId);
    if (typeof pulled !== 'number') return await end(pulled);
    await recordSyncResult(database, userId, { syncedAt: now() });
    return { kind: 'synced', ...pushed, pulled };
  } catch (error) {
    if (error instanceof SessionChangedError) return { kind: 'no-session' };
    // A page that would not apply (malformed) or storage that refused a write: keep everything,
    // report it, and let the backoff try again.
    return end({ ...failed('server'), error });
  }
}
