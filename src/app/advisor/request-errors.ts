// The sentences of a failed request that every advisor part shares (offline, no answer, too many
// requests, signed out, not an advisor of the garden), in nb/nn/en, so each screen only words its
// own refusals.
import { defineTexts } from '../i18n/feature-texts';
import type { TranslateOf } from '../i18n/types';
import { RequestError } from '../sync/requests';

export const requestErrorTexts = defineTexts({
  nb: {
    offline: 'Du er ikke på nett. Prøv igjen når du har nett.',
    server: 'Tjeneren svarer ikke akkurat nå. Prøv igjen om litt.',
    rateLimited: 'For mange forsøk på kort tid. Vent litt og prøv igjen.',
    signedOut: 'Du er ikke logget inn. Logg inn og prøv igjen.',
    forbidden: 'Du er ikke rådgiver i denne næringshagen.',
    unknown: 'Noe gikk galt. Prøv igjen.',
  } as const,
  nn: {
    offline: 'Du er ikkje på nett. Prøv igjen når du har nett.',
    server: 'Tenaren svarer ikkje akkurat no. Prøv igjen om litt.',
    rateLimited: 'For mange forsøk på kort tid. Vent litt og prøv igjen.',
    signedOut: 'Du er ikkje logga inn. Logg inn og prøv igjen.',
    forbidden: 'Du er ikkje rådgjevar i denne næringshagen.',
    unknown: 'Noko gjekk gale. Prøv igjen.',
  },
  en: {
    offline: 'You are offline. Try again when you have a connection.',
    server: 'The server is not answering right now. Try again in a moment.',
    rateLimited: 'Too many attempts in a short time. Wait a little and try again.',
    signedOut: 'You are not signed in. Sign in and try again.',
    forbidden: 'You are not an advisor of this business garden.',
    unknown: 'Something went wrong. Try again.',
  },
});

/** The shared sentence for a failed request. */
export function requestErrorSentence(
  t: TranslateOf<typeof requestErrorTexts.nb>,
  error: unknown,
): string {
  if (!(error instanceof RequestError)) return t('unknown');
  if (error.code === 'offline') return t('offline');
  if (error.code === 'server') return t('server');
  if (error.code === 'rate_limited') return t('rateLimited');
  if (error.code === 'signed_out') return t('signedOut');
  if (error.code === 'forbidden' || error.details.status === 403) return t('forbidden');
  return t('unknown');
}

/** The reason code of a refused request, or null for any other failure. */
export const refusalCode = (error: unknown): string | null =>
  error instanceof RequestError ? error.code : null;
