// The Brønnøysund mod-11 check of organisation numbers (src/shared/org-number.ts), with the
// register's own worked example (12345678 → check digit 5) and real numbers, and the county list.
import { describe, expect, it } from 'vitest';
import { COUNTIES, findCounty } from '../../src/shared/counties';
import {
  isValidOrgNumber,
  normaliseOrgNumber,
  orgNumberCheckDigit,
} from '../../src/shared/org-number';

describe('organisation numbers', () => {
  it("computes the check digit of Brønnøysundregistrene's worked example", () => {
    // brreg.no: 1·3 + 2·2 + 3·7 + 4·6 + 5·5 + 6·4 + 7·3 + 8·2 = 138; 138 mod 11 = 6; 11 − 6 = 5.
    expect(orgNumberCheckDigit('12345678')).toBe(5);
    expect(isValidOrgNumber('123456785')).toBe(true);
  });

  it.each([
    ['974760673', 'Brønnøysundregistrene'],
    ['971526920', 'Statistisk sentralbyrå'],
    ['701730496', 'a generated test number (norske-testdata.no)'],
  ])('accepts %s (%s)', (value) => {
    expect(isValidOrgNumber(value)).toBe(true);
  });

  it('refuses a wrong check digit', () => {
    expect(isValidOrgNumber('123456784')).toBe(false);
    expect(isValidOrgNumber('974760672')).toBe(false);
  });

  it('gives check digit 0 for remainder 0, and none for remainder 1 (no valid number)', () => {
    // 97152692 (SSB): weighted sum 143 = 13·11, remainder 0 → check digit 0.
    expect(orgNumberCheckDigit('97152692')).toBe(0);
    // 00000006: 6·2 = 12, remainder 1 → 11 − 1 = 10 is no digit: no number starts so.
    expect(orgNumberCheckDigit('00000006')).toBeNull();
    for (let digit = 0; digit <= 9; digit++) {
      expect(isValidOrgNumber(`00000006${digit}`)).toBe(false);
    }
  });

  it('refuses non-digits, 8 and 10 digits, and empty input', () => {
    for (const value of [
      '12345678',
      '1234567850',
      '12345678a',
      'abcdefghi',
      '',
      '12345 6785',
      '-23456785',
    ]) {
      expect(isValidOrgNumber(value), value).toBe(false);
    }
    expect(orgNumberCheckDigit('1234567')).toBeNull();
    expect(orgNumberCheckDigit('1234567x')).toBeNull();
  });

  it('takes the spaces out of a number written in groups', () => {
    expect(normaliseOrgNumber(' 974 760 673 ')).toBe('974760673');
    expect(isValidOrgNumber(normaliseOrgNumber('974 760 673'))).toBe(true);
  });
});

describe('counties', () => {
  it('are the 15 counties of 2024, each number and name once', () => {
    expect(COUNTIES).toHaveLength(15);
    expect(new Set(COUNTIES.map((c) => c.number)).size).toBe(15);
    expect(new Set(COUNTIES.map((c) => c.name)).size).toBe(15);
    expect(COUNTIES.map((c) => c.name)).toContain('Møre og Romsdal');
    expect(COUNTIES.map((c) => c.name)).not.toContain('Viken');
  });

  it('are found by name, official name or number, in any case', () => {
    expect(findCounty('vestland')?.number).toBe('46');
    expect(findCounty(' MØRE OG  ROMSDAL ')?.name).toBe('Møre og Romsdal');
    expect(findCounty('Troms – Romsa – Tromssa')?.name).toBe('Troms');
    expect(findCounty('03')?.name).toBe('Oslo');
    expect(findCounty('Olso')).toBeUndefined();
    expect(findCounty('Troms og Finnmark')).toBeUndefined();
  });
});
