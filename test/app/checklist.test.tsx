import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { storeCourse } from '../../src/app/db/courses';
import { getLessonProgress } from '../../src/app/db/progress';
import { isChecked } from '../../src/shared/progress';
import { tryggEpost } from '../utils/bundles';
import { renderApp, setupAppTests, stubApi } from '../utils/app';

setupAppTests();

const checked = async (itemId: string) => {
  const p = await getLessonProgress('trygg-epost', 'sjekk-rutinene');
  return p ? isChecked(p, itemId) : false;
};

describe('checklist lesson', () => {
  it('saves each item as it is ticked, and completes on submit', async () => {
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

    screen.getByRole('button', { name: 'Fullfør sjekklisten' }).click();
    const done = await screen.findByRole('heading', { name: 'Leksjonen er fullført' });
    await waitFor(() => expect(document.activeElement).toBe(done));
    expect(
      screen.getByText('Sjekklisten er fullført. Du kan fortsatt krysse av punkter.'),
    ).toBeTruthy();
    expect((await getLessonProgress('trygg-epost', 'sjekk-rutinene'))?.completedAt).not.toBeNull();
    expect(screen.queryByRole('button', { name: 'Fullfør sjekklisten' })).toBeNull();
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
