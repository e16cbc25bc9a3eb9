// The consent text as two lists — what a garden's advisors will see, and what they will not — and
// the sentence on withdrawing. Shown on the consent screen and repeated on the privacy page.
import { useTexts } from '../i18n/feature-texts';
import { consentTexts, WILL_SEE, WONT_SEE } from './consent-texts';

/** `level`: the heading level of the lists' titles (2 on the consent screen, deeper inside a
 * section of the privacy statement). */
export function ConsentDetails({ level = 2 }: { level?: 2 | 3 | 4 }) {
  const t = useTexts(consentTexts);
  const Heading = `h${level}` as const;
  return (
    <div class="consent-details">
      <Heading id="consent-will">{t('consent.willHeading')}</Heading>
      <ul aria-labelledby="consent-will">
        {WILL_SEE.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      <Heading id="consent-wont">{t('consent.wontHeading')}</Heading>
      <ul aria-labelledby="consent-wont">
        {WONT_SEE.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      <p>{t('consent.withdraw')}</p>
    </div>
  );
}
