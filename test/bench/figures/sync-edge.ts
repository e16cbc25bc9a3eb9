// Figure 5, sync over EDGE: a signed-in learner's 1,000 queued events pushed by the app's own
// sync engine (syncOnce: pushes of ≤ 1,000 events, one at a time, then the pull) over an emulated
// EDGE link, in real Chromium. Next to the limit — the bytes actually sent and received ÷ the link's throughput
// plus one round trip per request and one for the TCP connection — and next to the naive pattern
// measured in the same run: one POST per event, one after another, as workbox-background-sync
// replays its queue (NAIVE events measured, extrapolated linearly to 1,000).
import { launchChromium, startAppServer } from '../../e2e/harness';
import { PASSWORD } from '../../e2e/sync-helpers';
import { openBenchPage } from '../bench-page';
import { absolute, atLeastTimesBetter, atMost } from '../figure';
import type { BenchGroup } from '../groups';
import { reported } from '../reported';
import { recordTraffic, totals, type WireRequest } from '../wire-traffic';
import type { Catalogue } from '../../../src/shared/course';

/** EDGE as the issue sets it: 840 ms RTT, 240 kbit/s down, 200 kbit/s up (bytes per second). */
const EDGE = { latency: 840, downloadThroughput: 240_000 / 8, uploadThroughput: 200_000 / 8 };
const LESSONS = 40;
const NAIVE = 20;

/** `count` (course, lesson) pairs of the served catalogue: the server refuses events of a course
 * or lesson it does not serve (issue 12), and the sync engine would silently drop them. */
async function catalogueLessons(url: string, count: number): Promise<[string, string][]> {
  const response = await fetch(`${url}/api/v1/courses`);
  const { courses } = (await response.json()) as Catalogue;
  const lessons = courses.flatMap((c) =>
    (c.lessonIds ?? []).map((l): [string, string] => [c.id, l]),
  );
  if (lessons.length < count)
    throw new Error(`the catalogue has ${lessons.length} lessons, not ${count}`);
  return lessons.slice(0, count);
}

/** The fastest the link could carry these requests: bytes ÷ throughput, one RTT per request
 * (they go one after another: one push in flight at a time, then the pulls) and one for opening
 * the connection. */
function limitMs(requests: readonly WireRequest[]): number {
  const { up, down } = totals(requests);
  return (
    (requests.length + 1) * EDGE.latency +
    (up / EDGE.uploadThroughput) * 1000 +
    (down / EDGE.downloadThroughput) * 1000
  );
}

export const syncEdge: BenchGroup = {
  name: 'sync-edge',
  async measure() {
    const server = await startAppServer();
    const browser = await launchChromium();
    try {
      const bench = await openBenchPage(browser, server.url);
      await bench.call('signUp', `bench-${Date.now()}@example.com`, PASSWORD);
      const lessons = await catalogueLessons(server.url, LESSONS + 1);
      const queued = await bench.call('study', lessons.slice(0, LESSONS));
      const token = await bench.call('token');

      await bench.cdp.send('Network.enable');
      await bench.cdp.send('Network.emulateNetworkConditions', { offline: false, ...EDGE });
      const traffic = recordTraffic(bench.cdp);
      const sync = await bench.call('sync');
      if (sync.pending !== 0) throw new Error(`sync left ${sync.pending} events: ${sync.outcome}`);
      // Refused events leave the outbox too: a sync that stored nothing is no figure.
      const outcome = JSON.parse(sync.outcome) as { kind: string; pushed?: number };
      if (outcome.kind !== 'synced' || outcome.pushed !== queued) {
        throw new Error(`sync stored ${outcome.pushed ?? 0} of ${queued} events: ${sync.outcome}`);
      }
      const synced = await traffic.take();

      await bench.call('study', lessons.slice(LESSONS));
      const naiveMs = await bench.call('pushOneByOne', NAIVE, token);
      const naive = await traffic.take();
      traffic.stop();
      await bench.close();

      const wire = totals(synced);
      const perEvent = (wire.up + wire.down) / queued;
      const naiveWire = totals(naive);
      const naivePerEvent = (naiveWire.up + naiveWire.down) / NAIVE;
      const pushes = synced.filter((r) => r.path.startsWith('/api/v1/sync/push'));
      const json = pushes.reduce((s, r) => s + Buffer.byteLength(r.body ?? ''), 0);
      const sent = pushes.reduce((s, r) => s + r.bodyBytes, 0);
      const encodings = [...new Set(pushes.map((r) => r.encoding ?? 'none'))].join(', ');
      const link =
        `emulated EDGE on the page (Network.emulateNetworkConditions: ${EDGE.latency} ms ` +
        `latency, 240 kbit/s down, 200 kbit/s up), no CPU throttling, real Chromium and the real ` +
        `server on loopback; N = 1`;
      const requests =
        `${synced.length} requests (${pushes.length} pushes, ` +
        `${synced.length - pushes.length} pull), ${wire.up} B up, ${wire.down} B down`;
      return [
        atMost(
          `sync ${queued} events over EDGE`,
          sync.ms,
          'ms',
          { kind: 'limit', label: 'bytes ÷ throughput + RTTs', value: limitMs(synced) },
          1.2,
          `syncOnce from a signed-in page with ${queued} events in the outbox (${LESSONS} ` +
            `lessons: open, 22 positions, complete); ${requests}; limit = (requests + 1 TCP ` +
            `connect) × RTT + up ÷ 25 000 B/s + down ÷ 30 000 B/s; ${link}`,
        ),
        atLeastTimesBetter(
          `sync ${queued} events vs one POST each`,
          sync.ms,
          'ms',
          {
            kind: 'baseline',
            label: `naive, ${NAIVE} measured ×${queued / NAIVE}`,
            value: (naiveMs / NAIVE) * queued,
          },
          // Issue 13, item 7: at least 100 times the naive pattern.
          100,
          `naive: ${NAIVE} events pushed one per POST, sequentially (as workbox-background-sync ` +
            `replays), ${naiveMs.toFixed(0)} ms measured, extrapolated linearly to ${queued}; ${link}`,
        ),
        reported(
          atMost(
            'sync bytes on the wire per event',
            perEvent,
            'B',
            { kind: 'baseline', label: 'naive, one POST each', value: naivePerEvent },
            1,
            `request + response bytes from DevTools Network events (request line, headers sent, ` +
              `body; encodedDataLength received) ÷ ${queued} events; ${requests}; naive: ` +
              `${naiveWire.up + naiveWire.down} B for ${NAIVE} events`,
          ),
        ),
        absolute(
          'push body compression ratio',
          json / sent,
          '×',
          'reported',
          null,
          `JSON push bodies ${json} B, sent as ${sent} B (Content-Encoding: ${encodings}; the ` +
            `app gzips with CompressionStream where the browser has it)`,
        ),
      ];
    } finally {
      await browser.close();
      await server.close(0);
    }
  },
};
