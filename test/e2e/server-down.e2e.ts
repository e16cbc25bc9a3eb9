// Issue 11, item 6, end to end in Chromium: the status line tells "the server does not answer"
// from "no network". A signed-in learner on the home screen; the server stops answering (nothing
// listens where it was) while the browser's network stays up: the status line must say the server
// does not answer and that the changes are kept — not "Frakoblet". Then the browser goes offline
// too, and the status line says so. Both messages are scanned with axe-core.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { accessibilityScans } from './harness';
import { browserSession, openControlled } from './session';
import { signUp, syncStatus } from './sync-helpers';
import { startSyncProxy } from './sync-proxy';

const EMAIL = 'tjener-nede@example.no';
const OFFLINE_TEXT = 'Frakoblet — synkroniseres når nettet er tilbake';

const { session } = browserSession();

const { scanned, expectAccessible } = accessibilityScans();

/** The problem sentences of the status line, as one text. */
const problemText = (page: Page) => syncStatus(page).locator('.sync-problems').innerText();

const syncNow = (page: Page) =>
  syncStatus(page).getByRole('button', { name: 'Synkroniser nå', exact: true }).click();

describe('the status line when sync fails', () => {
  it('says the server does not answer when the server is down and the network is up, and offline when the network is gone', async () => {
    const server = await session.serve();
    const proxy = await startSyncProxy(server.port);
    session.defer(() => proxy.stop());
    const { context, page } = await session.newPage();
    await openControlled(page, proxy.url);
    await signUp(page, proxy.url, EMAIL);
    await page.goto(`${proxy.url}/`);
    await page.locator('main h1').waitFor();
    await syncStatus(page).getByText('Alt er synkronisert', { exact: true }).waitFor();

    // The server stops answering; the browser still has its network.
    await proxy.stop();
    const onLine = await page.evaluate(() => navigator.onLine);
    await syncNow(page);
    await expect.poll(() => problemText(page)).toMatch(/Tjeneren svarer ikke/);
    const serverDown = await problemText(page);
    await expectAccessible(page, 'status line, server down');

    // Now the network is gone too.
    await context.setOffline(true);
    await syncNow(page);
    await expect.poll(() => problemText(page)).toContain(OFFLINE_TEXT);
    const offline = await problemText(page);
    await expectAccessible(page, 'status line, offline');

    console.info(
      `server down (navigator.onLine ${onLine}): ${JSON.stringify(serverDown)}; offline: ${JSON.stringify(offline)}; axe-core violations: ${JSON.stringify(scanned)}`,
    );
    expect(onLine).toBe(true);
    expect(serverDown).not.toContain('Frakoblet');
    expect(serverDown).toContain('Endringene dine er lagret på enheten');
    expect(offline).not.toMatch(/Tjeneren svarer ikke/);
    expect(Object.values(scanned)).toEqual([0, 0]);
  });
});
