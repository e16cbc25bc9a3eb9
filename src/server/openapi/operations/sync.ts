// The sync API in the contract: push events, pull merged progress (docs/sync-protocol.md).
import { z } from 'zod/mini';
import {
  invalidEventsResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
} from '../../../shared/api-schemas';
import { learnerEventSchema } from '../../../shared/events';
import { compactPushRequestSchema } from '../../../shared/push-batch';
import {
  MAX_COMPACT_PUSH_EVENTS,
  MAX_PUSH_BYTES,
  MAX_PUSH_EVENTS,
  pushRequestSchema,
} from '../../../shared/sync-protocol';
import { fail, json, RETRY_AFTER, type Operation, type Schema } from '../registry';

const NO_STORE = { 'Cache-Control': { description: '`no-store`', required: true } };

/** The push body as documented: protocol 2's (`groups`: shared fields once, each event a tuple
 * `[id, type, payload, at, seq?, v?]`, src/shared/push-batch.ts) or protocol 1's (`events`, still
 * accepted). The server reads the events one by one (so one bad event is reported by its index
 * in the expanded batch), but what it accepts is this. */
export const documentedPushSchema: Schema = z.union([
  compactPushRequestSchema,
  z.strictObject({
    ...pushRequestSchema.shape,
    events: z.array(learnerEventSchema).check(z.maxLength(MAX_PUSH_EVENTS)),
  }),
]);

/** Routes of src/server/sync/routes.ts. */
export const syncOperations: Operation[] = [
  {
    operationId: 'pushEvents',
    method: 'post',
    path: '/api/v1/sync/push',
    tag: 'sync',
    summary: 'Store a batch of learner events (all or nothing) and fold them into progress',
    description:
      `At most ${MAX_COMPACT_PUSH_EVENTS} events in protocol 2's \`groups\` (${MAX_PUSH_EVENTS} ` +
      "in protocol 1's `events`) and 256 KiB (also after gunzip, and for protocol 2 also once " +
      'every event is expanded to carry its shared fields). Protocol 2 (`schemaVersion` 2, `groups`) ' +
      'sends the client id once and the course and lesson once per run of consecutive events; ' +
      "protocol 1's body (`events`) is still accepted. Every event is checked against the " +
      'event schema; if any is invalid nothing is stored and the 400 `invalid_events` lists each ' +
      'refused event with its index (in the expanded batch) and reason.',
    auth: 'bearer',
    requestHeaders: {
      'Content-Encoding': { description: '`gzip` or none; anything else is 415' },
    },
    body: { schema: documentedPushSchema, maxBytes: MAX_PUSH_BYTES, encodings: ['gzip'] },
    responses: {
      200: json(
        'Every event is stored (now or before); `acked` lists each id once',
        pushResponseSchema,
        NO_STORE,
      ),
      400: {
        description:
          '`invalid_events` (with `rejected`: nothing stored), or a malformed body / envelope / ' +
          'gzip stream, `groups` under schemaVersion 1, or a schemaVersion newer than the server',
        json: z.union([
          invalidEventsResponseSchema,
          z.strictObject({
            error: z.enum(['invalid_json', 'invalid_request']),
            message: z.string(),
          }),
        ]),
      },
      403: fail('The clientId belongs to another account', ['client_bound_to_other_user']),
      413: fail(
        `More than ${MAX_COMPACT_PUSH_EVENTS} events (${MAX_PUSH_EVENTS} in protocol 1's shape), or ` +
          'more than 256 KiB (compressed, inflated or expanded)',
        ['payload_too_large'],
      ),
      415: fail('A Content-Encoding other than gzip', ['unsupported_encoding'], {
        headers: { 'Accept-Encoding': { description: '`gzip`', required: true } },
      }),
      426: fail('The schemaVersion is older than the server still accepts', ['client_too_old']),
      429: fail(
        "Over the learner's push rate (`too_many_pushes`) or daily event quota " +
          '(`event_quota_exceeded`); nothing stored, send again after Retry-After seconds',
        ['too_many_pushes', 'event_quota_exceeded'],
        { headers: RETRY_AFTER },
      ),
    },
  },
  {
    operationId: 'pullProgress',
    method: 'get',
    path: '/api/v1/sync/pull',
    tag: 'sync',
    summary: 'Progress rows changed since the cursor, in version order, one page',
    description:
      'An unknown cursor (malformed, another account or epoch, ahead of the version) starts a ' +
      'full resync with `reset: true`, never an error.',
    auth: 'bearer',
    query: {
      cursor: { description: 'Opaque; the `cursor` of the previous page' },
      limit: { description: 'Page size, a whole number from 1 to 500 (default 200)' },
    },
    responses: {
      200: json('A page of rows', pullResponseSchema, NO_STORE),
      400: fail('`limit` is not a whole number from 1 to 500', ['invalid_request']),
    },
  },
];
