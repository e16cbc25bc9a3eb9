// Issue figure 7: the trip pack — "Last ned alt" on the catalogue screen downloads every course
// (bundle and media) over emulated Slow 4G, on the page and on the service worker. Bytes on the
// wire (every request of the download that reached the network, page and worker) next to the
// content bytes the catalogue reports (bundleBytes + mediaBytes of each course), and the time next
// to its limit: those bytes at the link's throughput plus one round trip per sequential request
// level the app actually made.
import type { Browser } from 'playwright-core';
import type { CatalogueEntry } from '../../../src/shared/course';
import { launchChromium, startAppServer, type AppServer } from '../../e2e/harness';
import { emulateNetwork } from '../../e2e/network';
import { openControlled } from '../../e2e/session';
import type { BenchGroup } from '../groups';
import { atMost, median, type Figure } from '../figure';
import { SLOW_4G, describeNetwork } from '../networks';
import { recordNetworkBytes, sequentialLevels } from '../request-bytes';

const RUNS = 3;

interface Trip {
  seconds: number;
  wireBytes: number;
  requests: number;
  levels: number;
  limitSeconds: number;
}

/** One trip pack in a fresh context: install the app online, then "Last ned alt" on Slow 4G. */
async function downloadEverything(browser: Browser, server: AppServer): Promise<Trip> {
  const context = await browser.newContext({
    locale: 'nb-NO',
    viewport: { width: 360, height: 740 },
  });
  try {
    context.setDefaultTimeout(300_000);
    const page = await context.newPage();
    await openControlled(page, `${server.url}/`);
    const network = await emulateNetwork(browser, page, server.url);
    await network.set(SLOW_4G);
    await page.goto(`${server.url}/kurs`);
    const button = page.getByRole('button', { name: /^Last ned alt/ });
    await button.waitFor();
    const recording = recordNetworkBytes(context);
    const started = Date.now();
    await button.click();
    // Shown twice (a status for screen readers and a line of text) once every course is stored.
    await page
      .getByText('Alle kursene er lastet ned og kan brukes uten nett.', { exact: true })
      .first()
      .waitFor();
    const seconds = (Date.now() - started) / 1000;
    const requests = await recording.stop();
    await network.detach();
    const wireBytes = requests.reduce((sum, r) => sum + r.downBytes, 0);
    const levels = sequentialLevels(requests);
    return {
      seconds,
      wireBytes,
      requests: requests.length,
      levels,
      limitSeconds: wireBytes / SLOW_4G.downloadThroughput + (levels * SLOW_4G.latency) / 1000,
    };
  } finally {
    await context.close();
  }
}

export const tripPack: BenchGroup = {
  name: 'trip-pack',
  async measure(): Promise<Figure[]> {
    const server = await startAppServer({ coursesDir: 'courses' });
    const browser = await launchChromium();
    try {
      const { courses } = (await (await fetch(`${server.url}/api/v1/courses`)).json()) as {
        courses: CatalogueEntry[];
      };
      const contentBytes = courses.reduce((sum, c) => sum + c.bundleBytes + c.mediaBytes, 0);
      const trips: Trip[] = [];
      for (let i = 0; i < RUNS; i++) trips.push(await downloadEverything(browser, server));
      const first = trips[0]!;
      const emulation =
        `${describeNetwork('Slow 4G', SLOW_4G)} (180 KB/s = 180 × 1024 B/s) on the page and ` +
        'the service worker, CPU not throttled';
      const runs = `median of ${RUNS} runs, fresh context each, "Last ned alt" for ${courses.length} courses`;
      return [
        atMost(
          'trip pack: bytes on wire ÷ content',
          median(trips.map((t) => t.wireBytes)),
          'B',
          { kind: 'limit', label: 'content bytes', value: contentBytes },
          1.1,
          `${runs}; ${first.requests} requests reached the network (page and worker), counted ` +
            'with status line, headers and encoded body as received; content = Σ bundleBytes + ' +
            `mediaBytes in GET /api/v1/courses; ${emulation}`,
        ),
        atMost(
          'trip pack: time',
          median(trips.map((t) => t.seconds)),
          's',
          {
            kind: 'limit',
            label: `bytes ÷ throughput + ${first.levels} RTT`,
            value: median(trips.map((t) => t.limitSeconds)),
          },
          1.3,
          `${runs}; click to "Alle kursene er lastet ned"; limit = wire bytes ÷ ` +
            `${SLOW_4G.downloadThroughput} B/s + ${first.levels} sequential request levels ` +
            `(requests overlapping in time count once) × ${SLOW_4G.latency} ms; ${emulation}`,
        ),
      ];
    } finally {
      await browser.close();
      await server.close();
    }
  },
};
