import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { storeCourse } from '../../src/client-core/db/courses';
import { getLessonProgress } from '../../src/client-core/db/progress';
import { isChecked } from '../../src/shared/progress';
import { tryggEpost } from '../utils/bundles';
import { renderApp, setupAppTests, stubApi } from '../utils/app';

setupAppTests();

const checked = async (itemId: string) => {
  const p = await getLessonProgress('trygg-epost', 'sjekk-rutinene');
  return p ? isChecked(p, itemId) : false;
};

describe('checklist lesson', () => {
  it('saves each item as it is ticked, and completes when every item is ticked', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    renderApp('/kurs/trygg-epost/sjekk-rutinene');
    const first = await screen.findByRole('checkbox', { name: 'Alle har tofaktorinnlogging' });
    expect(screen.getAllByRole('checkbox')).toHaveLength(3);
    expect(within(screen.getByRole('main')).getByRole('status').textContent).toBe(
      '0 av 3 punkter er gjort.',
    );

    fireEvent.click(first);
    await waitFor(async () => expect(await checked('tofaktor')).toBe(true));
    expect(await checked('betaling')).toBe(false);
    expect(within(screen.getByRole('main')).getByRole('status').textContent).toBe(
      '1 av 3 punkter er gjort.',
    );

    const second = screen.getByRole('checkbox', { name: 'Betalinger bekreftes av to personer' });
    fireEvent.click(second);
    await waitFor(async () => expect(await checked('betaling')).toBe(true));
    fireEvent.click(second);
    await waitFor(async () => expect(await checked('betaling')).toBe(false));
    expect((second as HTMLInputElement).checked).toBe(false);
    expect(await checked('tofaktor')).toBe(true);
    expect((await getLessonProgress('trygg-epost', 'sjekk-rutinene'))?.completedAt).toBeNull();

    // With items unticked there is no one-tap completion (issue 11, item 5).
    expect(screen.queryByRole('button', { name: 'Fullfør sjekklisten' })).toBeNull();
    expect(screen.getByText('Kryss av alle punktene for å fullføre sjekklisten.')).toBeTruthy();
    fireEvent.click(second);
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Alle vet hvor de melder mistenkelig e-post' }),
    );
    await waitFor(async () => expect(await checked('melding')).toBe(true));
    expect(screen.queryByRole('button', { name: 'Resten gjelder ikke oss' })).toBeNull();
    expect((await getLessonProgress('trygg-epost', 'sjekk-rutinene'))?.completedAt).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Fullfør sjekklisten' }));
    const done = await screen.findByRole('heading', { name: 'Leksjonen er fullført' });
    await waitFor(() => expect(document.activeElement).toBe(done));
    expect(
      screen.getByText('Sjekklisten er fullført. Du kan fortsatt krysse av punkter.'),
    ).toBeTruthy();
    expect((await getLessonProgress('trygg-epost', 'sjekk-rutinene'))?.completedAt).not.toBeNull();
    expect(screen.queryByRole('button', { name: 'Fullfør sjekklisten' })).toBeNull();
  });

  it('with nothing ticked, completes only after the learner confirms the rest does not apply', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    renderApp('/kurs/trygg-epost/sjekk-rutinene');
    await screen.findByRole('checkbox', { name: 'Alle har tofaktorinnlogging' });
    expect(screen.queryByRole('button', { name: 'Fullfør sjekklisten' })).toBeNull();

    // Cancelled: nothing recorded.
    const rest = screen.getByRole('button', { name: 'Resten gjelder ikke oss' });
    rest.focus();
    fireEvent.click(rest);
    let dialog = await screen.findByRole('dialog', { name: 'Gjelder resten ikke for dere?' });
    expect(dialog.textContent).toContain(
      '3 punkter er ikke krysset av. Sjekklisten blir fullført, og punktene står fortsatt som ikke gjort. Du kan krysse dem av senere.',
    );
    // Completing is not a loss: the confirm button is not styled as a danger.
    expect(within(dialog).getByRole('button', { name: 'Ja, fullfør sjekklisten' }).className).toBe(
      'button',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(rest));
    expect((await getLessonProgress('trygg-epost', 'sjekk-rutinene'))?.completedAt).toBeNull();

    fireEvent.click(rest);
    dialog = await screen.findByRole('dialog', { name: 'Gjelder resten ikke for dere?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ja, fullfør sjekklisten' }));
    const done = await screen.findByRole('heading', { name: 'Leksjonen er fullført' });
    await waitFor(() => expect(document.activeElement).toBe(done));
    expect(
      screen.getByText(
        'Sjekklisten er fullført. 3 punkter er ikke krysset av; du kan krysse dem av senere.',
      ),
    ).toBeTruthy();
    const p = await getLessonProgress('trygg-epost', 'sjekk-rutinene');
    expect(p?.completedAt).not.toBeNull();
    // The unticked items are still shown, and stored, as not done.
    expect(screen.getAllByRole('checkbox').map((box) => (box as HTMLInputElement).checked)).toEqual(
      [false, false, false],
    );
    expect(Object.keys(p!.checklist)).toEqual([]);
    expect(within(screen.getByRole('main')).getAllByRole('status')[0]!.textContent).toBe(
      '0 av 3 punkter er gjort.',
    );

    // Ticked later, the message follows.
    fireEvent.click(screen.getByRole('checkbox', { name: 'Alle har tofaktorinnlogging' }));
    await screen.findByText(
      'Sjekklisten er fullført. 2 punkter er ikke krysset av; du kan krysse dem av senere.',
    );
  });

  it('restores ticked items when reopened', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    const { unmount } = renderApp('/kurs/trygg-epost/sjekk-rutinene');
    fireEvent.click(
      await screen.findByRole('checkbox', { name: 'Alle vet hvor de melder mistenkelig e-post' }),
    );
    await waitFor(async () => expect(await checked('melding')).toBe(true));
    unmount();
    renderApp('/kurs/trygg-epost/sjekk-rutinene');
    const item = await screen.findByRole('checkbox', {
      name: 'Alle vet hvor de melder mistenkelig e-post',
    });
    expect((item as HTMLInputElement).checked).toBe(true);
  });
});
