// Issue figure 3: an offline warm start. The app is visited once online (the service worker
// installs and precaches the shell; the example course is downloaded, so its first lesson plays
// offline), then the server is stopped and the browser taken offline (context.setOffline, and
// Network.emulateNetworkConditions offline on the page and the service worker), and the first
// lesson's URL is opened RUNS times with a 4× slower CPU: navigation start to the lesson's h1
// painted. Baseline in the same run: navigations to /manifest.webmanifest, which the same service
// worker answers from its precache, to its first painted frame. Every request that went past the
// service worker is counted, and a listener on the stopped server's port counts connections.
import type { CatalogueEntry, CourseBundle } from '../../../src/shared/course';
import { bundleUrl } from '../../../src/shared/course';
import { launchChromium, startAppServer } from '../../e2e/harness';
import { countConnections, emulateNetwork, logRequests } from '../../e2e/network';
import { openControlled } from '../../e2e/session';
import { downloadCourse } from '../../e2e/sync-helpers';
import type { BenchGroup } from '../groups';
import { absolute, percentile, type Figure } from '../figure';
import { CPU_SLOWDOWN, OFFLINE, throttleCpu } from '../networks';
import { installTiming, waitForPaint } from '../page-timing';
import type { Page } from 'playwright-core';

const RUNS = 20;
const COURSE_ID = 'eksempel-trygg-epost';
const BASELINE_PATH = '/manifest.webmanifest';

/** Navigate and return ms from navigation start to the first painted watched element, after
 * checking that the service worker answered the navigation. */
async function timedNavigation(page: Page, url: string): Promise<number> {
  const response = await page.goto(url, { waitUntil: 'commit', timeout: 30_000 });
  if (!response?.fromServiceWorker()) throw new Error(`${url} was not served by the worker`);
  const timing = await waitForPaint(page, 30_000);
  return timing.painted!;
}

export const warmStart: BenchGroup = {
  name: 'warm-start',
  async measure(): Promise<Figure[]> {
    const server = await startAppServer({ coursesDir: 'courses' });
    const browser = await launchChromium();
    let serverClosed = false;
    try {
      const catalogue = (await (await fetch(`${server.url}/api/v1/courses`)).json()) as {
        courses: CatalogueEntry[];
      };
      if (!catalogue.courses.some((c) => c.id === COURSE_ID)) throw new Error('no example course');
      const bundle = (await (
        await fetch(`${server.url}${bundleUrl(COURSE_ID)}`)
      ).json()) as CourseBundle;
      const lesson = bundle.lessons[0]!;
      const lessonUrl = `${server.url}/kurs/${COURSE_ID}/${lesson.id}`;

      const context = await browser.newContext({
        locale: 'nb-NO',
        viewport: { width: 360, height: 740 },
      });
      // The lesson: its h1 with the lesson's title (not the loading heading). The baseline: the
      // text Chromium renders a JSON document into.
      await installTiming(
        context,
        { selector: 'main h1', text: lesson.title },
        { selector: 'body > pre' },
      );
      const page = await context.newPage();
      await openControlled(page, `${server.url}/`);
      await downloadCourse(page, server.url, { id: COURSE_ID, title: bundle.title });
      // Once online so that the lesson chunk and the lesson's own first run are not what is timed.
      await page.goto(lessonUrl);
      await waitForPaint(page);

      const port = Number(new URL(server.url).port);
      await server.close();
      serverClosed = true;
      const connections = await countConnections(port);
      await context.setOffline(true);
      const network = await emulateNetwork(browser, page, server.url);
      await network.set(OFFLINE);
      await throttleCpu(page);
      const log = logRequests(context);

      const lessonTimes: number[] = [];
      const baselineTimes: number[] = [];
      for (let i = 0; i < RUNS; i++) lessonTimes.push(await timedNavigation(page, lessonUrl));
      for (let i = 0; i < RUNS; i++)
        baselineTimes.push(await timedNavigation(page, `${server.url}${BASELINE_PATH}`));
      await log.settle();
      const reached = log.network().length + connections.appRequests().length;
      log.stop();
      await connections.close();
      await network.detach();
      await context.close();

      const method =
        `${RUNS} navigations to the first lesson of ${COURSE_ID}, offline (server stopped, ` +
        `context offline, page and service worker emulated offline), CPU ${CPU_SLOWDOWN}× slower; ` +
        'navigation start to the first frame painted with the lesson h1 (MutationObserver, then ' +
        'rAF + message); baseline: the same for ' +
        `${RUNS} navigations to ${BASELINE_PATH} (precached), to its first painted frame`;
      const baseline = (p: number) => ({
        kind: 'baseline' as const,
        label: `${BASELINE_PATH} p${p}`,
        value: percentile(baselineTimes, p),
      });
      // The target is absolute (p50 ≤ 400 ms); the baseline is shown beside it as a ratio.
      const versusBaseline = (p: number, target: string, met: boolean | null): Figure => {
        const value = percentile(lessonTimes, p);
        const reference = baseline(p);
        return {
          figure: `offline warm start: lesson p${p}`,
          value,
          unit: 'ms',
          reference,
          ratio: value / reference.value,
          target,
          met,
          method,
        };
      };
      const p50 = percentile(lessonTimes, 50);
      return [
        versusBaseline(50, '≤ 400 ms', p50 <= 400),
        versusBaseline(95, '', null),
        absolute(
          'offline warm start: requests to network',
          reached,
          'requests',
          '= 0',
          reached === 0,
          `requests past the service worker (Playwright request log, page and worker) during all ` +
            `${2 * RUNS} offline navigations, plus connections to the stopped server's port ` +
            `other than the browser's own /sw.js update check (${connections.requests.length} ` +
            'connection(s) in all)',
        ),
      ];
    } finally {
      await browser.close();
      if (!serverClosed) await server.close();
    }
  },
};
