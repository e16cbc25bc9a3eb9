// "Dataene dine på denne enheten" on the settings screen, for learners without an account (and
// with one): a readable export (HTML summary and JSON with local ISO dates) and a wipe of the
// device's learner data after a confirmation that says what is deleted and what is kept.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { localIso } from '../../src/app/components/learner-export';
import { storeCourse } from '../../src/client-core/db/courses';
import { db } from '../../src/client-core/db/db';
import {
  answerQuestion,
  completeLesson,
  saveReflection,
  toggleChecklistItem,
} from '../../src/client-core/db/learner-actions';
import type { QuizLesson } from '../../src/shared/course';
import { tryggEpost } from '../utils/bundles';
import { renderApp, setupAppTests, stubApi } from '../utils/app';

setupAppTests();

const COURSE = 'trygg-epost';
const section = () => screen.getByRole('region', { name: 'Dataene dine på denne enheten' });

/** jsdom neither makes object URLs nor downloads: the browser's part, stood in for here. */
function captureDownloads() {
  const saved: { name: string; blob: Blob }[] = [];
  let blob: Blob | null = null;
  URL.createObjectURL = vi.fn((b: Blob) => {
    blob = b;
    return 'blob:lommekurs/1';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    saved.push({ name: this.download, blob: blob! });
  });
  return saved;
}

async function someProgress() {
  await storeCourse(tryggEpost);
  await completeLesson(COURSE, 'kjenn-igjen-svindel');
  const quiz = tryggEpost.lessons.find((l) => l.kind === 'quiz') as QuizLesson;
  await answerQuestion(COURSE, quiz, 'hastverk', ['ring']);
  await toggleChecklistItem(COURSE, 'sjekk-rutinene', 'tofaktor', true);
  await saveReflection(COURSE, 'hva-gjor-dere', 'Vi ringer <alltid> tilbake.');
}

describe('data on this device, without an account', () => {
  it('downloads a readable summary in the interface language', async () => {
    stubApi({});
    await someProgress();
    const saved = captureDownloads();
    renderApp('/innstillinger');
    fireEvent.click(within(section()).getByRole('button', { name: 'Last ned dataene mine' }));
    await within(section()).findByText('Dataene er lagret som lommekurs-dataene-mine.html.');
    expect(saved.map((s) => s.name)).toEqual(['lommekurs-dataene-mine.html']);
    const html = await saved[0]!.blob.text();
    expect(html).toContain('<html lang="nb">');
    expect(html).toContain('<h1>Dataene mine i Lommekurs</h1>');
    expect(html).toContain('Trygg e-post');
    expect(html).toMatch(/Fullført \d+\. \p{L}+ \d{4}/u);
    expect(html).toContain('Quiz: 1 av 1 riktige på første forsøk (1 svar i alt).');
    expect(html).toContain('Sjekkliste: 1 av 3 punkter gjort.');
    // The learner's text is escaped, never markup.
    expect(html).toContain('Vi ringer &lt;alltid&gt; tilbake.');
    expect(html).not.toContain('<alltid>');
  });

  it('downloads the same data as JSON with readable keys and local ISO dates', async () => {
    stubApi({});
    await someProgress();
    const saved = captureDownloads();
    renderApp('/innstillinger');
    fireEvent.click(within(section()).getByRole('button', { name: 'Last ned som JSON' }));
    await within(section()).findByText('Dataene er lagret som lommekurs-dataene-mine.json.');
    const text = await saved[0]!.blob.text();
    expect(text.split('\n').length).toBeGreaterThan(20);
    const data = JSON.parse(text) as {
      eksportert: string;
      kurs: { tittel: string; leksjoner: Record<string, unknown>[] }[];
    };
    expect(data.eksportert).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(data.kurs[0]!.tittel).toBe('Trygg e-post');
    const [reading, quiz, checklist, reflection] = data.kurs[0]!.leksjoner;
    expect(reading).toMatchObject({ tittel: 'Kjenn igjen svindel', status: 'fullført' });
    expect(String(reading!.førstFullført)).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(quiz!.quizsvar).toEqual([
      expect.objectContaining({ valgt: ['ring'], riktig: true, førNullstilling: false }),
    ]);
    expect(checklist!.sjekkliste).toEqual([
      expect.objectContaining({ punkt: 'Alle har tofaktorinnlogging', gjort: true }),
    ]);
    expect(reflection!.refleksjon).toMatchObject({ tekst: 'Vi ringer <alltid> tilbake.' });
  });

  it('wipes the learner data after saying it exists nowhere else; courses stay', async () => {
    stubApi({});
    await someProgress();
    renderApp('/innstillinger');
    fireEvent.click(
      within(section()).getByRole('button', { name: 'Slett dataene på denne enheten' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Slette dataene på denne enheten?' });
    expect(dialog.textContent).toContain(
      'Du har ikke konto, så dataene finnes ingen andre steder.',
    );
    expect(dialog.textContent).toContain('Nedlastede kurs og innstillingene');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await db.progress.count()).toBeGreaterThan(0);

    fireEvent.click(
      within(section()).getByRole('button', { name: 'Slett dataene på denne enheten' }),
    );
    const again = await screen.findByRole('dialog');
    fireEvent.click(within(again).getByRole('button', { name: 'Slett dataene' }));
    await within(section()).findByText('Dataene dine er slettet fra denne enheten.');
    expect(await db.progress.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.courses.get(COURSE)).toBeTruthy();
  });
});

describe('the export format', () => {
  it('writes local time with its offset', () => {
    const ms = Date.UTC(2026, 11, 2, 8, 15, 0);
    const text = localIso(ms);
    expect(text).toMatch(/^2026-12-02T\d\d:15:00[+-]\d\d:\d\d$/);
    expect(new Date(text).getTime()).toBe(ms);
  });
});
