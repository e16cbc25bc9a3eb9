// The app's only client of the course API (with src/app/sync for progress). Every failure becomes
// a CourseApiError whose `kind` tells the UI which sentence to show: no connection, too slow, an
// HTTP status, or a payload this version of the app cannot read.
import {
  BUNDLE_FORMAT,
  LESSON_KINDS,
  bundleUrl,
  type CatalogueEntry,
  type CourseBundle,
} from '../../shared/course';
import { browserOffline } from './network';

export const CATALOGUE_URL = '/api/v1/courses';

/** Generous, because a learner on EDGE may need many seconds for a bundle. */
const CATALOGUE_TIMEOUT_MS = 30_000;
const BUNDLE_TIMEOUT_MS = 90_000;

export type CourseApiErrorKind = 'network' | 'timeout' | 'http' | 'payload';

/** Why a request to the course API failed. `status` is the HTTP status for kind 'http', else 0. */
export class CourseApiError extends Error {
  readonly kind: CourseApiErrorKind;
  readonly status: number;

  constructor(kind: CourseApiErrorKind, status = 0, options?: { cause?: unknown }) {
    super(
      status ? `Course API ${kind} error (HTTP ${status})` : `Course API ${kind} error`,
      options,
    );
    this.name = 'CourseApiError';
    this.kind = kind;
    this.status = status;
  }
}

async function getJson(url: string, timeoutMs: number, signal?: AbortSignal): Promise<unknown> {
  // The browser knows there is no connection: do not even try (no request leaves the device).
  if (browserOffline()) throw new CourseApiError('network');
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const abort = () => timeout.abort();
  signal?.addEventListener('abort', abort);
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { Accept: 'application/json' },
        signal: timeout.signal,
      });
    } catch (cause) {
      throw new CourseApiError(timedOut(timeout, signal) ? 'timeout' : 'network', 0, { cause });
    }
    if (!response.ok) throw new CourseApiError('http', response.status);
    try {
      return await response.json();
    } catch (cause) {
      // A connection dropped mid-body also lands here; only a complete but unreadable body is a
      // payload error.
      if (timedOut(timeout, signal)) throw new CourseApiError('timeout', 0, { cause });
      throw new CourseApiError(cause instanceof SyntaxError ? 'payload' : 'network', 0, { cause });
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
  }
}

const timedOut = (timeout: AbortController, signal?: AbortSignal) =>
  timeout.signal.aborted && !signal?.aborted;

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const isString = (x: unknown): x is string => typeof x === 'string';
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const allOf = <T>(x: unknown, check: (item: unknown) => item is T): x is T[] =>
  Array.isArray(x) && x.every(check);
const has = (o: Record<string, unknown>, strings: string[], numbers: string[] = []) =>
  strings.every((k) => isString(o[k])) && numbers.every((k) => isNumber(o[k]));

function isCatalogueEntry(x: unknown): x is CatalogueEntry {
  return (
    isObject(x) &&
    has(
      x,
      ['id', 'title', 'summary', 'language', 'hash'],
      ['version', 'lessonCount', 'minutes', 'bundleBytes', 'mediaBytes'],
    ) &&
    (x.lessonIds === undefined || allOf(x.lessonIds, isString))
  );
}

const isOption = (x: unknown): boolean =>
  isObject(x) && has(x, ['id', 'html', 'explanationHtml']) && typeof x.correct === 'boolean';
const isQuestion = (x: unknown): boolean =>
  isObject(x) &&
  has(x, ['id', 'html']) &&
  typeof x.multiple === 'boolean' &&
  Array.isArray(x.options) &&
  x.options.length > 0 &&
  x.options.every(isOption);
const isItem = (x: unknown): boolean => isObject(x) && has(x, ['id', 'html']);

function isLesson(x: unknown): boolean {
  if (!isObject(x) || !has(x, ['id', 'title', 'kind', 'html'], ['minutes'])) return false;
  if (!(LESSON_KINDS as readonly unknown[]).includes(x.kind)) return false;
  if (x.kind === 'quiz')
    return Array.isArray(x.questions) && x.questions.length > 0 && x.questions.every(isQuestion);
  if (x.kind === 'checklist') return Array.isArray(x.items) && x.items.every(isItem);
  return true;
}

/** Whether a payload is a bundle this app can play (the compiler guarantees the rest). */
export function isCourseBundle(x: unknown, courseId: string): x is CourseBundle {
  return (
    isObject(x) &&
    x.format === BUNDLE_FORMAT &&
    x.id === courseId &&
    has(x, ['title', 'summary', 'language', 'audience', 'hash'], ['version', 'minutes']) &&
    Array.isArray(x.sources) &&
    Array.isArray(x.media) &&
    Array.isArray(x.lessons) &&
    x.lessons.every(isLesson)
  );
}

/** The course list in a catalogue payload. Throws CourseApiError('payload'). */
export function parseCatalogue(body: unknown): CatalogueEntry[] {
  if (!isObject(body) || !allOf(body.courses, isCatalogueEntry)) {
    throw new CourseApiError('payload');
  }
  return body.courses;
}

/** The catalogue of published courses. Throws CourseApiError. */
export async function fetchCatalogue(signal?: AbortSignal): Promise<CatalogueEntry[]> {
  return parseCatalogue(await getJson(CATALOGUE_URL, CATALOGUE_TIMEOUT_MS, signal));
}

/** One course's bundle, checked to be playable. Throws CourseApiError. */
export async function fetchCourseBundle(
  courseId: string,
  signal?: AbortSignal,
): Promise<CourseBundle> {
  const body = await getJson(bundleUrl(courseId), BUNDLE_TIMEOUT_MS, signal);
  if (!isCourseBundle(body, courseId)) throw new CourseApiError('payload');
  return body;
}
