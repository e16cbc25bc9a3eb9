// Issue 12, item 3, end to end in Chromium: sessions a learner can see and end. Two browser
// contexts (two devices) sign in to one account. On the first, Settings lists both devices ("Denne
// enheten" first, the other with its browser and platform); the learner signs the other one out.
// The other device is signed out cleanly at its next sync (the status line asks it to sign in
// again). Then "Logg ut alle andre" with its confirmation, and "Bytt passord" with the strength
// meter. Every new state is scanned with axe-core.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { accessibilityScans } from './harness';
import { browserSession, heading1, openControlled } from './session';
import { PASSWORD, signIn, signUp, syncStatus } from './sync-helpers';

const EMAIL = 'enheter@example.no';
const NEW_PASSWORD = 'blå fjord sykkel lampe';

const { session } = browserSession();

const { scanned, expectAccessible } = accessibilityScans();

const devicesSection = (page: Page) =>
  page.getByRole('region', { name: 'Enheter der du er logget inn', exact: true });

async function openSettings(page: Page, base: string) {
  await page.goto(`${base}/innstillinger`);
  await heading1(page, 'Innstillinger').waitFor();
  await devicesSection(page).getByRole('list').waitFor();
}

describe('signed-in devices in Settings', () => {
  it(
    'lists both devices, signs the other one out, which notices at its next sync',
    { timeout: 180_000 },
    async () => {
      const server = await session.serve();
      const base = server.url;
      const problems: string[] = [];

      // Device one (the laptop) signs up; device two (the phone, another context) signs in.
      const { page: laptop } = await session.newPage();
      laptop.on('pageerror', (error) => problems.push(`laptop: ${error.message}`));
      await openControlled(laptop, base);
      await signUp(laptop, base, EMAIL);
      const { page: phone } = await session.newPage();
      phone.on('pageerror', (error) => problems.push(`phone: ${error.message}`));
      await openControlled(phone, base);
      await signIn(phone, base, EMAIL);

      // The laptop's Settings list both; this device first.
      await openSettings(laptop, base);
      const items = devicesSection(laptop).getByRole('listitem');
      await expect.poll(() => items.count()).toBe(2);
      const listed = await items.allInnerTexts();
      await expectAccessible(laptop, 'settings, two devices');

      // Sign the phone out from the laptop.
      await items.nth(1).getByRole('button').click();
      await devicesSection(laptop).getByText('Enheten er logget ut.', { exact: true }).waitFor();
      await expect.poll(() => items.count()).toBe(1);
      const after = await devicesSection(laptop).innerText();
      await expectAccessible(laptop, 'settings, other device signed out');

      // The phone's next sync ("Synkroniser nå" on its account screen): signed out cleanly, told
      // so; opened again, its status line asks it to sign in again.
      await syncStatus(phone).getByRole('button', { name: 'Synkroniser nå', exact: true }).click();
      await phone
        .getByText(/Du er logget ut av kontoen på denne enheten/)
        .first()
        .waitFor();
      await phone.goto(`${base}/`);
      await syncStatus(phone).getByText('Logg inn igjen for å synkronisere').first().waitFor();
      const phoneStatus = await syncStatus(phone).innerText();
      await expectAccessible(phone, 'phone, signed out');

      // The phone signs in again; the laptop ends all others after a confirmation.
      await signIn(phone, base, EMAIL);
      await openSettings(laptop, base);
      await expect.poll(() => items.count()).toBe(2);
      await devicesSection(laptop)
        .getByRole('button', { name: 'Logg ut alle andre', exact: true })
        .click();
      const dialog = laptop.getByRole('dialog', { name: 'Logge ut alle andre enheter?' });
      await dialog.waitFor();
      await expectAccessible(laptop, 'end others dialog');
      await dialog.getByRole('button', { name: 'Logg ut de andre', exact: true }).click();
      await devicesSection(laptop).getByText('1 enhet er logget ut.', { exact: true }).waitFor();
      await expect.poll(() => items.count()).toBe(1);

      // "Bytt passord": a weak new password gets the meter and the server's reason.
      const passwordSection = laptop.getByRole('region', { name: 'Bytt passord', exact: true });
      await passwordSection.getByLabel('Nåværende passord', { exact: true }).fill(PASSWORD);
      await passwordSection.getByLabel('Nytt passord', { exact: true }).fill('qwerty123456');
      const meter = passwordSection.getByRole('meter', { name: 'Passordstyrke' });
      await meter.waitFor();
      const weakLevel = await meter.getAttribute('aria-valuetext');
      await passwordSection.getByRole('button', { name: 'Bytt passord', exact: true }).click();
      await passwordSection.getByText(/for vanlig/).waitFor();
      await expectAccessible(laptop, 'change password, weak password refused');
      await passwordSection.getByLabel('Nytt passord', { exact: true }).fill(NEW_PASSWORD);
      await expect.poll(() => meter.getAttribute('aria-valuetext')).not.toBe(weakLevel);
      const strongLevel = await meter.getAttribute('aria-valuetext');
      await passwordSection.getByRole('button', { name: 'Bytt passord', exact: true }).click();
      await passwordSection
        .getByText('Passordet er byttet. Andre enheter er logget ut.', { exact: true })
        .waitFor();
      await expectAccessible(laptop, 'change password, done');

      console.info(
        `devices listed: ${JSON.stringify(listed)}; after ending one: ${JSON.stringify(after)}; ` +
          `phone status: ${JSON.stringify(phoneStatus)}; meter: ${weakLevel} → ${strongLevel}; ` +
          `axe-core violations: ${JSON.stringify(scanned)}`,
      );
      expect(listed[0]).toContain('Denne enheten');
      expect(listed[0]).toMatch(/Chrome på Linux/);
      expect(listed[1]).not.toContain('Denne enheten');
      expect(listed[1]).toMatch(/Chrome på Linux/);
      expect(after).toContain('Du er bare logget inn på denne enheten.');
      expect(phoneStatus).toMatch(/Logg inn igjen/);
      expect(weakLevel).toMatch(/svakt/i);
      expect(strongLevel).toMatch(/sterkt/i);
      expect(Object.values(scanned).every((count) => count === 0)).toBe(true);
      expect(Object.keys(scanned)).toHaveLength(6);
      expect(problems).toEqual([]);
    },
  );
});
