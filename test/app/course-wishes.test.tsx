// "Hva vil du lære mer om?" below a finished course's summary (issue 15): up to three topics of
// courses/topics.yml (a fourth cannot be ticked), an optional text of at most 280 characters with
// "Kan leses av kursforfatterne" off by default, "Send" and "Hopp over" — each records one
// `course.wished` on the lesson whose completion finished the course, and the question does not
// come back; not asked when any lesson of the course carries an answer (from any device) or when
// "Ikke spør meg om tilbakemeldinger" is on; nynorsk and English; in the export; axe finds nothing.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import topics from 'virtual:course-topics';
import { storeCourse } from '../../src/client-core/db/courses';
import { db } from '../../src/client-core/db/db';
import { completeLesson, wishCourse } from '../../src/client-core/db/learner-actions';
import { readDeviceData } from '../../src/client-core/db/learner-data';
import { getCourseProgress } from '../../src/client-core/db/progress';
import { setSetting } from '../../src/client-core/db/settings';
import { exportHtml, exportJson } from '../../src/app/components/learner-export';
import { createI18n, type UiLanguage } from '../../src/app/i18n';
import { isCourseWished } from '../../src/shared/progress';
import { violations } from '../utils/advisor-network';
import { tryggEpost } from '../utils/bundles';
import { renderApp, setupAppTests, stubApi } from '../utils/app';

setupAppTests();

const COURSE = tryggEpost.id;
const LESSONS = tryggEpost.lessons.map((lesson) => lesson.id);
const QUESTION = 'Hva vil du lære mer om?';
const wished = () => db.outbox.filter((e) => e.type === 'course.wished').toArray();

/** Every lesson completed, the first one last (so it finished the course); the course page open. */
async function finishedCourse(language: UiLanguage = 'nb') {
  stubApi({});
  await storeCourse(tryggEpost);
  for (const lesson of [...LESSONS.slice(1), LESSONS[0]!]) await completeLesson(COURSE, lesson);
  return renderApp(`/kurs/${COURSE}`, language);
}

/** The question is not there once the app knows whether to ask (asking on, the progress read). */
async function expectNotAsked(view: ReturnType<typeof renderApp>, askingOff = false) {
  expect(await screen.findByRole('heading', { name: 'Du har fullført kurset!' })).toBeTruthy();
  await waitFor(() => expect(view.state.feedbackAsking.askingOff.value).toBe(askingOff));
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(screen.queryByRole('group', { name: QUESTION })).toBeNull();
}

const checkbox = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;

describe('"Hva vil du lære mer om?" when a course is finished', () => {
  it('offers the topics below the summary; at most three; sends them with a text on the finishing lesson', async () => {
    await finishedCourse();
    const group = await screen.findByRole('group', { name: QUESTION });
    // Below the summary and the next course, inside the finished panel.
    const panel = screen.getByRole('region', { name: 'Du har fullført kurset!' });
    expect(panel.contains(group)).toBe(true);
    const next = within(panel).getByRole('heading', { name: 'Neste kurs' });
    expect(next.compareDocumentPosition(group) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(group.getAttribute('aria-describedby')).toBe('wishes-hint');
    expect(within(group).getByText('Velg opptil tre.')).toBeTruthy();
    const boxes = within(group).getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes.map((box) => box.labels?.[0]?.textContent)).toEqual(topics.map((t) => t.nb));
    expect(boxes.every((box) => !box.checked && !box.disabled)).toBe(true);
    expect(checkbox('Kan leses av kursforfatterne').checked).toBe(false);
    expect(await violations()).toEqual([]);

    // Three ticked (in any order): a fourth cannot be; unticking one frees the rest again.
    const [a, b, c, d] = [topics[4]!, topics[0]!, topics[2]!, topics[1]!];
    for (const topic of [a, b, c]) fireEvent.click(checkbox(topic.nb));
    await waitFor(() => expect(checkbox(d.nb).disabled).toBe(true));
    fireEvent.click(checkbox(d.nb));
    expect(checkbox(d.nb).checked).toBe(false);
    expect(boxes.filter((box) => box.checked)).toHaveLength(3);
    expect(boxes.filter((box) => box.disabled)).toHaveLength(topics.length - 3);
    fireEvent.click(checkbox(a.nb));
    await waitFor(() => expect(checkbox(d.nb).disabled).toBe(false));
    fireEvent.click(checkbox(a.nb));
    expect(await violations()).toEqual([]);

    // The text: at most 280 characters, with its counter.
    const text = screen.getByRole('textbox', { name: 'Noe annet du vil lære? (valgfritt)' });
    expect(text.getAttribute('maxlength')).toBe('280');
    expect(text.getAttribute('aria-describedby')).toBe('wishes-count');
    expect(screen.getByText('0 av 280 tegn')).toBeTruthy();
    fireEvent.input(text, { target: { value: 'x'.repeat(300) } });
    expect(screen.getByText('280 av 280 tegn')).toBeTruthy();
    fireEvent.input(text, { target: { value: '  Lønn og A-melding  ' } });
    fireEvent.click(checkbox('Kan leses av kursforfatterne'));

    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    const thanks = await screen.findByText('Takk for svaret!');
    await waitFor(() => expect(document.activeElement).toBe(thanks));
    expect(screen.queryByRole('group', { name: QUESTION })).toBeNull();
    const answer = {
      // In the list's order, not the order they were ticked in; the text trimmed.
      topics: topics.filter((t) => [a, b, c].includes(t)).map((t) => t.id),
      text: 'Lønn og A-melding',
      forAuthors: true,
    };
    expect((await wished()).map((e) => [e.courseId, e.lessonId, e.payload])).toEqual([
      [COURSE, LESSONS[0], answer],
    ]);
    expect(isCourseWished((await getCourseProgress(COURSE)).values())).toBe(true);
    expect(await violations()).toEqual([]);

    // In the learner's export of this device.
    const data = await readDeviceData();
    const json = JSON.parse(exportJson(data, Date.now())) as {
      kurs: { leksjoner: { id: string; læreMerOm?: unknown }[] }[];
    };
    const lessons = json.kurs[0]!.leksjoner;
    expect(lessons.filter((l) => l.læreMerOm).map((l) => l.id)).toEqual([LESSONS[0]]);
    expect(lessons[0]!.læreMerOm).toMatchObject({
      emner: answer.topics,
      tekst: 'Lønn og A-melding',
      kanLesesAvKursforfatterne: true,
    });
    const html = exportHtml(data, createI18n('nb'), Date.now());
    expect(html).toContain(`Du vil lære mer om: ${[b, c, a].map((t) => t.nb).join(', ')}`);
    expect(html).toContain('Lønn og A-melding');
  });

  it('"Hopp over" is one tap, recorded as no topic and no text, and the question does not return', async () => {
    const first = await finishedCourse();
    fireEvent.click(await screen.findByRole('button', { name: 'Hopp over' }));
    const line = await screen.findByText('Greit, vi spør ikke om dette kurset igjen.');
    await waitFor(() => expect(document.activeElement).toBe(line));
    expect((await wished()).map((e) => [e.lessonId, e.payload])).toEqual([
      [LESSONS[0], { topics: [], text: '', forAuthors: false }],
    ]);
    const html = exportHtml(await readDeviceData(), createI18n('nb'), Date.now());
    expect(html).toContain('«Hva vil du lære mer om?»: hoppet over');
    first.unmount();

    await expectNotAsked(renderApp(`/kurs/${COURSE}`));
  });

  it('is asked in the completion panel of the lesson that finishes the course, and recorded there', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    for (const lesson of LESSONS.slice(1)) await completeLesson(COURSE, lesson);
    renderApp(`/kurs/${COURSE}/${LESSONS[0]}`);
    (await screen.findByRole('button', { name: 'Merk som lest' })).click();
    const group = await screen.findByRole('group', { name: QUESTION });
    const done = screen.getByRole('region', { name: 'Du har fullført kurset!' });
    expect(done.contains(group)).toBe(true);
    fireEvent.click(checkbox(topics[3]!.nb));
    fireEvent.click(within(group.closest('form')!).getByRole('button', { name: 'Send' }));
    await screen.findByText('Takk for svaret!');
    expect((await wished()).map((e) => [e.lessonId, e.payload])).toEqual([
      [LESSONS[0], { topics: [topics[3]!.id], text: '', forAuthors: false }],
    ]);
  });

  it('is not asked when another lesson of the course carries an answer (synced from another device)', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    await wishCourse(COURSE, LESSONS[2]!, {
      topics: ['personvern-gdpr'],
      text: '',
      forAuthors: false,
    });
    for (const lesson of LESSONS) await completeLesson(COURSE, lesson);
    await expectNotAsked(renderApp(`/kurs/${COURSE}`));
    expect(await wished()).toHaveLength(1);
  });

  it('is not asked when "Ikke spør meg om tilbakemeldinger" is on', async () => {
    await setSetting('feedbackAskingOff', true);
    const view = await finishedCourse();
    await expectNotAsked(view, true);
    expect(await wished()).toEqual([]);
  });

  it('is not asked before the course is finished', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    await completeLesson(COURSE, LESSONS[0]!);
    renderApp(`/kurs/${COURSE}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Trygg e-post' })).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(screen.queryByRole('group', { name: QUESTION })).toBeNull();
  });

  it('speaks nynorsk', async () => {
    await finishedCourse('nn');
    const group = await screen.findByRole('group', { name: 'Kva vil du lære meir om?' });
    expect(within(group).getByText('Vel opptil tre.')).toBeTruthy();
    expect(checkbox(topics[0]!.nn)).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Noko anna du vil lære? (valfritt)' })).toBeTruthy();
    expect(checkbox('Kan lesast av kursforfattarane').checked).toBe(false);
    expect(screen.getByText('0 av 280 teikn')).toBeTruthy();
    expect(await violations()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Hopp over' }));
    expect(await screen.findByText('Greitt, vi spør ikkje om dette kurset igjen.')).toBeTruthy();
  });

  it('speaks English', async () => {
    await finishedCourse('en');
    const group = await screen.findByRole('group', {
      name: 'What would you like to learn more about?',
    });
    expect(within(group).getByText('Choose up to three.')).toBeTruthy();
    fireEvent.click(checkbox(topics[0]!.en));
    expect(checkbox('The course authors may read this').checked).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Thank you for answering!')).toBeTruthy();
  });
});
