// The receipt under a completed lesson, with the real SyncController against the real server:
// "Lagret på enheten" at once, "Synkronisert" once the completion's events have left the outbox
// while signed in — through the debounced sync that follows a learner's action — or, when the
// server refused them, a sentence saying so; and, signed out, a way to sign in.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { storeCourse } from '../../src/client-core/db/courses';
import { db } from '../../src/client-core/db/db';
import { stubApi } from '../utils/app';
import { tryggEpost } from '../utils/bundles';
import type { ManualTimers } from '../utils/sync-harness';
import { dumpSyncTables } from '../utils/learners';
import { registerKari, renderWithServer, setupSyncUiTests } from '../utils/sync-ui';

const harness = setupSyncUiTests();

const panel = () => screen.getByRole('region', { name: 'Leksjonen er fullført' });
const receipt = () => within(panel()).getByRole('status');

/** Fire every timer the sync loop has set (the debounce after an action). */
const fireAll = (timers: ManualTimers) => {
  while (timers.pending().length > 0) timers.fireNext();
};

describe('completion receipt', () => {
  it('signed in: "Lagret på enheten", then "Synkronisert" when the sync after the action has run', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    await registerKari(harness());
    const { timers } = renderWithServer(harness(), '/kurs/trygg-epost/kjenn-igjen-svindel');
    fireEvent.click(await screen.findByRole('button', { name: 'Merk som lest' }));
    await waitFor(() => expect(receipt().textContent).toBe('Lagret på enheten'));
    const completed = (await db.outbox.toArray()).find((e) => e.type === 'lesson.completed');
    expect(completed).toBeDefined();

    fireAll(timers);
    await waitFor(() => expect(receipt().textContent).toBe('Lagret på enheten Synkronisert'));
    const server = await dumpSyncTables(harness().server.db);
    expect(server.events.map((e) => e.id)).toContain(completed!.id);
  });

  it('signed in, quiz: the answer that completes the lesson gets the receipt', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    await registerKari(harness());
    const { timers } = renderWithServer(harness(), '/kurs/trygg-epost/test-deg-selv');
    const answer = async (role: 'radio' | 'checkbox', option: string, next: string) => {
      fireEvent.click(await screen.findByRole(role, { name: option }));
      fireEvent.click(screen.getByRole('button', { name: 'Svar' }));
      fireEvent.click(await screen.findByRole('button', { name: next }));
    };
    await answer('radio', 'Ringer sjefen på et nummer jeg kjenner', 'Neste spørsmål');
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Rar avsenderadresse' }));
    await answer('checkbox', 'Tidspress', 'Se resultatet');
    await waitFor(() => expect(receipt().textContent).toBe('Lagret på enheten'));
    fireAll(timers);
    await waitFor(() => expect(receipt().textContent).toBe('Lagret på enheten Synkronisert'));
  });

  it('signed in, refused by the server: says so instead of "Synkronisert"', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    await registerKari(harness());
    const { timers, sync } = renderWithServer(harness(), '/kurs/trygg-epost/kjenn-igjen-svindel');
    // The sync at start has ended: none is under way to take the completion along at once.
    await sync.syncNow();
    fireEvent.click(await screen.findByRole('button', { name: 'Merk som lest' }));
    await waitFor(() => expect(receipt().textContent).toBe('Lagret på enheten'));
    // A device clock two months ahead: the server refuses the completion for good.
    const completed = (await db.outbox.toArray()).find((e) => e.type === 'lesson.completed')!;
    await db.outbox.update(completed.seq, { at: Date.now() + 60 * 24 * 60 * 60_000 });

    fireAll(timers);
    await waitFor(() =>
      expect(receipt().textContent).toBe(
        'Lagret på enheten Avvist av tjeneren — ikke lagret på kontoen',
      ),
    );
    const server = await dumpSyncTables(harness().server.db);
    expect(server.events.map((e) => e.id)).not.toContain(completed.id);
  });

  it('signed out: saved on the device, with a link to sign in and sync', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    renderWithServer(harness(), '/kurs/trygg-epost/kjenn-igjen-svindel');
    fireEvent.click(await screen.findByRole('button', { name: 'Merk som lest' }));
    await waitFor(() =>
      expect(receipt().textContent).toBe('Lagret på enheten — logg inn for å synkronisere'),
    );
    const link = within(receipt()).getByRole('link', { name: 'logg inn for å synkronisere' });
    expect(link.getAttribute('href')).toBe('/konto');
    expect(harness().requests).toEqual([]);
  });
});
