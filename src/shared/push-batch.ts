// The push body of sync protocol 2 (docs/sync-protocol.md, "Wire format"): what consecutive events
// of a batch share is sent once. The client id once per batch, the course and lesson once per run
// of consecutive events on the same lesson, and each event as a tuple
// `[id, type, payload, at, seq?, v?]` whose `at` is the difference from the previous event's
// (the first event's is absolute), whose `seq` is left out when it is the previous seq + 1 (the
// first event's when it is 1), and whose `v` is left out when it is 1. Gzipped, a 100-event batch
// of a lesson's reading is about a quarter smaller than protocol 1's (most of what is left is the
// random half of each UUIDv7). `compactPushBatch` (client) and `expandPushBatch` (server) are
// pure and exact inverses; the server validates the expanded events one by one as in protocol 1,
// so a refusal's `index` is the event's position in the expanded batch, which is the client's.
import { z } from 'zod/mini';
import { EVENT_VERSION, type LearnerEvent } from './events';
import { safeId } from './strings';

/** The push protocol that sends shared fields once. */
export const COMPACT_SCHEMA_VERSION = 2;

// `at` and `seq` must be whole numbers for the sums to mean anything; the rest of a tuple is
// checked per event after expansion, so a bad payload or id is refused by index, not by batch.
const delta = z.int();

/** One event without its shared fields: `[id, type, payload, at, seq?, v?]` (see above). */
export const compactEventSchema = z.union([
  z.tuple([z.unknown(), z.unknown(), z.unknown(), delta]),
  z.tuple([z.unknown(), z.unknown(), z.unknown(), delta, delta]),
  z.tuple([z.unknown(), z.unknown(), z.unknown(), delta, delta, z.unknown()]),
]);
export type CompactEvent = z.infer<typeof compactEventSchema>;

/** A run of consecutive events on one lesson. */
export const pushGroupSchema = z.strictObject({
  courseId: z.string(),
  lessonId: z.string(),
  events: z.array(compactEventSchema).check(z.minLength(1)),
});
export type PushGroup = z.infer<typeof pushGroupSchema>;

/** POST /api/v1/sync/push, protocol 2: a body with `groups` (protocol 1's has `events`). */
export const compactPushRequestSchema = z.strictObject({
  schemaVersion: z.int(),
  clientId: safeId(8, 64),
  groups: z.array(pushGroupSchema),
});
export type CompactPushRequest = z.infer<typeof compactPushRequestSchema>;

/** The protocol-1 request a compact one stands for. */
export interface ExpandedPushRequest {
  clientId: string;
  schemaVersion: number;
  events: unknown[];
}

/** How many events a compact request carries, counted before any is expanded (so a batch over
 * MAX_COMPACT_PUSH_EVENTS is refused without building it). */
export const compactEventCount = (request: CompactPushRequest): number =>
  request.groups.reduce((sum, group) => sum + group.events.length, 0);

/** The batch as protocol 1 sends it: each event whole, in the same order, its fields in the
 * order of docs/sync-protocol.md, so a v1 and a v2 push of the same events store the same JSON. */
export function expandPushBatch(request: CompactPushRequest): ExpandedPushRequest {
  const { clientId } = request;
  const events: unknown[] = [];
  let at = 0;
  let seq = 0;
  for (const { courseId, lessonId, events: compact } of request.groups) {
    for (const [id, type, payload, dt, seqAt, v = EVENT_VERSION] of compact) {
      at = events.length === 0 ? dt : at + dt;
      seq = seqAt ?? seq + 1;
      events.push({ id, clientId, seq, type, courseId, lessonId, at, payload, v });
    }
  }
  return { clientId, schemaVersion: request.schemaVersion, events };
}

/** `events` (of one client, in outbox order) as a protocol-2 request: `expandPushBatch` of the
 * result deep-equals `{ clientId, schemaVersion: 1, events }` with `events` as given. */
export function compactPushBatch(
  clientId: string,
  events: readonly LearnerEvent[],
): CompactPushRequest {
  const groups: PushGroup[] = [];
  let previous: LearnerEvent | undefined;
  for (const event of events) {
    if (event.clientId !== clientId) {
      throw new Error(`event ${event.id} is of client ${event.clientId}, not ${clientId}`);
    }
    const last = groups.at(-1);
    const group =
      last && last.courseId === event.courseId && last.lessonId === event.lessonId
        ? last
        : { courseId: event.courseId, lessonId: event.lessonId, events: [] };
    if (group !== last) groups.push(group);
    const dt = previous ? event.at - previous.at : event.at;
    const nextSeq = (previous?.seq ?? 0) + 1;
    const tuple: CompactEvent =
      (event.v as number) !== EVENT_VERSION
        ? [event.id, event.type, event.payload, dt, event.seq, event.v]
        : event.seq !== nextSeq
          ? [event.id, event.type, event.payload, dt, event.seq]
          : [event.id, event.type, event.payload, dt];
    group.events.push(tuple);
    previous = event;
  }
  return { schemaVersion: COMPACT_SCHEMA_VERSION, clientId, groups };
}
