// Sends the answers of a learner without an account to the anonymous endpoint (issue 15), if
// they said yes to "Kan svarene dine sendes anonymt?": the outbox's ratings, comments and "Hva
// vil du lære mer om?" answers not yet settled, as anonymous copies (db/anonymous-feedback.ts),
// at most 50 a request. An event is settled once the server lists its copy as accepted, or
// refuses it for good; any other answer (no network, 5xx, 429) keeps everything for the next try.
// Nothing leaves the device while the learner has not been asked, said no, or has an account
// (their answers then sync with it), and the outbox is only read: the account sync owns it.
import {
  anonymousFeedbackResponseSchema,
  MAX_ANONYMOUS_EVENTS,
} from '../../shared/anonymous-feedback';
import {
  anonymousCopies,
  readAnonymousSending,
  settleAnonymous,
  unsentAnonymousEvents,
} from '../db/anonymous-feedback';
import type { LommekursDB } from '../db/db';
import { readSyncState } from '../db/sync-state';
import type { SyncApi } from './api';

/** The anonymous endpoint (src/server/feedback/anonymous-routes.ts). */
export const ANONYMOUS_FEEDBACK_PATH = '/api/v1/feedback/anonymous';

/** What sending needs. */
export interface AnonymousSendDeps {
  database: LommekursDB;
  api: SyncApi;
  /** The browser's hint that there is no connection: send nothing, try later. */
  isOffline?: () => boolean;
}

/** How a send ended. */
export type AnonymousSendOutcome =
  /** Nothing may be sent: not asked yet, said no, or signed in. */
  | { kind: 'off' }
  /** Everything that may be sent is settled. */
  | { kind: 'sent'; sent: number; refused: number }
  /** Keep the rest for later (after `retryAfterMs` when the server asked for it). */
  | { kind: 'failed'; retryAfterMs?: number };

/** Send every unsettled answer, a batch at a time. */
export async function sendAnonymousFeedback({
  database,
  api,
  isOffline = () => false,
}: AnonymousSendDeps): Promise<AnonymousSendOutcome> {
  if ((await readAnonymousSending(database)) !== 'yes') return { kind: 'off' };
  if ((await readSyncState(database)).session !== null) return { kind: 'off' };
  const totals = { sent: 0, refused: 0 };
  for (;;) {
    const batch = await unsentAnonymousEvents(MAX_ANONYMOUS_EVENTS, database);
    if (batch.length === 0) return { kind: 'sent', ...totals };
    if (isOffline()) return { kind: 'failed' };
    const copies = await anonymousCopies(batch, database);
    const result = await api.request('POST', ANONYMOUS_FEEDBACK_PATH, {
      body: { events: copies },
      schema: anonymousFeedbackResponseSchema,
    });
    let settled: string[];
    if (result.kind === 'ok') {
      const accepted = new Set(result.body.accepted);
      settled = batch.filter((_, i) => accepted.has(copies[i].id)).map((event) => event.id);
      totals.sent += settled.length;
    } else if (result.kind === 'rejected') {
      // Refused for good (e.g. a lesson no longer served): matched by index, checked by id.
      settled = result.rejected
        .filter(({ index, id }) => copies[index] && (id === null || copies[index].id === id))
        .map(({ index }) => batch[index].id);
      totals.refused += settled.length;
    } else {
      const retryAfterMs = result.kind === 'rate-limited' ? result.retryAfter * 1000 : undefined;
      return retryAfterMs === undefined ? { kind: 'failed' } : { kind: 'failed', retryAfterMs };
    }
    // A reply that settles none of the batch would send the same batch forever.
    if (settled.length === 0) return { kind: 'failed' };
    await settleAnonymous(settled, database);
  }
}
