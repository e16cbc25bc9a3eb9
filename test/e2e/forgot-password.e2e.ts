// Issue 12, item 1, end to end in Chromium: recovery by e-mail through a real SMTP server started
// by this test (SMTP_URL points the server at it). A learner signs up on the laptop, confirms the
// address from the verification mail, and later, on the phone, has forgotten the password:
// "Glemt passordet?" → the neutral confirmation → the mail's link → a new password twice →
// signed in on the phone. The laptop's old session is dead (401; its status line asks to sign in
// again); the same link used twice says it no longer works and offers a new one. Each new screen
// state is scanned with axe-core.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { linkIn, startSmtpCatcher, type SmtpCatcher } from '../utils/smtp-catcher';
import { accessibilityScans, launchChromium } from './harness';
import { heading1, openControlled, TestSession } from './session';
import { signUp, syncStatus } from './sync-helpers';

const EMAIL = 'glemsk@example.no';
const NEW_PASSWORD = 'blåbærsyltetøy på vaffel';
const SENT = 'Hvis adressen har en konto hos oss, har vi sendt en lenke. Den virker i 30 minutter.';

let browser: Browser;
let catcher: SmtpCatcher;
const session = new TestSession(() => browser);

beforeAll(async () => {
  browser = await launchChromium();
  catcher = await startSmtpCatcher();
});
afterEach(() => session.closeAll());
afterAll(async () => {
  await browser?.close();
  await catcher?.close();
});

const { scanned, expectAccessible } = accessibilityScans();

/** The session token this device holds (IndexedDB), or null. */
function deviceToken(page: Page): Promise<string | null> {
  return page.evaluate(async () => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('lommekurs');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const row = await new Promise<{ value?: { token?: string | null } } | undefined>(
      (resolve, reject) => {
        const request = database.transaction('meta').objectStore('meta').get('sync:session');
        request.onsuccess = () => resolve(request.result as { value?: { token?: string } });
        request.onerror = () => reject(request.error);
      },
    );
    database.close();
    return row?.value?.token ?? null;
  });
}

const meStatus = async (base: string, token: string) =>
  (await fetch(`${base}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } })).status;

describe('forgot password', () => {
  it(
    'mails a link that sets a new password, signs this device in and ends the old sessions',
    { timeout: 180_000 },
    async () => {
      const server = await session.serve({ env: { SMTP_URL: catcher.url } });
      const base = server.url;
      const problems: string[] = [];

      // The laptop: sign up; the address is not confirmed yet, and a verification mail came.
      const { page: laptop } = await session.newPage();
      laptop.on('pageerror', (error) => problems.push(`laptop: ${error.message}`));
      await openControlled(laptop, base);
      await signUp(laptop, base, EMAIL);
      const notice = laptop.getByText('E-postadressen er ikke bekreftet.');
      await notice.waitFor();
      await expectAccessible(laptop, 'account, address not confirmed');
      const verifyMail = await catcher.waitFor(EMAIL, { containing: '/konto/bekreft-epost' });
      const verifyLink = linkIn(verifyMail, '/konto/bekreft-epost')!;
      expect(verifyLink.startsWith(`${base}/konto/bekreft-epost#token=`)).toBe(true);
      await laptop.goto(verifyLink);
      await heading1(laptop, 'Bekreft e-postadressen').waitFor();
      await laptop.getByText('Takk! E-postadressen din er bekreftet.').waitFor();
      expect(new URL(laptop.url()).hash).toBe('');
      await expectAccessible(laptop, 'address confirmed');
      await laptop.goto(`${base}/konto`);
      await laptop.getByRole('heading', { name: `Logget inn som ${EMAIL}` }).waitFor();
      expect(await notice.count()).toBe(0);
      const oldToken = await deviceToken(laptop);
      expect(oldToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(await meStatus(base, oldToken!)).toBe(200);

      // The phone: "Glemt passordet?" from the sign-in form.
      const { page: phone } = await session.newPage();
      phone.on('pageerror', (error) => problems.push(`phone: ${error.message}`));
      await openControlled(phone, base);
      await phone.goto(`${base}/konto`);
      await heading1(phone, 'Konto').waitFor();
      await phone.getByRole('link', { name: 'Glemt passordet?', exact: true }).click();
      await heading1(phone, 'Glemt passordet').waitFor();
      await expectAccessible(phone, 'forgot form');
      const since = catcher.mails.length;
      await phone.getByLabel('E-postadresse', { exact: true }).fill(EMAIL);
      await phone.getByRole('button', { name: 'Send lenken', exact: true }).click();
      await phone.getByText(SENT, { exact: true }).waitFor();
      await expectAccessible(phone, 'forgot form, sent');

      // The mail, through the real SMTP server, with a link to this server.
      const mail = await catcher.waitFor(EMAIL, { since, containing: '/konto/nytt-passord' });
      expect(mail.subject).toBe('Nytt passord til Lommekurs');
      const link = linkIn(mail, '/konto/nytt-passord')!;
      expect(link.startsWith(`${base}/konto/nytt-passord#token=`)).toBe(true);

      // The new password, twice; a mismatch is said beside the field first.
      await phone.goto(link);
      await heading1(phone, 'Velg nytt passord').waitFor();
      expect(new URL(phone.url()).hash).toBe('');
      await expectAccessible(phone, 'reset form');
      await phone.getByLabel('Nytt passord', { exact: true }).fill(NEW_PASSWORD);
      await phone
        .getByLabel('Det nye passordet en gang til', { exact: true })
        .fill('noe annet enn det');
      await phone.getByRole('button', { name: 'Lagre nytt passord', exact: true }).click();
      await phone.getByText('Passordene er ikke like.').waitFor();
      await expectAccessible(phone, 'reset form, mismatch');
      await phone.getByLabel('Det nye passordet en gang til', { exact: true }).fill(NEW_PASSWORD);
      await phone.getByRole('button', { name: 'Lagre nytt passord', exact: true }).click();
      await phone
        .getByText('Det nye passordet er lagret, og du er logget inn.', { exact: false })
        .waitFor();
      await expectAccessible(phone, 'reset done');
      await phone.getByRole('link', { name: 'Gå til kontoen', exact: true }).click();
      await phone.getByRole('heading', { name: `Logget inn som ${EMAIL}` }).waitFor();
      const newToken = await deviceToken(phone);
      expect(newToken).not.toBe(oldToken);
      expect(await meStatus(base, newToken!)).toBe(200);

      // The laptop's session is dead: 401, and its next sync (on opening) asks to sign in again.
      expect(await meStatus(base, oldToken!)).toBe(401);
      await laptop.goto(`${base}/`);
      await syncStatus(laptop).getByText('Logg inn igjen for å synkronisere').first().waitFor();

      // The link works once: the second time it says so and offers a new one.
      await phone.goto(link);
      await heading1(phone, 'Velg nytt passord').waitFor();
      await phone.getByLabel('Nytt passord', { exact: true }).fill('enda et nytt passord her');
      await phone
        .getByLabel('Det nye passordet en gang til', { exact: true })
        .fill('enda et nytt passord her');
      await phone.getByRole('button', { name: 'Lagre nytt passord', exact: true }).click();
      await phone.getByText('Lenken virker ikke lenger.', { exact: false }).waitFor();
      await phone.getByRole('link', { name: 'Be om en ny lenke', exact: true }).waitFor();
      await expectAccessible(phone, 'reset, used link');

      expect(problems).toEqual([]);
      console.log(`forgot-password e2e: axe violations per screen ${JSON.stringify(scanned)}`);
    },
  );
});
