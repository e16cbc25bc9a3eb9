// The password policy of issue 12, part 9, as a function: at least 12 characters, none from the
// shipped list of common and breached passwords (≥ 100,000 entries), not the address itself.
// Through the HTTP routes: password-rules.test.ts.
import { describe, expect, it } from 'vitest';
import {
  commonPasswordList,
  isCommonPassword,
  passwordProblem,
} from '../../src/server/auth/password-policy';
import { MIN_PASSWORD_LENGTH } from '../../src/shared/sync-protocol';

describe('the common and breached password list', { timeout: 60_000 }, () => {
  it('ships at least 100,000 entries, loaded once', async () => {
    const list = await commonPasswordList();
    console.log(`common/breached password list: ${list.size} entries`);
    expect(list.size).toBeGreaterThanOrEqual(100_000);
    expect(await commonPasswordList()).toBe(list);
  });

  it('matches regardless of case, and lets an uncommon passphrase through', async () => {
    expect(await isCommonPassword('qwerty123456')).toBe(true);
    expect(await isCommonPassword('QWERTY123456')).toBe(true);
    expect(await isCommonPassword('blå fjord sykkel lampe')).toBe(false);
  });
});

describe('passwordProblem', { timeout: 60_000 }, () => {
  it('names the problem, or null for a good password', async () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(await passwordProblem('elleve tegn', {})).toBe('too_short');
    expect(await passwordProblem('x'.repeat(1025), {})).toBe('too_long');
    expect(await passwordProblem('1qaz2wsx3edc', {})).toBe('too_common');
    expect(
      await passwordProblem('kari.nordmann@firma.no', { email: 'kari.nordmann@firma.no' }),
    ).toBe('like_email');
    expect(await passwordProblem('kari.nordmann1!', { email: 'Kari.Nordmann@firma.no' })).toBe(
      'like_email',
    );
    expect(await passwordProblem('blå fjord sykkel lampe', { email: 'kari@firma.no' })).toBeNull();
    // Twelve characters counted as a person counts them, not in UTF-16 units.
    expect(await passwordProblem('😀'.repeat(11), {})).toBe('too_short');
  });
});
