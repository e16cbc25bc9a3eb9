// The privacy statement (/personvern) in nb, nn and en: every part with its heading, the consent
// text it shares with the consent screen, links to Settings and Datatilsynet, axe; and the rule
// that the consent text cannot change without a new CONSENT_TEXT_VERSION.
import { createHash } from 'node:crypto';
import { render, screen, waitFor, within } from '@testing-library/preact';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { placeholderMismatches } from '../../src/app/i18n/feature-texts';
import { consentTexts } from '../../src/app/network/consent-texts';
import { PrivacyScreen } from '../../src/app/network/PrivacyScreen';
import { createAppState } from '../../src/app/state/app-state';
import { AppStateContext } from '../../src/app/state/context';
import { privacyTexts } from '../../src/app/network/privacy-texts';
import { CONSENT_TEXT_VERSION } from '../../src/shared/network-protocol';
import { renderApp, setupAppTests, stubApi } from '../utils/app';

setupAppTests();

/** The SHA-256 of the consent text (all three languages) of each version the app has shown.
 * A failing test here means the text changed: bump CONSENT_TEXT_VERSION in
 * src/shared/network-protocol.ts (the server then refuses joins with the old one) and add the
 * new version's hash — never change the hash of a version already shown. */
const CONSENT_TEXT_HASHES: Record<string, string> = {
  '2026-12-02': '2569c65f88c63ce2526ea76ffb80ed4f4d5789d3b7bacca6aa5d969bb1b4f062',
};

const hashOf = (texts: object) => createHash('sha256').update(JSON.stringify(texts)).digest('hex');

describe('the privacy statement', () => {
  it('has every part, the consent text, and links to Settings and Datatilsynet (nb)', async () => {
    stubApi({});
    renderApp('/personvern');
    await screen.findByRole('heading', { level: 1, name: 'Personvern' });
    await waitFor(() => expect(document.title).toBe('Personvern – Lommekurs'));
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual([
      'Hvem er ansvarlig',
      'Dette lagres på enheten din',
      'Dette lagres på serveren når du har konto',
      'Hvem ser hva',
      'Behandlingsgrunnlag',
      'Innsyn, eksport og sletting',
      'Trekke samtykket',
      'Hvor lenge',
      'Klage',
    ]);
    const advisors = screen.getByRole('region', { name: 'Rådgivere i en næringshage' });
    within(advisors).getByRole('list', { name: 'Dette ser rådgiverne i næringshagen' });
    within(advisors).getByText('Svarene dine i quizene.');
    screen.getByText(/ingen opplysninger om elever/);
    screen.getByText(/minst fem elever/);
    // Issue 15: what is asked, where it goes, who sees what, the minimum group.
    screen.getByText(/sendes anonymt\. Sier du ja, sendes bare svaret/);
    screen.getByText(/et mindre tall vises som «færre enn 5»/);
    screen.getByText(/ser bare analytikere – uten navn, næringshage, fylke eller tidspunkt/);
    screen.getByText(/artikkel 6 nr\. 1 bokstav a/);
    screen.getByText(/artikkel 6 nr\. 1 bokstav b/);
    expect(screen.getByRole('link', { name: 'Til innstillingene' }).getAttribute('href')).toBe(
      '/innstillinger',
    );
    expect(screen.getByRole('link', { name: 'datatilsynet.no' }).getAttribute('href')).toBe(
      'https://www.datatilsynet.no/',
    );
    const result = await axe.run(document.documentElement, {
      rules: { 'color-contrast': { enabled: false } },
    });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });

  it('names who runs the service when PRIVACY_CONTROLLER was given at build time, and says it was not otherwise', () => {
    const inApp = (controller: string) =>
      render(
        <AppStateContext.Provider value={createAppState({ language: 'nb' })}>
          <PrivacyScreen controller={controller} />
        </AppStateContext.Provider>,
      );
    const named = inApp('Nettverket AS, org.nr. 123 456 789, personvern@nettverket.no');
    const part = () => screen.getByRole('region', { name: 'Hvem er ansvarlig' });
    expect(part().textContent).toBe(
      'Hvem er ansvarligBehandlingsansvarlig er den som driver denne Lommekurs-tjenesten: Nettverket AS, org.nr. 123 456 789, personvern@nettverket.no.',
    );
    named.unmount();
    inApp('');
    expect(part().textContent).toMatch(
      /har ikke oppgitt navn og kontaktadresse: spør næringshagen din/,
    );
    expect(document.body.textContent).not.toMatch(/\[|FYLLES/);
  });

  it('is in nynorsk and English', async () => {
    stubApi({});
    const nn = renderApp('/personvern', 'nn');
    await screen.findByRole('heading', { level: 2, name: 'Kven ser kva' });
    screen.getByRole('list', { name: 'Dette ser rådgjevarane i næringshagen' });
    nn.unmount();
    renderApp('/personvern', 'en');
    await screen.findByRole('heading', { level: 1, name: 'Privacy' });
    screen.getByRole('heading', { level: 2, name: 'Legal basis' });
    screen.getByText(/GDPR Article 6\(1\)\(b\)/);
  });

  it('has the same placeholders in nb, nn and en', () => {
    expect(placeholderMismatches(privacyTexts)).toEqual([]);
  });
});

describe('the consent text version', () => {
  it('is the version whose text the app shows', () => {
    expect(
      { version: CONSENT_TEXT_VERSION, hash: hashOf(consentTexts) },
      'The consent text changed: give it a new CONSENT_TEXT_VERSION (see above).',
    ).toEqual({ version: CONSENT_TEXT_VERSION, hash: CONSENT_TEXT_HASHES[CONSENT_TEXT_VERSION] });
  });
});
