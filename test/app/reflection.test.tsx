import { fireEvent, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { storeCourse } from '../../src/client-core/db/courses';
import { db } from '../../src/client-core/db/db';
import { getLessonProgress } from '../../src/client-core/db/progress';
import { readDeviceData } from '../../src/client-core/db/learner-data';
import { saveReflection, shareReflection } from '../../src/client-core/db/learner-actions';
import { exportHtml, exportJson } from '../../src/app/components/learner-export';
import { createI18n } from '../../src/app/i18n';
import { storeSession } from '../../src/client-core/db/sync-state';
import { tryggEpost } from '../utils/bundles';
import { renderApp, setupAppTests, stubApi } from '../utils/app';
import { membershipOf, storeNetworkCopy } from './network-support';

setupAppTests();

const progress = () => getLessonProgress('trygg-epost', 'hva-gjor-dere');
const saveStatus = () => document.querySelector('.save-status')!;
const doneHeading = () => screen.queryByRole('heading', { name: 'Leksjonen er fullført' });
const SENTENCE = 'Bare Kari betaler, og hun ringer alltid.';

/** A signed-in learner on this device (the reflection is then stored on the server too). */
const signIn = () =>
  storeSession(db, {
    token: 'token',
    user: { id: 'kari', email: 'kari@example.test', createdAt: 0, emailVerified: false },
    expiresAt: Date.now() + 86_400_000,
  });

describe('reflection lesson', () => {
  it('autosaves a draft while typing without completing; "Lagre" after a sentence completes', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    renderApp('/kurs/trygg-epost/hva-gjor-dere');
    const box = await screen.findByRole('textbox', { name: 'Dine tanker' });
    expect(box.getAttribute('aria-describedby')).toBe(
      'reflection-prompt reflection-hint reflection-where',
    );
    const tip = screen.getByRole('complementary', { name: 'Tips' });
    expect(tip.textContent).toContain('Ta med svaret til rådgiveren i næringshagen.');
    expect(screen.getByText(/Skriv minst en setning, og trykk «Lagre»/)).toBeTruthy();

    box.focus();
    fireEvent.input(box, { target: { value: 'Bare Kari' } });
    expect(saveStatus().textContent).toBe('Lagrer …');
    fireEvent.input(box, { target: { value: SENTENCE } });
    // Debounced: saved once, about 700 ms after the last keystroke, as a draft.
    await waitFor(() => expect(saveStatus().textContent).toBe('Utkastet er lagret'), {
      timeout: 2000,
    });
    expect((await progress())?.reflection?.value).toBe(SENTENCE);
    // A whole sentence, autosaved: still not completed, no completion panel, focus in the box.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await progress())?.completedAt).toBeNull();
    expect(doneHeading()).toBeNull();
    expect(document.activeElement).toBe(box);
    expect(await db.outbox.filter((e) => e.type === 'lesson.completed').count()).toBe(0);

    fireEvent.click(screen.getByRole('button', { name: 'Lagre' }));
    const done = await screen.findByRole('heading', { name: 'Leksjonen er fullført' });
    expect(screen.getByText('Refleksjonen er lagret, og leksjonen er fullført.')).toBeTruthy();
    expect((await progress())?.completedAt).not.toBeNull();
    // Completed by the learner's press: focus moves to say so.
    await waitFor(() => expect(document.activeElement).toBe(done));
  });

  it('does not complete on one letter; "Lagre" says what is missing', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    renderApp('/kurs/trygg-epost/hva-gjor-dere');
    const box = await screen.findByRole('textbox', { name: 'Dine tanker' });
    fireEvent.input(box, { target: { value: 'a' } });
    await waitFor(() => expect(saveStatus().textContent).toBe('Utkastet er lagret'), {
      timeout: 2000,
    });
    expect((await progress())?.reflection?.value).toBe('a');
    expect((await progress())?.completedAt).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Lagre' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Skriv minst 20 tegn, en hel setning, og trykk «Lagre» igjen. Nå står det 1 tegn.',
    );
    // Seventeen characters (spaces at the ends do not count) are still too few.
    fireEvent.input(box, { target: { value: '  Vi sjekker alltid  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('Nå står det 17 tegn.'),
    );
    await waitFor(async () =>
      expect((await progress())?.reflection?.value).toBe('  Vi sjekker alltid  '),
    );
    expect((await progress())?.completedAt).toBeNull();
    expect(doneHeading()).toBeNull();

    // Reaching the length takes the message away; "Lagre" completes.
    fireEvent.input(box, { target: { value: 'Vi sjekker alltid det.' } });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Lagre' }));
    await screen.findByRole('heading', { name: 'Leksjonen er fullført' });
    expect((await progress())?.reflection?.value).toBe('Vi sjekker alltid det.');
  });

  it('saves at once on blur and when leaving, and restores the text', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    const { unmount } = renderApp('/kurs/trygg-epost/hva-gjor-dere');
    const box = await screen.findByRole('textbox', { name: 'Dine tanker' });
    fireEvent.input(box, { target: { value: 'Først dette' } });
    fireEvent.blur(box);
    await waitFor(async () => expect((await progress())?.reflection?.value).toBe('Først dette'), {
      timeout: 300,
    });
    fireEvent.input(box, { target: { value: 'Så dette' } });
    unmount();
    await waitFor(async () => expect((await progress())?.reflection?.value).toBe('Så dette'), {
      timeout: 300,
    });

    renderApp('/kurs/trygg-epost/hva-gjor-dere');
    const again = await screen.findByRole('textbox', { name: 'Dine tanker' });
    expect((again as HTMLTextAreaElement).value).toBe('Så dette');
    expect((await progress())?.completedAt).toBeNull();
  });

  it('shows a lesson completed earlier as completed, without moving focus', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    const first = renderApp('/kurs/trygg-epost/hva-gjor-dere');
    const box = await screen.findByRole('textbox', { name: 'Dine tanker' });
    fireEvent.input(box, { target: { value: SENTENCE } });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre' }));
    await screen.findByRole('heading', { name: 'Leksjonen er fullført' });
    first.unmount();

    renderApp('/kurs/trygg-epost/hva-gjor-dere');
    const done = await screen.findByRole('heading', { name: 'Leksjonen er fullført' });
    expect(document.activeElement).not.toBe(done);
    // Edits after completion are saved as they are (no longer a draft).
    fireEvent.input(screen.getByRole('textbox', { name: 'Dine tanker' }), {
      target: { value: `${SENTENCE} Og Per.` },
    });
    await waitFor(() => expect(saveStatus().textContent).toBe('Lagret'), { timeout: 2000 });
  });

  it('says where the text is stored: this device only, without an account', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    renderApp('/kurs/trygg-epost/hva-gjor-dere');
    await screen.findByRole('textbox', { name: 'Dine tanker' });
    await waitFor(() =>
      expect(document.getElementById('reflection-where')?.textContent).toBe(
        'Teksten lagres bare på denne enheten. Ingen andre kan lese den.',
      ),
    );
  });

  it('says where the text is stored: also on the server, with an account, in nb and en', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    await signIn();
    const nb = renderApp('/kurs/trygg-epost/hva-gjor-dere');
    await waitFor(() =>
      expect(document.getElementById('reflection-where')?.textContent).toBe(
        'Teksten lagres på denne enheten og på Lommekurs-serveren, slik at de andre enhetene dine får den. Ingen andre kan lese den i Lommekurs, heller ikke rådgiveren din.',
      ),
    );
    nb.unmount();
    renderApp('/kurs/trygg-epost/hva-gjor-dere', 'en');
    await waitFor(() =>
      expect(document.getElementById('reflection-where')?.textContent).toBe(
        'Your text is stored on this device and on the Lommekurs server, so your other devices get it. Nobody else can read it in Lommekurs, not even your advisor.',
      ),
    );
  });
});

/** Kari, signed in, a member of a business garden as this device knows it (the membership
 * store's copy): only a member, or someone whose reflection is shared, sees the switch. */
async function member() {
  await signIn();
  await storeNetworkCopy('kari', { memberships: [membershipOf()] });
}

describe('"Del med rådgiveren"', () => {
  const shareSwitch = () => screen.findByRole('switch', { name: 'Del med rådgiveren' });
  const shareEvents = () => db.outbox.filter((e) => e.type === 'reflection.shared').toArray();
  const where = () => document.getElementById('reflection-where')?.textContent;

  it('is a real switch, off by default and described, also before any text is written', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    await member();
    renderApp('/kurs/trygg-epost/hva-gjor-dere');
    const toggle = (await shareSwitch()) as HTMLInputElement;
    expect(toggle.tagName).toBe('INPUT');
    expect(toggle.type).toBe('checkbox');
    expect(toggle.checked).toBe(false);
    expect(toggle.getAttribute('aria-describedby')).toBe('reflection-share-hint');
    expect(document.getElementById('reflection-share-hint')?.textContent).toBe(
      'Rådgiveren i næringshagen din kan lese denne refleksjonen. Du kan slå det av igjen.',
    );
    // Not part of the text's form: it acts at once, "Lagre" is for the text.
    expect(toggle.closest('form')).toBeNull();
    expect(await shareEvents()).toEqual([]);
    expect((await progress())?.reflectionShared ?? null).toBeNull();
  });

  it('records one event per turn, in the progress at once, and the where-sentence follows', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    await member();
    const { unmount } = renderApp('/kurs/trygg-epost/hva-gjor-dere');
    const toggle = (await shareSwitch()) as HTMLInputElement;
    await waitFor(() => expect(where()).toContain('heller ikke rådgiveren din'));

    fireEvent.click(toggle);
    await waitFor(async () => expect((await progress())?.reflectionShared?.value).toBe(true));
    expect((await shareEvents()).map((e) => e.payload)).toEqual([{ shared: true }]);
    await waitFor(() =>
      expect(where()).toBe(
        'Teksten lagres på denne enheten og på Lommekurs-serveren, slik at de andre enhetene dine får den. Du deler den med rådgiveren i næringshagen din; ingen andre kan lese den i Lommekurs.',
      ),
    );
    expect(toggle.checked).toBe(true);
    // Nothing else is recorded: no completion, no text.
    expect((await progress())?.completedAt).toBeNull();
    expect(
      await db.outbox
        .filter((e) => e.type === 'reflection.saved' || e.type === 'lesson.completed')
        .count(),
    ).toBe(0);

    // Stays on when the lesson is opened again.
    unmount();
    const { unmount: unmountAgain } = renderApp('/kurs/trygg-epost/hva-gjor-dere');
    const again = (await shareSwitch()) as HTMLInputElement;
    await waitFor(() => expect(again.checked).toBe(true));

    fireEvent.click(again);
    await waitFor(async () => expect((await progress())?.reflectionShared?.value).toBe(false));
    expect((await shareEvents()).map((e) => e.payload)).toEqual([
      { shared: true },
      { shared: false },
    ]);
    await waitFor(() => expect(where()).toContain('heller ikke rådgiveren din'));
    expect(again.checked).toBe(false);
    unmountAgain();
  });

  it('says that a shared text on this device reaches the advisor only with an account', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    // Shared with an account that has since left the device (the progress kept): the switch shows
    // without a membership, so it can be turned off.
    await shareReflection('trygg-epost', 'hva-gjor-dere', true);
    renderApp('/kurs/trygg-epost/hva-gjor-dere');
    expect(((await shareSwitch()) as HTMLInputElement).checked).toBe(true);
    await waitFor(() =>
      expect(where()).toBe(
        'Teksten lagres bare på denne enheten. Rådgiveren din kan lese den når du har en konto og enheten har synkronisert.',
      ),
    );
  });

  it('is named in nynorsk and English', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    await member();
    const nn = renderApp('/kurs/trygg-epost/hva-gjor-dere', 'nn');
    await screen.findByRole('switch', { name: 'Del med rådgjevaren' });
    expect(document.getElementById('reflection-share-hint')?.textContent).toBe(
      'Rådgjevaren i næringshagen din kan lese denne refleksjonen. Du kan slå det av att.',
    );
    nn.unmount();
    renderApp('/kurs/trygg-epost/hva-gjor-dere', 'en');
    await screen.findByRole('switch', { name: 'Share with my advisor' });
    expect(document.getElementById('reflection-share-hint')?.textContent).toBe(
      'The advisor at your business garden can read this reflection. You can turn it off again.',
    );
  });

  it('has no axe violations when turned on', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    await member();
    renderApp('/kurs/trygg-epost/hva-gjor-dere');
    fireEvent.click(await shareSwitch());
    await waitFor(async () => expect((await progress())?.reflectionShared?.value).toBe(true));
    const result = await axe.run(document.documentElement, {
      rules: { 'color-contrast': { enabled: false } },
    });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });

  it('shows in "Last ned dataene mine" on the device, JSON and HTML', async () => {
    await storeCourse(tryggEpost);
    await saveReflection('trygg-epost', 'hva-gjor-dere', 'Vi ringer alltid tilbake.');
    await shareReflection('trygg-epost', 'hva-gjor-dere', true);
    const data = await readDeviceData();
    const json = JSON.parse(exportJson(data, Date.now())) as {
      kurs: {
        leksjoner: { id: string; deltMedRådgiveren?: { delt: boolean; endret: string } }[];
      }[];
    };
    const lesson = json.kurs[0]!.leksjoner.find((l) => l.id === 'hva-gjor-dere')!;
    expect(lesson.deltMedRådgiveren).toEqual({ delt: true, endret: expect.any(String) as string });
    expect(exportHtml(data, createI18n('nb'), Date.now())).toContain(
      'Du deler refleksjonen med rådgiveren i næringshagen din.',
    );
    // Turned off again: the export says so in JSON, and the HTML no longer claims it.
    await shareReflection('trygg-epost', 'hva-gjor-dere', false);
    const after = await readDeviceData();
    expect(exportJson(after, Date.now())).toContain('"delt": false');
    expect(exportHtml(after, createI18n('nb'), Date.now())).not.toContain('Du deler refleksjonen');
  });
});
