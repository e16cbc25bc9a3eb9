// A real server and a Chromium shared by every test of one file (registers beforeAll/afterAll).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, startAppServer, type AppServer } from './harness';

/** One real server and one Chromium shared by every test of a file: started before the first,
 * closed after the last. Read `server` and `browser` inside the tests. */
export function sharedServerAndBrowser(): {
  readonly server: AppServer;
  readonly browser: Browser;
} {
  let server: AppServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('the server starts in beforeAll');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser;
    },
  };
}
