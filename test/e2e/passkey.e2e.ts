// Issue 12, item 2, end to end in Chromium: a learner registers with a password, adds a passkey
// in Settings, signs out, and signs in again with the passkey, landing in the same signed-in
// state a password sign-in leaves. The authenticator is Chromium's own virtual one, driven over
// the DevTools protocol (WebAuthn.addVirtualAuthenticator: a platform authenticator with
// discoverable credentials and user verification, presence simulated). WebAuthn needs a secure
// context and a domain as the relying party id: the app is opened at http://localhost (secure
// by definition; 127.0.0.1 would be secure too, but an IP address is not a valid rpId).
// The new parts (the passkey list, the name dialog, the sign-in form) are scanned with axe-core.
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityScans, launchChromium } from './harness';
import { heading1, openControlled, TestSession } from './session';
import { signUp } from './sync-helpers';

const EMAIL = 'passnokkel@example.no';

let browser: Browser;
const session = new TestSession(() => browser);

beforeAll(async () => {
  browser = await launchChromium();
});
afterEach(() => session.closeAll());
afterAll(() => browser?.close());

const { scanned, expectAccessible } = accessibilityScans();

/** A platform authenticator in the page's browser context, as a phone's would be. */
async function virtualAuthenticator(cdp: CDPSession): Promise<string> {
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return authenticatorId;
}

interface StoredSession {
  token: string;
  user: { id: string; email: string };
  [key: string]: unknown;
}

/** The session the app keeps in IndexedDB (meta 'sync:session'), and the stored sync problem. */
function deviceSession(page: Page): Promise<{ session: StoredSession | null; problem: unknown }> {
  return page.evaluate(async () => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('lommekurs');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const meta = database.transaction('meta').objectStore('meta');
    const read = (key: string) =>
      new Promise<{ value: unknown } | undefined>((resolve, reject) => {
        const request = meta.get(key);
        request.onsuccess = () => resolve(request.result as { value: unknown } | undefined);
        request.onerror = () => reject(request.error);
      });
    const session = await read('sync:session');
    const problem = await read('sync:problem');
    database.close();
    return {
      session: (session?.value ?? null) as StoredSession | null,
      problem: problem?.value ?? null,
    };
  });
}

describe('passkeys in Chromium', () => {
  it('adds a passkey in Settings, signs out, and signs in with it to the same state', async () => {
    const server = await session.serve();
    const base = `http://localhost:${server.port}`;
    const { context, page } = await session.newPage();
    const cdp = await context.newCDPSession(page);
    const authenticatorId = await virtualAuthenticator(cdp);

    // 1. An account made with a password.
    await openControlled(page, base);
    await signUp(page, base, EMAIL);
    const before = await deviceSession(page);
    expect(before.session?.user.email).toBe(EMAIL);

    // 2. Settings: no passkeys yet; add one, named in the dialog.
    await page.goto(`${base}/innstillinger`);
    await heading1(page, 'Innstillinger').waitFor();
    const part = page.getByRole('region', { name: 'Passnøkler', exact: true });
    await part.getByText('Du har ingen passnøkler ennå.').waitFor();
    await expectAccessible(page, 'settings, no passkeys');
    await part.getByRole('button', { name: 'Legg til passnøkkel', exact: true }).click();
    const naming = page.getByRole('dialog', { name: 'Legg til passnøkkel' });
    const name = naming.getByLabel('Navn på passnøkkelen');
    // Suggested from the device (headless Chromium on Linux).
    expect(await name.inputValue()).toMatch(/Chrome/);
    await expectAccessible(page, 'settings, naming a passkey');
    await name.fill('Testtelefonen');
    await naming.getByRole('button', { name: 'Lag passnøkkel', exact: true }).click();
    await part.getByText('Passnøkkelen «Testtelefonen» er lagt til.').waitFor();
    const item = part.getByRole('listitem').filter({ hasText: 'Testtelefonen' });
    await item.getByText('Ikke brukt ennå').waitFor();
    await expectAccessible(page, 'settings, one passkey');

    // The authenticator holds one discoverable credential for localhost.
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0].isResidentCredential).toBe(true);
    expect(credentials[0].rpId).toBe('localhost');

    // 3. Sign out on the account screen.
    await page.goto(`${base}/konto`);
    await page.getByRole('button', { name: 'Logg ut', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Logge ut?' });
    await confirm.getByRole('button', { name: 'Logg ut', exact: true }).click();
    await page.getByText('Du er logget ut.', { exact: true }).waitFor();
    expect((await deviceSession(page)).session).toBeNull();

    // 4. The sign-in form offers the passkey; the browser's dialog answers by itself.
    const form = page.getByRole('region', { name: 'Logg inn', exact: true });
    const withPasskey = form.getByRole('button', { name: 'Logg inn med passnøkkel', exact: true });
    await withPasskey.waitFor();
    await expectAccessible(page, 'sign-in form with passkey');
    await withPasskey.click();
    await page.getByRole('heading', { name: `Logget inn som ${EMAIL}` }).waitFor();

    // 5. The same state as after the password: the same account and the same kinds of fields
    //    stored, no problem recorded, and the new token works on the server.
    const after = await deviceSession(page);
    expect(after.session?.user).toEqual(before.session?.user);
    expect(Object.keys(after.session ?? {}).sort()).toEqual(
      Object.keys(before.session ?? {}).sort(),
    );
    expect(after.session?.token).not.toBe(before.session?.token);
    expect(after.problem).toBeNull();
    const me = await page.evaluate(async (token) => {
      const response = await fetch('/api/v1/me', { headers: { Authorization: `Bearer ${token}` } });
      return { status: response.status, body: (await response.json()) as { email?: string } };
    }, after.session?.token ?? '');
    expect(me).toMatchObject({ status: 200, body: { email: EMAIL } });

    // 6. Settings shows the passkey as used.
    await page.goto(`${base}/innstillinger`);
    await page
      .getByRole('region', { name: 'Passnøkler', exact: true })
      .getByRole('listitem')
      .filter({ hasText: 'Testtelefonen' })
      .getByText(/^Lagt til .* · Sist brukt /)
      .waitFor();

    // 7. Removing it asks first, then the list is empty.
    const settings = page.getByRole('region', { name: 'Passnøkler', exact: true });
    await settings.getByRole('button', { name: 'Fjern passnøkkelen Testtelefonen' }).click();
    const removing = page.getByRole('dialog', { name: 'Fjerne passnøkkelen?' });
    await expectAccessible(page, 'settings, removing a passkey');
    await removing.getByRole('button', { name: 'Fjern passnøkkelen', exact: true }).click();
    await settings.getByText('Passnøkkelen «Testtelefonen» er fjernet.').waitFor();
    await settings.getByText('Du har ingen passnøkler ennå.').waitFor();

    // 8. The device still holds the removed passkey: signing in with it is refused in words
    //    that say what to do, and the learner stays signed out.
    await page.goto(`${base}/konto`);
    await page.getByRole('button', { name: 'Logg ut', exact: true }).click();
    await page
      .getByRole('dialog', { name: 'Logge ut?' })
      .getByRole('button', { name: 'Logg ut', exact: true })
      .click();
    await page.getByText('Du er logget ut.', { exact: true }).waitFor();
    const again = page.getByRole('region', { name: 'Logg inn', exact: true });
    await again.getByRole('button', { name: 'Logg inn med passnøkkel', exact: true }).click();
    await again
      .getByRole('alert')
      .getByText(/kjenner ikke igjen denne passnøkkelen/)
      .waitFor();
    await expectAccessible(page, 'sign-in form, unknown passkey');
    expect((await deviceSession(page)).session).toBeNull();

    console.log('axe violations per screen:', JSON.stringify(scanned));
  }, 120_000);
});
