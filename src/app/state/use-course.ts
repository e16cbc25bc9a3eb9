// A course for a screen that needs it stored: read live from IndexedDB, and fetched (then stored)
// when it is not on the device yet. Once stored it is always played from IndexedDB, online or not.
import { useEffect, useState } from 'preact/hooks';
import type { CourseOverview } from '../db/views';
import { CourseApiError } from '../offline/course-api';
import { useAppState } from './context';
import { useCourseOverview } from './live';

export type CourseResult =
  | { status: 'loading' }
  | { status: 'ready'; overview: CourseOverview }
  | { status: 'notFound' }
  | { status: 'error'; error: unknown; retry: () => void };

/** The stored course with its progress, downloading it first if needed. */
export function useCourse(courseId: string): CourseResult {
  const state = useAppState();
  const overview = useCourseOverview(courseId);
  const missing = overview === null;
  const [failure, setFailure] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!missing) return;
    let current = true;
    setFailure(null);
    state.downloadCourse(courseId).catch((error: unknown) => {
      if (current) setFailure(error);
    });
    return () => {
      current = false;
    };
  }, [courseId, missing, attempt]);

  if (overview) return { status: 'ready', overview };
  if (failure === null) return { status: 'loading' };
  if (failure instanceof CourseApiError && failure.kind === 'http' && failure.status === 404)
    return { status: 'notFound' };
  return { status: 'error', error: failure, retry: () => setAttempt((n) => n + 1) };
}
