// axe-core on every screen in jsdom (structure, names, roles, ARIA; colour contrast needs a real
// layout engine and is checked by the end-to-end Lighthouse run instead).
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { storeCourse } from '../../src/client-core/db/courses';
import { db } from '../../src/client-core/db/db';
import {
  answerQuestion,
  completeLesson,
  revealAnswer,
} from '../../src/client-core/db/learner-actions';
import type { QuizLesson } from '../../src/shared/course';
import { downloadCourseForOffline } from '../../src/app/offline/downloads';
import { startServiceWorker } from '../../src/app/offline/service-worker';
import { catalogueEntryOf, ferjekurs, ferjekursV2, kontorNn, tryggEpost } from '../utils/bundles';
import { stubStorage } from '../utils/browser';
import { installCaches } from '../utils/cache-storage';
import { renderApp, setupAppTests, stubApi } from '../utils/app';
import { FakeWorkbox } from '../utils/fake-workbox';
import { createSyncHarness, type SyncHarness } from '../utils/sync-harness';
import { EMAIL, PASSWORD, renderWithServer } from '../utils/sync-ui';

setupAppTests();

async function violations() {
  const result = await axe.run(document.documentElement, {
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
}

describe('accessibility (axe)', () => {
  it('home, empty and in progress', async () => {
    stubApi({});
    const { unmount } = renderApp('/');
    await screen.findByRole('heading', { name: 'Du har ikke begynt på noe kurs ennå' });
    expect(await violations()).toEqual([]);
    unmount();
    await storeCourse(tryggEpost);
    await completeLesson('trygg-epost', 'kjenn-igjen-svindel');
    renderApp('/');
    await screen.findByRole('region', { name: 'Fortsett der du slapp' });
    expect(await violations()).toEqual([]);
  });

  it('catalogue, online and offline', async () => {
    stubApi({ bundles: [tryggEpost, kontorNn] });
    const { unmount } = renderApp('/kurs');
    await screen.findByRole('link', { name: 'Trygg e-post' });
    expect(await violations()).toEqual([]);
    unmount();
    stubApi({ catalogue: 'offline' });
    await storeCourse(kontorNn);
    renderApp('/kurs');
    await screen.findByRole('link', { name: 'Berekraftig kontor' });
    expect(await violations()).toEqual([]);
  });

  it('course page', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    renderApp('/kurs/trygg-epost');
    await screen.findByRole('region', { name: 'Leksjoner' });
    expect(await violations()).toEqual([]);
  });

  it('course reset dialog, and the wipe dialog on settings', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    await completeLesson('trygg-epost', 'kjenn-igjen-svindel');
    const { unmount } = renderApp('/kurs/trygg-epost');
    fireEvent.click(await screen.findByRole('button', { name: 'Nullstill fremgangen i kurset' }));
    await screen.findByRole('dialog');
    expect(await violations()).toEqual([]);
    unmount();
    renderApp('/innstillinger');
    fireEvent.click(screen.getByRole('button', { name: 'Slett dataene på denne enheten' }));
    await screen.findByRole('dialog');
    expect(await violations()).toEqual([]);
  });

  it('every lesson kind', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    for (const lesson of tryggEpost.lessons) {
      const { unmount } = renderApp(`/kurs/trygg-epost/${lesson.id}`);
      await screen.findByRole('heading', { level: 1, name: lesson.title });
      await screen.findByRole('navigation', { name: 'Leksjoner' });
      expect(await violations(), lesson.kind).toEqual([]);
      if (lesson.kind === 'quiz') {
        fireEvent.click(screen.getByRole('radio', { name: 'Betaler med en gang' }));
        screen.getByRole('button', { name: 'Svar' }).click();
        await screen.findByRole('button', { name: 'Prøv igjen' });
        expect(await violations(), 'quiz feedback').toEqual([]);
      }
      unmount();
    }
  });

  it('quiz result with "Se svarene dine" open', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    const quiz = tryggEpost.lessons.find((l) => l.kind === 'quiz') as QuizLesson;
    await answerQuestion('trygg-epost', quiz, 'hastverk', ['betal']);
    await new Promise((resolve) => setTimeout(resolve, 2));
    await revealAnswer('trygg-epost', quiz.id, 'hastverk');
    await answerQuestion('trygg-epost', quiz, 'tegn', ['avsender', 'press']);
    renderApp(`/kurs/trygg-epost/${quiz.id}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Se svarene dine' }));
    await screen.findByRole('region', { name: 'Se svarene dine' });
    expect(await violations()).toEqual([]);
  });

  it('review (issue 16): the home cards, a question open and answered, the end, the empty screen', async () => {
    stubApi({});
    const { unmount: unmountEmpty } = renderApp('/repetisjon');
    await screen.findByRole('heading', { level: 2, name: 'Ingen spørsmål venter nå' });
    expect(await violations(), 'empty').toEqual([]);
    unmountEmpty();

    await storeCourse(tryggEpost);
    const quiz = tryggEpost.lessons.find((l) => l.kind === 'quiz') as QuizLesson;
    // The quiz completed a week ago: its questions are due.
    vi.setSystemTime(Date.now() - 7 * 86_400_000);
    await answerQuestion('trygg-epost', quiz, 'hastverk', ['ring']);
    await answerQuestion('trygg-epost', quiz, 'tegn', ['avsender', 'press']);
    vi.useRealTimers();
    await completeLesson('trygg-epost', 'kjenn-igjen-svindel');
    const { unmount } = renderApp('/');
    await screen.findByRole('region', { name: 'Repetisjon' });
    await screen.findByRole('region', { name: 'Ukemål' });
    expect(await violations(), 'home cards').toEqual([]);
    unmount();

    renderApp('/repetisjon');
    await screen.findByRole('heading', { level: 2, name: 'Spørsmål 1 av 2' });
    expect(await violations(), 'question').toEqual([]);
    fireEvent.click(screen.getByRole('radio', { name: 'Betaler med en gang' }));
    screen.getByRole('button', { name: 'Svar' }).click();
    const next = await screen.findByRole('button', { name: 'Neste spørsmål' });
    expect(await violations(), 'answered').toEqual([]);
    fireEvent.click(next);
    await screen.findByRole('heading', { level: 2, name: 'Spørsmål 2 av 2' });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Rar avsenderadresse' }));
    screen.getByRole('button', { name: 'Svar' }).click();
    fireEvent.click(await screen.findByRole('button', { name: 'Ferdig' }));
    await screen.findByRole('heading', { level: 2, name: 'Repetisjonen er ferdig' });
    expect(await violations(), 'end').toEqual([]);
  });

  it('downloads: buttons, progress, cancelling, confirmation dialog, update offer', async () => {
    installCaches();
    stubApi({
      bundles: [ferjekurs],
      media: (url, n) => (n === 1 && url === ferjekurs.media[0]!.url ? 'stall' : 'ok'),
    });
    renderApp('/kurs');
    const card = (await screen.findByRole('link', { name: 'Digitalt på ferja' })).closest('li')!;
    const download = await within(card).findByRole('button', { name: /^Last ned \(/ });
    expect(await violations()).toEqual([]);
    fireEvent.click(download);
    await within(card).findByRole('progressbar');
    expect(await violations()).toEqual([]);
    fireEvent.click(within(card).getByRole('button', { name: 'Avbryt nedlastingen' }));
    await within(card).findByRole('button', { name: /^Last ned \(/ });
    cleanup();

    stubApi({ bundles: [ferjekurs] });
    await downloadCourseForOffline('ferjekurs', { entry: catalogueEntryOf(ferjekurs) });
    stubApi({ bundles: [ferjekursV2] });
    renderApp('/kurs/ferjekurs');
    await screen.findByText('Oppdatering tilgjengelig');
    expect(await violations()).toEqual([]);
    fireEvent.click(await screen.findByRole('button', { name: 'Slett nedlastingen' }));
    await screen.findByRole('dialog');
    expect(await violations()).toEqual([]);
  });

  it('storage screen, offline indicator and update banner', async () => {
    installCaches();
    stubStorage({ persisted: false });
    stubApi({ catalogue: 'offline' });
    await storeCourse(kontorNn);
    const { state } = renderApp('/lagring');
    await screen.findByRole('heading', { level: 1, name: 'Lagring' });
    await screen.findByRole('button', { name: 'Be om varig lagring' });
    await screen.findByRole('button', { name: 'Slett nedlastingen' });
    state.connectivity.noteReachable(false);
    const workbox = new FakeWorkbox();
    startServiceWorker(state.update, { workbox, reload: () => {} });
    workbox.emit('waiting');
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4)',
    );
    const stopInstall = state.install.start();
    expect(state.install.offer.value).toBe('ios');
    await screen.findByText('Frakoblet');
    await screen.findByText('Ny versjon er klar');
    stopInstall();
    expect(await violations()).toEqual([]);
  });

  it('settings and not found', async () => {
    stubApi({});
    const { unmount } = renderApp('/innstillinger');
    expect(await violations()).toEqual([]);
    unmount();
    renderApp('/ukjent');
    await waitFor(() => expect(document.title).toBe('Fant ikke siden – Lommekurs'));
    expect(await violations()).toEqual([]);
  });
});

describe('accessibility of accounts and sync (axe)', () => {
  /** Run `test` against the real server in process, closed afterwards. */
  async function withServer(test: (harness: SyncHarness) => Promise<void>) {
    const harness = await createSyncHarness();
    try {
      await test(harness);
    } finally {
      cleanup();
      await harness.close();
    }
  }

  it('account screen: signed out with field errors, signed in, delete dialog, sign-out warning', () =>
    withServer(async (harness) => {
      stubApi({});
      renderWithServer(harness, '/konto');
      const form = await screen.findByRole('region', { name: 'Opprett konto' });
      await waitFor(() => expect(document.title).toBe('Konto – Lommekurs'));
      expect(await violations()).toEqual([]);
      fireEvent.input(within(form).getByLabelText('E-postadresse'), { target: { value: 'x' } });
      fireEvent.input(within(form).getByLabelText(/^Passord/), { target: { value: 'kort' } });
      fireEvent.click(within(form).getByRole('button', { name: 'Opprett konto' }));
      await within(form).findByText('Passordet må ha minst 12 tegn.');
      expect(await violations()).toEqual([]);

      fireEvent.input(within(form).getByLabelText('E-postadresse'), { target: { value: EMAIL } });
      fireEvent.input(within(form).getByLabelText(/^Passord/), { target: { value: PASSWORD } });
      fireEvent.click(within(form).getByRole('button', { name: 'Opprett konto' }));
      await screen.findByRole('heading', { name: `Logget inn som ${EMAIL}` });
      await screen.findByRole('button', { name: 'Synkroniser nå' });
      expect(await violations()).toEqual([]);

      fireEvent.click(screen.getByRole('button', { name: 'Slett kontoen' }));
      const dialog = await screen.findByRole('dialog', { name: 'Slette kontoen?' });
      expect(await violations()).toEqual([]);
      fireEvent.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

      await completeLesson('kurs', 'l1');
      await screen.findByText('1 endring venter');
      fireEvent.click(screen.getByRole('button', { name: 'Logg ut' }));
      await screen.findByRole('dialog', { name: 'Ikke alt er synkronisert' });
      expect(await violations()).toEqual([]);
    }));

  it('status line with a problem and refused events, and a completion receipt', () =>
    withServer(async (harness) => {
      stubApi({});
      await storeCourse(tryggEpost);
      const { sync } = renderWithServer(harness, '/kurs/trygg-epost/kjenn-igjen-svindel');
      await sync.register(EMAIL, PASSWORD);
      await screen.findByRole('button', { name: 'Synkroniser nå' });
      fireEvent.click(await screen.findByRole('button', { name: 'Merk som lest' }));
      await screen.findByText('Lagret på enheten');
      expect(await violations()).toEqual([]);

      harness.failNext('/api/v1/sync/push', { kind: 'status', status: 503 });
      await sync.syncNow();
      await screen.findByText(/^Tjeneren svarer ikke/);
      expect(await violations()).toEqual([]);

      // A device clock two months ahead: the server refuses the first waiting event for good.
      const first = (await db.outbox.orderBy('seq').first())!;
      await db.outbox.update(first.seq, { at: Date.now() + 60 * 24 * 60 * 60_000 });
      await sync.syncNow();
      await screen.findByRole('button', { name: 'OK' });
      expect(await violations()).toEqual([]);

      await harness.server.db.deleteFrom('sessions').execute();
      await completeLesson('kurs', 'l1');
      await sync.syncNow();
      await screen.findByRole('link', { name: 'Logg inn igjen for å synkronisere' });
      expect(await violations()).toEqual([]);
    }));
});
