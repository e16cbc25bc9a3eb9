// The sentence for a failure to fetch courses (the catalogue, a course), apart from the account
// errors in ./errors.ts so that the catalogue in the first chunk does not bring the account
// protocol (and zod) with it.
import { CourseApiError } from '../offline/course-api';
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
