import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { storeCourse } from '../../src/client-core/db/courses';
import { getLessonProgress } from '../../src/client-core/db/progress';
import { tryggEpost } from '../utils/bundles';
import { renderApp, setupAppTests, stubApi } from '../utils/app';

setupAppTests();

const progress = () => getLessonProgress('trygg-epost', 'test-deg-selv');
const status = () => within(screen.getByRole('main')).getByRole('status');

describe('quiz lesson', () => {
  it('marks a wrong choice, explains only it, and shows the answer when asked', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    renderApp('/kurs/trygg-epost/test-deg-selv');

    // Question 1 of 2: single choice, so radio buttons in a named group.
    expect(await screen.findByRole('heading', { level: 2, name: 'Spørsmål 1 av 2' })).toBeTruthy();
    const group = screen.getByRole('group', {
      name: '«Sjefen» ber deg betale en faktura i dag. Hva gjør du?',
    });
    expect(within(group).getAllByRole('radio')).toHaveLength(3);
    expect(within(group).getByText('Velg ett svar.')).toBeTruthy();

    // Answering without a choice asks for one.
    screen.getByRole('button', { name: 'Svar' }).click();
    expect((await screen.findByRole('alert')).textContent).toBe('Velg et svar først.');

    // A wrong answer: announced, the learner's own choice marked and explained, nothing else.
    fireEvent.click(within(group).getByRole('radio', { name: 'Betaler med en gang' }));
    screen.getByRole('button', { name: 'Svar' }).click();
    await waitFor(() =>
      expect(status().textContent).toBe('Ikke riktig. Les hvorfor, og prøv igjen eller se svaret.'),
    );
    const options = screen.getByRole('list', {
      name: '«Sjefen» ber deg betale en faktura i dag. Hva gjør du?',
    });
    const rows = within(options).getAllByRole('listitem');
    expect(rows.map((row) => row.className)).toEqual([
      'option is-wrong is-chosen',
      'option',
      'option',
    ]);
    expect(within(rows[0]!).getByText('Ditt svar: feil')).toBeTruthy();
    expect(screen.getByText('Hastverk er et klassisk tegn på svindel.')).toBeTruthy();
    expect(screen.queryByText('Bekreft alltid på en annen kanal.')).toBeNull();
    expect(screen.queryByText('Svaret går rett til svindleren.')).toBeNull();
    expect(screen.queryByText('Riktig svar')).toBeNull();
    expect(screen.queryByRole('radio')).toBeNull();
    const tryAgain = screen.getByRole('button', { name: 'Prøv igjen' });
    await waitFor(() => expect(document.activeElement).toBe(tryAgain));
    expect(screen.queryByRole('button', { name: 'Neste spørsmål' })).toBeNull();

    // Show the answer: every option judged and explained, the question settled.
    screen.getByRole('button', { name: 'Vis svaret' }).click();
    await waitFor(() => expect(status().textContent).toBe('Her er det riktige svaret.'));
    expect(screen.getByText('Riktig svar')).toBeTruthy();
    expect(screen.getByText('Ditt svar: feil')).toBeTruthy();
    expect(screen.getAllByText('Feil svar')).toHaveLength(1);
    expect(screen.getByText('Bekreft alltid på en annen kanal.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Prøv igjen' })).toBeNull();
    const next = screen.getByRole('button', { name: 'Neste spørsmål' });
    await waitFor(() => expect(document.activeElement).toBe(next));
    const stored = await progress();
    expect(Object.values(stored!.reveals ?? {})).toEqual([
      { questionId: 'hastverk', at: expect.any(Number) },
    ]);
    next.click();

    // Question 2: several answers, so checkboxes; a partly right answer, then a right one.
    const heading2 = await screen.findByRole('heading', { level: 2, name: 'Spørsmål 2 av 2' });
    await waitFor(() => expect(document.activeElement).toBe(heading2));
    const group2 = screen.getByRole('group', { name: 'Hvilke tegn tyder på svindel?' });
    expect(within(group2).getAllByRole('checkbox')).toHaveLength(3);
    fireEvent.click(within(group2).getByRole('checkbox', { name: 'Rar avsenderadresse' }));
    screen.getByRole('button', { name: 'Svar' }).click();
    await waitFor(() =>
      expect(status().textContent).toBe(
        'Delvis riktig. Les hvorfor, og prøv igjen eller se svaret.',
      ),
    );
    // The own choice judged; the missing right one ("Tidspress") is not given away.
    expect(screen.getByText('Ditt svar: riktig')).toBeTruthy();
    expect(screen.getByText('Sjekk domenet nøye.')).toBeTruthy();
    expect(screen.queryByText('Press skal hindre deg i å tenke.')).toBeNull();
    // Every question has now been answered: the lesson is completed.
    await waitFor(async () => expect((await progress())?.completedAt).not.toBeNull());

    screen.getByRole('button', { name: 'Prøv igjen' }).click();
    await waitFor(() => expect(status().textContent).toBe(''));
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByRole('checkbox')[0]));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Rar avsenderadresse' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Tidspress' }));
    screen.getByRole('button', { name: 'Svar' }).click();
    await waitFor(() => expect(status().textContent).toBe('Riktig!'));
    expect(screen.getByText('Press skal hindre deg i å tenke.')).toBeTruthy();
    screen.getByRole('button', { name: 'Se resultatet' }).click();

    // The result: first attempts count; how each question went, said plainly.
    expect(await screen.findByRole('heading', { level: 2, name: 'Resultat' })).toBeTruthy();
    expect(await screen.findByText(/^0 av 2 riktige på første forsøk \(25\s%\)\.$/)).toBeTruthy();
    expect(screen.getByText('Spørsmål 1: du så svaret etter 1 forsøk.')).toBeTruthy();
    expect(screen.getByText('Spørsmål 2: riktig etter 2 forsøk.')).toBeTruthy();
    expect(screen.getByText('Det er første forsøk som teller. Nye forsøk er øving.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Leksjonen er fullført' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Neste leksjon' }).getAttribute('href')).toBe(
      '/kurs/trygg-epost/sjekk-rutinene',
    );

    const attempts = Object.values((await progress())!.attempts).sort((a, b) => a.at - b.at);
    expect(attempts.map((a) => [a.questionId, a.chosen, a.correct, a.score])).toEqual([
      ['hastverk', ['betal'], false, 0],
      ['tegn', ['avsender'], false, 0.5],
      ['tegn', ['avsender', 'press'], true, 1],
    ]);
  });

  it('keeps a wrong answer open to retry after a reload, and scores the first attempt', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    const first = renderApp('/kurs/trygg-epost/test-deg-selv');
    fireEvent.click(await screen.findByRole('radio', { name: 'Betaler med en gang' }));
    screen.getByRole('button', { name: 'Svar' }).click();
    await screen.findByRole('button', { name: 'Prøv igjen' });
    first.unmount();

    // "Reload": the question and its wrong answer come back from storage.
    renderApp('/kurs/trygg-epost/test-deg-selv');
    expect(await screen.findByRole('heading', { level: 2, name: 'Spørsmål 1 av 2' })).toBeTruthy();
    expect(await screen.findByText('Ditt svar: feil')).toBeTruthy();
    expect(status().textContent).toBe('Ikke riktig. Les hvorfor, og prøv igjen eller se svaret.');
    screen.getByRole('button', { name: 'Prøv igjen' }).click();
    fireEvent.click(
      await screen.findByRole('radio', { name: 'Ringer sjefen på et nummer jeg kjenner' }),
    );
    screen.getByRole('button', { name: 'Svar' }).click();
    (await screen.findByRole('button', { name: 'Neste spørsmål' })).click();
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Rar avsenderadresse' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Tidspress' }));
    screen.getByRole('button', { name: 'Svar' }).click();
    (await screen.findByRole('button', { name: 'Se resultatet' })).click();
    expect(await screen.findByText(/^1 av 2 riktige på første forsøk \(50\s%\)\.$/)).toBeTruthy();
    expect(screen.getByText('Spørsmål 1: riktig etter 2 forsøk.')).toBeTruthy();
    expect(screen.getByText('Spørsmål 2: riktig på første forsøk.')).toBeTruthy();
  });

  it('opens a finished quiz at its result; taking it again is practice', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    const { unmount } = renderApp('/kurs/trygg-epost/test-deg-selv');
    for (const [question, option] of [
      ['Ringer sjefen på et nummer jeg kjenner', 'radio'],
      ['Rar avsenderadresse', 'checkbox'],
    ] as const) {
      fireEvent.click(await screen.findByRole(option, { name: question }));
      screen.getByRole('button', { name: 'Svar' }).click();
      if (option === 'radio')
        (await screen.findByRole('button', { name: 'Neste spørsmål' })).click();
    }
    // The second answer is partly right: show the answer to move on.
    (await screen.findByRole('button', { name: 'Vis svaret' })).click();
    (await screen.findByRole('button', { name: 'Se resultatet' })).click();
    expect(await screen.findByText(/^1 av 2 riktige på første forsøk \(75\s%\)\.$/)).toBeTruthy();
    unmount();

    renderApp('/kurs/trygg-epost/test-deg-selv');
    expect(await screen.findByRole('heading', { level: 2, name: 'Resultat' })).toBeTruthy();
    screen.getByRole('button', { name: 'Ta quizen på nytt' }).click();
    expect(await screen.findByRole('heading', { level: 2, name: 'Spørsmål 1 av 2' })).toBeTruthy();
    expect(screen.getByText('Øvingsrunde: resultatet fra første gang står.')).toBeTruthy();
    // A wrong practice answer does not change the score.
    fireEvent.click(screen.getByRole('radio', { name: 'Betaler med en gang' }));
    screen.getByRole('button', { name: 'Svar' }).click();
    (await screen.findByRole('button', { name: 'Vis svaret' })).click();
    (await screen.findByRole('button', { name: 'Neste spørsmål' })).click();
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Rar avsenderadresse' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Tidspress' }));
    screen.getByRole('button', { name: 'Svar' }).click();
    (await screen.findByRole('button', { name: 'Se resultatet' })).click();
    expect(await screen.findByText(/^1 av 2 riktige på første forsøk \(75\s%\)\.$/)).toBeTruthy();
  });
});
