// The envelope of a push body, protocol 1 or 2, read into protocol 1's `{ clientId,
// schemaVersion, events }`: protocol 2 (src/shared/push-batch.ts) is expanded here, after its event
// count is checked, so everything after this sees one shape and per-event refusals name the
// position in the expanded batch. Events stay `unknown`: the handler validates each on its own.
import {
  compactEventCount,
  compactPushRequestSchema,
  COMPACT_SCHEMA_VERSION,
  expandPushBatch,
  type ExpandedPushRequest,
} from '../../shared/push-batch';
import {
  MAX_PUSH_BYTES,
  MAX_PUSH_EVENTS,
  pushRequestSchema,
  SYNC_SCHEMA_VERSION,
} from '../../shared/sync-protocol';
import { describeIssues, withMessages } from '../json-body';

/** A readable envelope, or why not (the handler answers `{ error: code, message }`). */
export type PushBody =
  | { ok: true; value: ExpandedPushRequest }
  | {
      ok: false;
      status: 400 | 413;
      code: 'invalid_request' | 'payload_too_large';
      message: string;
    };

const invalid = (message: string): PushBody => ({
  ok: false,
  status: 400,
  code: 'invalid_request',
  message,
});

const tooMany = (count: number): PushBody => ({
  ok: false,
  status: 413,
  code: 'payload_too_large',
  message: `A push carries at most ${MAX_PUSH_EVENTS} events; this one has ${count}`,
});

// The shape decides how a body is read: `groups` is protocol 2's, `events` protocol 1's. A
// protocol-2 client may still send protocol 1's shape (it does when it must send an event of
// another client id, which protocol 2 cannot carry, to be refused as in protocol 1).
const isCompact = (body: unknown) =>
  typeof body === 'object' && body !== null && !Array.isArray(body) && 'groups' in body;

const newer = (schemaVersion: number) =>
  invalid(`Sync protocol ${schemaVersion} is newer than this server's (${SYNC_SCHEMA_VERSION})`);

/** Reads a parsed JSON push body (a schemaVersion too old was answered 426 before this): 400
 * `invalid_request` for a malformed envelope, a schemaVersion newer than the server's or `groups`
 * under protocol 1; 413 for more than MAX_PUSH_EVENTS events, or a protocol-2 batch whose
 * expansion passes MAX_PUSH_BYTES. */
export function readPushBody(body: unknown): PushBody {
  if (!isCompact(body)) {
    const request = pushRequestSchema.safeParse(body, withMessages);
    if (!request.success) return invalid(describeIssues(request.error));
    const { schemaVersion, events } = request.data;
    if (schemaVersion > SYNC_SCHEMA_VERSION) return newer(schemaVersion);
    if (events.length > MAX_PUSH_EVENTS) return tooMany(events.length);
    return { ok: true, value: request.data };
  }
  const request = compactPushRequestSchema.safeParse(body, withMessages);
  if (!request.success) return invalid(describeIssues(request.error));
  const { schemaVersion } = request.data;
  if (schemaVersion > SYNC_SCHEMA_VERSION) return newer(schemaVersion);
  if (schemaVersion < COMPACT_SCHEMA_VERSION) {
    return invalid(`\`groups\` needs schemaVersion ${COMPACT_SCHEMA_VERSION} or later`);
  }
  const count = compactEventCount(request.data);
  if (count > MAX_PUSH_EVENTS) return tooMany(count);
  const expanded = expandPushBatch(request.data);
  // Repeating the shared fields makes the batch longer than what was sent: the byte limit
  // holds for the batch as protocol 1 would carry it, so both protocols cap the same work.
  const bytes = Buffer.byteLength(JSON.stringify(expanded));
  if (bytes > MAX_PUSH_BYTES) {
    return {
      ok: false,
      status: 413,
      code: 'payload_too_large',
      message: `The expanded batch is ${bytes} bytes, more than the limit of ${MAX_PUSH_BYTES}`,
    };
  }
  return { ok: true, value: expanded };
}
