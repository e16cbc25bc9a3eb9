// Issue 16 item 4 in Chromium on a 360 px phone: "Ukemål og studieplan", offline. The app is
// opened once online, so the service worker holds its shell; then the server is stopped and
// everything else comes from the worker: Settings links to /studieplan (a chunk of its own), the
// learner picks a weekly goal, writes their own plan, saves it, and "Legg i kalenderen" saves an
// .ics file made on the device, which ical.js reads back as one weekly event at the chosen time
// in Europe/Oslo with a reminder and a link to the app. axe-core finds no violation on the form
// (with an error showing) or on the saved plan, and nothing sticks out sideways.
// With SCREENSHOTS=1 it writes the saved plan at 360 × 740 px to docs/screenshots/study-plan.png.
import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityScans } from './harness';
import { browserSession, heading1, openControlled } from './session';
import { NARROW, screenshot } from './screenshots';

const { session } = browserSession();
const { scanned, expectAccessible } = accessibilityScans();

/** How far the page is wider than the viewport (0: nothing sticks out sideways). */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('weekly goal and study plan', () => {
  it('is reached from Settings, works offline, and puts the plan in a calendar file', async () => {
    const server = await session.serve();
    const { page } = await session.newPage();
    expect(page.viewportSize()).toEqual(NARROW);
    await openControlled(page, `${server.url}/innstillinger`);
    const origin = server.url;

    // Offline from here on: the server is gone, the worker answers.
    await server.close(0);
    const settings = await page.reload();
    expect(settings?.fromServiceWorker()).toBe(true);
    await heading1(page, 'Innstillinger').waitFor();
    const section = page.getByRole('region', { name: 'Ukemål og studieplan' });
    await section.getByRole('link', { name: 'Lag en studieplan' }).click();
    await heading1(page, 'Ukemål og studieplan').waitFor();
    expect(new URL(page.url()).pathname).toBe('/studieplan');

    // The weekly goal: 2 until chosen, stored at once.
    const goals = page.getByRole('group', { name: 'Hvor mange leksjoner vil du ta i uka?' });
    await expect
      .poll(() => goals.getByRole('radio', { name: '2 leksjoner i uka' }).isChecked())
      .toBe(true);
    await goals.getByRole('radio', { name: '3 leksjoner i uka' }).check();
    await page.getByText('Ukemålet er lagret.').waitFor();

    // The plan: own words, left empty first — the error is tied to the field.
    const plan = page.getByRole('region', { name: 'Studieplan' });
    await plan.getByRole('radio', { name: 'Noe annet – skriv selv' }).check();
    await plan.getByRole('button', { name: 'Lagre planen' }).click();
    const own = plan.getByRole('textbox', { name: 'Din situasjon' });
    await expect.poll(() => own.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('plan-own');
    await expectAccessible(page, 'study plan: form with an error');

    await own.fill('jeg har satt på kaffen');
    await plan.getByRole('combobox', { name: 'Dag' }).selectOption({ label: 'Tirsdag' });
    await plan.getByLabel('Klokkeslett').fill('07:30');
    await plan
      .getByText('Hver tirsdag kl. 07:30: Når jeg har satt på kaffen, tar jeg én leksjon.')
      .waitFor();
    await plan.getByRole('button', { name: 'Lagre planen' }).click();
    const yours = plan.getByRole('heading', { name: 'Planen din' });
    await yours.waitFor();
    await page.getByText('Planen er lagret.').waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Planen din');
    await expectAccessible(page, 'study plan: saved');
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

    // "Legg i kalenderen": a file made on the device, read back with ical.js.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      plan.getByRole('button', { name: 'Legg i kalenderen' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('lommekurs-studieplan.ics');
    const text = await readFile((await download.path())!, 'utf8');
    await page.getByText('Kalenderfilen lommekurs-studieplan.ics er lastet ned.').waitFor();

    const calendar = new ICAL.Component(ICAL.parse(text));
    const vevents = calendar.getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(1);
    const vevent = vevents[0]!;
    const event = new ICAL.Event(vevent);
    const rrule = vevent.getFirstPropertyValue('rrule') as ICAL.Recur;
    expect(rrule.freq).toBe('WEEKLY');
    expect(rrule.parts.BYDAY).toEqual(['TU']);
    expect(vevent.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Oslo');
    expect(event.startDate.toString().slice(11, 16)).toBe('07:30');
    expect(event.startDate.dayOfWeek()).toBe(ICAL.Time.TUESDAY);
    const start = event.startDate.toUnixTime() * 1000;
    expect(start).toBeGreaterThan(Date.now());
    expect(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Oslo',
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .format(start)
        .replace(',', ''),
    ).toBe('Tue 07:30');
    expect(vevent.getAllSubcomponents('valarm')).toHaveLength(1);
    expect(vevent.getFirstPropertyValue('url')).toBe(`${origin}/`);
    expect(event.description).toContain('Når jeg har satt på kaffen, tar jeg én leksjon.');
    expect(event.description).toContain(`${origin}/`);

    await screenshot(
      page,
      'study-plan',
      plan.getByRole('heading', { level: 2, name: 'Studieplan' }),
      'start',
    );

    // After a reload (still offline) the goal and the plan are there.
    const again = await page.reload();
    expect(again?.fromServiceWorker()).toBe(true);
    await plan.getByRole('heading', { name: 'Planen din' }).waitFor();
    await expect
      .poll(() => goals.getByRole('radio', { name: '3 leksjoner i uka' }).isChecked())
      .toBe(true);
    console.info(`axe violations per screen: ${JSON.stringify(scanned)}`);
  });
});
