// "Slett dataene på denne enheten" for an account holder, against the real server in process: the
// dialog says the account and its server copy stay, and the wipe signs this device out, removes
// the learner's data here, and leaves the account and its progress on the server.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { storeCourse } from '../../src/client-core/db/courses';
import { db } from '../../src/client-core/db/db';
import { completeLesson } from '../../src/client-core/db/learner-actions';
import { tryggEpost } from '../utils/bundles';
import { stubApi } from '../utils/app';
import { EMAIL, registerKari, renderWithServer, setupSyncUiTests } from '../utils/sync-ui';

const harness = setupSyncUiTests();
const section = () => screen.getByRole('region', { name: 'Dataene dine på denne enheten' });

describe('wiping this device with an account', () => {
  it('says the account is separate, signs out here and keeps the server copy', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    await completeLesson('trygg-epost', 'kjenn-igjen-svindel');
    await registerKari(harness());
    renderWithServer(harness(), '/innstillinger');
    await screen.findByText(`Logget inn som ${EMAIL}`);
    fireEvent.click(
      within(section()).getByRole('button', { name: 'Slett dataene på denne enheten' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Slette dataene på denne enheten?' });
    expect(dialog.textContent).toContain('Kontoen og det som er lagret på den, blir ikke slettet');
    expect(dialog.textContent).not.toContain('Du har ikke konto');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Slett dataene' }));
    await within(section()).findByText('Dataene dine er slettet fra denne enheten.');
    await screen.findByRole('link', { name: 'Opprett konto eller logg inn' });
    await waitFor(async () => expect(await db.progress.count()).toBe(0));
    const server = harness().server.db;
    expect(await server.selectFrom('users').selectAll().execute()).toHaveLength(1);
    expect(await server.selectFrom('progress').selectAll().execute()).not.toHaveLength(0);
  });
});
