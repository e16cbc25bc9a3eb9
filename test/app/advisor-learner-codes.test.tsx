// The garden's join codes and advisor invites (issue 14), the sections GardenScreen renders:
// making a code with or without a last day, its link with a copy button, revoking it after a
// confirmation, offline; inviting an advisor by e-mail with the link shown and whether it was
// mailed; axe. The app's real sync controller and request code run; `fetch` is a small fake of
// the network routes (test/utils/advisor-network.ts).
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import axe from 'axe-core';
import { h, type ComponentChildren } from 'preact';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { AdvisorInvite } from '../../src/app/advisor/AdvisorInvite';
import { JoinCodes, endOfDay } from '../../src/app/advisor/JoinCodes';
import { createAppState } from '../../src/app/state/app-state';
import { AppStateContext, SyncContext } from '../../src/app/state/context';
import { createSyncController } from '../../src/app/sync/controller';
import type { JoinCodeInfo } from '../../src/shared/network-protocol';
import { setupAppTests } from '../utils/app';
import { stubOnLine } from '../utils/browser';
import { GARDEN_ID, signInAdvisor, stubNetwork, type Answer } from '../utils/advisor-network';

setupAppTests();

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

async function violations() {
  const result = await axe.run(document.documentElement, {
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
}

/** Render `children` inside the app's contexts (as GardenScreen would), in a <main>. */
function renderInApp(children: ComponentChildren, language: 'nb' | 'nn' | 'en' = 'nb') {
  const state = createAppState({ language });
  const sync = createSyncController();
  stops.push(sync.start());
  document.title = 'Hage – Lommekurs';
  return render(
    h(
      AppStateContext.Provider,
      { value: state },
      h(SyncContext.Provider, { value: sync }, h('main', null, h('h1', null, 'Hage'), children)),
    ),
  );
}

const BASE = `/api/v1/network/gardens/${GARDEN_ID}`;

/** A fake of the join-code routes: codes kept in memory, as the server keeps them. */
function fakeCodes(codes: JoinCodeInfo[] = []) {
  let serial = 0;
  const requests: { path: string; method: string; body?: unknown }[] = [];
  const answer = (path: string, method: string): Answer | undefined => {
    if (path === `${BASE}/join-codes` && method === 'GET') return { joinCodes: codes };
    if (path === `${BASE}/join-codes` && method === 'POST') {
      serial += 1;
      const code = `NH-K3P${serial}-Q2`.replace(/1/g, 'Z');
      const made: JoinCodeInfo = {
        code,
        link: `http://localhost/bli-med#${code}`,
        createdAt: Date.now(),
        expiresAt: null,
        revokedAt: null,
      };
      codes.unshift(made);
      return made;
    }
    const revoke = path.match(/\/join-codes\/(NH-[^/]+)$/);
    if (revoke && method === 'DELETE') {
      const found = codes.find((c) => c.code === revoke[1] && c.revokedAt === null);
      if (!found) return { status: 404, error: 'join_code_not_found' };
      found.revokedAt = Date.now();
      return null;
    }
    return undefined;
  };
  return { codes, requests, answer };
}

describe('join codes', () => {
  it('makes a code without a last day and lists it with its link and a copy button', async () => {
    await signInAdvisor();
    const fake = fakeCodes();
    stubNetwork(fake.answer);
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    onTestFinished(() => {
      delete (navigator as { clipboard?: unknown }).clipboard;
    });
    renderInApp(h(JoinCodes, { gardenId: GARDEN_ID }));
    await screen.findByText('Ingen koder som virker nå. Lag en ny.');
    expect(await violations()).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Lag en ny kode' }));
    await screen.findByText('Ny kode: NH-K3PZ-Q2.');
    const list = screen.getByRole('list', { name: 'Koder som virker' });
    const item = within(list).getByRole('listitem');
    expect(item.textContent).toContain('Virker til den trekkes tilbake');
    const link = within(item).getByLabelText('Lenke for NH-K3PZ-Q2') as HTMLInputElement;
    expect(link.value).toBe('http://localhost/bli-med#NH-K3PZ-Q2');
    fireEvent.click(within(item).getByRole('button', { name: 'Kopier lenken' }));
    await within(item).findByText('Lenken er kopiert.');
    expect(writeText).toHaveBeenCalledWith('http://localhost/bli-med#NH-K3PZ-Q2');
    expect(await violations()).toEqual([]);
  });

  it('sends the end of the chosen day as the last one, and refuses a day in the past', async () => {
    await signInAdvisor();
    const fake = fakeCodes();
    const network = stubNetwork(fake.answer);
    renderInApp(h(JoinCodes, { gardenId: GARDEN_ID }));
    await screen.findByText('Ingen koder som virker nå. Lag en ny.');
    const field = screen.getByLabelText('Slutter å virke etter (valgfritt)');
    fireEvent.input(field, { target: { value: '2020-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lag en ny kode' }));
    await screen.findByText('Velg en dato fram i tid.');
    expect(document.activeElement).toBe(field);
    expect(field.getAttribute('aria-invalid')).toBe('true');

    fireEvent.input(field, { target: { value: '2099-03-14' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lag en ny kode' }));
    await screen.findByText(/^Ny kode:/);
    const post = network.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ expiresAt: endOfDay('2099-03-14') });
    expect(new Date(endOfDay('2099-03-14')!).getHours()).toBe(23);
  });

  it('revokes a code after a confirmation that says what happens', async () => {
    await signInAdvisor();
    const fake = fakeCodes([
      {
        code: 'NH-7K3P-Q2',
        link: 'http://localhost/bli-med#NH-7K3P-Q2',
        createdAt: 0,
        expiresAt: Date.UTC(2099, 0, 1),
        revokedAt: null,
      },
      // Revoked and expired codes are not listed.
      { code: 'NH-AAAA-BB', link: 'x', createdAt: 0, expiresAt: null, revokedAt: 1 },
      { code: 'NH-CCCC-DD', link: 'y', createdAt: 0, expiresAt: 1, revokedAt: null },
    ]);
    stubNetwork(fake.answer);
    renderInApp(h(JoinCodes, { gardenId: GARDEN_ID }));
    const button = await screen.findByRole('button', { name: 'Trekk tilbake NH-7K3P-Q2' });
    expect(screen.queryByText('NH-AAAA-BB')).toBeNull();
    expect(screen.queryByText('NH-CCCC-DD')).toBeNull();
    fireEvent.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Trekke tilbake NH-7K3P-Q2?' });
    expect(dialog.textContent).toContain('De som allerede er med i hagen, blir værende.');
    expect(await violations()).toEqual([]);
    // Cancel first: nothing happens.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.codes[0].revokedAt).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Trekk tilbake NH-7K3P-Q2' }));
    const again = await screen.findByRole('dialog');
    fireEvent.click(within(again).getByRole('button', { name: 'Trekk tilbake' }));
    await screen.findByText('Koden NH-7K3P-Q2 er trukket tilbake.');
    expect(fake.codes[0].revokedAt).not.toBeNull();
    expect(screen.queryByRole('list', { name: 'Koder som virker' })).toBeNull();
  });

  it('offline, says so and asks nothing', async () => {
    await signInAdvisor();
    stubOnLine(false);
    const network = stubNetwork(() => undefined);
    const offline = renderInApp(h(JoinCodes, { gardenId: GARDEN_ID }));
    await screen.findByText(/^Du er ikke på nett\. Koder kan vises og lages/);
    expect(network.mock.calls.map(([url]) => String(url)).join()).not.toContain('join-codes');
    offline.unmount();
  });

  it('a list that cannot be fetched says why, with "Prøv igjen"', async () => {
    await signInAdvisor();
    let fail = true;
    const fake = fakeCodes();
    stubNetwork((path, method) =>
      fail && path.endsWith('/join-codes')
        ? { status: 500, error: 'internal' }
        : fake.answer(path, method),
    );
    renderInApp(h(JoinCodes, { gardenId: GARDEN_ID }));
    await screen.findByText(/^Kodene kunne ikke hentes\./);
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Prøv igjen' }));
    await screen.findByText('Ingen koder som virker nå. Lag en ny.');
  });
});

describe('inviting an advisor', () => {
  it('checks the address, then shows the link and that it was mailed (or not)', async () => {
    await signInAdvisor();
    let mailed = false;
    const network = stubNetwork((path, method) =>
      path === `${BASE}/invites` && method === 'POST'
        ? {
            gardenId: GARDEN_ID,
            email: 'ola@example.test',
            expiresAt: Date.UTC(2026, 11, 9, 12),
            link: `http://localhost/radgiver/invitasjon#token=${'B'.repeat(22)}`,
            mailed,
          }
        : undefined,
    );
    const onInvited = vi.fn();
    renderInApp(h(AdvisorInvite, { gardenId: GARDEN_ID, onInvited }));
    const field = screen.getByLabelText('E-postadresse');
    fireEvent.input(field, { target: { value: 'ikke en adresse' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send invitasjonen' }));
    await screen.findByText('Skriv en gyldig e-postadresse, for eksempel navn@firma.no.');
    expect(document.activeElement).toBe(field);
    expect(await violations()).toEqual([]);

    fireEvent.input(field, { target: { value: 'ola@example.test' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send invitasjonen' }));
    await screen.findByText(
      'Invitasjonen er laget, men e-posten kunne ikke sendes. Gi lenken til ola@example.test selv.',
    );
    const link = screen.getByLabelText('Invitasjonslenke til ola@example.test') as HTMLInputElement;
    expect(link.value).toMatch(/\/radgiver\/invitasjon#token=B{22}$/);
    expect(screen.getByText(/^Lenken virker til 9\. desember 2026\./)).toBeTruthy();
    expect(onInvited).toHaveBeenCalledTimes(1);
    const post = network.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ email: 'ola@example.test', lang: 'nb' });
    expect(await violations()).toEqual([]);

    mailed = true;
    fireEvent.input(field, { target: { value: 'ola@example.test' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send invitasjonen' }));
    await screen.findByText('Invitasjonen er sendt til ola@example.test.');
  });

  it('a refusal is said in plain words', async () => {
    await signInAdvisor();
    stubNetwork(() => ({ status: 403, error: 'forbidden' }));
    renderInApp(h(AdvisorInvite, { gardenId: GARDEN_ID }), 'en');
    fireEvent.input(screen.getByLabelText('E-mail address'), {
      target: { value: 'ola@example.test' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send the invite' }));
    await screen.findByText('You are not an advisor of this business garden.');
  });
});
