// "Se svarene dine" under a quiz's result (issue 16, item 6): the questions not right at the first
// attempt, each with the learner's first choice, the right answer and the explanations; a
// sentence instead when all were right; the first attempt decides, so a practice round changes
// nothing, and a course reset starts the list over.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { resetCourseProgress } from '../../src/client-core/db/course-reset';
import { storeCourse } from '../../src/client-core/db/courses';
import { answerQuestion, revealAnswer } from '../../src/client-core/db/learner-actions';
import type { CourseBundle, QuizLesson } from '../../src/shared/course';
import { tryggEpost } from '../utils/bundles';
import { renderApp, setupAppTests, stubApi } from '../utils/app';

setupAppTests();

const COURSE = 'trygg-epost';
const LESSON = 'test-deg-selv';
const URL = `/kurs/${COURSE}/${LESSON}`;

// The fixture's quiz with a third question, so one can be right, one right later, one shown.
const baseQuiz = tryggEpost.lessons.find((l) => l.id === LESSON) as QuizLesson;
const quiz: QuizLesson = {
  ...baseQuiz,
  questions: [
    ...baseQuiz.questions,
    {
      id: 'lenke',
      html: '<p>Hva gjør du med en lenke i en uventet e-post?</p>',
      multiple: false,
      options: [
        {
          id: 'klikk',
          html: '<p>Klikker for å se hva det er</p>',
          correct: false,
          explanationHtml: '<p>Lenken kan føre til en falsk innloggingsside.</p>',
        },
        {
          id: 'sjekk',
          html: '<p>Sjekker adressen før jeg gjør noe</p>',
          correct: true,
          explanationHtml: '<p>Adressen avslører ofte svindelen.</p>',
        },
      ],
    },
  ],
};
const course: CourseBundle = {
  ...tryggEpost,
  lessons: tryggEpost.lessons.map((l) => (l.id === LESSON ? quiz : l)),
};

// Each action a millisecond apart, so the order of attempts and reveals is the order here.
const tick = () => new Promise((resolve) => setTimeout(resolve, 2));
const answer = async (questionId: string, chosen: string[]) => {
  await tick();
  await answerQuestion(COURSE, quiz, questionId, chosen);
};
const reveal = async (questionId: string) => {
  await tick();
  await revealAnswer(COURSE, LESSON, questionId);
};

/** Question 1 wrong then right, question 2 right, question 3 wrong then shown. */
async function answerWithMistakes() {
  await answer('hastverk', ['betal']);
  await answer('hastverk', ['ring']);
  await answer('tegn', ['avsender', 'press']);
  await answer('lenke', ['klikk']);
  await reveal('lenke');
}

/** Open the review under the result and return its region. */
async function openReview(name = 'Se svarene dine') {
  const toggle = await screen.findByRole('button', { name });
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  fireEvent.click(toggle);
  await waitFor(() => expect(toggle.getAttribute('aria-expanded')).toBe('true'));
  const region = screen.getByRole('region', { name });
  expect(toggle.getAttribute('aria-controls')).toBe(region.id);
  return region;
}

const headings = (region: HTMLElement) =>
  within(region)
    .getAllByRole('heading', { level: 3 })
    .map((h) => h.textContent);

/** The language an element is read in: its own or its nearest ancestor's `lang`. */
const langOf = (element: Element) => element.closest('[lang]')?.getAttribute('lang');

/** The review item under a heading: the heading's parent. */
const item = (region: HTMLElement, heading: string) =>
  within(region).getByRole('heading', { level: 3, name: heading }).parentElement!;

describe('"Se svarene dine" under a quiz result', () => {
  it('lists the questions not right the first time, with the first choice and explanations', async () => {
    stubApi({});
    await storeCourse(course);
    await answerWithMistakes();
    renderApp(URL);
    expect(await screen.findByRole('heading', { level: 2, name: 'Resultat' })).toBeTruthy();
    expect(await screen.findByText(/^1 av 3 riktige på første forsøk/)).toBeTruthy();

    const toggle = screen.getByRole('button', { name: 'Se svarene dine' });
    const region = await openReview();
    expect(headings(region)).toEqual(['Spørsmål 1 av 3', 'Spørsmål 3 av 3']);
    expect(
      within(region).getByText('Her er spørsmålene du ikke fikk helt riktig første gang.', {
        exact: false,
      }),
    ).toBeTruthy();

    // Question 1: the first choice (wrong) marked, the right answer, every explanation.
    const first = item(region, 'Spørsmål 1 av 3');
    const options1 = within(first).getByRole('list', {
      name: '«Sjefen» ber deg betale en faktura i dag. Hva gjør du?',
    });
    expect(
      within(options1)
        .getAllByRole('listitem')
        .map((row) => row.className),
    ).toEqual(['option is-wrong is-chosen', 'option is-correct', 'option is-wrong']);
    expect(within(first).getByText('Ditt svar: feil')).toBeTruthy();
    expect(within(first).getByText('Riktig svar')).toBeTruthy();
    expect(within(first).getByText('Hastverk er et klassisk tegn på svindel.')).toBeTruthy();
    expect(within(first).getByText('Bekreft alltid på en annen kanal.')).toBeTruthy();
    expect(within(first).getByText('Svaret går rett til svindleren.')).toBeTruthy();
    // The course text carries the course's language, as in the player.
    expect(langOf(within(first).getByText('Bekreft alltid på en annen kanal.'))).toBe('nb');
    expect(langOf(within(first).getByText('Ringer sjefen på et nummer jeg kjenner'))).toBe('nb');

    // Question 3, shown after a wrong answer: that answer marked, the right one explained.
    const third = item(region, 'Spørsmål 3 av 3');
    expect(within(third).getByText('Ditt svar: feil')).toBeTruthy();
    expect(within(third).getByText('Lenken kan føre til en falsk innloggingsside.')).toBeTruthy();
    expect(within(third).getByText('Adressen avslører ofte svindelen.')).toBeTruthy();

    // Question 2 was right the first time: not listed.
    expect(within(region).queryByText('Hvilke tegn tyder på svindel?')).toBeNull();
    expect(within(region).queryByText('Press skal hindre deg i å tenke.')).toBeNull();

    // Closing hides the list again; the button keeps focus as the learner pressed it.
    toggle.focus();
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-expanded')).toBe('false'));
    expect(region.hidden).toBe(true);
    expect(within(region).queryByRole('heading')).toBeNull();
    expect(document.activeElement).toBe(toggle);
  });

  it('says so instead when every question was right the first time', async () => {
    stubApi({});
    await storeCourse(course);
    await answer('hastverk', ['ring']);
    await answer('tegn', ['avsender', 'press']);
    await answer('lenke', ['sjekk']);
    renderApp(URL);
    expect(
      await screen.findByText('Du svarte riktig på alle spørsmålene første gang.'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Se svarene dine' })).toBeNull();
  });

  it('speaks nynorsk and English', async () => {
    stubApi({});
    await storeCourse(course);
    await answerWithMistakes();
    const nn = renderApp(URL, 'nn');
    const regionNn = await openReview('Sjå svara dine');
    expect(headings(regionNn)).toEqual(['Spørsmål 1 av 3', 'Spørsmål 3 av 3']);
    expect(
      within(regionNn).getByText(
        'Her er spørsmåla du ikkje fekk heilt rett første gong. Det du svarte då, er merkt «Svaret ditt».',
      ),
    ).toBeTruthy();
    expect(within(regionNn).getAllByText('Svaret ditt: feil')).toHaveLength(2);
    // The interface is nynorsk; the course text stays bokmål and says so.
    expect(langOf(within(regionNn).getByText('Adressen avslører ofte svindelen.'))).toBe('nb');
    expect(langOf(regionNn)).toBe('nn');
    nn.unmount();

    renderApp(URL, 'en');
    const regionEn = await openReview('See your answers');
    expect(headings(regionEn)).toEqual(['Question 1 of 3', 'Question 3 of 3']);
    expect(
      within(regionEn).getByText(
        'Here are the questions you did not get fully right the first time. What you chose then is marked “Your answer”.',
      ),
    ).toBeTruthy();
    expect(within(regionEn).getAllByText('Your answer: wrong')).toHaveLength(2);
  });

  it('says the sentence for all right in nynorsk and English', async () => {
    stubApi({});
    await storeCourse(course);
    await answer('hastverk', ['ring']);
    await answer('tegn', ['avsender', 'press']);
    await answer('lenke', ['sjekk']);
    const nn = renderApp(URL, 'nn');
    expect(await screen.findByText('Du svarte rett på alle spørsmåla første gong.')).toBeTruthy();
    nn.unmount();
    renderApp(URL, 'en');
    expect(
      await screen.findByText('You answered every question right the first time.'),
    ).toBeTruthy();
  });

  it('is not changed by a practice round: the first attempt decides', async () => {
    stubApi({});
    await storeCourse(course);
    await answerWithMistakes();
    renderApp(URL);
    const before = await openReview();
    expect(headings(before)).toEqual(['Spørsmål 1 av 3', 'Spørsmål 3 av 3']);

    // A practice round: question 1 right, question 2 (right the first time) wrong and shown,
    // question 3 right.
    screen.getByRole('button', { name: 'Ta quizen på nytt' }).click();
    expect(await screen.findByText('Øvingsrunde: resultatet fra første gang står.')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Ringer sjefen på et nummer jeg kjenner' }));
    screen.getByRole('button', { name: 'Svar' }).click();
    (await screen.findByRole('button', { name: 'Neste spørsmål' })).click();
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Riktig logo' }));
    screen.getByRole('button', { name: 'Svar' }).click();
    (await screen.findByRole('button', { name: 'Vis svaret' })).click();
    (await screen.findByRole('button', { name: 'Neste spørsmål' })).click();
    fireEvent.click(
      await screen.findByRole('radio', { name: 'Sjekker adressen før jeg gjør noe' }),
    );
    screen.getByRole('button', { name: 'Svar' }).click();
    (await screen.findByRole('button', { name: 'Se resultatet' })).click();

    expect(await screen.findByRole('heading', { level: 2, name: 'Resultat' })).toBeTruthy();
    expect(screen.getByText(/^1 av 3 riktige på første forsøk/)).toBeTruthy();
    const after = await openReview();
    expect(headings(after)).toEqual(['Spørsmål 1 av 3', 'Spørsmål 3 av 3']);
    // Still the first choices, not the practice round's right ones.
    expect(within(item(after, 'Spørsmål 1 av 3')).getByText('Ditt svar: feil')).toBeTruthy();
    expect(within(item(after, 'Spørsmål 3 av 3')).getByText('Ditt svar: feil')).toBeTruthy();
    expect(within(after).queryByText('Ditt svar: riktig')).toBeNull();
  });

  it('after a course reset, reflects only what the learner did since', async () => {
    stubApi({});
    await storeCourse(course);
    await answerWithMistakes();
    const before = renderApp(URL);
    expect(headings(await openReview())).toEqual(['Spørsmål 1 av 3', 'Spørsmål 3 av 3']);
    before.unmount();

    await tick();
    await resetCourseProgress(
      COURSE,
      course.lessons.map((l) => l.id),
    );
    // Since the reset: questions 1 and 3 right at once, question 2 partly right, then right.
    await answer('hastverk', ['ring']);
    await answer('tegn', ['avsender']);
    await answer('tegn', ['avsender', 'press']);
    await answer('lenke', ['sjekk']);
    renderApp(URL);
    expect(await screen.findByText(/^2 av 3 riktige på første forsøk/)).toBeTruthy();
    const region = await openReview();
    expect(headings(region)).toEqual(['Spørsmål 2 av 3']);
    const second = item(region, 'Spørsmål 2 av 3');
    // The first choice since the reset: one right option of two, the other one shown as right.
    expect(within(second).getByText('Ditt svar: riktig')).toBeTruthy();
    expect(within(second).getByText('Riktig svar')).toBeTruthy();
    expect(within(second).getByText('Press skal hindre deg i å tenke.')).toBeTruthy();
    expect(within(second).getByText('Logoer er lette å kopiere.')).toBeTruthy();
    // The mistakes from before the reset are gone.
    expect(within(region).queryByText('Hastverk er et klassisk tegn på svindel.')).toBeNull();
    expect(within(region).queryByText('Lenken kan føre til en falsk innloggingsside.')).toBeNull();
  });
});
