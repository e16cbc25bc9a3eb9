import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { storeCourse } from '../../src/app/db/courses';
import { getLessonProgress } from '../../src/app/db/progress';
import { tryggEpost } from '../utils/bundles';
import { renderApp, setupAppTests, stubApi } from '../utils/app';

setupAppTests();

const progress = () => getLessonProgress('trygg-epost', 'hva-gjor-dere');

describe('reflection lesson', () => {
  it('autosaves while typing, says "Lagret", and completes', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    renderApp('/kurs/trygg-epost/hva-gjor-dere');
    const box = await screen.findByRole('textbox', { name: 'Dine tanker' });
    expect(box.getAttribute('aria-describedby')).toBe('reflection-prompt reflection-hint');
    const tip = screen.getByRole('complementary', { name: 'Tips' });
    expect(tip.textContent).toContain('Ta med svaret til rådgiveren i næringshagen.');

    box.focus();
    fireEvent.input(box, { target: { value: 'Bare Kari' } });
    expect(within(screen.getByRole('main')).getByRole('status').textContent).toBe('Lagrer …');
    fireEvent.input(box, { target: { value: 'Bare Kari betaler, og hun ringer alltid.' } });
    // Debounced: saved once, about 700 ms after the last keystroke.
    await waitFor(
      () => expect(within(screen.getByRole('main')).getByRole('status').textContent).toBe('Lagret'),
      {
        timeout: 2000,
      },
    );
    const saved = await progress();
    expect(saved?.reflection?.value).toBe('Bare Kari betaler, og hun ringer alltid.');
    expect(saved?.completedAt).not.toBeNull();
    expect(
      await screen.findByText('Refleksjonen er lagret, og leksjonen er fullført.'),
    ).toBeTruthy();
    // Completed while typing: focus stays in the text box.
    expect(document.activeElement).toBe(box);
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
  });

  it('does not complete on an empty text', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    renderApp('/kurs/trygg-epost/hva-gjor-dere');
    const box = await screen.findByRole('textbox', { name: 'Dine tanker' });
    fireEvent.input(box, { target: { value: '   ' } });
    fireEvent.blur(box);
    await waitFor(async () => expect((await progress())?.reflection?.value).toBe('   '));
    expect((await progress())?.completedAt).toBeNull();
  });
});
