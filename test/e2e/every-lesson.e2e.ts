// Every lesson of every course in courses/ opens in Chromium, from the real server, and renders
// its title and body with no console error, page error or failed request.
import { describe, expect, it } from 'vitest';
import type { Catalogue, CourseBundle } from '../../src/shared/course';
import { heading1 } from './session';
import { sharedServerAndBrowser } from './shared-server';

const env = sharedServerAndBrowser();

describe('every lesson of every course', () => {
  it('renders with no console errors', async () => {
    const { courses } = (await (
      await fetch(`${env.server.url}/api/v1/courses`)
    ).json()) as Catalogue;
    const context = await env.browser.newContext({
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
        await fetch(`${env.server.url}/api/v1/courses/${entry.id}`)
      ).json()) as CourseBundle;
      for (const lesson of bundle.lessons) {
        await page.goto(`${env.server.url}/kurs/${entry.id}/${lesson.id}`);
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
