// The contract registry: every HTTP operation of the server described once, with the same zod
// schemas the routes validate with (src/shared). `document.ts` turns the operations into the
// OpenAPI 3.1 document served at /api/v1/openapi.json, and the contract tests hold every mounted
// route and every reply to it. One file per route group under `operations/`, listed in
// `operations/index.ts`. How to add a route: docs/api.md.
import type { z } from 'zod/mini';
import type { ApiErrorCode } from '../../shared/api-error-codes';

/** Any zod (or zod/mini) schema. */
export type Schema = z.core.$ZodType;

/** The methods an operation may have (HEAD is answered wherever GET is). */
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A request or response header. */
export interface HeaderSpec {
  description: string;
  /** Always sent (a response header) or needed (a request header). Default false. */
  required?: boolean;
  /** The header value's schema; default a string. */
  schema?: Schema;
}

/** One possible reply. At most one of `json`, `errors`, `content`; none means no body. */
export interface ResponseSpec {
  description: string;
  /** An `application/json` body of this schema. */
  json?: Schema;
  /** A JSON error body `{ error, message }` whose `error` is one of these codes. */
  errors?: readonly [ApiErrorCode, ...ApiErrorCode[]];
  /** Optional extra fields of the error body (e.g. `fields` of a refused registration). */
  errorExtra?: Record<string, Schema>;
  /** A body that is not JSON: the media types it may have (e.g. the image types of media). */
  content?: readonly string[];
  headers?: Record<string, HeaderSpec>;
}

/** A path or query parameter. Path parameters are always required. */
export interface ParamSpec {
  description: string;
  /** Default: a string. */
  schema?: Schema;
  /** Query parameters only; default false. */
  required?: boolean;
}

/** The JSON request body of an operation. */
export interface BodySpec {
  schema: Schema;
  description?: string;
  /** The route's body limit in bytes (the 413 threshold). */
  maxBytes: number;
  /** Default true: a missing body is a 400. */
  required?: boolean;
  /** Content-Encodings accepted besides identity (push accepts gzip). */
  encodings?: readonly string[];
}

/** One operation: a method on a path. */
export interface Operation {
  /** Unique, camelCase, e.g. `getCourse`. */
  operationId: string;
  method: HttpMethod;
  /** The full path with OpenAPI parameters: `/api/v1/courses/{id}` (a Hono `:id` is `{id}`, a
   * trailing `*` is `{path}`). */
  path: string;
  /** The route group, e.g. `courses`, `account`, `sync`, `service`. */
  tag: string;
  summary: string;
  description?: string;
  /** `bearer`: needs `Authorization: Bearer <token>`; the 401 `unauthorized | account_deleted`
   * with `WWW-Authenticate: Bearer` is added to the responses by document.ts. */
  auth: 'bearer' | 'none';
  /** Path parameters by name (each `{name}` of the path). */
  params?: Record<string, ParamSpec>;
  query?: Record<string, ParamSpec>;
  requestHeaders?: Record<string, HeaderSpec>;
  /** A JSON body; document.ts adds 400 `invalid_json | invalid_request` and 413
   * `payload_too_large` to the responses. */
  body?: BodySpec;
  /** Every status the operation can answer, and what with. */
  responses: Record<number, ResponseSpec>;
}

/** A 2xx (or other) JSON reply of `schema`. */
export const json = (
  description: string,
  schema: Schema,
  headers?: Record<string, HeaderSpec>,
): ResponseSpec => ({ description, json: schema, headers });

/** An error reply carrying one of `codes`. */
export const fail = (
  description: string,
  codes: readonly [ApiErrorCode, ...ApiErrorCode[]],
  options: { headers?: Record<string, HeaderSpec>; extra?: Record<string, Schema> } = {},
): ResponseSpec => ({
  description,
  errors: codes,
  headers: options.headers,
  errorExtra: options.extra,
});

/** A reply without a body (204, 304). */
export const empty = (description: string, headers?: Record<string, HeaderSpec>): ResponseSpec => ({
  description,
  headers,
});

/** `Retry-After` in seconds, always sent with a 429. */
export const RETRY_AFTER: Record<string, HeaderSpec> = {
  'Retry-After': { description: 'Seconds to wait before trying again', required: true },
};

/** The 429 of a spent budget. */
export const RATE_LIMITED: ResponseSpec = fail(
  'Too many attempts: wait for Retry-After seconds',
  ['rate_limited'],
  { headers: RETRY_AFTER },
);

/** `WWW-Authenticate: Bearer`, sent with every 401. */
export const WWW_AUTHENTICATE: Record<string, HeaderSpec> = {
  'WWW-Authenticate': { description: 'Always `Bearer`', required: true },
};

/** The validators of a cacheable GET reply. */
export const ETAG: Record<string, HeaderSpec> = {
  ETag: { description: 'Strong validator; send it back in If-None-Match', required: true },
  'Cache-Control': {
    description: '`no-cache`: keep a copy, revalidate before use',
    required: true,
  },
};

/** The request header of a conditional GET. */
export const IF_NONE_MATCH: Record<string, HeaderSpec> = {
  'If-None-Match': { description: 'The ETag of the copy held; a match is answered 304' },
};
