import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { storeCourse } from '../../src/client-core/db/courses';
import { db } from '../../src/client-core/db/db';
import { getLessonProgress } from '../../src/client-core/db/progress';
import { storeSession } from '../../src/client-core/db/sync-state';
import { tryggEpost } from '../utils/bundles';
import { renderApp, setupAppTests, stubApi } from '../utils/app';

setupAppTests();

const progress = () => getLessonProgress('trygg-epost', 'hva-gjor-dere');
const saveStatus = () => document.querySelector('.save-status')!;
const doneHeading = () => screen.queryByRole('heading', { name: 'Leksjonen er fullført' });
const SENTENCE = 'Bare Kari betaler, og hun ringer alltid.';

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
    await storeSession(db, {
      token: 'token',
      user: { id: 'kari', email: 'kari@example.test', createdAt: 0, emailVerified: false },
      expiresAt: Date.now() + 86_400_000,
    });
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
