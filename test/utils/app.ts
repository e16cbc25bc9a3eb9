// Harness for app (UI) tests: an empty database per test, the app rendered at a URL with its own
// state, and `fetch` stubbed at the network boundary with a tiny fake course API.
import { cleanup, render } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, beforeEach, vi } from 'vitest';
import { App } from '../../src/app/app';
import type { UiLanguage } from '../../src/app/i18n';
import { createAppState } from '../../src/app/state/app-state';
import type { CatalogueEntry, CourseBundle } from '../../src/shared/course';
import { catalogueEntryOf } from './bundles';
import { freshDb } from './fresh-db';

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
    vi.unstubAllGlobals();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
}

/** Render the whole app at `url`. */
export function renderApp(url = '/', language: UiLanguage = 'nb') {
  history.replaceState(null, '', url);
  const state = createAppState({ language });
  const view = render(h(App, { state }));
  return { ...view, state };
}

type Reply = unknown | { status: number } | 'offline';

export interface FakeApi {
  /** Bundles by id; the catalogue lists them unless `catalogue` is given. */
  bundles?: CourseBundle[];
  catalogue?: CatalogueEntry[] | { status: number } | 'offline';
  /** Override the reply for one course id. */
  bundle?: Record<string, Reply>;
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

/** Stub `fetch` with a fake course API; returns the mock to inspect calls. */
export function stubApi(api: FakeApi) {
  const bundles = api.bundles ?? [];
  const fetchMock = vi.fn((input: RequestInfo | URL) => {
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
      return bundle ? reply(bundle) : reply({ status: 404 });
    }
    return reply({ status: 404 });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}
