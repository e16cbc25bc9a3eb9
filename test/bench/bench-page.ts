// A Chromium page of the app's origin that runs the app's own modules (test/bench/pages/
// bench-entry.ts, bundled once per run with Vite's build API), for the figures that time our
// storage and sync code in a real browser. The page is the server's /healthz document, not the
// app: no app code of its own runs, no service worker registers, and nothing syncs unless a
// figure asks. The bundle is evaluated through the DevTools protocol, so the origin's strict CSP
// stays on for everything the modules do (IndexedDB, fetch).
import { fileURLToPath } from 'node:url';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { build } from 'vite';
import type { BenchPage } from './pages/bench-entry';

const ENTRY = fileURLToPath(new URL('./pages/bench-entry.ts', import.meta.url));

let bundle: Promise<string> | undefined;

/** The bench page's script: the entry and the app modules it imports, minified, as one IIFE. */
function benchBundle(): Promise<string> {
  bundle ??= (async () => {
    const output = await build({
      configFile: false,
      logLevel: 'warn',
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      build: {
        write: false,
        minify: true,
        lib: { entry: ENTRY, formats: ['iife'], name: 'lommekursBenchBundle' },
      },
    });
    const outputs = Array.isArray(output) ? output : [output];
    for (const out of outputs) {
      if (!('output' in out)) continue;
      const chunk = out.output.find((o) => o.type === 'chunk');
      if (chunk && chunk.type === 'chunk') return chunk.code;
    }
    throw new Error('vite build produced no bench bundle');
  })();
  return bundle;
}

export interface OpenBenchPage {
  page: Page;
  /** The page's DevTools session (CPU throttling, network emulation, metrics). */
  cdp: CDPSession;
  /** Call one of the bench page's functions with JSON arguments. */
  call<K extends keyof BenchPage>(
    name: K,
    ...args: Parameters<BenchPage[K]>
  ): Promise<Awaited<ReturnType<BenchPage[K]>>>;
  close(): Promise<void>;
}

/** A fresh context's page on `origin` with the bench bundle loaded and its databases open. */
export async function openBenchPage(browser: Browser, origin: string): Promise<OpenBenchPage> {
  const context = await browser.newContext({ locale: 'nb-NO' });
  const page = await context.newPage();
  await page.goto(`${origin}/healthz`);
  await page.evaluate(await benchBundle());
  const cdp = await context.newCDPSession(page);
  const call: OpenBenchPage['call'] = (name, ...args) =>
    page.evaluate(
      ([fn, list]) => {
        const api = (
          globalThis as unknown as { lommekursBench: Record<string, (...a: unknown[]) => unknown> }
        ).lommekursBench;
        return api[fn]!(...list);
      },
      [name, args] as [string, unknown[]],
    ) as never;
  await call('ready');
  return { page, cdp, call, close: () => context.close() };
}

/** Slow the page's main thread as a cheap phone's (Emulation.setCPUThrottlingRate). */
export const throttleCpu = (cdp: CDPSession, rate = 4) =>
  cdp.send('Emulation.setCPUThrottlingRate', { rate });

/** Main-thread busy time of the page so far, in ms (the renderer's TaskDuration metric). */
export async function mainThreadMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}
