// Issue 14, acceptance 1, end to end in Chromium against the real server: the admin command
// (compiled, as `npm run admin` runs it, on the server's DATA_DIR) creates a garden and the
// invite of its first advisor; the advisor accepts it in one browser context and makes a join
// code; a learner on a phone joins with consent, completes two reflection lessons offline,
// shares one and not the other, and syncs; the advisor sees the progress and the shared
// reflection only; the learner withdraws and the advisor's next refresh no longer shows them;
// the advisor, offline, still sees the last view with its time. axe-core on every new screen.
// With SCREENSHOTS=1 it also writes the consent screen and the advisor's garden view at 360 px
// to docs/screenshots/.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompiledServer, type CompiledServer } from '../utils/compiled-server';
import { accessibilityScans } from './harness';
import { browserSession, heading1, openControlled } from './session';
import { downloadCourse, signUp } from './sync-helpers';
import { screenshot } from './screenshots';

const { session, browser } = browserSession();
const { scanned, expectAccessible } = accessibilityScans();

const GARDEN = 'Fjordhagen næringshage';
const ADVISOR_EMAIL = 'radgiver@fjordhagen.example';
const LEARNER_EMAIL = 'kari@fjordfisk.example';
const LEARNER_NAME = 'Kari Nordmann';
const FIRM = 'Fjordfisk AS';
const SHARED_COURSE = { id: 'eksempel-trygg-epost', title: 'Trygg e-post for små bedrifter' };
const SHARED_LESSON = 'Hvordan gjør dere det i dag?';
const PRIVATE_COURSE = { id: 'fra-pdf-til-ehf', title: 'Fra PDF til EHF' };
const PRIVATE_LESSON = 'Hvor står dere i dag?';
const SHARED_TEXT = 'Regnskapsføreren ringer leverandøren før nye kontonumre legges inn.';
const PRIVATE_TEXT = 'Vi sender fortsatt PDF-fakturaer på e-post, og bilagene ligger i en skoeske.';

let compiled: CompiledServer;
beforeAll(async () => {
  compiled = await buildCompiledServer();
}, 240_000);
afterAll(() => compiled?.remove());

/** `npm run admin -- …args` as the operator runs it, on the running server's data folder. */
async function admin(dataDir: string, publicUrl: string, ...args: string[]): Promise<string> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PUBLIC_URL: publicUrl,
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  const { stdout } = await promisify(execFile)(process.execPath, [compiled.admin, ...args], {
    env,
  });
  return stdout;
}

/** Write a reflection in a lesson of a downloaded course and complete it ("Lagre"), sharing it
 * with the advisor or not. */
async function reflect(
  page: Page,
  course: { id: string; title: string },
  lesson: string,
  text: string,
  share: boolean,
): Promise<void> {
  // In-app links, as a learner offline taps them (the service worker and IndexedDB answer).
  await page.getByRole('navigation').getByRole('link', { name: 'Kurs', exact: true }).click();
  await page.getByRole('link', { name: course.title, exact: true }).first().click();
  await heading1(page, course.title).waitFor();
  await page.getByRole('link', { name: lesson, exact: true }).click();
  await heading1(page, lesson).waitFor();
  await page.getByRole('textbox', { name: 'Dine tanker' }).fill(text);
  const switchBox = page.getByRole('switch', { name: 'Del med rådgiveren' });
  await switchBox.waitFor();
  // The switch shows what is stored: it turns on once the event is recorded on the device.
  if (share) await switchBox.click();
  await expect.poll(() => switchBox.isChecked()).toBe(share);
  await page.getByRole('button', { name: 'Lagre', exact: true }).click();
  await page.getByRole('heading', { name: 'Leksjonen er fullført' }).waitFor();
}

/** The advisor's garden view, fetched again ("Oppdater"), once the fresh answer is shown. */
async function refreshGarden(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Oppdater', exact: true }).first().click();
  await page.getByText('Oppdaterer …').waitFor({ state: 'detached' });
}

describe('the business-garden network', () => {
  it('admin → advisor → learner with consent → advisor view → withdrawal → offline copy', async () => {
    const server = await session.serve();
    const problems: string[] = [];

    // 1. The admin command creates the garden and the first advisor's invite.
    const created = await admin(
      server.dataDir,
      server.url,
      'garden',
      'create',
      '--name',
      GARDEN,
      '--county',
      'Vestland',
      '--municipality',
      'Bergen',
      '--advisor-email',
      ADVISOR_EMAIL,
    );
    const inviteLink = /https?:\/\/\S+\/radgiver\/invitasjon#token=[A-Za-z0-9_-]{22}/.exec(
      created,
    )?.[0];
    expect(inviteLink, created).toBeDefined();

    // 2. The advisor (a laptop) signs up with the invited address and accepts.
    const advisorContext = await browser().newContext({
      locale: 'nb-NO',
      viewport: { width: 1280, height: 800 },
    });
    advisorContext.setDefaultTimeout(20_000);
    session.defer(() => advisorContext.close());
    const advisor = await advisorContext.newPage();
    advisor.on('pageerror', (error) => problems.push(`advisor: ${error.message}`));
    // Every answer of the network API the advisor's browser receives, to search for what the
    // learner did not share.
    const advisorReplies: string[] = [];
    advisor.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/api/v1/network/')) {
        void response.text().then(
          (text) => advisorReplies.push(text),
          () => undefined,
        );
      }
    });
    await openControlled(advisor, server.url);
    await signUp(advisor, server.url, ADVISOR_EMAIL);
    await advisor.goto(inviteLink!);
    await heading1(advisor, 'Invitasjon som rådgiver').waitFor();
    expect(new URL(advisor.url()).hash).toBe('');
    await advisor.getByText(`Du er logget inn som ${ADVISOR_EMAIL}.`).waitFor();
    await expectAccessible(advisor, 'invite');
    await advisor.getByRole('button', { name: 'Godta invitasjonen' }).click();
    await heading1(advisor, GARDEN).waitFor();
    await expectAccessible(advisor, 'garden, empty');

    // ... and makes a join code.
    await advisor.getByRole('button', { name: 'Lag en ny kode' }).click();
    const made = await advisor.getByText(/^Ny kode: NH-/).innerText();
    const code = /NH-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}/.exec(made)![0];
    const joinLink = await advisor.getByLabel(`Lenke for ${code}`).inputValue();
    expect(joinLink).toBe(`${server.url}/bli-med#${code}`);
    await expectAccessible(advisor, 'garden, join code');

    // 3. The learner (a phone) signs up, downloads two courses, and joins with consent.
    const { context: phoneContext, page: phone } = await session.newPage();
    phone.on('pageerror', (error) => problems.push(`phone: ${error.message}`));
    await openControlled(phone, server.url);
    await signUp(phone, server.url, LEARNER_EMAIL);
    await downloadCourse(phone, server.url, SHARED_COURSE);
    await downloadCourse(phone, server.url, PRIVATE_COURSE);
    await phone.goto(joinLink);
    await phone.getByRole('button', { name: `Bli med i ${GARDEN}` }).waitFor();
    await expectAccessible(phone, 'consent');
    await screenshot(phone, 'consent-screen');
    await phone.getByLabel('Navnet rådgiverne ser').fill(LEARNER_NAME);
    const otherFirm = phone.getByRole('radio', { name: 'Et annet firma' });
    if (await otherFirm.isVisible()) await otherFirm.check();
    await phone.getByLabel('Firmaets navn').fill(FIRM);
    await phone.getByRole('button', { name: `Bli med i ${GARDEN}` }).click();
    await phone.getByRole('heading', { name: `Du er med i ${GARDEN}` }).waitFor();
    await expectAccessible(phone, 'consent, joined');

    // 4. Offline, two reflections: one shared, one not; then online again, and synced.
    await phoneContext.setOffline(true);
    await reflect(phone, SHARED_COURSE, SHARED_LESSON, SHARED_TEXT, true);
    await reflect(phone, PRIVATE_COURSE, PRIVATE_LESSON, PRIVATE_TEXT, false);
    await phoneContext.setOffline(false);
    const syncStatus = phone.getByRole('region', { name: 'Synkronisering' });
    await syncStatus.getByRole('button', { name: 'Synkroniser nå', exact: true }).click();
    await syncStatus.getByText('Alt er synkronisert', { exact: true }).waitFor();

    // 5. The advisor sees the progress and the shared reflection only.
    await refreshGarden(advisor);
    const table = advisor.getByRole('table');
    await table.getByRole('link', { name: `Forbered samtale med ${LEARNER_NAME}` }).waitFor();
    const row = (
      await table.getByRole('row').filter({ hasText: LEARNER_NAME }).innerText()
    ).replace(/\s+/g, ' ');
    expect(row).toContain(FIRM);
    expect(row).toContain('2 påbegynt');
    await expectAccessible(advisor, 'garden, with the learner');
    await screenshot(
      advisor,
      'advisor-garden',
      table.getByRole('link', { name: `Forbered samtale med ${LEARNER_NAME}` }),
    );
    await table.getByRole('link', { name: `Forbered samtale med ${LEARNER_NAME}` }).click();
    await heading1(advisor, `Forbered samtale: ${LEARNER_NAME}`).waitFor();
    await advisor.getByText(SHARED_TEXT).waitFor();
    expect(advisorReplies.join('\n')).toContain(SHARED_TEXT);
    expect(advisorReplies.join('\n')).not.toContain(PRIVATE_TEXT);
    // Neither course is on the advisor's laptop: titled from the catalogue, lessons by id until
    // the advisor fetches the course.
    const sharedCourse = advisor.getByRole('region', { name: SHARED_COURSE.title });
    await sharedCourse.getByText('var-rutine', { exact: true }).waitFor();
    await expectAccessible(advisor, 'learner, courses not stored');
    await sharedCourse.getByRole('button', { name: 'Hent kurset' }).click();
    await sharedCourse.getByRole('heading', { name: SHARED_LESSON }).waitFor();
    await sharedCourse.getByText('Forslag til samtalen').waitFor();
    await screenshot(advisor, 'advisor-learner', sharedCourse.getByText(SHARED_TEXT));
    const detail = await advisor.locator('main').innerText();
    expect(detail).toContain('Fullført');
    expect(detail).toContain('hvor-star-dere');
    expect(detail).not.toContain(PRIVATE_TEXT);
    await expectAccessible(advisor, 'learner');
    // It prints without the app's header and buttons.
    await advisor.emulateMedia({ media: 'print' });
    expect(await advisor.locator('header.app-header').isVisible()).toBe(false);
    expect(await advisor.getByRole('button', { name: 'Skriv ut' }).isVisible()).toBe(false);
    expect(await advisor.getByText(SHARED_TEXT).isVisible()).toBe(true);
    await advisor.emulateMedia({ media: 'screen' });

    // 6. The learner reads the privacy statement, then withdraws in Settings → Næringshage.
    await phone.goto(`${server.url}/personvern`);
    await phone.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(phone, 'privacy');
    await phone.goto(`${server.url}/innstillinger`);
    const withdraw = phone.getByRole('button', { name: `Trekk samtykket for ${GARDEN}` });
    await withdraw.waitFor();
    await expectAccessible(phone, 'settings, garden section');
    await withdraw.click();
    const dialog = phone.getByRole('dialog', { name: `Trekke samtykket for ${GARDEN}?` });
    await dialog.waitFor();
    await expectAccessible(phone, 'settings, withdraw dialog');
    await dialog.getByRole('button', { name: 'Trekk samtykket', exact: true }).click();
    await phone.getByText(`Du har trukket samtykket og er ikke lenger med i ${GARDEN}.`).waitFor();

    // The advisor's next refresh no longer shows them; nor does their page.
    await advisor.getByRole('button', { name: 'Oppdater', exact: true }).first().click();
    await advisor.getByText(/Kanskje eleven har trukket samtykket sitt/).waitFor();
    expect(await advisor.locator('main').innerText()).not.toContain(SHARED_TEXT);
    await advisor.goto(`${server.url}/radgiver`);
    await heading1(advisor, 'Rådgiver').waitFor();
    await expectAccessible(advisor, 'advisor home');
    await advisor.getByRole('link', { name: GARDEN }).click();
    await heading1(advisor, GARDEN).waitFor();
    await advisor.getByText(/Ingen elever har blitt med ennå/).waitFor();
    expect(await advisor.locator('main').innerText()).not.toContain(LEARNER_NAME);
    expect(advisorReplies.join('\n')).not.toContain(PRIVATE_TEXT);
    const updatedOnline = await advisor.getByText(/^Sist oppdatert kl\. \d\d:\d\d/).innerText();

    // 7. Offline, the advisor still sees the last view, with its time.
    await advisorContext.setOffline(true);
    await advisor.reload();
    await heading1(advisor, GARDEN).waitFor();
    await advisor.getByText(/Du er uten nett\. Du ser kopien/).waitFor();
    const updatedOffline = await advisor.getByText(/Sist oppdatert kl\. \d\d:\d\d/).innerText();
    expect(updatedOffline).toContain(updatedOnline);
    expect(await advisor.locator('main').innerText()).not.toContain(LEARNER_NAME);
    await expectAccessible(advisor, 'garden, offline copy');

    console.info(
      `business garden: join code ${code}; advisor row "${row}"; offline "${updatedOffline}"; ` +
        `axe-core violations: ${JSON.stringify(scanned)}`,
    );
    expect(problems).toEqual([]);
  }, 300_000);
});
