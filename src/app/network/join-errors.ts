// Why looking up a join code or joining failed, as the key of the sentence the consent screen
// shows (join-texts.ts). The lookup is made without a session (an ApiResult that is not ok); the
// join with one (a RequestError).
import type { ApiResult } from '../../client-core/sync/api';
import { RequestError } from '../sync/requests';

export type JoinErrorKey =
  | 'join.codeInvalid'
  | 'join.error.notFound'
  | 'join.error.offline'
  | 'join.error.server'
  | 'join.error.rateLimited'
  | 'join.error.consentOutdated'
  | 'join.error.signedOut'
  | 'join.error.firm'
  | 'join.error.other';

const isResult = (x: unknown): x is Exclude<ApiResult<unknown>, { kind: 'ok' }> =>
  typeof x === 'object' && x !== null && 'kind' in x;

/** The sentence for a failed GET /api/v1/network/join/{code}. */
export function previewErrorKey(error: unknown): JoinErrorKey {
  if (!isResult(error)) return 'join.error.server';
  switch (error.kind) {
    case 'retryable':
      return error.reason === 'server' ? 'join.error.server' : 'join.error.offline';
    case 'rate-limited':
      return 'join.error.rateLimited';
    case 'refused':
      if (error.code === 'join_code_not_found') return 'join.error.notFound';
      return error.status === 400 ? 'join.codeInvalid' : 'join.error.other';
    default:
      return 'join.error.server';
  }
}

/** The sentence for a failed POST /api/v1/network/join. */
export function joinErrorKey(error: unknown): JoinErrorKey {
  if (!(error instanceof RequestError)) return 'join.error.other';
  switch (error.code) {
    case 'offline':
      return 'join.error.offline';
    case 'server':
      return 'join.error.server';
    case 'rate_limited':
      return 'join.error.rateLimited';
    case 'signed_out':
      return 'join.error.signedOut';
    case 'join_code_not_found':
      return 'join.error.notFound';
    case 'consent_outdated':
      return 'join.error.consentOutdated';
    case 'firm_not_found':
      return 'join.error.firm';
    default:
      return 'join.error.other';
  }
}
