// "Del med rådgiveren" in the reflection player shows only to a member of a business garden (as
// the membership store knows it, also offline), or when the reflection is already shared so it
// can be turned off; never from another account's copy on the same device.
import { configure, fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { storeCourse } from '../../src/client-core/db/courses';
import { db } from '../../src/client-core/db/db';
import { shareReflection } from '../../src/client-core/db/learner-actions';
import { getLessonProgress } from '../../src/client-core/db/progress';
import { storeSession } from '../../src/client-core/db/sync-state';
import { tryggEpost } from '../utils/bundles';
import { renderApp, stubApi } from '../utils/app';
import { renderWithServer, setupSyncUiTests } from '../utils/sync-ui';
import {
  gardenWithCode,
  joinThroughServer,
  membershipOf,
  routeNetworkToHarness,
  storeNetworkCopy,
} from './network-support';

vi.setConfig({ testTimeout: 30_000 });
// Lazy screens, scrypt and a first sync on a busy machine: a second is not always enough.
configure({ asyncUtilTimeout: 5000 });

const harness = setupSyncUiTests();

const LESSON = '/kurs/trygg-epost/hva-gjor-dere';
const shareSwitch = () => screen.queryByRole('switch', { name: 'Del med rådgiveren' });
const textBox = () => screen.findByRole('textbox', { name: 'Dine tanker' });

const signInKari = () =>
  storeSession(db, {
    token: 'token',
    user: { id: 'kari', email: 'kari@example.test', createdAt: 0, emailVerified: false },
    expiresAt: Date.now() + 86_400_000,
  });

/** Open the lesson as Kari (signed in, the fake API answering no network) and wait until the
 * membership store has asked the server and had its answer: then the switch is not there. */
async function expectNoSwitchForKari(fetchMock: ReturnType<typeof stubApi>) {
  await signInKari();
  renderApp(LESSON);
  await textBox();
  await waitFor(() =>
    expect(fetchMock.mock.calls.some(([url]) => String(url) === '/api/v1/network/me')).toBe(true),
  );
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(shareSwitch()).toBeNull();
}

describe('the share switch', () => {
  it('is not shown to a learner in no garden, signed in or not', async () => {
    const fetchMock = stubApi({});
    await storeCourse(tryggEpost);
    const signedOut = renderApp(LESSON);
    await textBox();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(shareSwitch()).toBeNull();
    signedOut.unmount();
    await expectNoSwitchForKari(fetchMock);
  });

  it('shows to a member: fetched from the server, then known offline from the device copy', async () => {
    stubApi({});
    routeNetworkToHarness(harness());
    await storeCourse(tryggEpost);
    const { code } = await gardenWithCode(harness());
    const learner = await harness().signedInLearner(db);
    await joinThroughServer(harness(), learner.token, code);
    const online = renderWithServer(harness(), LESSON);
    await waitFor(() => expect(shareSwitch()).not.toBeNull());
    expect((shareSwitch() as HTMLInputElement).checked).toBe(false);
    online.unmount();

    // Offline, a new start: no request, and the switch is there from the copy.
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const before = harness().requests.length;
    renderWithServer(harness(), LESSON);
    await waitFor(() => expect(shareSwitch()).not.toBeNull());
    expect(
      harness()
        .requests.slice(before)
        .map((r) => r.path),
    ).not.toContain('/api/v1/network/me');
  });

  it('shows when the reflection is shared, so it can be turned off, and stays while the lesson is open', async () => {
    stubApi({});
    await storeCourse(tryggEpost);
    await shareReflection('trygg-epost', 'hva-gjor-dere', true);
    renderApp(LESSON);
    await waitFor(() => expect((shareSwitch() as HTMLInputElement | null)?.checked).toBe(true));
    const toggle = shareSwitch()!;
    toggle.focus();
    fireEvent.click(toggle);
    await waitFor(async () =>
      expect(
        (await getLessonProgress('trygg-epost', 'hva-gjor-dere'))?.reflectionShared?.value,
      ).toBe(false),
    );
    // Not pulled from under the learner's finger: still there, off, with focus.
    await waitFor(() => expect((shareSwitch() as HTMLInputElement | null)?.checked).toBe(false));
    expect(document.activeElement).toBe(shareSwitch());
  });

  it('is not shown from the copy of another account on the device', async () => {
    const fetchMock = stubApi({});
    await storeCourse(tryggEpost);
    await storeNetworkCopy('someone-else', { memberships: [membershipOf()] });
    await expectNoSwitchForKari(fetchMock);
  });
});
