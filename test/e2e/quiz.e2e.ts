// Quizzes that test, in real Chromium against the built app and the real server: a wrong answer
// survives a reload and stays open to retry, the first attempt is what scores, and a wrong answer
// marks the learner's own choice clearly without giving away the right one.
import { afterEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { accessibilityScans } from './harness';
import { heading1 } from './session';
import { sharedServerAndBrowser } from './shared-server';

const QUIZ_URL = '/kurs/eksempel-trygg-epost/test-deg-selv';
const QUIZ_TITLE = 'Test deg selv';
const WRONG_1 = 'Klikker på lenken og logger inn med BankID, så kontoen ikke blir sperret.';
const RIGHT_1 = 'Lukker e-posten og åpner nettbanken selv, i appen eller ved å skrive adressen.';
const RIGHT_2 = [
  'Ringe leverandøren på et telefonnummer du hadde fra før, og spørre.',
  'La en kollega kontrollere endringen før noe blir betalt.',
];
const WRONG_1_WHY = 'Hastverk og en lenke til innlogging er typiske tegn på svindel.';
const RIGHT_1_WHY = 'Når du går inn selv, vet du at du er hos den ekte banken.';
const OTHER_1_WHY = 'Svaret går til svindleren';

const env = sharedServerAndBrowser();
const { scanned, expectAccessible } = accessibilityScans();
const contexts: { close(): Promise<void> }[] = [];
afterEach(async () => {
  while (contexts.length) await contexts.pop()!.close();
});

async function openQuiz(): Promise<Page> {
  const context = await env.browser.newContext({
    locale: 'nb-NO',
    viewport: { width: 360, height: 740 },
  });
  context.setDefaultTimeout(20_000);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(env.server.url + QUIZ_URL);
  await heading1(page, QUIZ_TITLE).waitFor();
  return page;
}

const questionHeading = (page: Page, n: number) =>
  page.getByRole('heading', { level: 2, name: `Spørsmål ${n} av 2`, exact: true });
const feedback = (page: Page) => page.getByRole('main').getByRole('status');

async function answer(page: Page, role: 'radio' | 'checkbox', labels: string[]): Promise<void> {
  for (const label of labels) await page.getByRole(role, { name: label }).check();
  await page.getByRole('button', { name: 'Svar', exact: true }).click();
}

/** WCAG contrast ratio of two computed `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, b] = css
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map(Number)
      .map((c) => c / 255);
    const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The colours a sighted learner sees for one option row. */
const rowColours = (row: Locator) =>
  row.evaluate((option) => {
    const box = option.firstElementChild ?? option;
    const style = getComputedStyle(box);
    let bg = 'rgba(0, 0, 0, 0)';
    for (let el: Element | null = box; el && /rgba\(0, 0, 0, 0\)|transparent/.test(bg);) {
      bg = getComputedStyle(el).backgroundColor;
      el = el.parentElement;
    }
    return {
      text: style.color,
      border: style.borderTopColor,
      borderWidth: parseFloat(style.borderTopWidth),
      background: bg,
      page: getComputedStyle(document.body).backgroundColor,
    };
  });

describe('a quiz in the browser', () => {
  it('keeps a wrong answer open to retry after a reload, and scores the first attempt', async () => {
    const page = await openQuiz();
    await questionHeading(page, 1).waitFor();
    await answer(page, 'radio', [WRONG_1]);
    await expect.poll(() => feedback(page).innerText()).toMatch(/^Ikke riktig/);

    await page.reload();
    await heading1(page, QUIZ_TITLE).waitFor();
    // Still on question 1, with the wrong answer shown and a retry offered.
    await questionHeading(page, 1).waitFor();
    await page.getByRole('button', { name: 'Prøv igjen', exact: true }).click();
    await answer(page, 'radio', [RIGHT_1]);
    await expect.poll(() => feedback(page).innerText()).toBe('Riktig!');
    await page.getByRole('button', { name: 'Neste spørsmål', exact: true }).click();

    await questionHeading(page, 2).waitFor();
    await answer(page, 'checkbox', RIGHT_2);
    await expect.poll(() => feedback(page).innerText()).toBe('Riktig!');
    await page.getByRole('button', { name: 'Se resultatet', exact: true }).click();

    await page.getByRole('heading', { level: 2, name: 'Resultat' }).waitFor();
    const result = page.locator('.quiz-result');
    await expect.poll(() => result.innerText()).toMatch(/1 av 2 riktige på første forsøk/);

    // The same score after another reload: it is derived from the stored attempts.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Resultat' }).waitFor();
    await expect
      .poll(() => page.locator('.quiz-result').innerText())
      .toMatch(/1 av 2 riktige på første forsøk/);
    await expectAccessible(page, 'quiz result');
  });

  it('marks a wrong choice clearly and keeps the right answer hidden until asked', async () => {
    const page = await openQuiz();
    await questionHeading(page, 1).waitFor();
    await answer(page, 'radio', [WRONG_1]);
    await expect.poll(() => feedback(page).innerText()).toMatch(/^Ikke riktig/);

    // Why the chosen option is wrong, and nothing about the others.
    await page.getByText(WRONG_1_WHY).waitFor();
    const main = page.getByRole('main');
    await expect.poll(() => main.getByText(RIGHT_1_WHY).count()).toBe(0);
    await expect.poll(() => main.getByText(OTHER_1_WHY).count()).toBe(0);
    await expect.poll(() => main.getByText('Riktig svar', { exact: true }).count()).toBe(0);

    // The learner's own choice: named as theirs and as wrong, in colours that can be seen.
    const chosen = page.locator('.options > li', { hasText: WRONG_1 });
    await expect.poll(() => chosen.innerText()).toMatch(/Ditt svar: feil/);
    const colours = await rowColours(chosen);
    expect(contrast(colours.text, colours.background)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(colours.border, colours.page)).toBeGreaterThanOrEqual(3);
    expect(colours.borderWidth).toBeGreaterThanOrEqual(2);
    // Not a disabled control, which browsers draw pale grey.
    expect(await page.locator('.quiz-question :disabled').count()).toBe(0);
    const mark = await chosen.locator('.choice-mark').evaluate((el) => ({
      fill: getComputedStyle(el).backgroundColor,
      glyph: getComputedStyle(el).color,
    }));
    expect(contrast(mark.fill, colours.background)).toBeGreaterThanOrEqual(3);
    expect(contrast(mark.glyph, mark.fill)).toBeGreaterThanOrEqual(4.5);
    await expectAccessible(page, 'quiz after a wrong answer');

    // Asking for the answer reveals it, and then the question is settled: no retry.
    await page.getByRole('button', { name: 'Vis svaret', exact: true }).click();
    await page.getByText(RIGHT_1_WHY).waitFor();
    await expect.poll(() => main.getByText('Riktig svar', { exact: true }).count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: 'Prøv igjen' }).count()).toBe(0);
    await expectAccessible(page, 'quiz after the answer is shown');

    // The shown answer is stored: after a reload question 1 is done, and it scores nothing.
    await page.reload();
    await questionHeading(page, 2).waitFor();
    await answer(page, 'checkbox', RIGHT_2);
    await page.getByRole('button', { name: 'Se resultatet', exact: true }).click();
    const result = page.locator('.quiz-result');
    await expect.poll(() => result.innerText()).toMatch(/1 av 2 riktige på første forsøk/);
    await expect.poll(() => result.innerText()).toMatch(/Spørsmål 1: du så svaret etter 1 forsøk/);
    console.info(`axe-core violations per screen: ${JSON.stringify(scanned)}`);
  });
});
