// Issue figure 2: a first visit on emulated EDGE with a 4× slower CPU, cold (fresh context, no
// service worker, empty caches). Two screens, each loaded cold N times: the home screen `/` (its
// LCP, and when its link to the catalogue is usable) and the catalogue `/kurs` (when its first
// course link is usable — it needs the catalogue API call). Each is put next to the limit its own
// load implies: the round trips and bytes of the critical chain it actually fetched.
import type { Browser } from 'playwright-core';
import { launchChromium, startAppServer, type AppServer } from '../../e2e/harness';
import type { BenchGroup } from '../groups';
import { atMost, median, type Figure } from '../figure';
import { chainLimitMs, criticalChain, recordRequests } from '../critical-chain';
import { CPU_SLOWDOWN, EDGE, describeNetwork, throttleCpu } from '../networks';
import { installTiming, waitUntilUsable, type Watched } from '../page-timing';

const RUNS = 3;
const QUIET_MS = 1000;

interface Visit {
  lcp: number;
  usable: number;
  limitMs: number;
  levels: number;
  bytes: number;
}

/** One cold visit: a fresh context, EDGE and 4× CPU on the page, until `watched` is usable. */
async function coldVisit(
  browser: Browser,
  server: AppServer,
  path: string,
  watched: Watched,
  apiPaths: string[],
): Promise<Visit> {
  const context = await browser.newContext({
    locale: 'nb-NO',
    viewport: { width: 360, height: 740 },
  });
  try {
    await installTiming(context, watched);
    const page = await context.newPage();
    const { cdp, requests } = await recordRequests(page);
    await cdp.send('Network.emulateNetworkConditions', EDGE);
    await throttleCpu(page);
    const url = `${server.url}${path}`;
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    const timing = await waitUntilUsable(page, QUIET_MS, 120_000);
    const chain = criticalChain(requests.values(), { documentUrl: url, apiPaths });
    return {
      lcp: timing.lcp ?? Number.NaN,
      usable: timing.usable,
      limitMs: chainLimitMs(chain, EDGE.latency, EDGE.downloadThroughput),
      levels: chain.levels,
      bytes: chain.bytes,
    };
  } finally {
    await context.close();
  }
}

const method = (what: string, visits: Visit[]) => {
  const v = visits[0]!;
  return (
    `${what}; median of ${visits.length} cold visits (fresh context each), ` +
    `${describeNetwork('EDGE', EDGE)} on the page, CPU ${CPU_SLOWDOWN}× slower; ` +
    `limit = (1 TCP connect + ${v.levels} request levels) × ${EDGE.latency} ms + ` +
    `${v.bytes} critical bytes ÷ ${EDGE.downloadThroughput} B/s (first visit's chain)`
  );
};

export const firstVisit: BenchGroup = {
  name: 'first-visit',
  async measure(): Promise<Figure[]> {
    const server = await startAppServer({ coursesDir: 'courses' });
    const browser = await launchChromium();
    try {
      const home: Visit[] = [];
      const catalogue: Visit[] = [];
      for (let i = 0; i < RUNS; i++) {
        home.push(await coldVisit(browser, server, '/', { selector: 'main a[href="/kurs"]' }, []));
        catalogue.push(
          await coldVisit(
            browser,
            server,
            '/kurs',
            { selector: 'main .card-list a[href^="/kurs/"]' },
            ['/api/v1/courses'],
          ),
        );
      }
      const limit = (visits: Visit[]) => ({
        kind: 'limit' as const,
        label: 'critical chain',
        value: median(visits.map((v) => v.limitMs)),
      });
      return [
        atMost(
          'first visit EDGE: LCP of /',
          median(home.map((v) => v.lcp)),
          'ms',
          limit(home),
          1.3,
          method('largest contentful paint of the home screen (PerformanceObserver)', home),
        ),
        atMost(
          'first visit EDGE: / usable',
          median(home.map((v) => v.usable)),
          'ms',
          limit(home),
          1.3,
          method(
            `home screen usable: its link to the catalogue painted and no long task for ${QUIET_MS} ms after`,
            home,
          ),
        ),
        atMost(
          'first visit EDGE: catalogue usable',
          median(catalogue.map((v) => v.usable)),
          'ms',
          limit(catalogue),
          1.3,
          method(
            `/kurs usable: its first course link painted and no long task for ${QUIET_MS} ms after`,
            catalogue,
          ),
        ),
      ];
    } finally {
      await browser.close();
      await server.close();
    }
  },
};
