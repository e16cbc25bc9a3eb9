// Norwegian organisation numbers (Enhetsregisteret, Brønnøysundregistrene): 9 digits, the last a
// mod-11 check digit over the first eight with the weights 3, 2, 7, 6, 5, 4, 3, 2. A remainder of
// 0 gives check digit 0; a remainder of 1 would need "10", so no valid number has it
// (https://www.brreg.no/english/coordination/number.html). Used by the server and the app.

const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/** The check digit of the first eight digits, or null when none exists (remainder 1). */
export function orgNumberCheckDigit(firstEight: string): number | null {
  if (!/^\d{8}$/.test(firstEight)) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(firstEight[i]) * WEIGHTS[i]!;
  const remainder = sum % 11;
  if (remainder === 0) return 0;
  if (remainder === 1) return null;
  return 11 - remainder;
}

/** Spaces (as in "974 760 673") removed; anything else is kept for the check to refuse. */
export const normaliseOrgNumber = (input: string): string => input.replace(/\s+/g, '');

/** Whether `value` (already normalised) is 9 digits with a correct check digit. */
export function isValidOrgNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  return orgNumberCheckDigit(value.slice(0, 8)) === Number(value[8]);
}
