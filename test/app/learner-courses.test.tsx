// Home on any device, "Start" and "Fortsett", the catalogue's search and its note on course
// languages, and the summary of a finished course (issue 11, items 1, 10 and 11).
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { QuizLesson } from '../../src/shared/course';
import { summaryFromCatalogue } from '../../src/app/components/learner-courses';
import { searchCourses } from '../../src/app/components/course-search';
import { storeCourse } from '../../src/client-core/db/courses';
import {
  addTimeSpent,
  answerQuestion,
  completeLesson,
  openLesson,
  toggleChecklistItem,
} from '../../src/client-core/db/learner-actions';
import { emptyProgress } from '../../src/shared/progress';
import { catalogueEntryOf, ferjekurs, kontorNn, tryggEpost } from '../utils/bundles';
import { renderApp, setupAppTests, stubApi } from '../utils/app';

setupAppTests();

const bundleRequests = (fetchMock: ReturnType<typeof stubApi>, courseId: string) =>
  fetchMock.mock.calls.filter(([url]) => String(url) === `/api/v1/courses/${courseId}`);

describe('home on a second device', () => {
  it('lists a course with progress whose bundle is not on the device, with its percentage from the catalogue', async () => {
    const fetchMock = stubApi({ bundles: [tryggEpost, kontorNn] });
    // What a pull from the phone leaves: progress rows, no bundle.
    await completeLesson('trygg-epost', 'kjenn-igjen-svindel');
    renderApp('/');

    const started = await screen.findByRole('region', { name: 'Kurs du har begynt på' });
    expect(await within(started).findByRole('link', { name: 'Trygg e-post' })).toBeTruthy();
    const bar = within(started).getByRole('progressbar', { name: 'Fremdrift i Trygg e-post' });
    expect(bar.getAttribute('aria-valuenow')).toBe('25');
    expect(within(started).getByText('Ikke lastet ned på denne enheten ennå.')).toBeTruthy();
    expect(screen.queryByText('Du har ikke begynt på noe kurs ennå')).toBeNull();
    // One tap to download it, and "Fortsett" leads straight to the next lesson.
    expect(await within(started).findByRole('button', { name: /^Last ned \(/ })).toBeTruthy();
    const proceed = within(started).getByRole('link', { name: 'Fortsett' });
    expect(proceed.getAttribute('href')).toBe('/kurs/trygg-epost/test-deg-selv');
    const card = screen.getByRole('region', { name: 'Fortsett der du slapp' });
    expect(within(card).getByText('Trygg e-post')).toBeTruthy();
    expect(bundleRequests(fetchMock, 'trygg-epost')).toEqual([]);
  });

  it('says there is more progress when the catalogue cannot be had', async () => {
    stubApi({ catalogue: 'offline' });
    await completeLesson('trygg-epost', 'kjenn-igjen-svindel');
    renderApp('/');
    expect(
      await screen.findByText('Du har fremdrift i 1 kurs til. Det vises når enheten er på nett.'),
    ).toBeTruthy();
  });

  it('lists courses downloaded but not started, with "Start" at the first lesson', async () => {
    stubApi({});
    await storeCourse(kontorNn);
    await storeCourse(tryggEpost);
    await openLesson('trygg-epost', 'kjenn-igjen-svindel');
    renderApp('/');
    const notStarted = await screen.findByRole('region', { name: 'Lastet ned, ikke begynt' });
    expect(within(notStarted).getByRole('link', { name: 'Berekraftig kontor' })).toBeTruthy();
    const start = within(notStarted).getByRole('link', { name: 'Start' });
    expect(start.getAttribute('href')).toBe('/kurs/berekraftig-kontor/skru-av');
    expect(start.getAttribute('aria-describedby')).toBe('course-title-berekraftig-kontor');
    const started = screen.getByRole('region', { name: 'Kurs du har begynt på' });
    expect(within(started).queryByRole('link', { name: 'Berekraftig kontor' })).toBeNull();
  });
});

describe('summary from the catalogue', () => {
  it('counts only completions of lessons the course has, and guesses nothing without lesson ids', () => {
    const progress = new Map(
      ['kjenn-igjen-svindel', 'a-lesson-removed'].map((lessonId) => [
        lessonId,
        { ...emptyProgress('trygg-epost', lessonId), completedAt: 1 },
      ]),
    );
    const entry = catalogueEntryOf(tryggEpost);
    expect(summaryFromCatalogue(entry, progress)).toMatchObject({
      completed: 1,
      total: 4,
      percent: 25,
      nextLessonId: 'test-deg-selv',
    });
    // A catalogue cached before lesson ids: completions up to the lesson count, no next lesson.
    const { lessonIds: _ids, ...older } = entry;
    expect(summaryFromCatalogue(older, progress)).toMatchObject({
      completed: 2,
      total: 4,
      percent: 50,
      nextLessonId: null,
    });
  });
});

describe('catalogue cards', () => {
  it('offer "Start" or "Fortsett" and show progress from another device', async () => {
    stubApi({ bundles: [tryggEpost, kontorNn] });
    await completeLesson('trygg-epost', 'kjenn-igjen-svindel');
    renderApp('/kurs');
    const title = await screen.findByRole('link', { name: 'Trygg e-post' });
    const card = title.closest('li')!;
    const bar = await within(card).findByRole('progressbar', { name: 'Fremdrift i Trygg e-post' });
    expect(bar.getAttribute('aria-valuenow')).toBe('25');
    expect(within(card).getByRole('link', { name: 'Fortsett' }).getAttribute('href')).toBe(
      '/kurs/trygg-epost/test-deg-selv',
    );
    const other = screen.getByRole('link', { name: 'Berekraftig kontor' }).closest('li')!;
    expect(within(other).getByRole('link', { name: 'Start' }).getAttribute('href')).toBe(
      '/kurs/berekraftig-kontor/skru-av',
    );
  });

  it('search by title and summary at once, announce the count, and say when nothing matches', async () => {
    stubApi({ bundles: [tryggEpost, kontorNn, ferjekurs] });
    renderApp('/kurs');
    await screen.findByRole('link', { name: 'Trygg e-post' });
    const search = screen.getByRole('searchbox', { name: 'Søk etter kurs' });
    expect(screen.getByRole('search')).toBeTruthy();

    // "svindel" is only in Trygg e-post's summary.
    fireEvent.input(search, { target: { value: 'SVINDEL' } });
    await waitFor(() =>
      expect(screen.queryByRole('link', { name: 'Berekraftig kontor' })).toBeNull(),
    );
    expect(screen.getByRole('link', { name: 'Trygg e-post' })).toBeTruthy();
    const status = screen.getByText('1 kurs passer.');
    expect(status.getAttribute('role')).toBe('status');

    fireEvent.input(search, { target: { value: 'ferja' } });
    expect(await screen.findByRole('link', { name: 'Digitalt på ferja' })).toBeTruthy();

    fireEvent.input(search, { target: { value: 'regnskap' } });
    expect(
      await screen.findByText('Ingen kurs passer til «regnskap». Prøv et annet ord.'),
    ).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Trygg e-post' })).toBeNull();
    screen.getByRole('button', { name: 'Vis alle kurs' }).click();
    expect(await screen.findByRole('link', { name: 'Trygg e-post' })).toBeTruthy();
    expect(screen.getAllByRole('link', { name: /^(Start|Fortsett)$/ })).toHaveLength(3);
    expect(document.activeElement).toBe(search);
    expect((search as HTMLInputElement).value).toBe('');
  });

  it('matches every word, ignoring case and accents', () => {
    const entries = [
      { title: 'Bærekraft i kafeen', summary: 'Kunder og bank' },
      { title: 'Trygg e-post', summary: 'Svindel på e-post' },
    ];
    expect(searchCourses(entries, '  KAFÉEN  bærekraft ')).toEqual([entries[0]]);
    expect(searchCourses(entries, 'e-post svindel')).toEqual([entries[1]]);
    expect(searchCourses(entries, 'barekraft')).toEqual([]);
    expect(searchCourses(entries, ' ')).toEqual(entries);
  });

  it('say in the English interface that the courses are in Norwegian', async () => {
    stubApi({ bundles: [tryggEpost, kontorNn] });
    renderApp('/kurs', 'en');
    expect(
      await screen.findByText(
        'The courses are in Norwegian (Bokmål or Nynorsk). The app itself is in English.',
      ),
    ).toBeTruthy();
  });

  it('have no such note when a course is in the interface language', async () => {
    stubApi({ bundles: [tryggEpost, kontorNn] });
    renderApp('/kurs');
    await screen.findByRole('link', { name: 'Trygg e-post' });
    expect(screen.queryByText('Kursene er på norsk.')).toBeNull();
  });
});

/** Take Trygg e-post to the end: the quiz's first question right at once, the second wrong first;
 * one of three checklist items ticked; ten minutes. */
async function finishTryggEpost() {
  const quiz = tryggEpost.lessons[1] as QuizLesson;
  await completeLesson('trygg-epost', 'kjenn-igjen-svindel');
  await answerQuestion('trygg-epost', quiz, 'hastverk', ['ring']);
  await answerQuestion('trygg-epost', quiz, 'tegn', ['avsender', 'logo']);
  await answerQuestion('trygg-epost', quiz, 'tegn', ['avsender', 'press']);
  await toggleChecklistItem('trygg-epost', 'sjekk-rutinene', 'tofaktor', true);
  await completeLesson('trygg-epost', 'sjekk-rutinene');
  await completeLesson('trygg-epost', 'hva-gjor-dere');
  await addTimeSpent('trygg-epost', 'kjenn-igjen-svindel', 600);
}

describe('a finished course', () => {
  it('opens on a summary: lessons, quiz score, minutes, the next course and the checklist items left', async () => {
    stubApi({ bundles: [tryggEpost, kontorNn, ferjekurs] });
    await storeCourse(tryggEpost);
    await finishTryggEpost();
    // Nynorsk interface: Nynorsk courses are listed first, yet the next course is in the finished
    // course's language (Bokmål).
    renderApp('/kurs/trygg-epost', 'nn');
    const panel = await screen.findByRole('region', { name: 'Du har fullført kurset!' });
    await within(panel).findByText('Digitalt på ferja');
    const text = panel.textContent!.replace(/\s+/g, ' ');
    expect(text).toContain('4 leksjonar fullførte');
    expect(text).toContain('Quiz: 1 av 2 rette på første forsøk');
    expect(text).toContain('10 minutt brukte');
    const next = within(panel).getByRole('link', { name: 'Start neste kurs' });
    expect(next.getAttribute('href')).toBe(`/kurs/${ferjekurs.id}/kartet`);
    const left = within(panel).getByRole('region', { name: 'Dette står att på sjekklistene' });
    expect(
      within(left)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Betalinger bekreftes av to personer',
      'Alle vet hvor de melder mistenkelig e-post',
    ]);
    // The summary comes first, before what the course is about and its lessons.
    const lead = screen.getByText('Kjenn igjen svindel-e-post og lag gode rutiner i bedriften.');
    expect(panel.compareDocumentPosition(lead) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('shows the summary where the last lesson is completed', async () => {
    stubApi({ bundles: [kontorNn, tryggEpost] });
    await storeCourse(kontorNn);
    renderApp('/kurs/berekraftig-kontor/skru-av');
    (await screen.findByRole('button', { name: 'Merk som lest' })).click();
    const panel = await screen.findByRole('region', { name: 'Du har fullført kurset!' });
    expect(await within(panel).findByText('1 leksjon fullført')).toBeTruthy();
    const next = await within(panel).findByRole('link', { name: 'Start neste kurs' });
    expect(next.getAttribute('href')).toBe('/kurs/trygg-epost/kjenn-igjen-svindel');
    expect(within(panel).getByText('Trygg e-post')).toBeTruthy();
  });
});
