// Issue 16, acceptance 2, in Chromium against the built app and the real server: a learner
// completes a quiz lesson offline on the phone; the phone's clock (emulated) moves one day; Home
// shows the review as due and the app badge is set; the learner answers it offline. Back online,
// a laptop signed in to the same account shows the same next review date. axe-core scans the new
// screens.
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { accessibilityScans } from './harness';
import { screenshot } from './screenshots';
import { browserSession, heading1, openControlled } from './session';
import { downloadCourse, readDeviceSync, signIn, signUp, syncStatus } from './sync-helpers';

const COURSE = { id: 'eksempel-trygg-epost', title: 'Trygg e-post for små bedrifter' };
const QUIZ_URL = `/kurs/${COURSE.id}/test-deg-selv`;
const RIGHT_1 = 'Lukker e-posten og åpner nettbanken selv, i appen eller ved å skrive adressen.';
const RIGHT_2 = [
  'Ringe leverandøren på et telefonnummer du hadde fra før, og spørre.',
  'La en kollega kontrollere endringen før noe blir betalt.',
];
const EMAIL = 'repetisjon@example.no';
const DAY = 86_400_000;

const { session } = browserSession();
const { scanned, expectAccessible } = accessibilityScans();

/** Records every number the app asks the installed icon to show (the Badging API is a browser
 * boundary: the call goes through to Chromium as well). */
async function spyOnBadge(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const calls: number[] = [];
    Object.assign(window, { badgeCalls: calls });
    const set = navigator.setAppBadge?.bind(navigator);
    const clear = navigator.clearAppBadge?.bind(navigator);
    navigator.setAppBadge = (count?: number) => {
      calls.push(count ?? 0);
      return set ? set(count).catch(() => undefined) : Promise.resolve();
    };
    navigator.clearAppBadge = () => {
      calls.push(0);
      return clear ? clear().catch(() => undefined) : Promise.resolve();
    };
  });
}

const badgeCalls = (page: Page) =>
  page.evaluate(() => (window as unknown as { badgeCalls: number[] }).badgeCalls);
const lastBadge = async (page: Page) => (await badgeCalls(page)).at(-1) ?? null;

const reviewRegion = (page: Page) => page.getByRole('region', { name: 'Repetisjon' });
const nextReviewLine = (page: Page) => page.getByText(/^Neste repetisjon: /);

/** Answers the question on screen right: the quiz's two questions are told apart by their options. */
async function answerRight(page: Page): Promise<void> {
  const single = page.getByRole('radio', { name: RIGHT_1 });
  const multiple = page.getByRole('checkbox', { name: RIGHT_2[0]! });
  await single.or(multiple).waitFor();
  if (await single.isVisible()) await single.check();
  else for (const label of RIGHT_2) await page.getByRole('checkbox', { name: label }).check();
  await page.getByRole('button', { name: 'Svar', exact: true }).click();
}

describe('learning that sticks', () => {
  it('brings a quiz done offline back a day later, badges it, and shows the same next date on a second device', async () => {
    const server = await session.serve();
    const problems: string[] = [];
    const now = Date.now();

    // The phone: its clock a day back, so that moving it one day forward reaches today.
    const { context: phoneContext, page: phone } = await session.newPage();
    phone.on('pageerror', (error) => problems.push(`phone: ${error.message}`));
    await spyOnBadge(phoneContext);
    await phoneContext.clock.install({ time: now - DAY });
    await phoneContext.clock.resume();
    await openControlled(phone, server.url);
    await signUp(phone, server.url, EMAIL);
    await downloadCourse(phone, server.url, COURSE);

    // Offline on the ferry: the quiz, both questions right.
    await phoneContext.setOffline(true);
    await phone.goto(server.url + QUIZ_URL);
    await heading1(phone, 'Test deg selv').waitFor();
    await answerRight(phone);
    await phone.getByRole('button', { name: 'Neste spørsmål', exact: true }).click();
    await answerRight(phone);
    await phone.getByRole('button', { name: 'Se resultatet', exact: true }).click();
    await phone.getByRole('heading', { level: 2, name: 'Resultat' }).waitFor();
    await phone.goto(`${server.url}/`);
    await heading1(phone, 'Dine kurs').waitFor();
    const beforeNextLine = await nextReviewLine(phone).innerText();
    const dueBefore = await reviewRegion(phone)
      .getByText(/spørsmål venter/)
      .count();

    // A day later, still offline: the review is due on Home, and the installed icon says 2.
    await phoneContext.clock.setSystemTime(now);
    await phone.reload();
    await heading1(phone, 'Dine kurs').waitFor();
    const due = reviewRegion(phone).getByText(/spørsmål venter/);
    await due.waitFor();
    const dueText = await due.innerText();
    await expect.poll(() => lastBadge(phone)).toBe(2);
    const badgeWhenDue = await badgeCalls(phone);
    await expectAccessible(phone, 'home with review due');
    await screenshot(phone, 'home-review-due', reviewRegion(phone), 'start');

    // The review, offline: each answer explained as in the lesson, each an event in the outbox.
    await reviewRegion(phone).getByRole('link', { name: 'Start repetisjon' }).click();
    await heading1(phone, 'Repetisjon').waitFor();
    await answerRight(phone);
    await phone.getByRole('main').getByRole('status').getByText('Riktig!').waitFor();
    await expectAccessible(phone, 'review, an answer explained');
    await screenshot(phone, 'review-answer', phone.getByRole('main'), 'start');
    await phone.getByRole('button', { name: 'Neste spørsmål', exact: true }).click();
    await answerRight(phone);
    await phone.getByRole('button', { name: 'Ferdig', exact: true }).click();
    await phone.getByRole('heading', { name: 'Repetisjonen er ferdig' }).waitFor();
    const score = await phone.locator('.quiz-score').innerText();
    await expectAccessible(phone, 'review finished');
    const waiting = (await readDeviceSync(phone)).outbox;
    const reviewEvents = waiting.filter((e) => e.type === 'review.answered').length;
    await expect.poll(() => lastBadge(phone)).toBe(0);
    const badgeAfterReview = await badgeCalls(phone);

    await phone.goto(`${server.url}/`);
    await heading1(phone, 'Dine kurs').waitFor();
    const phoneNext = await nextReviewLine(phone).innerText();

    // Back online: the phone syncs everything it kept.
    await phoneContext.setOffline(false);
    await expect
      .poll(async () => (await readDeviceSync(phone)).outbox.length, { timeout: 30_000 })
      .toBe(0);

    // The laptop: a fresh profile signed in to the same account, the course downloaded.
    const { page: laptop } = await session.newLaptopPage();
    laptop.on('pageerror', (error) => problems.push(`laptop: ${error.message}`));
    await signIn(laptop, server.url, EMAIL);
    await syncStatus(laptop).getByText('Alt er synkronisert').waitFor();
    await downloadCourse(laptop, server.url, COURSE);
    await laptop.goto(`${server.url}/`);
    await heading1(laptop, 'Dine kurs').waitFor();
    const laptopNext = await nextReviewLine(laptop).innerText();
    await expectAccessible(laptop, 'home on the laptop, review scheduled');

    console.info(
      `review: before the day passed Home said "${beforeNextLine}" (${dueBefore} due); a day later "${dueText}", badge calls ${JSON.stringify(badgeWhenDue)}, after the review ${JSON.stringify(badgeAfterReview)}; ` +
        `session "${score}", ${reviewEvents} review.answered events in the outbox offline; phone "${phoneNext}", laptop "${laptopNext}"; ` +
        `axe-core violations: ${JSON.stringify(scanned)}`,
    );
    expect(dueBefore).toBe(0);
    expect(dueText).toMatch(/^2 spørsmål venter/);
    expect(score).toBe('2 av 2 riktige');
    expect(reviewEvents).toBe(2);
    expect(laptopNext).toBe(phoneNext);
    expect(problems).toEqual([]);
  });
});
