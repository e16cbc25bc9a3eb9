// A course for a screen that needs it stored: read live from IndexedDB, and fetched (then stored)
// when it is not on the device yet. Once stored it is always played from IndexedDB, online or not.
// A course deleted while the screen shows it is not fetched again behind the learner's back.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CourseOverview } from '../../client-core/db/views';
import { CourseApiError } from '../offline/course-api';
import { isConnectionFailure } from './app-state';
import { useAppState } from './context';
import { useCourseOverview } from './live';

export type CourseResult =
  | { status: 'loading' }
  | { status: 'ready'; overview: CourseOverview }
  | { status: 'notFound' }
  /** The course was on the device and has been deleted (its download removed). */
  | { status: 'removed'; fetchAgain: () => void }
  | { status: 'error'; error: unknown; retry: () => void };

/** The stored course with its progress, downloading it first if needed. */
export function useCourse(courseId: string): CourseResult {
  const state = useAppState();
  const overview = useCourseOverview(courseId);
  const [failure, setFailure] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const wasStored = useRef(false);
  if (overview) wasStored.current = true;
  const removed = overview === null && wasStored.current;
  const missing = overview === null && !removed;

  useEffect(() => {
    if (!missing) return;
    let current = true;
    setFailure(null);
    state.fetchCourse(courseId).catch((error: unknown) => {
      if (current) setFailure(error);
    });
    return () => {
      current = false;
    };
  }, [courseId, missing, attempt]);

  // Coming back online retries a fetch that failed for lack of a connection.
  const online = state.connectivity.online.value;
  useEffect(() => {
    if (online && missing && isConnectionFailure(failure)) setAttempt((n) => n + 1);
  }, [online]);

  if (overview) return { status: 'ready', overview };
  if (removed) {
    const fetchAgain = () => {
      wasStored.current = false;
      setAttempt((n) => n + 1);
    };
    return { status: 'removed', fetchAgain };
  }
  if (failure === null) return { status: 'loading' };
  if (failure instanceof CourseApiError && failure.kind === 'http' && failure.status === 404)
    return { status: 'notFound' };
  return { status: 'error', error: failure, retry: () => setAttempt((n) => n + 1) };
}
