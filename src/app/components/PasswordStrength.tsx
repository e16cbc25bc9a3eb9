// The strength meter under every new-password field (register, change, reset): a five-step bar
// with its level in words, and one short piece of advice in the learner's language. The
// estimator (zxcvbn-ts and its word lists) is loaded on first use through a dynamic import, so
// it never weighs on the app shell; until it arrives, and if it cannot load (offline on a
// screen opened before), only the length advice is shown. The server has the last word.
import { useEffect, useState } from 'preact/hooks';
import { MIN_PASSWORD_LENGTH } from '../../shared/sync-protocol';
import type { estimateStrength, StrengthEstimate } from './password-estimator';
import { accountTexts } from './account-texts';
import { useTexts } from '../i18n/feature-texts';

interface Props {
  /** The password as typed so far. */
  password: string;
  /** The account's address: a password built from it is weak. */
  email?: string;
  /** The id the password field points at with aria-describedby. */
  id: string;
}

type Estimator = typeof estimateStrength;
let estimator: Promise<Estimator | null> | undefined;

/** The estimator, loaded once; null when it could not be loaded. */
const loadEstimator = () =>
  (estimator ??= import('./password-estimator').then(
    (m) => m.estimateStrength,
    () => {
      estimator = undefined; // try again next time
      return null;
    },
  ));

const LEVELS = [
  'password.strength.0',
  'password.strength.1',
  'password.strength.2',
  'password.strength.3',
  'password.strength.4',
] as const;

const emailParts = (email: string | undefined) =>
  email ? [email, ...email.split(/[@.+_-]/).filter((part) => part.length >= 3)] : [];

export function PasswordStrength({ password, email, id }: Props) {
  const ta = useTexts(accountTexts);
  const [estimate, setEstimate] = useState<StrengthEstimate | null>(null);
  useEffect(() => {
    let current = true;
    if (password === '') {
      setEstimate(null);
      return;
    }
    // A short pause after the last key: the estimate is not redone for every letter.
    const timer = setTimeout(() => {
      void loadEstimator().then((estimate) => {
        if (current && estimate) setEstimate(estimate(password, emailParts(email)));
      });
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [password, email]);

  const tooShort = [...password].length < MIN_PASSWORD_LENGTH;
  const score = estimate?.score ?? 0;
  const level = ta(LEVELS[score]!);
  // Nothing typed: the field's own hint already says how long.
  const advice =
    password === ''
      ? ''
      : estimate
        ? ta(`password.advice.${estimate.advice}`, { min: MIN_PASSWORD_LENGTH })
        : tooShort
          ? ta('password.advice.length', { min: MIN_PASSWORD_LENGTH })
          : '';
  return (
    <div class="password-strength" id={id}>
      {password !== '' && estimate ? (
        <div class={`password-meter password-meter-${score}`}>
          <div
            class="password-meter-track"
            role="meter"
            aria-label={ta('password.strength.label')}
            aria-valuemin={0}
            aria-valuemax={4}
            aria-valuenow={score}
            aria-valuetext={level}
          >
            {/* Width through the CSSOM (allowed by the CSP), not a style attribute in markup. */}
            <div class="password-meter-fill" style={{ width: `${((score + 1) / 5) * 100}%` }} />
          </div>
          <span class="password-meter-text" aria-hidden="true">
            {ta('password.strength.label')}: {level}
          </span>
        </div>
      ) : null}
      <p class="hint" aria-live="polite">
        {advice}
      </p>
    </div>
  );
}
