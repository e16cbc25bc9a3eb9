// Timestamps taken inside the page, relative to its navigation start (performance.now()): when
// a watched element was first painted, the largest contentful paint, and the long tasks, so that
// "usable" can be told apart from "drawn". Installed with addInitScript, so every navigation of
// the context carries the probe from its first script on.
import type { BrowserContext, Page } from 'playwright-core';

/** An element whose first paint is timed: the first match of `selector` that has a layout box
 * and, when `text` is given, exactly that text. With several, the first of them to appear. */
export interface Watched {
  selector: string;
  text?: string;
}

/** What the probe has seen so far on the current document. */
export interface PageTiming {
  /** When the watched element was first painted (ms since navigation start), if it was. */
  painted: number | null;
  /** The last largest-contentful-paint candidate's startTime, if any. */
  lcp: number | null;
  /** Long tasks (> 50 ms) as [start, end]. */
  longTasks: [number, number][];
  /** performance.now() when this was read. */
  now: number;
}

interface Probe {
  painted: number | null;
  lcp: number | null;
  longTasks: [number, number][];
}

/** Install the probe for every document the context loads. */
export async function installTiming(context: BrowserContext, ...watched: Watched[]): Promise<void> {
  // Given as source text with a no-op `__name`: tsx (esbuild, keepNames) wraps the named inner
  // functions in calls to a helper that exists in Node but not in the page.
  await context.addInitScript({
    content: `var __name = (f) => f; (${probe.toString()})(...${JSON.stringify(watched)});`,
  });
}

/** The probe itself, run in the page before any of its scripts. */
function probe(...targets: Watched[]): void {
  const state: Probe = { painted: null, lcp: null, longTasks: [] };
  (window as unknown as { __benchProbe: Probe }).__benchProbe = state;
  const observe = (type: string, take: (entry: PerformanceEntry) => void) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(take)).observe({
        type,
        buffered: true,
      });
    } catch {
      // An entry type this browser does not support stays null.
    }
  };
  observe('largest-contentful-paint', (entry) => {
    state.lcp = entry.startTime;
  });
  observe('longtask', (entry) => {
    state.longTasks.push([entry.startTime, entry.startTime + entry.duration]);
  });
  let seen = false;
  const check = () => {
    if (seen) return;
    const found = targets.some((target) =>
      Array.from(document.querySelectorAll(target.selector)).some(
        (element) =>
          // Text first: getClientRects forces a layout, which would slow the page being timed.
          (target.text === undefined || element.textContent?.trim() === target.text) &&
          element.getClientRects().length > 0,
      ),
    );
    if (!found) return;
    seen = true;
    observer.disconnect();
    // The frame that shows it is produced after this animation frame's callbacks; a message
    // posted from inside the callback is handled after that frame's paint.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        state.painted = performance.now();
      };
      channel.port2.postMessage(null);
    });
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, characterData: true });
}

/** Read the probe of the page's current document. */
export function readTiming(page: Page): Promise<PageTiming> {
  return page.evaluate(() => {
    const probe = (window as unknown as { __benchProbe?: Probe }).__benchProbe;
    return {
      painted: probe?.painted ?? null,
      lcp: probe?.lcp ?? null,
      longTasks: probe?.longTasks ?? [],
      now: performance.now(),
    };
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Poll until the watched element has been painted; its time since navigation start. */
export async function waitForPaint(page: Page, timeoutMs = 60_000): Promise<PageTiming> {
  for (const started = Date.now(); Date.now() - started < timeoutMs; await sleep(50)) {
    const timing = await readTiming(page).catch(() => null);
    if (timing?.painted != null) return timing;
  }
  throw new Error(`watched element not painted within ${timeoutMs} ms on ${page.url()}`);
}

/** "Usable": the watched element is painted and the main thread is idle — the end of the last
 * long task, or the paint if later, once `quietMs` have passed after it without a long task
 * (Lighthouse's time-to-interactive idea, with a shorter window and without the network part). */
export async function waitUntilUsable(
  page: Page,
  quietMs = 1000,
  timeoutMs = 60_000,
): Promise<PageTiming & { usable: number }> {
  const started = Date.now();
  let timing = await waitForPaint(page, timeoutMs);
  for (;;) {
    const painted = timing.painted!;
    const lastBusy = Math.max(painted, ...timing.longTasks.map(([, end]) => end));
    if (timing.now - lastBusy >= quietMs) return { ...timing, usable: lastBusy };
    if (Date.now() - started > timeoutMs) throw new Error('main thread never went quiet');
    await sleep(100);
    timing = await readTiming(page);
  }
}
