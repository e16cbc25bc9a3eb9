// Issue 13: nynorsk and English are chunks loaded on demand. A learner who switches language on
// the ferry — server stopped, browser offline — gets the new language at once: the service
// worker answers the dictionary's chunk from its precache, and the choice survives a reload.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { writeCatalogue } from './fixtures';
import { launchChromium } from './harness';
import { countConnections, logRequests } from './network';
import { heading1, openControlled, TestSession } from './session';

let browser: Browser;
let coursesDir: string;
const session = new TestSession(
  () => browser,
  () => ({ coursesDir }),
);

beforeAll(async () => {
  browser = await launchChromium();
  coursesDir = await writeCatalogue();
});
afterEach(() => session.closeAll());
afterAll(() => browser?.close());

describe('language switch offline', () => {
  it('loads the English dictionary from the service worker and keeps it after a reload', async () => {
    const server = await session.serve();
    const { context, page } = await session.newPage();
    await openControlled(page, server.url);

    await server.close(0);
    const connections = await countConnections(server.port);
    session.defer(() => connections.close());
    await context.setOffline(true);
    const requests = logRequests(context);

    const settings = await page.goto(`${server.url}/innstillinger`);
    expect(settings?.fromServiceWorker()).toBe(true);
    await heading1(page, 'Innstillinger').waitFor();
    await page.getByRole('radio', { name: 'English' }).check();
    await heading1(page, 'Settings').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await requests.settle();
    const dictionary = requests.records.filter((r) => /\/assets\/en-[\w-]+\.js$/.test(r.url));
    expect(dictionary.length).toBeGreaterThan(0);
    expect(dictionary.every((r) => r.servedByWorker)).toBe(true);

    // A cold start offline, in English from the first paint.
    await page.reload();
    await heading1(page, 'Settings').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await requests.settle();
    expect(requests.network()).toEqual([]);
    // Chromium's own update check of sw.js on navigation is the browser's, not the app's.
    expect(connections.appRequests()).toEqual([]);
  });
});
