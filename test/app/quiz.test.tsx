import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { storeCourse } from '../../src/app/db/courses';
import { getLessonProgress } from '../../src/app/db/progress';
import { tryggEpost } from '../utils/bundles';
import { renderApp, setupAppTests, stubApi } from '../utils/app';

setupAppTests();

const progress = () => getLessonProgress('trygg-epost', 'test-deg-selv');
const status = () => within(screen.getByRole('main')).getByRole('status');

describe('quiz lesson', () => {
  it('explains every option, allows retries, records every attempt and completes', async () => {
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

    // A wrong answer: announced, every option explained, "try again" offered.
    fireEvent.click(within(group).getByRole('radio', { name: 'Betaler med en gang' }));
    screen.getByRole('button', { name: 'Svar' }).click();
    await waitFor(() =>
      expect(status().textContent).toBe('Ikke riktig. Les forklaringene og prøv igjen.'),
    );
    expect(screen.getByText('Hastverk er et klassisk tegn på svindel.')).toBeTruthy();
    expect(screen.getByText('Bekreft alltid på en annen kanal.')).toBeTruthy();
    expect(screen.getByText('Svaret går rett til svindleren.')).toBeTruthy();
    expect(screen.getAllByText('Riktig svar')).toHaveLength(1);
    expect(screen.getAllByText('Feil svar')).toHaveLength(2);
    expect(screen.getByText('· Ditt valg', { exact: false })).toBeTruthy();
    const tryAgain = screen.getByRole('button', { name: 'Prøv igjen' });
    await waitFor(() => expect(document.activeElement).toBe(tryAgain));
    expect((await progress())?.attempts).toSatisfy((a: object) => Object.keys(a).length === 1);

    // Try again, this time right.
    tryAgain.click();
    await waitFor(() =>
      expect(screen.getByRole('radio', { name: 'Betaler med en gang' })).toHaveProperty(
        'checked',
        false,
      ),
    );
    expect(status().textContent).toBe('');
    fireEvent.click(screen.getByRole('radio', { name: 'Ringer sjefen på et nummer jeg kjenner' }));
    screen.getByRole('button', { name: 'Svar' }).click();
    await waitFor(() => expect(status().textContent).toBe('Riktig!'));
    expect(screen.queryByRole('button', { name: 'Prøv igjen' })).toBeNull();
    screen.getByRole('button', { name: 'Neste spørsmål' }).click();

    // Question 2: several answers, so checkboxes; a partly right answer.
    const heading2 = await screen.findByRole('heading', { level: 2, name: 'Spørsmål 2 av 2' });
    await waitFor(() => expect(document.activeElement).toBe(heading2));
    const group2 = screen.getByRole('group', { name: 'Hvilke tegn tyder på svindel?' });
    expect(within(group2).getAllByRole('checkbox')).toHaveLength(3);
    expect(within(group2).getByText('Velg alle svarene som stemmer.')).toBeTruthy();
    fireEvent.click(within(group2).getByRole('checkbox', { name: 'Rar avsenderadresse' }));
    screen.getByRole('button', { name: 'Svar' }).click();
    await waitFor(() =>
      expect(status().textContent).toBe('Delvis riktig. Les forklaringene og prøv igjen.'),
    );
    expect(screen.getByText('Logoer er lette å kopiere.')).toBeTruthy();
    // Every question has now been answered: the lesson is completed.
    await waitFor(async () => expect((await progress())?.completedAt).not.toBeNull());

    screen.getByRole('button', { name: 'Prøv igjen' }).click();
    await waitFor(() => expect(status().textContent).toBe(''));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Rar avsenderadresse' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Tidspress' }));
    screen.getByRole('button', { name: 'Svar' }).click();
    await waitFor(() => expect(status().textContent).toBe('Riktig!'));
    screen.getByRole('button', { name: 'Se resultatet' }).click();

    // The result: best score, attempts, and the way on.
    expect(await screen.findByRole('heading', { level: 2, name: 'Resultat' })).toBeTruthy();
    expect(await screen.findByText(/^Beste resultat: 2 av 2 riktige \(100\s%\)\.$/)).toBeTruthy();
    expect(screen.getByText('Du har svart 4 ganger.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Leksjonen er fullført' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Neste leksjon' }).getAttribute('href')).toBe(
      '/kurs/trygg-epost/sjekk-rutinene',
    );

    const stored = await progress();
    const attempts = Object.values(stored!.attempts).sort((a, b) => a.at - b.at);
    expect(attempts.map((a) => [a.questionId, a.chosen, a.correct, a.score])).toEqual([
      ['hastverk', ['betal'], false, 0],
      ['hastverk', ['ring'], true, 1],
      ['tegn', ['avsender'], false, 0.5],
      ['tegn', ['avsender', 'press'], true, 1],
    ]);
    expect(stored!.best).toEqual({ hastverk: 1, tegn: 1 });
  });

  it('opens a completed quiz at its result, and can be taken again', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    const { unmount } = renderApp('/kurs/trygg-epost/test-deg-selv');
    for (const [question, option] of [
      ['Ringer sjefen på et nummer jeg kjenner', 'radio'],
      ['Riktig logo', 'checkbox'],
    ] as const) {
      fireEvent.click(await screen.findByRole(option, { name: question }));
      screen.getByRole('button', { name: 'Svar' }).click();
      (await screen.findByRole('button', { name: /Neste spørsmål|Se resultatet/ })).click();
    }
    expect(await screen.findByText(/^Beste resultat: 1 av 2 riktige \(50\s%\)\.$/)).toBeTruthy();
    unmount();

    renderApp('/kurs/trygg-epost/test-deg-selv');
    expect(await screen.findByRole('heading', { level: 2, name: 'Resultat' })).toBeTruthy();
    screen.getByRole('button', { name: 'Ta quizen på nytt' }).click();
    expect(await screen.findByRole('heading', { level: 2, name: 'Spørsmål 1 av 2' })).toBeTruthy();
  });
});
