// The strength estimate under new-password fields: zxcvbn-ts's score, never above "weak" for a
// password shorter than the server accepts, and our one piece of advice.
import { describe, expect, it } from 'vitest';
import { estimateStrength } from '../../src/app/components/password-estimator';

describe('estimateStrength', () => {
  it('gives advice by what makes the password weak, and praise for a strong one', () => {
    expect(estimateStrength('kort')).toMatchObject({ advice: 'length' });
    expect(estimateStrength('kort').score).toBeLessThanOrEqual(1);
    // Long random-looking but short of 12: capped at weak, length first.
    expect(estimateStrength('Xq7#vB2!pL')).toMatchObject({ advice: 'length' });
    expect(estimateStrength('Xq7#vB2!pL').score).toBeLessThanOrEqual(1);
    expect(estimateStrength('password1234')).toMatchObject({ advice: 'common' });
    expect(estimateStrength('aaaaaaaaaaaaaaaa')).toMatchObject({ advice: 'pattern' });
    const strong = estimateStrength('blå fjord sykkel lampe');
    expect(strong.score).toBeGreaterThanOrEqual(3);
    expect(strong.advice).toBe('good');
  });

  it('counts the address as guessable', () => {
    const free = estimateStrength('karinordmann1');
    const withAddress = estimateStrength('karinordmann1', [
      'kari.nordmann@firma.no',
      'karinordmann',
    ]);
    expect(withAddress.score).toBeLessThanOrEqual(free.score);
    expect(withAddress.advice).not.toBe('good');
  });
});
