// The password strength estimate shown while a learner types a new password: zxcvbn-ts with its
// common-language dictionaries (about 1 MB of word lists), so this module is only ever loaded
// through a dynamic import() from PasswordStrength, on the account screens, never in the shell.
// The advice is ours (short, in nb/nn/en), chosen from what zxcvbn found in the password.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { MIN_PASSWORD_LENGTH } from '../../shared/sync-protocol';

/** The advice a learner is given, as a translation key suffix. */
export type PasswordAdvice = 'length' | 'common' | 'pattern' | 'phrase' | 'good';

/** zxcvbn's score (0 very weak … 4 very strong) and one piece of advice. */
export interface StrengthEstimate {
  score: 0 | 1 | 2 | 3 | 4;
  advice: PasswordAdvice;
}

const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

const PATTERNS = new Set(['repeat', 'sequence', 'spatial', 'date', 'regex']);

/** How strong `password` is; `userInputs` (the email address, its parts) count as guessable. */
export function estimateStrength(password: string, userInputs: string[] = []): StrengthEstimate {
  const result = zxcvbn.check(password, userInputs);
  const tooShort = [...password].length < MIN_PASSWORD_LENGTH;
  // Too short is never better than weak, whatever zxcvbn thinks of the characters.
  const score = (tooShort ? Math.min(result.score, 1) : result.score) as StrengthEstimate['score'];
  const patterns = result.sequence.map((match) => match.pattern as string);
  let advice: PasswordAdvice;
  if (tooShort) advice = 'length';
  else if (score >= 3) advice = 'good';
  else if (result.sequence.some((m) => m.pattern === 'dictionary')) advice = 'common';
  else if (patterns.some((p) => PATTERNS.has(p))) advice = 'pattern';
  else advice = 'phrase';
  return { score, advice };
}
