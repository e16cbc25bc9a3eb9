// A learner takes the example course from start to finish in real Chromium, against the built
// app served by the real server; after a reload the progress is still there. Every screen on the
// way is scanned with axe-core.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CourseBundle, Lesson } from '../../src/shared/course';
import { accessibilityScans } from './harness';
import { heading1 } from './session';
import { sharedServerAndBrowser } from './shared-server';

const COURSE_ID = 'eksempel-trygg-epost';

const env = sharedServerAndBrowser();

/** Visible text of a compiled HTML fragment, for finding a control by its label. */
const textOf = (html: string): string =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(
      /&(amp|lt|gt|quot);/g,
      (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[name]!,
    )
    .replace(/\s+/g, ' ')
    .trim();

const { scanned, expectAccessible } = accessibilityScans();

async function takeLesson(page: Page, lesson: Lesson): Promise<void> {
  switch (lesson.kind) {
    case 'reading':
      await page.getByRole('button', { name: 'Merk som lest', exact: true }).click();
      break;
    case 'quiz':
      for (const [index, question] of lesson.questions.entries()) {
        await page
          .getByRole('heading', { name: `Spørsmål ${index + 1} av ${lesson.questions.length}` })
          .waitFor();
        const role = question.multiple ? 'checkbox' : 'radio';
        // First a wrong answer: the chosen option is explained and the learner may try again.
        const wrong = question.options.find((o) => !o.correct)!;
        await page.getByRole(role, { name: textOf(wrong.html) }).check();
        await page.getByRole('button', { name: 'Svar', exact: true }).click();
        await expect
          .poll(() => page.getByRole('status').allInnerTexts())
          .toContainEqual(expect.stringMatching(/Ikke riktig|Delvis riktig/));
        await page.getByText(textOf(wrong.explanationHtml).slice(0, 40)).first().waitFor();
        await page.getByRole('button', { name: 'Prøv igjen', exact: true }).click();
        for (const option of question.options) {
          const control = page.getByRole(role, { name: textOf(option.html) });
          if (option.correct) await control.check();
          else await control.uncheck();
        }
        await page.getByRole('button', { name: 'Svar', exact: true }).click();
        await expect
          .poll(() => page.getByRole('status').allInnerTexts())
          .toContainEqual(expect.stringContaining('Riktig!'));
        const last = index === lesson.questions.length - 1;
        await page
          .getByRole('button', { name: last ? 'Se resultatet' : 'Neste spørsmål', exact: true })
          .click();
      }
      break;
    case 'checklist':
      for (const item of lesson.items) {
        await page.getByRole('checkbox', { name: textOf(item.html) }).check();
      }
      await page.getByRole('button', { name: 'Fullfør sjekklisten', exact: true }).click();
      break;
    case 'reflection':
      await page
        .getByRole('textbox', { name: 'Dine tanker' })
        .fill('Vi innfører to-personers kontroll av nye kontonumre.');
      await page.getByText('Utkastet er lagret', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Lagre', exact: true }).click();
      break;
  }
}

async function expectCourseFinished(page: Page, title: string): Promise<void> {
  await heading1(page, title).waitFor();
  await page.getByRole('heading', { name: 'Du har fullført kurset!' }).waitFor();
  await expect
    .poll(() =>
      page.getByRole('progressbar', { name: 'Kursfremdrift' }).getAttribute('aria-valuenow'),
    )
    .toBe('100');
}

describe('a learner takes the example course', () => {
  it('completes every lesson through the UI and finds 100 % after a reload', async () => {
    const bundle = (await (
      await fetch(`${env.server.url}/api/v1/courses/${COURSE_ID}`)
    ).json()) as CourseBundle;
    const kinds = new Set(bundle.lessons.map((l) => l.kind));
    expect([...kinds].sort()).toEqual(['checklist', 'quiz', 'reading', 'reflection']);

    const context = await env.browser.newContext({
      locale: 'nb-NO',
      viewport: { width: 360, height: 740 },
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });

    await page.goto(env.server.url);
    await heading1(page, 'Dine kurs').waitFor();
    await expectAccessible(page, 'home (empty)');

    await page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Kurs', exact: true })
      .click();
    await heading1(page, 'Alle kurs').waitFor();
    await page.getByRole('link', { name: bundle.title }).waitFor();
    await expectAccessible(page, 'catalogue');

    await page.getByRole('link', { name: bundle.title }).click();
    await heading1(page, bundle.title).waitFor();
    await expectAccessible(page, 'course');

    await page.getByRole('link', { name: 'Start kurset', exact: true }).click();
    for (const [index, lesson] of bundle.lessons.entries()) {
      await heading1(page, lesson.title).waitFor();
      await expectAccessible(page, `lesson: ${lesson.kind}`);
      await takeLesson(page, lesson);
      const last = index === bundle.lessons.length - 1;
      await page
        .getByRole('heading', { name: last ? 'Du har fullført kurset!' : 'Leksjonen er fullført' })
        .waitFor();
      if (!last) await page.getByRole('link', { name: 'Neste leksjon', exact: true }).click();
    }
    await expectAccessible(page, 'course finished');

    await page.getByRole('link', { name: 'Tilbake til kurset', exact: true }).click();
    await expectCourseFinished(page, bundle.title);

    await page.reload();
    await expectCourseFinished(page, bundle.title);

    await page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Hjem', exact: true })
      .click();
    await heading1(page, 'Dine kurs').waitFor();
    await expectAccessible(page, 'home (with a course)');

    expect(problems).toEqual([]);
    expect(Object.keys(scanned)).toHaveLength(9);
    console.info(`axe-core violations per screen: ${JSON.stringify(scanned)}`);
    await context.close();
  });
});
