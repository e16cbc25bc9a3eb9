import { afterEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../src/app/i18n';
import { errorSentence } from '../../src/app/i18n/errors';
import {
  CourseApiError,
  fetchCatalogue,
  fetchCourseBundle,
} from '../../src/app/offline/course-api';
import { catalogueEntryOf, tryggEpost } from '../utils/bundles';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const respond = (body: string, status = 200) =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(body, { status })),
  );

async function failure(promise: Promise<unknown>): Promise<CourseApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CourseApiError);
  return error as CourseApiError;
}

describe('course API client', () => {
  it('returns the catalogue and a checked bundle', async () => {
    const entry = catalogueEntryOf(tryggEpost);
    respond(JSON.stringify({ courses: [entry] }));
    expect(await fetchCatalogue()).toEqual([entry]);
    respond(JSON.stringify(tryggEpost));
    expect(await fetchCourseBundle('trygg-epost')).toEqual(tryggEpost);
    expect(fetch).toHaveBeenCalledWith('/api/v1/courses/trygg-epost', expect.anything());
  });

  it('tells a network failure from an HTTP status and a bad payload', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    expect((await failure(fetchCatalogue())).kind).toBe('network');

    respond('{"error":"down"}', 503);
    const http = await failure(fetchCatalogue());
    expect([http.kind, http.status]).toEqual(['http', 503]);

    respond('<html>captive portal</html>');
    expect((await failure(fetchCatalogue())).kind).toBe('payload');

    respond(JSON.stringify({ courses: [{ id: 'x' }] }));
    expect((await failure(fetchCatalogue())).kind).toBe('payload');

    // A bundle for another course, or of a newer format, is not playable.
    respond(JSON.stringify(tryggEpost));
    expect((await failure(fetchCourseBundle('noe-annet'))).kind).toBe('payload');
    respond(JSON.stringify({ ...tryggEpost, format: 2 }));
    expect((await failure(fetchCourseBundle('trygg-epost'))).kind).toBe('payload');
    respond(
      JSON.stringify({
        ...tryggEpost,
        lessons: [{ ...tryggEpost.lessons[1], questions: 'nope' }],
      }),
    );
    expect((await failure(fetchCourseBundle('trygg-epost'))).kind).toBe('payload');
  });

  it('gives up after a timeout on a stalled connection', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init: RequestInit) =>
          new Promise((_resolve, reject) =>
            init.signal!.addEventListener('abort', () =>
              reject(new DOMException('aborted', 'AbortError')),
            ),
          ),
      ),
    );
    const pending = failure(fetchCatalogue());
    await vi.advanceTimersByTimeAsync(30_000);
    expect((await pending).kind).toBe('timeout');
  });

  it('turns every kind of failure into a sentence', () => {
    const { t } = createI18n('nb');
    expect(errorSentence(t, new CourseApiError('network'))).toMatch(/uten nett/);
    expect(errorSentence(t, new CourseApiError('timeout'))).toMatch(/for lang tid/);
    expect(errorSentence(t, new CourseApiError('payload'))).toMatch(/ikke slik appen ventet/);
    expect(errorSentence(t, new CourseApiError('http', 500))).toBe(
      'Tjeneren svarte med en feil (kode 500). Prøv igjen senere.',
    );
    expect(errorSentence(t, new CourseApiError('http', 404))).toBe(
      'Fant ikke det du ba om på tjeneren.',
    );
    expect(errorSentence(t, new Error('boom'))).not.toContain('boom');
  });
});
