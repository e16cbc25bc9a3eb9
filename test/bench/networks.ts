// The emulated networks and CPU of the figures, in the units Chromium's DevTools protocol
// takes (Network.emulateNetworkConditions: latency in ms, throughput in bytes per second).
import type { Page } from 'playwright-core';
import type { NetworkConditions } from '../e2e/network';

/** EDGE as the issue gives it: 840 ms round trip, 240 kbit/s down, 200 kbit/s up. */
export const EDGE: NetworkConditions = {
  offline: false,
  latency: 840,
  downloadThroughput: (240 * 1000) / 8,
  uploadThroughput: (200 * 1000) / 8,
};

/** DevTools' "Slow 4G" preset as the issue gives it: 562.5 ms, 180 KB/s down (KB = 1024 bytes,
 * as DevTools counts it); the upload is DevTools' own preset value (84.375 KB/s). */
export const SLOW_4G: NetworkConditions = {
  offline: false,
  latency: 562.5,
  downloadThroughput: 180 * 1024,
  uploadThroughput: 84.375 * 1024,
};

/** No connection at all. */
export const OFFLINE: NetworkConditions = {
  offline: true,
  latency: 0,
  downloadThroughput: -1,
  uploadThroughput: -1,
};

/** The cheap phone: the page's main thread runs 4× slower. */
export const CPU_SLOWDOWN = 4;

/** Slow the page's main thread down by `rate` (Emulation.setCPUThrottlingRate). */
export async function throttleCpu(page: Page, rate = CPU_SLOWDOWN): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/** A one-line description of network conditions for a figure's `method`. */
export const describeNetwork = (name: string, n: NetworkConditions): string =>
  `${name} (${n.latency} ms RTT, ${((n.downloadThroughput * 8) / 1000).toFixed(0)} kbit/s down, ` +
  `${((n.uploadThroughput * 8) / 1000).toFixed(0)} kbit/s up)`;
