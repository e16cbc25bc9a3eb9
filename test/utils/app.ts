// Harness for app (UI) tests: an empty database per test, the app rendered at a URL with its own
// state and a started sync controller (as main.tsx does), and `fetch` stubbed at the network
// boundary with a tiny fake course API.
import { cleanup, render } from '@testing-library/preact';
import { h } from 'preact';
import { afterAll, afterEach, beforeEach, vi } from 'vitest';
import { App } from '../../src/app/app';
import type { UiLanguage } from '../../src/app/i18n';
import { createAppState } from '../../src/app/state/app-state';
import { createSyncController, type SyncController } from '../../src/app/sync/controller';
import type { CatalogueEntry, CourseBundle } from '../../src/shared/course';
import { catalogueEntryOf, mediaBodies } from './bundles';
import { freshDb } from './fresh-db';

// Sync loops started by renderApp, stopped after each test.
const stops: (() => void)[] = [];

/** Register per-test setup: fresh database, no real network, no jsdom scrollTo noise. */
export function setupAppTests(): void {
  beforeEach(async () => {
    await freshDb();
    vi.stubGlobal('scrollTo', vi.fn());
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    document.title = '';
  });
  afterEach(() => {
    cleanup();
    for (const stop of stops.splice(0)) stop();
    vi.unstubAllGlobals();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
  // Preact runs effects (and their cleanups) after paint, on a timer: let the last ones run while
  // the test environment still has a document, not after the file's teardown.
  afterAll(() => new Promise<void>((resolve) => setTimeout(resolve, 150)));
}

/** Render the whole app at `url` and start its sync controller: by default one with the app's
 * database and the global (stubbed) fetch, which makes no request while nobody is signed in. */
export function renderApp(
  url = '/',
  language: UiLanguage = 'nb',
  { sync = createSyncController() }: { sync?: SyncController } = {},
) {
  history.replaceState(null, '', url);
  const state = createAppState({ language });
  const view = render(h(App, { state, sync }));
  stops.push(sync.start());
  return { ...view, state, sync };
}

type Reply = unknown | { status: number } | 'offline';

/** How the fake API answers one media request: the file (default), a failure, or a stall (the
 * headers arrive, then no byte ever does). */
export type MediaReply = 'ok' | 'offline' | 'stall' | { status: number } | { body: Uint8Array };

export interface FakeApi {
  /** Bundles by id; the catalogue lists them unless `catalogue` is given. */
  bundles?: CourseBundle[];
  catalogue?: CatalogueEntry[] | { status: number } | 'offline';
  /** Override the reply for one course id. */
  bundle?: Record<string, Reply>;
  /** Decide the reply to the n-th request (from 1) for a media URL. */
  media?: (url: string, n: number) => MediaReply;
  /** Bytes per chunk of a streamed media body. */
  chunkBytes?: number;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

function reply(value: Reply): Promise<Response> {
  if (value === 'offline') return Promise.reject(new TypeError('Failed to fetch'));
  if (typeof value === 'object' && value !== null && 'status' in value && !('id' in value))
    return Promise.resolve(json({ error: 'x' }, (value as { status: number }).status));
  return Promise.resolve(json(value));
}

const abortError = () => new DOMException('The operation was aborted.', 'AbortError');

/** A body that delivers `bytes` in chunks, one per macrotask, and errors when `signal` aborts. */
function streamed(
  bytes: Uint8Array,
  chunk: number,
  signal?: AbortSignal | null,
): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      signal?.addEventListener('abort', () => {
        try {
          controller.error(abortError());
        } catch {
          // already closed
        }
      });
    },
    async pull(controller) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (signal?.aborted) return;
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(offset, offset + chunk));
      offset += chunk;
    },
  });
}

/** A body whose headers came and whose bytes never do. */
function stalled(signal?: AbortSignal | null): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      signal?.addEventListener('abort', () => controller.error(abortError()));
    },
    pull: () => new Promise(() => {}),
  });
}

const headerOf = (init: RequestInit | undefined, name: string): string | null =>
  new Headers(init?.headers).get(name);

/** Stub `fetch` with a fake course API; returns the mock to inspect calls. Media files of the
 * bundles in test/utils/bundles.ts are served as streamed bodies. */
export function stubApi(api: FakeApi) {
  const bundles = api.bundles ?? [];
  const mediaCalls = new Map<string, number>();
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url === '/api/v1/courses') {
      const catalogue = api.catalogue ?? bundles.map((b) => catalogueEntryOf(b));
      return reply(Array.isArray(catalogue) ? { courses: catalogue } : catalogue);
    }
    const match = /^\/api\/v1\/courses\/([^/]+)$/.exec(url);
    if (match) {
      const id = decodeURIComponent(match[1]);
      if (api.bundle && id in api.bundle) return reply(api.bundle[id]);
      const bundle = bundles.find((b) => b.id === id);
      if (bundle && headerOf(init, 'If-None-Match') === `"${bundle.hash}"`)
        return Promise.resolve(new Response(null, { status: 304 }));
      return bundle ? reply(bundle) : reply({ status: 404 });
    }
    const body = mediaBodies.get(url);
    if (body) {
      const n = (mediaCalls.get(url) ?? 0) + 1;
      mediaCalls.set(url, n);
      const answer = api.media?.(url, n) ?? 'ok';
      if (answer === 'offline') return Promise.reject(new TypeError('Failed to fetch'));
      if (typeof answer === 'object' && 'status' in answer) return reply(answer);
      const signal = init?.signal;
      const stream =
        answer === 'stall'
          ? stalled(signal)
          : streamed(
              typeof answer === 'object' ? answer.body : body,
              api.chunkBytes ?? 100_000,
              signal,
            );
      return Promise.resolve(
        new Response(stream, { status: 200, headers: { 'Content-Type': 'image/png' } }),
      );
    }
    return reply({ status: 404 });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** The media URLs a fetch mock was called with, in order. */
export const mediaRequests = (fetchMock: ReturnType<typeof stubApi>): string[] =>
  fetchMock.mock.calls.map(([input]) => String(input)).filter((url) => mediaBodies.has(url));
