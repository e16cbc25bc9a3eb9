// Every lesson of every course in courses/ opens in Chromium, from the real server, and renders
// its title and body with no console error, page error or failed request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Catalogue, CourseBundle } from '../../src/shared/course';
import { launchChromium, startAppServer, type AppServer } from './harness';
import { heading1 } from './session';

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('every lesson of every course', () => {
  it('renders with no console errors', async () => {
    const { courses } = (await (await fetch(`${server.url}/api/v1/courses`)).json()) as Catalogue;
    const context = await browser.newContext({
      locale: 'nb-NO',
      viewport: { width: 360, height: 740 },
    });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    // A request cut short by the next page.goto is the test moving on, not a failure.
    page.on('requestfailed', (request) => {
      const reason = request.failure()?.errorText ?? '';
      if (reason !== 'net::ERR_ABORTED') problems.push(`failed (${reason}): ${request.url()}`);
    });
    let opened = 0;
    for (const entry of courses) {
      const bundle = (await (
        await fetch(`${server.url}/api/v1/courses/${entry.id}`)
      ).json()) as CourseBundle;
      for (const lesson of bundle.lessons) {
        await page.goto(`${server.url}/kurs/${entry.id}/${lesson.id}`);
        await heading1(page, lesson.title).waitFor();
        await expect.poll(() => page.locator('main .prose').first().innerText()).not.toBe('');
        opened += 1;
      }
    }
    console.info(
      `opened ${opened} lessons of ${courses.length} courses; problems: ${problems.length}`,
    );
    expect(problems).toEqual([]);
    expect(opened).toBe(courses.reduce((sum, c) => sum + c.lessonCount, 0));
    await context.close();
  });
});
