// The signed-in learner's requests to the rest of the API (the business-garden network: joining a
// garden, the advisor's view), made with this device's session. A 401 signs the device out the
// same way every account request does; every other failure is a RequestError with the server's
// reason code, so a screen can say what went wrong.
import type { z } from 'zod/mini';
import { getSession, markSignedOut } from '../../client-core/db/sync-state';
import type { ApiMethod } from '../../client-core/sync/api';
import type { AccountDeps } from './account';

/** Why a request failed: no network or no answer, a 5xx, too many requests, no session on this
 * device (or the server ended it), or the server's reason code for a refusal (e.g.
 * `join_code_not_found`). */
export type RequestErrorCode = 'offline' | 'server' | 'rate_limited' | 'signed_out' | (string & {});

/** A failed request; `status` is the HTTP status of a refusal, `fields` its field codes. */
export class RequestError extends Error {
  constructor(
    readonly code: RequestErrorCode,
    readonly details: {
      status?: number;
      retryAfter?: number;
      fields?: Record<string, string>;
    } = {},
  ) {
    super(`Request failed: ${code}`);
    this.name = 'RequestError';
  }
}

/** Options of one request: its JSON body, and the schema its reply must match. */
export interface RequestOptions<S extends z.ZodMiniType> {
  body?: unknown;
  schema: S;
}

/** Makes a request with the device's session; resolves to the checked reply (null for a 204). */
export async function signedInRequest<S extends z.ZodMiniType>(
  deps: AccountDeps,
  method: ApiMethod,
  path: string,
  { body, schema }: RequestOptions<S>,
): Promise<z.infer<S>> {
  const token = (await getSession(deps.database))?.token;
  if (!token) throw new RequestError('signed_out');
  const result = await deps.api.request(method, path, { token, body, schema });
  switch (result.kind) {
    case 'ok':
      return result.body;
    case 'unauthorized':
    case 'account-deleted':
      await markSignedOut(
        deps.database,
        token,
        result.kind === 'account-deleted' ? 'account-deleted' : 'signed-out',
      );
      throw new RequestError('signed_out');
    case 'rate-limited':
      throw new RequestError('rate_limited', { retryAfter: result.retryAfter });
    case 'retryable':
      throw new RequestError(result.reason === 'server' ? 'server' : 'offline');
    case 'refused':
      throw new RequestError(result.code, { status: result.status, fields: result.fields });
    default:
      throw new RequestError('server');
  }
}
