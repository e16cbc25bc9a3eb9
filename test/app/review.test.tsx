// Spaced review and the weekly goal in the app (issue 16): the home cards, the review screen's
// session, its events in the outbox, the app badge; in nb, nn and en, without an account and
// without a network.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { startAppBadge } from '../../src/app/review/app-badge';
import { reviewDay } from '../../src/app/review/NextReview';
import {
  createReviewStore,
  nextOsloMidnight,
  reviewStore,
} from '../../src/app/review/review-store';
import { storeCourse } from '../../src/client-core/db/courses';
import { db } from '../../src/client-core/db/db';
import {
  answerQuestion,
  answerReview,
  completeLesson,
} from '../../src/client-core/db/learner-actions';
import { learningRecords } from '../../src/client-core/db/review';
import { setSetting } from '../../src/client-core/db/settings';
import { setStudyPlan } from '../../src/client-core/db/study-plan';
import type { CourseBundle, QuizLesson, QuizQuestion } from '../../src/shared/course';
import { osloDate } from '../../src/shared/oslo-date';
import { nextDue, reviewQueue, type ReviewItem } from '../../src/shared/review-schedule';
import { tryggEpost } from '../utils/bundles';
import { renderApp, setupAppTests, stubApi } from '../utils/app';

setupAppTests();

const DAY = 86_400_000;

/** A single-answer question whose right option is `a`. */
const question = (n: number): QuizQuestion => ({
  id: `q${n}`,
  html: `<p>Spørsmål nummer ${n}?</p>`,
  multiple: false,
  options: [
    {
      id: 'a',
      html: `<p>Rett svar ${n}</p>`,
      correct: true,
      explanationHtml: `<p>Derfor er ${n}a rett.</p>`,
    },
    {
      id: 'b',
      html: `<p>Galt svar ${n}</p>`,
      correct: false,
      explanationHtml: `<p>Derfor er ${n}b galt.</p>`,
    },
  ],
});

/** A course whose one lesson is a quiz of six questions: more than one session's worth. */
const bigQuiz: QuizLesson = {
  id: 'seks-sporsmal',
  kind: 'quiz',
  title: 'Seks spørsmål',
  minutes: 3,
  sources: [],
  checked: '2026-11-02',
  html: '<p>Seks spørsmål.</p>',
  questions: [1, 2, 3, 4, 5, 6].map(question),
};
const sixCourse: CourseBundle = {
  ...tryggEpost,
  id: 'seks',
  title: 'Seks på rad',
  hash: 'b'.repeat(64),
  lessons: [bigQuiz],
};

const trygg = tryggEpost.lessons.find((l) => l.id === 'test-deg-selv') as QuizLesson;

/** Answer every question of a quiz right, `daysAgo` days ago (the lesson completes). */
async function completeQuiz(courseId: string, lesson: QuizLesson, daysAgo: number) {
  vi.setSystemTime(Date.now() - daysAgo * DAY);
  try {
    for (const q of lesson.questions) {
      const right = q.options.filter((o) => o.correct).map((o) => o.id);
      await answerQuestion(courseId, lesson, q.id, right);
    }
  } finally {
    vi.useRealTimers();
  }
}

/** Complete lessons (by id, any course) `daysAgo` days ago. */
async function completeLessons(courseId: string, lessonIds: string[], daysAgo: number) {
  vi.setSystemTime(Date.now() - daysAgo * DAY);
  try {
    for (const lessonId of lessonIds) await completeLesson(courseId, lessonId);
  } finally {
    vi.useRealTimers();
  }
}

const reviewEvents = async () =>
  (await db.outbox.toArray()).filter((e) => e.type === 'review.answered');

/** The queue as the schedule computes it from what is stored now. */
async function storedQueue(): Promise<ReviewItem[]> {
  const { lessons } = await learningRecords();
  return reviewQueue(
    lessons.map(({ courseId, lesson, progress }) => ({
      courseId,
      lessonId: lesson.id,
      questionIds: lesson.questions.map((q) => q.id),
      progress,
    })),
  );
}

const main = () => within(screen.getByRole('main'));

/** Answer the question on screen with option `a` (right) or `b` (wrong). */
async function answer(option: 'a' | 'b', n: number) {
  const label = option === 'a' ? `Rett svar ${n}` : `Galt svar ${n}`;
  fireEvent.click(await screen.findByRole('radio', { name: label }));
  fireEvent.click(screen.getByRole('button', { name: 'Svar' }));
}

describe('home: the review card', () => {
  it('shows nothing before a quiz is completed, the next day once one is, then the questions due', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    await completeLessons('trygg-epost', ['kjenn-igjen-svindel'], 0);
    const first = renderApp('/');
    await screen.findByRole('region', { name: 'Ukemål' });
    expect(screen.queryByRole('region', { name: 'Repetisjon' })).toBeNull();
    expect(screen.queryByText(/^Neste repetisjon/)).toBeNull();
    first.unmount();

    // Completed today: due tomorrow (in Norway), said in one line.
    await completeQuiz('trygg-epost', trygg, 0);
    const second = renderApp('/');
    const tomorrow = reviewDay('nb-NO', nextOsloMidnight(Date.now()), Date.now());
    expect(await screen.findByText(`Neste repetisjon: ${tomorrow}`)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Repetisjon' })).toBeNull();
    second.unmount();

    // A day later both questions are due.
    vi.setSystemTime(Date.now() + DAY);
    renderApp('/');
    const card = await screen.findByRole('region', { name: 'Repetisjon' });
    expect(within(card).getByText('2 spørsmål venter – om lag 1 minutt')).toBeTruthy();
    const start = within(card).getByRole('link', { name: 'Start repetisjon' });
    expect(start.getAttribute('href')).toBe('/repetisjon');
    // Right after "Fortsett", before the courses.
    const regions = main()
      .getAllByRole('region')
      .map((r) => r.getAttribute('aria-labelledby'));
    expect(regions.indexOf('continue-heading')).toBe(0);
    expect(regions.indexOf('review-heading')).toBe(1);
    expect(regions.indexOf('weekly-heading')).toBe(2);
    expect(regions.indexOf('started-heading')).toBeGreaterThan(2);
  });

  it('counts every question due, and offers them five at a time', async () => {
    stubApi({});
    await storeCourse(sixCourse);
    await completeQuiz('seks', bigQuiz, 1);
    renderApp('/');
    const card = await screen.findByRole('region', { name: 'Repetisjon' });
    expect(
      within(card).getByText('6 spørsmål venter – 5 om gangen, om lag 2 minutter'),
    ).toBeTruthy();
  });
});

describe('the review screen', () => {
  it('asks at most five questions, records each answer as one event, and moves them on', async () => {
    const fetchMock = stubApi({});
    await storeCourse(sixCourse);
    await completeQuiz('seks', bigQuiz, 1);
    const before = await storedQueue();
    expect(before.filter((i) => osloDate(i.due) <= osloDate(Date.now()))).toHaveLength(6);
    renderApp('/repetisjon');

    expect(await screen.findByRole('heading', { level: 1, name: 'Repetisjon' })).toBeTruthy();
    const asked: string[] = [];
    for (let n = 1; n <= 5; n++) {
      const heading = await screen.findByRole('heading', { level: 2, name: `Spørsmål ${n} av 5` });
      if (n > 1) await waitFor(() => expect(document.activeElement).toBe(heading));
      expect(main().getByText('Fra kurset:', { exact: false }).textContent).toBe(
        'Fra kurset: Seks på rad – Seks spørsmål',
      );
      const group = main().getByRole('group');
      const number = Number(/nummer (\d)/.exec(group.textContent ?? '')![1]);
      asked.push(`q${number}`);
      // Two of the five wrong.
      const wrong = n === 2 || n === 4;
      if (n === 1) {
        // Answering without a choice asks for one, and records nothing.
        fireEvent.click(screen.getByRole('button', { name: 'Svar' }));
        expect((await screen.findByRole('alert')).textContent).toBe('Velg et svar først.');
      }
      await answer(wrong ? 'b' : 'a', number);
      await waitFor(() =>
        expect(main().getByRole('status').textContent).toBe(
          wrong ? 'Ikke riktig. Her er det riktige svaret, og hvorfor.' : 'Riktig!',
        ),
      );
      // Explained as in the lesson: the learner's choice marked, every option judged.
      expect(screen.getByText(wrong ? 'Ditt svar: feil' : 'Ditt svar: riktig')).toBeTruthy();
      expect(screen.getByText(`Derfor er ${number}a rett.`)).toBeTruthy();
      expect(screen.getByText(`Derfor er ${number}b galt.`)).toBeTruthy();
      expect(await reviewEvents()).toHaveLength(n);
      const next = screen.getByRole('button', { name: n === 5 ? 'Ferdig' : 'Neste spørsmål' });
      await waitFor(() => expect(document.activeElement).toBe(next));
      fireEvent.click(next);
    }
    // The soonest due first, each asked once.
    expect(asked).toEqual(before.slice(0, 5).map((i) => i.questionId));

    const end = await screen.findByRole('heading', { level: 2, name: 'Repetisjonen er ferdig' });
    await waitFor(() => expect(document.activeElement).toBe(end));
    expect(main().getByText('3 av 5 riktige')).toBeTruthy();
    expect(await main().findByText('1 spørsmål til venter.')).toBeTruthy();

    // The events: one per answer, with what was chosen and whether it was right.
    const events = await reviewEvents();
    expect(events.map((e) => [e.payload, e.courseId, e.lessonId])).toEqual(
      asked.map((questionId, i) => [
        { questionId, chosen: [i === 1 || i === 3 ? 'b' : 'a'], correct: !(i === 1 || i === 3) },
        'seks',
        'seks-sporsmal',
      ]),
    );
    // Every answered question is due later than before, and not today.
    const after = await storedQueue();
    for (const questionId of asked) {
      const was = before.find((i) => i.questionId === questionId)!;
      const now = after.find((i) => i.questionId === questionId)!;
      expect(now.due).toBeGreaterThan(was.due);
      expect(osloDate(now.due) > osloDate(Date.now())).toBe(true);
      expect(now.reviews).toBe(1);
    }

    // The sixth in a round of its own; then when the next review is.
    fireEvent.click(main().getByRole('button', { name: 'Fortsett repetisjonen' }));
    const heading = await screen.findByRole('heading', { level: 2, name: 'Spørsmål 1 av 1' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const sixth = Number(/nummer (\d)/.exec(screen.getByRole('group').textContent ?? '')![1]);
    expect(`q${sixth}`).toBe(before[5]!.questionId);
    await answer('a', sixth);
    fireEvent.click(await screen.findByRole('button', { name: 'Ferdig' }));
    expect(await main().findByText('1 av 1 riktig')).toBeTruthy();
    const next = nextDue(await storedQueue(), Date.now())!;
    expect(
      await main().findByText(`Neste repetisjon: ${reviewDay('nb-NO', next, Date.now())}`),
    ).toBeTruthy();
    expect(await reviewEvents()).toHaveLength(6);
    expect(main().getByRole('link', { name: 'Til forsiden' }).getAttribute('href')).toBe('/');
    // Offline-first: nothing of this asked the network.
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('keeps the session it started with while answers change the queue', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    await completeQuiz('trygg-epost', trygg, 1);
    renderApp('/repetisjon');
    await screen.findByRole('heading', { level: 2, name: 'Spørsmål 1 av 2' });
    const group = screen.getByRole('group');
    // Another tab answers the second question meanwhile: this session still asks it.
    await answerReview('trygg-epost', trygg, 'tegn', ['avsender']);
    fireEvent.click(within(group).getAllByRole('radio')[1]!);
    fireEvent.click(screen.getByRole('button', { name: 'Svar' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Neste spørsmål' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Spørsmål 2 av 2' })).toBeTruthy();
    // Several answers: checkboxes, as in the quiz.
    expect(screen.getAllByRole('checkbox')).toHaveLength(3);
  });

  it('says when nothing is waiting: the next review, or how review works', async () => {
    stubApi({});
    const first = renderApp('/repetisjon');
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Ingen spørsmål venter nå' }),
    ).toBeTruthy();
    expect(
      screen.getByText(
        'Når du har fullført en quiz, kommer spørsmålene tilbake her etter en dag, og siden sjeldnere jo bedre du kan dem.',
      ),
    ).toBeTruthy();
    first.unmount();

    await storeCourse(tryggEpost);
    await completeQuiz('trygg-epost', trygg, 0);
    renderApp('/repetisjon');
    await screen.findByRole('heading', { level: 2, name: 'Ingen spørsmål venter nå' });
    const tomorrow = reviewDay('nb-NO', nextOsloMidnight(Date.now()), Date.now());
    expect(screen.getByText(`Neste repetisjon: ${tomorrow}`)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Til forsiden' })).toBeTruthy();
  });
});

describe('home: the weekly goal', () => {
  it('counts this week’s lessons against the goal, invites a study plan, then links to change it', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    await completeLessons('trygg-epost', ['kjenn-igjen-svindel'], 0);
    const view = renderApp('/');
    const card = await screen.findByRole('region', { name: 'Ukemål' });
    expect(within(card).getByText('Denne uken: 1 av 2 leksjoner')).toBeTruthy();
    const meter = within(card).getByRole('progressbar', { name: 'Ukemålet denne uken' });
    expect(meter.getAttribute('aria-valuenow')).toBe('1');
    expect(meter.getAttribute('aria-valuemax')).toBe('2');
    expect(meter.getAttribute('aria-valuetext')).toBe('1 av 2');
    expect(within(card).queryByText(/på rad/)).toBeNull();
    const invite = within(card).getByRole('link', {
      name: 'Lag en studieplan: når tar du en leksjon?',
    });
    expect(invite.getAttribute('href')).toBe('/studieplan');

    // A second lesson (live): the goal is met, and the streak begins.
    await completeLessons('trygg-epost', ['sjekk-rutinene'], 0);
    expect(
      await within(card).findByText('Denne uken: 2 leksjoner. Ukemålet er nådd.'),
    ).toBeTruthy();
    expect(within(card).getByText('Ukemålet nådd 1 uke på rad')).toBeTruthy();
    expect(meter.getAttribute('aria-valuetext')).toBe('Nådd');
    view.unmount();

    // The goal and the plan the study-plan screen stores.
    await setSetting('weeklyGoal', 3);
    await setStudyPlan(db, {
      id: '01920000-0000-7000-8000-000000000001',
      revision: 0,
      cue: { kind: 'example', example: 'ferry' },
      day: 'MO',
      time: '07:30',
    });
    renderApp('/');
    expect(await screen.findByText('Denne uken: 2 av 3 leksjoner')).toBeTruthy();
    const change = screen.getByRole('link', { name: 'Endre ukemålet' });
    expect(change.getAttribute('href')).toBe('/studieplan');
  });

  it('counts the streak in weeks and forgives one missed week a quarter', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    // Met two weeks ago and this week; last week nothing (forgiven).
    await completeLessons('trygg-epost', ['kjenn-igjen-svindel', 'sjekk-rutinene'], 14);
    await completeLessons('other-course', ['a', 'b'], 0);
    renderApp('/');
    const card = await screen.findByRole('region', { name: 'Ukemål' });
    // Lessons of a course not on this device count too.
    expect(within(card).getByText('Denne uken: 2 leksjoner. Ukemålet er nådd.')).toBeTruthy();
    expect(within(card).getByText('Ukemålet nådd 2 uker på rad')).toBeTruthy();
    expect(
      within(card).getByText(
        'En uke under målet er tilgitt, så rekken holder. Én uke i kvartalet kan tilgis.',
      ),
    ).toBeTruthy();
  });
});

describe('in nynorsk and English', () => {
  it('shows the cards and the review screen in the interface language', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    // The quiz last week, a lesson this week.
    await completeQuiz('trygg-epost', trygg, 7);
    await completeLessons('trygg-epost', ['kjenn-igjen-svindel'], 0);
    const nn = renderApp('/', 'nn');
    const card = await screen.findByRole('region', { name: 'Repetisjon' });
    expect(within(card).getByText('2 spørsmål ventar – om lag 1 minutt')).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'Start repetisjonen' })).toBeTruthy();
    const weekly = screen.getByRole('region', { name: 'Vekemål' });
    expect(within(weekly).getByText('Denne veka: 1 av 2 leksjonar')).toBeTruthy();
    expect(
      within(weekly).getByRole('link', { name: 'Lag ein studieplan: når tek du ein leksjon?' }),
    ).toBeTruthy();
    nn.unmount();

    const en = renderApp('/', 'en');
    const enCard = await screen.findByRole('region', { name: 'Review' });
    expect(within(enCard).getByText('2 questions waiting – about 1 minute')).toBeTruthy();
    expect(within(enCard).getByRole('link', { name: 'Start review' })).toBeTruthy();
    const enWeekly = screen.getByRole('region', { name: 'Weekly goal' });
    expect(within(enWeekly).getByText('This week: 1 of 2 lessons')).toBeTruthy();
    en.unmount();

    renderApp('/repetisjon', 'nn');
    expect(await screen.findByRole('heading', { level: 2, name: 'Spørsmål 1 av 2' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Svar' })).toBeTruthy();
    // The question in its course's language.
    expect(screen.getByText('Frå kurset:', { exact: false }).querySelector('[lang]')).toBeTruthy();
  });

  it('writes the next review day in the interface language, in Norway’s time zone', () => {
    // 23:30 UTC on Thursday 4 December 2025 is already Friday in Oslo.
    const at = Date.UTC(2025, 11, 4, 23, 30);
    const now = Date.UTC(2025, 11, 1);
    expect(reviewDay('nb-NO', at, now)).toBe('fredag 5. desember');
    expect(reviewDay('nn-NO', at, now)).toBe('fredag 5. desember');
    expect(reviewDay('en-GB', at, now)).toBe('Friday 5 December');
    expect(reviewDay('nb-NO', Date.UTC(2027, 0, 8, 12), now)).toBe('fredag 8. januar 2027');
  });
});

describe('the app badge', () => {
  it('shows the number of questions due, and clears it once they are answered', async () => {
    await storeCourse(tryggEpost);
    await completeQuiz('trygg-epost', trygg, 1);
    const nav = {
      setAppBadge: vi.fn((_count?: number) => Promise.resolve()),
      clearAppBadge: vi.fn(() => Promise.resolve()),
    };
    const stop = startAppBadge(reviewStore(), nav);
    try {
      await waitFor(() => expect(nav.setAppBadge).toHaveBeenCalledWith(2));
      // An answer (here, or pulled by a sync) moves it.
      await answerReview('trygg-epost', trygg, 'hastverk', ['ring']);
      await waitFor(() => expect(nav.setAppBadge).toHaveBeenLastCalledWith(1));
      await answerReview('trygg-epost', trygg, 'tegn', ['avsender']);
      await waitFor(() => expect(nav.clearAppBadge).toHaveBeenCalledTimes(1));
      expect(nav.setAppBadge.mock.calls).toEqual([[2], [1]]);
    } finally {
      stop();
    }
  });

  it('says nothing when the browser refuses, and does nothing without the Badging API', async () => {
    await storeCourse(tryggEpost);
    await completeQuiz('trygg-epost', trygg, 1);
    const refusing = {
      setAppBadge: vi.fn(() =>
        Promise.reject(new DOMException('Not installed', 'NotAllowedError')),
      ),
    };
    const store = createReviewStore();
    const stop = startAppBadge(store, refusing);
    await waitFor(() => expect(refusing.setAppBadge).toHaveBeenCalledWith(2));
    stop();

    const follow = vi.fn(() => () => {});
    const unused = createReviewStore({ follow });
    const stopNothing = startAppBadge(unused, {});
    stopNothing();
    expect(follow).not.toHaveBeenCalled();
  });

  it('runs the clock to the next day in Norway', () => {
    // Winter (UTC+1) and summer (UTC+2).
    expect(new Date(nextOsloMidnight(Date.UTC(2026, 11, 4, 12))).toISOString()).toBe(
      '2026-12-04T23:00:00.000Z',
    );
    expect(new Date(nextOsloMidnight(Date.UTC(2026, 5, 4, 22, 30))).toISOString()).toBe(
      '2026-06-05T22:00:00.000Z',
    );
  });
});

describe('the review store', () => {
  it('moves its clock when the day in Norway changes and the page is shown again', () => {
    let now = Date.UTC(2026, 11, 4, 10);
    const store = createReviewStore({ follow: () => () => {}, clock: () => now });
    const stop = store.watch();
    const start = store.now.value;
    now += 3_600_000;
    document.dispatchEvent(new Event('visibilitychange'));
    // The same day: nothing shown can differ, so nothing moves.
    expect(store.now.value).toBe(start);
    now += 86_400_000;
    document.dispatchEvent(new Event('visibilitychange'));
    expect(store.now.value).toBe(now);
    stop();
    now += 86_400_000;
    document.dispatchEvent(new Event('visibilitychange'));
    expect(store.now.value).not.toBe(now);
  });

  it('says when the records could not be read, and counts its watchers', () => {
    const unsubscribe = vi.fn();
    const follow = vi.fn((_next: unknown, fail: (error: unknown) => void) => {
      fail(new Error('IndexedDB is gone'));
      return unsubscribe;
    });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = createReviewStore({ follow });
    const first = store.watch();
    expect(store.failed.value).toBe(true);
    expect(store.dueCount.value).toBeUndefined();
    // A second watcher reads afresh (the first query is replaced); it ends with the last one.
    const second = store.watch();
    expect(follow).toHaveBeenCalledTimes(2);
    expect(unsubscribe).toHaveBeenCalledTimes(1);
    first();
    first();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
    second();
    expect(unsubscribe).toHaveBeenCalledTimes(2);
    expect(store.failed.value).toBe(false);
  });
});
