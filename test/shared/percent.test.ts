// Percentages a learner reads are rounded, yet never claim "all" or "nothing" falsely.
import { describe, expect, it } from 'vitest';
import { roundedPercent } from '../../src/shared/percent';

describe('roundedPercent', () => {
  it('rounds to the nearest whole percent instead of cutting off', () => {
    expect(roundedPercent(2, 7)).toBe(29);
    expect(roundedPercent(5, 7)).toBe(71);
    expect(roundedPercent(1, 3)).toBe(33);
    expect(roundedPercent(2, 3)).toBe(67);
    expect(roundedPercent(1, 2)).toBe(50);
  });

  it('shows 100 % only when everything is done', () => {
    expect(roundedPercent(199, 200)).toBe(99);
    expect(roundedPercent(0.996, 1)).toBe(99);
    expect(roundedPercent(7, 7)).toBe(100);
    expect(roundedPercent(1, 1)).toBe(100);
  });

  it('shows 0 % only when nothing is done', () => {
    expect(roundedPercent(1, 300)).toBe(1);
    expect(roundedPercent(0.001, 1)).toBe(1);
    expect(roundedPercent(0, 7)).toBe(0);
  });

  it('is 0 for an empty whole and never leaves 0–100', () => {
    expect(roundedPercent(0, 0)).toBe(0);
    expect(roundedPercent(3, 0)).toBe(0);
    expect(roundedPercent(9, 7)).toBe(100);
    expect(roundedPercent(-1, 7)).toBe(0);
  });
});
