// Why a download for offline use stopped. The UI turns each kind into a sentence
// (src/app/i18n/errors.ts); a full disk carries how much space the course needs and how much is
// free, so the sentence can say it.
import { CourseApiError } from './course-api';
import { StallError } from './stream';

export type DownloadErrorKind =
  'network' | 'timeout' | 'http' | 'payload' | 'quota' | 'unsupported' | 'aborted' | 'other';

export interface QuotaFacts {
  /** Bytes the course needs. */
  needed: number;
  /** Bytes free for this site (quota − usage), when the browser says. */
  available: number | null;
}

/** A download failure with the facts needed to explain it. */
export class DownloadError extends Error {
  readonly kind: DownloadErrorKind;
  /** HTTP status for kind 'http', else 0. */
  readonly status: number;
  /** For kind 'quota'. */
  readonly quota: QuotaFacts | null;

  constructor(
    kind: DownloadErrorKind,
    details: { status?: number; quota?: QuotaFacts; cause?: unknown } = {},
  ) {
    super(`Download ${kind} error${details.status ? ` (HTTP ${details.status})` : ''}`, {
      cause: details.cause,
    });
    this.name = 'DownloadError';
    this.kind = kind;
    this.status = details.status ?? 0;
    this.quota = details.quota ?? null;
  }
}

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/**
 * Whether a storage failure is a full disk, wherever the QuotaExceededError sits: thrown directly
 * (Cache Storage), or wrapped by Dexie in an AbortError or BulkError whose `inner`, `cause` or
 * `failures` hold it (https://github.com/dexie/Dexie.js/issues/776).
 */
export function isQuotaExceeded(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (e: unknown, depth: number): boolean => {
    if (typeof e !== 'object' || e === null || seen.has(e) || depth > 8) return false;
    seen.add(e);
    const x = e as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
    if (typeof x.name === 'string' && QUOTA_NAMES.has(x.name)) return true;
    const failures = Array.isArray(x.failures)
      ? x.failures
      : x.failures && typeof x.failures === 'object'
        ? Object.values(x.failures)
        : [];
    return [x.inner, x.cause, ...failures].some((inner) => visit(inner, depth + 1));
  };
  return visit(error, 0);
}

const isAbort = (error: unknown) =>
  typeof error === 'object' &&
  error !== null &&
  (error as { name?: unknown }).name === 'AbortError';

/** Classify any failure of a download. `quota` supplies the facts for a full disk. */
export async function toDownloadError(
  error: unknown,
  context: { aborted: boolean; quota: () => Promise<QuotaFacts> },
): Promise<DownloadError> {
  if (error instanceof DownloadError) return error;
  if (isQuotaExceeded(error))
    return new DownloadError('quota', { quota: await context.quota(), cause: error });
  if (context.aborted) return new DownloadError('aborted', { cause: error });
  if (error instanceof StallError) return new DownloadError('timeout', { cause: error });
  if (error instanceof CourseApiError)
    return new DownloadError(error.kind, { status: error.status, cause: error });
  // fetch() rejects with a TypeError when the connection fails, and a body read breaks off with
  // a TypeError (or an AbortError from the network stack) when it drops.
  if (error instanceof TypeError || isAbort(error))
    return new DownloadError('network', { cause: error });
  return new DownloadError('other', { cause: error });
}
