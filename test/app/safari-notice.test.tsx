// Safari without the Home Screen (issue 11, item 12): in a Safari tab, with progress that exists
// only on this device, the app says once what Safari may delete and what keeps it safe; the
// storage screen keeps saying it. Nothing is said in other browsers or with nothing to lose.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { completeLesson } from '../../src/client-core/db/learner-actions';
import { isSafariNoticeDismissed } from '../../src/client-core/db/safari-notice';
import { renderApp, setupAppTests, stubApi } from '../utils/app';
import { stubStorage } from '../utils/browser';

setupAppTests();

const SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1';
const CHROME =
  'Mozilla/5.0 (Linux; Android 14; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36';
const HEADING = 'Safari kan slette fremgangen din';

/** axe-core on the whole page (contrast needs a real browser: the e2e scans). */
const violations = async () => {
  const result = await axe.run(document.documentElement, {
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
};

const useBrowser = (userAgent: string) =>
  vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(userAgent);

/** Render `url` and wait until its screen and the account state have loaded. */
const open = async (url: string, language: 'nb' | 'nn' | 'en' = 'nb') => {
  const view = renderApp(url, language);
  await screen.findByRole('heading', { level: 1 });
  await waitFor(() => expect(view.sync.account.value).toBe(null));
  return view;
};

describe('the Safari notice', () => {
  it('in a Safari tab with progress only here: says it once, and the storage screen keeps saying it', async () => {
    useBrowser(SAFARI);
    stubApi({});
    await completeLesson('kurs', 'l1');
    const first = await open('/');
    const notice = await screen.findByRole('region', { name: HEADING });
    expect(notice.textContent).toContain(
      'Bruker du Safari i 7 dager uten å åpne Lommekurs, sletter Safari alt Lommekurs har lagret på enheten: fremgangen din og kursene du har lastet ned.',
    );
    expect(notice.textContent).toContain('Legg Lommekurs til på Hjem-skjermen');
    expect(notice.textContent).toContain('eller opprett en konto');
    expect(
      within(notice)
        .getByRole('link', { name: 'Opprett konto eller logg inn' })
        .getAttribute('href'),
    ).toBe('/konto');
    expect(await violations()).toEqual([]);

    const dismiss = within(notice).getByRole('button', { name: 'Jeg har forstått' });
    dismiss.focus();
    fireEvent.click(dismiss);
    await waitFor(() => expect(screen.queryByRole('region', { name: HEADING })).toBeNull());
    expect(await isSafariNoticeDismissed()).toBe(true);
    // Focus went with the button: it continues at the screen's heading.
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 })),
    );
    first.unmount();

    // Once: not again on the next visit.
    const second = await open('/');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('region', { name: HEADING })).toBeNull();
    second.unmount();

    // The storage screen keeps saying it.
    stubStorage({ persisted: false });
    await open('/lagring');
    const facts = await screen.findByRole('region', { name: HEADING });
    expect(facts.textContent).toContain('sletter Safari alt Lommekurs har lagret på enheten');
    expect(facts.textContent).toContain('Hjem-skjermen');
    await screen.findByRole('button', { name: 'Be om varig lagring' });
    expect(await violations()).toEqual([]);
  });

  it('says nothing in a Safari tab with no progress yet', async () => {
    useBrowser(SAFARI);
    stubApi({});
    await open('/');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('region', { name: HEADING })).toBeNull();
  });

  it('says nothing in Chrome, on home or on the storage screen', async () => {
    useBrowser(CHROME);
    stubApi({});
    stubStorage({ persisted: false });
    await completeLesson('kurs', 'l1');
    const home = await open('/');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('region', { name: HEADING })).toBeNull();
    home.unmount();
    await open('/lagring');
    await screen.findByRole('region', { name: 'Plass på enheten' });
    expect(screen.queryByRole('region', { name: HEADING })).toBeNull();
  });

  it('speaks nynorsk and English', async () => {
    useBrowser(SAFARI);
    stubApi({});
    await completeLesson('kurs', 'l1');
    const nn = await open('/', 'nn');
    expect(
      await screen.findByRole('region', { name: 'Safari kan slette framgangen din' }),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Eg har forstått' })).toBeTruthy();
    nn.unmount();
    await open('/', 'en');
    const notice = await screen.findByRole('region', { name: 'Safari may delete your progress' });
    expect(notice.textContent).toContain('add Lommekurs to your Home Screen');
  });
});
