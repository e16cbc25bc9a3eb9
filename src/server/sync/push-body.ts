// The envelope of a push body, protocol 1 or 2, read into protocol 1's `{ clientId,
// schemaVersion, events }`: protocol 2 (src/shared/push-batch.ts) is expanded here, after its event
// count is checked, so everything after this sees one shape and per-event refusals name the
// position in the expanded batch. Events stay `unknown`: the handler validates each on its own.
// A request's body is read and parsed once (`readPush`): the push limits count its events and the
// handler stores them from the same parse.
import type { Context } from 'hono';
import {
  compactEventCount,
  compactPushRequestSchema,
  COMPACT_SCHEMA_VERSION,
  expandPushBatch,
  type ExpandedPushRequest,
} from '../../shared/push-batch';
import {
  MAX_COMPACT_PUSH_EVENTS,
  MAX_PUSH_BYTES,
  MAX_PUSH_EVENTS,
  MIN_SYNC_SCHEMA_VERSION,
  pushRequestSchema,
  SYNC_SCHEMA_VERSION,
} from '../../shared/sync-protocol';
import { describeIssues, withMessages } from '../json-body';

/** A readable envelope, or why not (the handler answers `{ error: code, message }`). */
export type PushBody =
  | { ok: true; value: ExpandedPushRequest }
  | {
      ok: false;
      status: 400 | 413 | 426;
      code: 'invalid_request' | 'payload_too_large' | 'invalid_json' | 'client_too_old';
      message: string;
    };

const invalid = (message: string): PushBody => ({
  ok: false,
  status: 400,
  code: 'invalid_request',
  message,
});

const tooMany = (count: number, limit: number): PushBody => ({
  ok: false,
  status: 413,
  code: 'payload_too_large',
  message: `A push carries at most ${limit} events; this one has ${count}`,
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
 * under protocol 1; 413 for more than MAX_PUSH_EVENTS events in protocol 1's shape or
 * MAX_COMPACT_PUSH_EVENTS in protocol 2's, or a protocol-2 batch whose expansion passes
 * MAX_PUSH_BYTES. */
export function readPushBody(body: unknown): PushBody {
  if (!isCompact(body)) {
    const request = pushRequestSchema.safeParse(body, withMessages);
    if (!request.success) return invalid(describeIssues(request.error));
    const { schemaVersion, events } = request.data;
    if (schemaVersion > SYNC_SCHEMA_VERSION) return newer(schemaVersion);
    if (events.length > MAX_PUSH_EVENTS) return tooMany(events.length, MAX_PUSH_EVENTS);
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
  if (count > MAX_COMPACT_PUSH_EVENTS) return tooMany(count, MAX_COMPACT_PUSH_EVENTS);
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

// A client too old to speak this protocol may also send a body of another shape, so its
// schemaVersion is read before the body is checked against today's shape.
function declaredSchemaVersion(body: unknown): number | null {
  const version = (body as { schemaVersion?: unknown } | null)?.schemaVersion;
  return Number.isInteger(version) ? (version as number) : null;
}

/** Reads the body text of a push as JSON and then as a push body: 400 `invalid_json`, 426
 * `client_too_old` for a schemaVersion below MIN_SYNC_SCHEMA_VERSION, else readPushBody's answer. */
export function parsePushText(text: string): PushBody {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return {
      ok: false,
      status: 400,
      code: 'invalid_json',
      message: 'The request body is not valid JSON',
    };
  }
  const declared = declaredSchemaVersion(body);
  if (declared !== null && declared < MIN_SYNC_SCHEMA_VERSION) {
    return {
      ok: false,
      status: 426,
      code: 'client_too_old',
      message: `Sync protocol ${declared} is no longer supported; update the app (oldest supported: ${MIN_SYNC_SCHEMA_VERSION})`,
    };
  }
  return readPushBody(body);
}

const read = new WeakMap<Context, Promise<PushBody>>();

/** The push body of request `c`, read and parsed on the first call only (the push limits and the
 * handler both ask for it). A body-limit error from reading propagates to the body-limit middleware. */
export function readPush(c: Context): Promise<PushBody> {
  let body = read.get(c);
  if (body === undefined) {
    body = c.req.text().then(parsePushText);
    read.set(c, body);
  }
  return body;
}
