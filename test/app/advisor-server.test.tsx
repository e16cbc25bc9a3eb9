// The garden view against the REAL server in process (S2's advisor routes and access rule): an
// advisor signed in through the app sees the garden's consenting learners; a learner who withdraws
// is gone from the view and from the offline copy at the next refresh; offline, the view that is
// left shows with its time. The rows a join would write are inserted directly (S1's join route is
// tested on its own; this test is about what the app shows).
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AdvisorHome, GardenScreen } from '../../src/app/screens/lazy';
import { forgetAdvisorCopy } from '../../src/app/advisor/forget-copy';
import { openAdvisorCopy } from '../../src/app/advisor/offline-copy';
import { CONSENT_TEXT_VERSION } from '../../src/shared/network-protocol';
import { createTestLearner } from '../utils/learners';
import { EMAIL, registerKari, renderWithServer, setupSyncUiTests } from '../utils/sync-ui';
import type { SyncHarness } from '../utils/sync-harness';

const harness = setupSyncUiTests();
// The advisor chunks load before the first test, as a visited screen's would: a cold transform on
// a busy machine must not eat the first test's wait.
beforeAll(() => Promise.all([AdvisorHome.preload(), GardenScreen.preload()]));
beforeEach(() => forgetAdvisorCopy());

const GARDEN = '5a5a5a5a-5a5a-4a5a-8a5a-5a5a5a5a5a5a';
const FIRM = '6b6b6b6b-6b6b-4b6b-8b6b-6b6b6b6b6b6b';

/** Kari (signed in on the app) advises a garden with two consenting learners. */
async function gardenWithLearners(h: SyncHarness) {
  await registerKari(h);
  const { db } = h.server;
  const kari = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', EMAIL)
    .executeTakeFirstOrThrow();
  const now = Date.now();
  await db
    .insertInto('gardens')
    .values({
      id: GARDEN,
      name: 'Fjordhagen',
      county: 'Vestland',
      municipality: null,
      created_at: now,
    })
    .execute();
  await db
    .insertInto('firms')
    .values({ id: FIRM, garden_id: GARDEN, name: 'Sjøbua AS', org_number: null, created_at: now })
    .execute();
  await db
    .insertInto('advisors')
    .values({ garden_id: GARDEN, user_id: kari.id, added_at: now, added_by: null })
    .execute();
  const learners = [];
  for (const name of ['Åsmund Ø', 'Berit Bø']) {
    const learner = await createTestLearner(db);
    await db
      .insertInto('memberships')
      .values({
        user_id: learner.userId,
        garden_id: GARDEN,
        firm_id: FIRM,
        display_name: name,
        joined_at: now,
      })
      .execute();
    await db
      .insertInto('consents')
      .values({
        user_id: learner.userId,
        garden_id: GARDEN,
        text_version: CONSENT_TEXT_VERSION,
        given_at: now,
        withdrawn_at: null,
      })
      .execute();
    learners.push(learner);
  }
  return learners;
}

async function storedNames(): Promise<string[]> {
  const copy = await openAdvisorCopy();
  try {
    const views = await copy.getAll('copies');
    return views.flatMap((row) =>
      row.kind === 'garden' ? row.value.learners.map((l) => l.displayName) : [],
    );
  } finally {
    copy.close();
  }
}

describe('the garden view against the real server', () => {
  it('shows consenting learners; one who withdraws is gone at the next refresh, copy included', async () => {
    const h = harness();
    const [asmund] = await gardenWithLearners(h);
    const view = renderWithServer(h, `/radgiver/hage/${GARDEN}`);
    await screen.findByRole('heading', { level: 1, name: 'Fjordhagen' });
    await screen.findByRole('link', { name: /Åsmund Ø/ });
    expect(screen.getByRole('link', { name: /Berit Bø/ })).toBeTruthy();
    await waitFor(async () =>
      expect((await storedNames()).sort()).toEqual(['Berit Bø', 'Åsmund Ø']),
    );

    // Åsmund withdraws (what S1's DELETE /memberships does to these rows).
    await h.server.db.deleteFrom('memberships').where('user_id', '=', asmund.userId).execute();
    await h.server.db
      .updateTable('consents')
      .set({ withdrawn_at: Date.now() })
      .where('user_id', '=', asmund.userId)
      .execute();
    fireEvent.click(screen.getByRole('button', { name: 'Oppdater' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: /Åsmund Ø/ })).toBeNull());
    expect(screen.getByRole('link', { name: /Berit Bø/ })).toBeTruthy();
    await waitFor(async () => expect(await storedNames()).toEqual(['Berit Bø']));
    view.unmount();

    // Offline: the last view, with its time.
    h.failNext('/api/v1/network', { kind: 'network' }, { kind: 'network' }, { kind: 'network' });
    renderWithServer(h, `/radgiver/hage/${GARDEN}`);
    await screen.findByText(/Du er uten nett\. Du ser kopien/);
    expect(screen.getByText(/^Sist oppdatert kl\. \d\d:\d\d$/)).toBeTruthy();
    expect(screen.getByRole('link', { name: /Berit Bø/ })).toBeTruthy();
    expect(screen.queryByText(/Åsmund/)).toBeNull();
  });

  it('a user who advises no garden sees the empty state from the real GET /gardens', async () => {
    const h = harness();
    await registerKari(h);
    renderWithServer(h, '/radgiver');
    await screen.findByText('Du er ikke rådgiver i noen næringshage ennå.');
  });

  it('a garden the user does not advise: the server says 403 and the app says so', async () => {
    const h = harness();
    await registerKari(h);
    renderWithServer(h, `/radgiver/hage/${GARDEN}`);
    await screen.findByText('Du er ikke rådgiver i denne næringshagen.');
  });
});
