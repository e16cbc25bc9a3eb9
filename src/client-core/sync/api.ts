// The app's only client of the sync and account API. Every request ends in one small union that
// says what to do next — use the body, drop refused events, shrink the batch, sign in again,
// update the app, or keep everything and retry later — so no caller reads a status code.
import type { z } from 'zod/mini';
import type {
  AccountInfo,
  Credentials,
  PullResponse,
  PushRequest,
  PushResponse,
  RejectedEvent,
  SessionResponse,
  SyncErrorCode,
} from '../../shared/sync-protocol';
import type { LearnerEvent } from '../../shared/events';
import { COMPACT_SCHEMA_VERSION, compactPushBatch } from '../../shared/push-batch';
import type { ForgotRequest, ResetRequest } from '../../shared/recovery-protocol';
import {
  creationOptionsSchema,
  passkeyInfoSchema,
  passkeyListSchema,
  requestOptionsSchema,
  type AddPasskeyRequest,
  type PasskeyInfo,
  type PasskeyList,
  type PasskeySignInRequest,
} from '../../shared/passkey-protocol';
import {
  endedSessionsSchema,
  sessionListSchema,
  type ChangePassword,
  type EndedSessions,
  type SessionList,
} from '../../shared/session-protocol';

/** Long enough for a slow mobile link, short enough that a dead connection is given up on. */
export const REQUEST_TIMEOUT_MS = 20_000;

/** What a request came to. */
export type ApiResult<T> =
  | { kind: 'ok'; body: T }
  /** 400 invalid_events: nothing of the batch was stored; these events never will be. */
  | { kind: 'rejected'; rejected: RejectedEvent[] }
  /** 413: the body is larger than the server (or a proxy in front of it) accepts. */
  | { kind: 'too-large' }
  /** 401: the session is unknown or expired. */
  | { kind: 'unauthorized' }
  /** 401 account_deleted: the account was deleted (on another device, or on this one). */
  | { kind: 'account-deleted' }
  /** 426: this version of the app is older than the server supports. */
  | { kind: 'update-required' }
  /** 429, with the seconds the server asks to wait. */
  | { kind: 'rate-limited'; retryAfter: number }
  /** Any other 4xx: the request itself was refused; repeating it will not help. */
  | { kind: 'refused'; status: number; code: string; fields: Record<string, string> }
  /** No answer, an unreadable answer, or a 5xx: keep everything and try again later. */
  | { kind: 'retryable'; reason: 'network' | 'timeout' | 'server'; status?: number };

/** Where the API is and how to reach it. */
export interface ApiOptions {
  /** Origin (and path prefix) of the server; empty means the app's own origin. */
  baseUrl?: string;
  /** The network; tests pass one that reaches the server in process or injects faults. */
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** The requests the sync engine and the account functions make. */
export interface SyncApi {
  push(token: string, body: PushRequest): Promise<ApiResult<PushResponse>>;
  pull(token: string, cursor: string | null, limit?: number): Promise<ApiResult<PullResponse>>;
  // Recovery and verification (src/shared/recovery-protocol.ts).
  forgotPassword(body: ForgotRequest): Promise<ApiResult<null>>;
  resetPassword(body: ResetRequest): Promise<ApiResult<SessionResponse>>;
  verifyEmail(token: string): Promise<ApiResult<null>>;
  resendVerification(token: string, lang: ForgotRequest['lang']): Promise<ApiResult<null>>;
  register(credentials: Credentials): Promise<ApiResult<SessionResponse>>;
  /** With the device token an earlier sign-in gave this device for the email, if any. */
  login(credentials: Credentials & { deviceToken?: string }): Promise<ApiResult<SessionResponse>>;
  logout(token: string): Promise<ApiResult<null>>;
  me(token: string): Promise<ApiResult<AccountInfo>>;
  /** The learner's data export, as the JSON text the server sent. */
  exportData(token: string): Promise<ApiResult<string>>;
  deleteAccount(token: string, password: string): Promise<ApiResult<null>>;
  // Passkeys (src/shared/passkey-protocol.ts); the options are WebAuthn's JSON forms.
  passkeyRegistrationOptions(token: string): Promise<ApiResult<PasskeyCreationOptions>>;
  addPasskey(token: string, body: AddPasskeyRequest): Promise<ApiResult<PasskeyInfo>>;
  listPasskeys(token: string): Promise<ApiResult<PasskeyList>>;
  deletePasskey(token: string, id: string): Promise<ApiResult<null>>;
  passkeySignInOptions(): Promise<ApiResult<PasskeyRequestOptions>>;
  passkeySignIn(body: PasskeySignInRequest): Promise<ApiResult<SessionResponse>>;
  // Signed-in devices and the password change (src/shared/session-protocol.ts).
  listSessions(token: string): Promise<ApiResult<SessionList>>;
  endSession(token: string, id: string): Promise<ApiResult<null>>;
  endOtherSessions(token: string): Promise<ApiResult<EndedSessions>>;
  changePassword(token: string, body: ChangePassword): Promise<ApiResult<EndedSessions>>;
  /** Any other JSON route (the business-garden network's, src/shared/network-protocol.ts): a 2xx
   * reply checked with the server's own `schema`; a 204 reads as null. */
  request<S extends z.ZodMiniType>(
    method: ApiMethod,
    path: string,
    options: { token?: string; body?: unknown; schema: S },
  ): Promise<ApiResult<z.infer<S>>>;
}

/** The HTTP methods the API uses. */
export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Options for navigator.credentials.create(), as the server sent them. */
export type PasskeyCreationOptions = z.infer<typeof creationOptionsSchema>;
/** Options for navigator.credentials.get(), as the server sent them. */
export type PasskeyRequestOptions = z.infer<typeof requestOptionsSchema>;

/** A type guard from a shared zod schema: replies are checked with the server's own schemas. */
const matches =
  <S extends z.ZodMiniType>(schema: S) =>
  (x: unknown): x is z.infer<S> =>
    schema.safeParse(x).success;

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const isString = (x: unknown): x is string => typeof x === 'string';
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

const isAccount = (x: unknown): x is AccountInfo =>
  isObject(x) && isString(x.id) && isString(x.email) && isNumber(x.createdAt);

const isSession = (x: unknown): x is SessionResponse =>
  isObject(x) && isString(x.token) && isAccount(x.user) && isNumber(x.expiresAt);

const isPush = (x: unknown): x is PushResponse =>
  isObject(x) &&
  Array.isArray(x.acked) &&
  x.acked.every(isString) &&
  Array.isArray(x.rejected) &&
  x.rejected.every(isRejectedEvent);

const isRejectedEvent = (x: unknown): x is RejectedEvent =>
  isObject(x) && isNumber(x.index) && isString(x.reason);

// Only the row's identity is checked here: applying a row whose progress is malformed throws
// inside the transaction that applies the page, which then changes nothing.
const isPull = (x: unknown): x is PullResponse =>
  isObject(x) &&
  isString(x.cursor) &&
  typeof x.hasMore === 'boolean' &&
  Array.isArray(x.rows) &&
  x.rows.every(
    (row) =>
      isObject(row) &&
      isObject(row.progress) &&
      isString(row.progress.courseId) &&
      isString(row.progress.lessonId),
  );

/** Seconds from a Retry-After header (seconds or an HTTP date); a minute when absent. */
function retryAfterSeconds(header: string | null, now: number): number {
  if (header === null) return 60;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? 60 : Math.max(0, Math.ceil((date - now) / 1000));
}

const failureReason = (error: unknown, signal: AbortSignal): 'timeout' | 'network' =>
  signal.aborted || (error instanceof Error && error.name === 'TimeoutError')
    ? 'timeout'
    : 'network';

/** What one call needs; `accept` checks a 2xx body and turns it into the result's value. */
interface Call<T> {
  method: ApiMethod;
  path: string;
  token?: string;
  body?: unknown;
  /** Send the body gzip-encoded when the browser can compress (pushes: about 8× fewer bytes). */
  gzip?: boolean;
  accept: (response: Response) => Promise<T | undefined>;
}

const json =
  <T>(check: (x: unknown) => x is T) =>
  async (response: Response): Promise<T | undefined> => {
    const body: unknown = await response.json();
    return check(body) ? body : undefined;
  };

const empty = async (): Promise<null> => null;

/** `text` gzipped with the browser's CompressionStream, or null where there is none. */
export async function gzipText(text: string): Promise<Uint8Array<ArrayBuffer> | null> {
  if (typeof CompressionStream !== 'function') return null;
  const stream = new Response(text).body!.pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** What goes on the wire for a push: from protocol 2 on, the batch with its shared fields sent
 * once (src/shared/push-batch.ts). An event of another client id cannot be written that way, so
 * such a batch goes in protocol 1's shape, which the server still reads, and is refused by index
 * (`client_mismatch`) as before. */
export function pushWireBody(body: PushRequest): unknown {
  if (body.schemaVersion < COMPACT_SCHEMA_VERSION) return body;
  const events = body.events as LearnerEvent[];
  const own = events.every((event) => isObject(event) && event.clientId === body.clientId);
  return own ? compactPushBatch(body.clientId, events) : body;
}

// A server (or a proxy) that cannot read a gzip body: 415 from ours, invalid_json from one
// older than compression (a rolled-back deploy). Either way the plain body is what it reads.
const refusesGzip = (result: ApiResult<unknown>) =>
  result.kind === 'refused' &&
  (result.status === 415 || (result.status === 400 && result.code === 'invalid_json'));

/** An API client for the server at `baseUrl`. */
export function createApi({
  baseUrl = '',
  fetch: send = (input, init) => fetch(input, init),
  timeoutMs = REQUEST_TIMEOUT_MS,
}: ApiOptions = {}): SyncApi {
  // Cleared once the server shows it cannot read gzip: later pushes from this client go plain.
  let gzipAccepted = true;

  async function call<T>(request: Call<T>): Promise<ApiResult<T>> {
    if (!request.gzip || !gzipAccepted) return callOnce(request, false);
    const result = await callOnce(request, true);
    if (!refusesGzip(result)) return result;
    gzipAccepted = false;
    return callOnce(request, false);
  }

  async function callOnce<T>(
    { method, path, token, body, accept }: Call<T>,
    gzip: boolean,
  ): Promise<ApiResult<T>> {
    const signal = AbortSignal.timeout(timeoutMs);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    let payload: string | Uint8Array<ArrayBuffer> | undefined;
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
      const compressed = gzip ? await gzipText(payload).catch(() => null) : null;
      if (compressed) {
        headers['Content-Encoding'] = 'gzip';
        payload = compressed;
      }
    }
    let response: Response;
    try {
      response = await send(`${baseUrl}${path}`, {
        method,
        headers,
        body: payload,
        signal,
        cache: 'no-store',
      });
    } catch (error) {
      return { kind: 'retryable', reason: failureReason(error, signal) };
    }
    try {
      if (response.ok) {
        const value = await accept(response);
        return value === undefined
          ? { kind: 'retryable', reason: 'server', status: response.status }
          : { kind: 'ok', body: value };
      }
      return await classifyFailure(response);
    } catch (error) {
      // The body could not be read: a connection cut mid-answer, or something that is not JSON.
      if (error instanceof SyntaxError) {
        return { kind: 'retryable', reason: 'server', status: response.status };
      }
      return { kind: 'retryable', reason: failureReason(error, signal) };
    }
  }

  return {
    push: (token, body) =>
      call({
        method: 'POST',
        path: '/api/v1/sync/push',
        token,
        body: pushWireBody(body),
        gzip: true,
        accept: json(isPush),
      }),
    pull: (token, cursor, limit) => {
      const query = new URLSearchParams();
      if (cursor !== null) query.set('cursor', cursor);
      if (limit !== undefined) query.set('limit', String(limit));
      const search = query.size > 0 ? `?${query}` : '';
      return call({
        method: 'GET',
        path: `/api/v1/sync/pull${search}`,
        token,
        accept: json(isPull),
      });
    },
    forgotPassword: (body) =>
      call({ method: 'POST', path: '/api/v1/auth/forgot', body, accept: empty }),
    resetPassword: (body) =>
      call({ method: 'POST', path: '/api/v1/auth/reset', body, accept: json(isSession) }),
    verifyEmail: (token) =>
      call({ method: 'POST', path: '/api/v1/auth/verify-email', body: { token }, accept: empty }),
    resendVerification: (token, lang) =>
      call({
        method: 'POST',
        path: '/api/v1/me/verify-email',
        token,
        body: { lang },
        accept: empty,
      }),
    register: (credentials) =>
      call({
        method: 'POST',
        path: '/api/v1/auth/register',
        body: credentials,
        accept: json(isSession),
      }),
    login: (credentials) =>
      call({
        method: 'POST',
        path: '/api/v1/auth/login',
        body: credentials,
        accept: json(isSession),
      }),
    logout: (token) => call({ method: 'POST', path: '/api/v1/auth/logout', token, accept: empty }),
    me: (token) => call({ method: 'GET', path: '/api/v1/me', token, accept: json(isAccount) }),
    exportData: (token) =>
      call({
        method: 'GET',
        path: '/api/v1/me/export',
        token,
        accept: (response) => response.text(),
      }),
    deleteAccount: (token, password) =>
      call({ method: 'DELETE', path: '/api/v1/me', token, body: { password }, accept: empty }),
    passkeyRegistrationOptions: (token) =>
      call({
        method: 'POST',
        path: '/api/v1/me/passkeys/options',
        token,
        accept: json(matches(creationOptionsSchema)),
      }),
    addPasskey: (token, body) =>
      call({
        method: 'POST',
        path: '/api/v1/me/passkeys',
        token,
        body,
        accept: json(matches(passkeyInfoSchema)),
      }),
    listPasskeys: (token) =>
      call({
        method: 'GET',
        path: '/api/v1/me/passkeys',
        token,
        accept: json(matches(passkeyListSchema)),
      }),
    deletePasskey: (token, id) =>
      call({
        method: 'DELETE',
        path: `/api/v1/me/passkeys/${encodeURIComponent(id)}`,
        token,
        accept: empty,
      }),
    passkeySignInOptions: () =>
      call({
        method: 'POST',
        path: '/api/v1/auth/passkey/options',
        accept: json(matches(requestOptionsSchema)),
      }),
    passkeySignIn: (body) =>
      call({ method: 'POST', path: '/api/v1/auth/passkey', body, accept: json(isSession) }),
    listSessions: (token) =>
      call({
        method: 'GET',
        path: '/api/v1/me/sessions',
        token,
        accept: json(matches(sessionListSchema)),
      }),
    endSession: (token, id) =>
      call({
        method: 'DELETE',
        path: `/api/v1/me/sessions/${encodeURIComponent(id)}`,
        token,
        accept: empty,
      }),
    endOtherSessions: (token) =>
      call({
        method: 'POST',
        path: '/api/v1/me/sessions/end-others',
        token,
        accept: json(matches(endedSessionsSchema)),
      }),
    changePassword: (token, body) =>
      call({
        method: 'POST',
        path: '/api/v1/me/password',
        token,
        body,
        accept: json(matches(endedSessionsSchema)),
      }),
    request: (method, path, { token, body, schema }) =>
      call({
        method,
        path,
        token,
        body,
        accept: async (response) => {
          const value: unknown = response.status === 204 ? null : await response.json();
          return matches(schema)(value) ? value : undefined;
        },
      }),
  };
}

async function classifyFailure(response: Response): Promise<ApiResult<never>> {
  const { status } = response;
  if (status >= 500) return { kind: 'retryable', reason: 'server', status };
  if (status === 413) return { kind: 'too-large' };
  if (status === 426) return { kind: 'update-required' };
  if (status === 429) {
    return {
      kind: 'rate-limited',
      retryAfter: retryAfterSeconds(response.headers.get('Retry-After'), Date.now()),
    };
  }
  const body: unknown = await response.json().catch(() => null);
  const code = isObject(body) && isString(body.error) ? body.error : `http_${status}`;
  if (status === 401) {
    const deleted: SyncErrorCode = 'account_deleted';
    return code === deleted ? { kind: 'account-deleted' } : { kind: 'unauthorized' };
  }
  if (status === 400 && code === 'invalid_events' && isObject(body)) {
    const rejected = Array.isArray(body.rejected) ? body.rejected.filter(isRejectedEvent) : [];
    return { kind: 'rejected', rejected };
  }
  const fields: Record<string, string> = {};
  if (isObject(body) && isObject(body.fields)) {
    for (const [name, value] of Object.entries(body.fields)) {
      if (isString(value)) fields[name] = value;
    }
  }
  return { kind: 'refused', status, code, fields };
}
