// "Var dette nyttig for deg?" after a completed lesson (issue 15): asked below the completion
// panel's links, one tap records `lesson.rated` in the outbox, an optional comment (at most 280
// characters, "Kan leses av kursforfatterne" off by default) records `lesson.commented`, a skip is
// recorded like an answer and the question does not come back; "Ikke spør meg om
// tilbakemeldinger" in Settings stops it on the device; nynorsk and English; axe finds nothing.
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { storeCourse } from '../../src/client-core/db/courses';
import { db } from '../../src/client-core/db/db';
import { completeLesson, rateLesson } from '../../src/client-core/db/learner-actions';
import { getLessonProgress } from '../../src/client-core/db/progress';
import { getSetting } from '../../src/client-core/db/settings';
import { readDeviceData } from '../../src/client-core/db/learner-data';
import { exportHtml, exportJson } from '../../src/app/components/learner-export';
import { createI18n } from '../../src/app/i18n';
import { tryggEpost } from '../utils/bundles';
import { renderApp, setupAppTests, stubApi } from '../utils/app';

setupAppTests();

const COURSE = 'trygg-epost';
const LESSON = 'kjenn-igjen-svindel';
const URL = `/kurs/${COURSE}/${LESSON}`;
const progress = () => getLessonProgress(COURSE, LESSON);
const outbox = (type: string) => db.outbox.filter((e) => e.type === type).toArray();

async function axeViolations(): Promise<string[]> {
  const result = await axe.run(document.documentElement, {
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map((v) => v.id);
}

/** Open the reading lesson and complete it with "Merk som lest". */
async function complete(language: 'nb' | 'nn' | 'en' = 'nb', markRead = 'Merk som lest') {
  stubApi({});
  await storeCourse(tryggEpost);
  const view = renderApp(URL, language);
  (await screen.findByRole('button', { name: markRead })).click();
  return view;
}

describe('"Var dette nyttig for deg?" after a completed lesson', () => {
  it('asks after the panel, below its links; one tap records lesson.rated and moves on to the comment', async () => {
    await complete();
    const group = await screen.findByRole('group', { name: 'Var dette nyttig for deg?' });
    // Below the next-lesson and back-to-course links, which work without an answer.
    const next = screen.getByRole('link', { name: 'Neste leksjon' });
    const back = screen.getByRole('link', { name: 'Tilbake til kurset' });
    for (const link of [next, back]) {
      expect(link.compareDocumentPosition(group) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    }
    expect(
      [...group.querySelectorAll('button')].map((b) => [b.textContent, b.getAttribute('type')]),
    ).toEqual([
      ['Ja', 'button'],
      ['Litt', 'button'],
      ['Nei', 'button'],
      ['Hopp over', 'button'],
    ]);
    expect(await axeViolations()).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Litt' }));
    const heading = await screen.findByRole('heading', { name: 'Hva manglet?' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const rated = await outbox('lesson.rated');
    expect(rated.map((e) => [e.lessonId, e.payload])).toEqual([[LESSON, { answer: 'some' }]]);
    expect((await progress())?.rating?.value).toBe('some');
    expect(screen.queryByRole('group', { name: 'Var dette nyttig for deg?' })).toBeNull();
    expect(await axeViolations()).toEqual([]);
  });

  it('records a comment of at most 280 characters with the authors box, then thanks', async () => {
    await complete();
    fireEvent.click(await screen.findByRole('button', { name: 'Nei' }));
    const box = await screen.findByRole('textbox', { name: 'Kommentar (valgfritt)' });
    expect(box.getAttribute('maxlength')).toBe('280');
    expect(box.getAttribute('aria-describedby')).toBe('feedback-count');
    const authors = screen.getByRole('checkbox', { name: 'Kan leses av kursforfatterne' });
    expect((authors as HTMLInputElement).checked).toBe(false);
    expect(screen.getByText('0 av 280 tegn')).toBeTruthy();
    // Pasted past the limit: only 280 are kept.
    fireEvent.input(box, { target: { value: 'x'.repeat(300) } });
    expect(screen.getByText('280 av 280 tegn')).toBeTruthy();
    // The counter is announced politely once the learner pauses.
    const live = document.querySelector('[aria-live="polite"].visually-hidden')!;
    await waitFor(() => expect(live.textContent).toBe('280 av 280 tegn'), { timeout: 3000 });
    fireEvent.input(box, { target: { value: 'Mangler eksempler fra butikk' } });
    fireEvent.click(authors);
    expect(await axeViolations()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    const thanks = await screen.findByText('Takk for svaret!');
    await waitFor(() => expect(document.activeElement).toBe(thanks));
    const commented = await outbox('lesson.commented');
    expect(commented.map((e) => e.payload)).toEqual([
      { text: 'Mangler eksempler fra butikk', forAuthors: true },
    ]);
    expect((await progress())?.comment?.value).toEqual({
      text: 'Mangler eksempler fra butikk',
      forAuthors: true,
    });
    expect(await axeViolations()).toEqual([]);
    // Both are in the learner's export of this device.
    const data = await readDeviceData();
    const json = exportJson(data, Date.now());
    expect(json).toContain('"svar": "nei"');
    expect(json).toContain('"tekst": "Mangler eksempler fra butikk"');
    expect(json).toContain('"kanLesesAvKursforfatterne": true');
    const html = exportHtml(data, createI18n('nb'), Date.now());
    expect(html).toContain('Nyttig for deg: Nei');
    expect(html).toContain('Mangler eksempler fra butikk');
    expect(html).toContain('Kursforfatterne kan lese kommentaren.');
  });

  it('skipping the comment is one tap and records no comment', async () => {
    await complete();
    fireEvent.click(await screen.findByRole('button', { name: 'Ja' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Hopp over kommentaren' }));
    expect(await screen.findByText('Takk for svaret!')).toBeTruthy();
    expect((await outbox('lesson.rated')).map((e) => e.payload)).toEqual([{ answer: 'yes' }]);
    expect(await outbox('lesson.commented')).toEqual([]);
  });

  it('a skip is recorded as `skipped` and the question does not return on reopening', async () => {
    const first = await complete();
    fireEvent.click(await screen.findByRole('button', { name: 'Hopp over' }));
    await waitFor(async () => expect((await progress())?.rating?.value).toBe('skipped'));
    expect((await outbox('lesson.rated')).map((e) => e.payload)).toEqual([{ answer: 'skipped' }]);
    expect(screen.queryByRole('group', { name: 'Var dette nyttig for deg?' })).toBeNull();
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('heading', { name: 'Leksjonen er fullført' }),
      ),
    );
    // The panel's links are still there.
    expect(screen.getByRole('link', { name: 'Neste leksjon' })).toBeTruthy();
    first.unmount();

    const again = renderApp(URL);
    expect(await screen.findByRole('heading', { name: 'Leksjonen er fullført' })).toBeTruthy();
    // Asking is on: the question stays away because the lesson has its answer.
    await waitFor(() => expect(again.state.feedbackAsking.askingOff.value).toBe(false));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(screen.queryByRole('group', { name: 'Var dette nyttig for deg?' })).toBeNull();
  });

  it('is not asked for a lesson rated on another device (its rating synced here)', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    await completeLesson(COURSE, LESSON);
    await rateLesson(COURSE, LESSON, 'no');
    const again = renderApp(URL);
    expect(await screen.findByRole('heading', { name: 'Leksjonen er fullført' })).toBeTruthy();
    // Asking is on: the question stays away because the lesson has its answer.
    await waitFor(() => expect(again.state.feedbackAsking.askingOff.value).toBe(false));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(screen.queryByRole('group', { name: 'Var dette nyttig for deg?' })).toBeNull();
  });

  it('"Ikke spør meg om tilbakemeldinger" in Settings stops the asking on this device', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    const settings = renderApp('/innstillinger');
    const off = await screen.findByRole('checkbox', { name: 'Ikke spør meg om tilbakemeldinger' });
    await waitFor(() => expect((off as HTMLInputElement).checked).toBe(false));
    fireEvent.click(off);
    await waitFor(async () => expect(await getSetting('feedbackAskingOff', false)).toBe(true));
    expect(await axeViolations()).toEqual([]);
    settings.unmount();

    const lesson = renderApp(URL);
    await waitFor(() => expect(lesson.state.feedbackAsking.askingOff.value).toBe(true));
    (await screen.findByRole('button', { name: 'Merk som lest' })).click();
    expect(await screen.findByRole('heading', { name: 'Leksjonen er fullført' })).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(screen.queryByRole('group', { name: 'Var dette nyttig for deg?' })).toBeNull();
    expect(await outbox('lesson.rated')).toEqual([]);
  });

  it('speaks nynorsk', async () => {
    await complete('nn', 'Merk som lesen');
    expect(await screen.findByRole('group', { name: 'Var dette nyttig for deg?' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Litt' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Ja' }));
    expect(await screen.findByRole('heading', { name: 'Kva mangla?' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Kan lesast av kursforfattarane' })).toBeTruthy();
    expect(screen.getByText('0 av 280 teikn')).toBeTruthy();
    expect(await axeViolations()).toEqual([]);
  });

  it('speaks English', async () => {
    await complete('en', 'Mark as read');
    expect(await screen.findByRole('group', { name: 'Was this useful to you?' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Somewhat' }));
    expect(await screen.findByRole('heading', { name: 'What was missing?' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Skip the comment' }));
    expect(await screen.findByText('Thank you for answering!')).toBeTruthy();
  });
});
