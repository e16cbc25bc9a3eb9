// Turns a failure into a sentence a learner can act on. Raw exception text never reaches the UI.
import { CourseApiError } from '../offline/course-api';
import type { DownloadError } from '../offline/download-error';
import type { I18n } from './index';
import type { Translate } from './types';

/** The sentence to show for an error from fetching courses (or anything else). */
export function errorSentence(t: Translate, error: unknown): string {
  if (error instanceof CourseApiError) {
    switch (error.kind) {
      case 'network':
        return t('error.network');
      case 'timeout':
        return t('error.timeout');
      case 'payload':
        return t('error.payload');
      case 'http':
        return error.status === 404
          ? t('error.notFound')
          : t('error.http', { status: error.status });
    }
  }
  return t('app.errorText');
}

/** The sentence for a failed download for offline use; a full disk says how much is needed. */
export function downloadErrorSentence(i18n: I18n, error: DownloadError): string {
  const { t } = i18n;
  switch (error.kind) {
    case 'network':
    case 'aborted':
      return t('download.error.network');
    case 'timeout':
      return t('download.error.timeout');
    case 'http':
      return error.status === 404
        ? t('download.error.notFound')
        : t('download.error.http', { status: error.status });
    case 'payload':
      return t('download.error.payload');
    case 'quota': {
      const needed = error.quota?.needed ?? 0;
      const available = error.quota?.available;
      // The browser's estimate is not always the limit that was hit (the disk itself can be
      // full): name the free space only when it explains the failure.
      return typeof available === 'number' && available < needed
        ? t('download.error.quota', {
            needed: i18n.bytes(needed),
            available: i18n.bytes(available),
          })
        : t('download.error.quotaUnknown', { needed: i18n.bytes(needed) });
    }
    case 'unsupported':
      return t('download.error.unsupported');
    case 'other':
      return t('download.error.other');
  }
}
