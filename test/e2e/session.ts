// What one end-to-end test starts — servers, browser contexts, listeners — closed again after it,
// plus the page helpers the scenarios share.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchChromium, startAppServer, type AppServer, type AppServerOptions } from './harness';

/** Servers and contexts a test starts; `closeAll()` (in afterEach) stops them, newest first. */
export class TestSession {
  private readonly closers: (() => Promise<unknown>)[] = [];

  constructor(
    private readonly browser: () => Browser,
    private readonly defaults: () => AppServerOptions = () => ({}),
  ) {}

  /** Close this with the session. */
  defer(close: () => Promise<unknown>): void {
    this.closers.push(close);
  }

  /** The real server, with the session's default options. */
  async serve(options: AppServerOptions = {}): Promise<AppServer> {
    const server = await startAppServer({ ...this.defaults(), ...options });
    this.defer(() => server.close(0));
    return server;
  }

  /** A phone-sized page in a fresh context, in Bokmål. */
  newPage(): Promise<{ context: BrowserContext; page: Page }> {
    return this.pageIn({ width: 360, height: 740 });
  }

  /** A laptop-sized page in a fresh context (a second device), in Bokmål. */
  newLaptopPage(): Promise<{ context: BrowserContext; page: Page }> {
    return this.pageIn({ width: 1280, height: 800 });
  }

  private async pageIn(viewport: { width: number; height: number }) {
    const context = await this.browser().newContext({ locale: 'nb-NO', viewport });
    context.setDefaultTimeout(20_000);
    this.defer(() => context.close());
    return { context, page: await context.newPage() };
  }

  async closeAll(): Promise<void> {
    while (this.closers.length) await this.closers.pop()!().catch(() => undefined);
  }
}

/** The frame most e2e files share, called once at the top level of the file: one Chromium for
 * the file (launched before its first test, closed after its last) and a TestSession whose
 * servers and contexts close after each test. `browser()` is the launched browser. */
export function browserSession(defaults?: () => AppServerOptions): {
  session: TestSession;
  browser: () => Browser;
} {
  let launched: Browser | undefined;
  const browser = () => {
    if (!launched) throw new Error('the browser starts in beforeAll');
    return launched;
  };
  const session = new TestSession(browser, defaults);
  beforeAll(async () => {
    launched = await launchChromium();
  });
  afterEach(() => session.closeAll());
  afterAll(() => launched?.close());
  return { session, browser };
}

/** Open the app and wait until the service worker controls it with the shell precached. */
export async function openControlled(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
}

/** The screen's h1. */
export const heading1 = (page: Page, name: string) =>
  page.getByRole('heading', { level: 1, name, exact: true });

/** The course progress bar's value ("50"), on a course or lesson screen. */
export const coursePercent = (page: Page) =>
  page.getByRole('progressbar', { name: 'Kursfremdrift' }).getAttribute('aria-valuenow');
