// "Ukemål og studieplan" (/studieplan, issue 16 item 4) in the whole app: the weekly goal is
// stored at once, the plan's form says what is wrong next to the field and sends focus there, a
// saved plan is there after a reload, removing it asks first, the calendar file is made on the
// device, Settings links to the screen, and it reads in nynorsk and English.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import axe from 'axe-core';
import ICAL from 'ical.js';
import { describe, expect, it, vi } from 'vitest';
import { db } from '../../src/client-core/db/db';
import {
  getStudyPlan,
  getWeeklyGoal,
  setStudyPlan,
  setWeeklyGoal,
} from '../../src/client-core/db/study-plan';
import { setSetting } from '../../src/client-core/db/settings';
import type { StudyPlan } from '../../src/shared/study-plan';
import { renderApp, setupAppTests, stubApi } from '../utils/app';

setupAppTests();

const PATH = '/studieplan';
const FERRY_PLAN: StudyPlan = {
  id: '01920000-0000-7000-8000-000000000001',
  revision: 0,
  cue: { kind: 'example', example: 'ferry' },
  day: 'MO',
  time: '07:30',
};

async function violations() {
  const result = await axe.run(document.documentElement, {
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
}

const planSection = () => screen.getByRole('region', { name: 'Studieplan' });
const goalGroup = () =>
  screen.getByRole('group', { name: 'Hvor mange leksjoner vil du ta i uka?' });
const radio = (name: string) => screen.getByRole('radio', { name }) as HTMLInputElement;
const statusIn = (element: HTMLElement) => within(element).getAllByRole('status');

/** The app at /studieplan, once the stored goal and plan are read (the goal's choices are
 * enabled, and the plan's form or the saved plan shows). */
async function openScreen(language: 'nb' | 'nn' | 'en' = 'nb') {
  stubApi({});
  const view = renderApp(PATH, language);
  await waitFor(() => {
    expect(screen.getAllByRole('radio').every((r) => !(r as HTMLInputElement).disabled)).toBe(true);
    expect(document.querySelector('.plan-form, .done-panel')).not.toBeNull();
  });
  return view;
}

/** A click as a keyboard user makes it: on the focused button (jsdom focuses nothing on click). */
function press(button: HTMLElement) {
  button.focus();
  fireEvent.click(button);
}

/** jsdom neither makes object URLs nor downloads: the browser's part, stood in for here. */
function captureDownloads() {
  const saved: { name: string; blob: Blob }[] = [];
  let blob: Blob | null = null;
  URL.createObjectURL = vi.fn((b: Blob) => {
    blob = b;
    return 'blob:lommekurs/plan';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    saved.push({ name: this.download, blob: blob! });
  });
  return saved;
}

describe('the weekly goal', () => {
  it('starts at 2 lessons a week, and stores a new choice at once', async () => {
    await openScreen();
    expect(screen.getByRole('heading', { level: 1, name: 'Ukemål og studieplan' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Ukemål og studieplan – Lommekurs'));
    expect(
      within(goalGroup())
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual(['1', '2', '3']);
    expect(radio('2 leksjoner i uka').checked).toBe(true);
    expect(radio('1 leksjon i uka').checked).toBe(false);

    fireEvent.click(radio('3 leksjoner i uka'));
    const goalRegion = screen.getByRole('region', { name: 'Ukemål' });
    await waitFor(() => expect(statusIn(goalRegion)[0]!.textContent).toBe('Ukemålet er lagret.'));
    expect(await getWeeklyGoal()).toBe(3);
    expect(radio('3 leksjoner i uka').checked).toBe(true);

    cleanup();
    await openScreen();
    expect(radio('3 leksjoner i uka').checked).toBe(true);
  });

  it('reads a stored value that is no goal as the default', async () => {
    await setSetting('weeklyGoal', 7);
    expect(await getWeeklyGoal()).toBe(2);
    await setWeeklyGoal(db, 1);
    expect(await getWeeklyGoal()).toBe(1);
  });
});

describe('the study plan form', () => {
  it('asks for a cue, and for words when the learner writes their own, next to the field', async () => {
    await openScreen();
    expect(await violations()).toEqual([]);
    const save = within(planSection()).getByRole('button', { name: 'Lagre planen' });

    // Nothing chosen: the group says so, and focus goes to its first choice.
    fireEvent.click(save);
    const cueError = await within(planSection()).findByText('Velg når du tar leksjonen.');
    const cues = within(planSection()).getByRole('group', { name: 'Når tar du leksjonen?' });
    expect(cues.getAttribute('aria-describedby')).toContain(cueError.id);
    await waitFor(() => expect(document.activeElement).toBe(radio('På ferja')));

    // Own words, left empty (spaces only): an error tied to the text field, which gets focus.
    fireEvent.click(radio('Noe annet – skriv selv'));
    const own = within(planSection()).getByRole('textbox', { name: 'Din situasjon' });
    expect(own.getAttribute('maxlength')).toBe('80');
    fireEvent.input(own, { target: { value: '   ' } });
    fireEvent.click(save);
    const ownError = await within(planSection()).findByText(
      'Skriv når du tar leksjonen, for eksempel «jeg venter på bussen».',
    );
    expect(own.getAttribute('aria-invalid')).toBe('true');
    expect(own.getAttribute('aria-describedby')?.split(' ')).toContain(ownError.id);
    await waitFor(() => expect(document.activeElement).toBe(own));
    expect(await violations()).toEqual([]);
    expect(await getStudyPlan()).toBeNull();

    // Written: the error goes, and the preview reads the sentence.
    fireEvent.input(own, { target: { value: 'Når jeg venter på bussen.' } });
    await waitFor(() => expect(own.getAttribute('aria-invalid')).toBeNull());
    expect(planSection().textContent).toContain(
      'Slik blir planen: Hver mandag kl. 07:30: Når jeg venter på bussen, tar jeg én leksjon.',
    );
  });

  it('asks for a time', async () => {
    await openScreen();
    fireEvent.click(radio('I lunsjen'));
    const time = screen.getByLabelText('Klokkeslett') as HTMLInputElement;
    expect(time.type).toBe('time');
    fireEvent.input(time, { target: { value: '' } });
    fireEvent.click(within(planSection()).getByRole('button', { name: 'Lagre planen' }));
    const error = await screen.findByText('Velg et klokkeslett, for eksempel 07:30.');
    expect(time.getAttribute('aria-invalid')).toBe('true');
    expect(time.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
    await waitFor(() => expect(document.activeElement).toBe(time));
    expect(await getStudyPlan()).toBeNull();
  });

  it('saves the plan on the device, says so, moves focus to it, and shows it after a reload', async () => {
    await openScreen();
    fireEvent.click(radio('Noe annet – skriv selv'));
    fireEvent.input(screen.getByRole('textbox', { name: 'Din situasjon' }), {
      target: { value: '  jeg har levert barna i barnehagen  ' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Dag' }), { target: { value: 'TH' } });
    fireEvent.input(screen.getByLabelText('Klokkeslett'), { target: { value: '08:15' } });
    expect(planSection().textContent).toContain(
      'Hver torsdag kl. 08:15: Når jeg har levert barna i barnehagen, tar jeg én leksjon.',
    );
    fireEvent.click(within(planSection()).getByRole('button', { name: 'Lagre planen' }));

    const heading = await within(planSection()).findByRole('heading', { name: 'Planen din' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(statusIn(planSection()).map((s) => s.textContent)).toContain('Planen er lagret.');
    const stored = await getStudyPlan();
    expect(stored).toMatchObject({
      cue: { kind: 'own', text: 'jeg har levert barna i barnehagen' },
      day: 'TH',
      time: '08:15',
      revision: 0,
    });
    expect(await violations()).toEqual([]);

    cleanup();
    await openScreen();
    await within(planSection()).findByRole('heading', { name: 'Planen din' });
    expect(planSection().textContent).toContain(
      'Hver torsdag kl. 08:15: Når jeg har levert barna i barnehagen, tar jeg én leksjon.',
    );
    expect(within(planSection()).queryByRole('button', { name: 'Lagre planen' })).toBeNull();

    // A change keeps the plan's id (the calendar event's UID) and counts the revision.
    fireEvent.click(screen.getByRole('button', { name: 'Endre planen' }));
    await waitFor(() => expect(document.activeElement).toBe(radio('Noe annet – skriv selv')));
    fireEvent.click(radio('På ferja'));
    fireEvent.click(within(planSection()).getByRole('button', { name: 'Lagre planen' }));
    await within(planSection()).findByRole('heading', { name: 'Planen din' });
    expect(planSection().textContent).toContain(
      'Hver torsdag kl. 08:15: Når jeg er på ferja, tar jeg én leksjon.',
    );
    expect(await getStudyPlan()).toEqual({
      ...stored,
      cue: { kind: 'example', example: 'ferry' },
      revision: 1,
    });
  });

  it('asks before removing the plan, and keeps it when the learner cancels', async () => {
    await setStudyPlan(db, FERRY_PLAN);
    await openScreen();
    await within(planSection()).findByRole('heading', { name: 'Planen din' });

    fireEvent.click(screen.getByRole('button', { name: 'Fjern planen' }));
    let dialog = await screen.findByRole('dialog', { name: 'Fjerne planen?' });
    expect(dialog.textContent).toContain('må du slette avtalen der selv');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await getStudyPlan()).toEqual(FERRY_PLAN);

    press(screen.getByRole('button', { name: 'Fjern planen' }));
    dialog = await screen.findByRole('dialog', { name: 'Fjerne planen?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Fjern planen' }));
    await waitFor(() =>
      expect(statusIn(planSection()).map((s) => s.textContent)).toContain('Planen er fjernet.'),
    );
    expect(await getStudyPlan()).toBeNull();
    expect(within(planSection()).getByRole('button', { name: 'Lagre planen' })).toBeTruthy();
    expect(radio('På ferja').checked).toBe(false);
    // The button that opened the dialog is gone: focus goes to the section's heading.
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('heading', { level: 2, name: 'Studieplan' }),
      ),
    );
  });
});

describe('"Legg i kalenderen"', () => {
  it('saves lommekurs-studieplan.ics, made on the device without a request', async () => {
    await setStudyPlan(db, FERRY_PLAN);
    const saved = captureDownloads();
    await openScreen();
    const fetchCalls = vi.mocked(fetch).mock.calls.length;
    fireEvent.click(await screen.findByRole('button', { name: 'Legg i kalenderen' }));
    await waitFor(() =>
      expect(statusIn(planSection()).map((s) => s.textContent)).toContain(
        'Kalenderfilen lommekurs-studieplan.ics er lastet ned.',
      ),
    );
    expect(saved.map((s) => s.name)).toEqual(['lommekurs-studieplan.ics']);
    expect(saved[0]!.blob.type).toBe('text/calendar;charset=utf-8');
    expect(vi.mocked(fetch).mock.calls.length).toBe(fetchCalls);

    const calendar = new ICAL.Component(ICAL.parse(await saved[0]!.blob.text()));
    const events = calendar.getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    const event = new ICAL.Event(events[0]);
    expect(event.summary).toBe('Lommekurs: én leksjon');
    expect(event.description).toContain('Når jeg er på ferja, tar jeg én leksjon.');
    expect(event.description).toContain(`Åpne Lommekurs: ${location.origin}/`);
    expect(event.uid).toBe(`${FERRY_PLAN.id}@lommekurs`);
  });
});

describe('the way there, and the other languages', () => {
  it('is linked from Settings', async () => {
    stubApi({});
    renderApp('/innstillinger');
    const section = await screen.findByRole('region', { name: 'Ukemål og studieplan' });
    const link = within(section).getByRole('link', { name: 'Lag en studieplan' });
    expect(link.getAttribute('href')).toBe('/studieplan');
  });

  it('reads in nynorsk', async () => {
    await setStudyPlan(db, FERRY_PLAN);
    await openScreen('nn');
    expect(screen.getByRole('heading', { level: 1, name: 'Vekemål og studieplan' })).toBeTruthy();
    expect(radio('2 leksjonar i veka').checked).toBe(true);
    expect(radio('1 leksjon i veka')).toBeTruthy();
    await screen.findByRole('heading', { name: 'Planen din' });
    expect(document.body.textContent).toContain(
      'Kvar måndag kl. 07:30: Når eg er på ferja, tek eg éin leksjon.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Endre planen' }));
    expect(radio('Måndag morgon med kaffien')).toBeTruthy();
    const day = screen.getByRole('combobox', { name: 'Dag' });
    expect(
      within(day)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Måndag', 'Tysdag', 'Onsdag', 'Torsdag', 'Fredag', 'Laurdag', 'Søndag']);
    expect(await violations()).toEqual([]);
  });

  it('reads in English', async () => {
    await setStudyPlan(db, { ...FERRY_PLAN, cue: { kind: 'example', example: 'opening' } });
    await openScreen('en');
    expect(
      screen.getByRole('heading', { level: 1, name: 'Weekly goal and study plan' }),
    ).toBeTruthy();
    expect(radio('2 lessons a week').checked).toBe(true);
    expect(radio('1 lesson a week')).toBeTruthy();
    await screen.findByRole('heading', { name: 'Your plan' });
    expect(document.body.textContent).toContain(
      'Every Monday at 07:30: When I am in before the shop opens, I take one lesson.',
    );
    expect(screen.getByRole('button', { name: 'Add to calendar' })).toBeTruthy();
  });
});
