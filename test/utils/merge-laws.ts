// The three laws of the progress merge — commutative, associative, idempotent — as property tests
// over any generator of three records, so every kind of event history is held to the same laws.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { mergeProgress, type LessonProgress } from '../../src/shared/progress';

type Triple = [LessonProgress, LessonProgress, LessonProgress];

/** The time limit of a 1,000-case property test: they take 1–3 s alone and more than the node
 * project's 5 s default when the machine is shared (`npm test` runs every project at once on two
 * cores). A generous limit, not a speed assertion, like the app project's 30 s. */
export const PROPERTY_TIMEOUT_MS = 60_000;

/** Registers the three merge-law tests (`runs` cases each) for records drawn from `triples`. */
export function itKeepsTheMergeLaws(triples: fc.Arbitrary<Triple>, runs: number): void {
  it(`is commutative (${runs} cases)`, () => {
    fc.assert(
      fc.property(triples, ([a, b]) => {
        expect(mergeProgress(a, b)).toEqual(mergeProgress(b, a));
      }),
      { numRuns: runs },
    );
  });

  it(`is associative (${runs} cases)`, () => {
    fc.assert(
      fc.property(triples, ([a, b, c]) => {
        expect(mergeProgress(mergeProgress(a, b), c)).toEqual(
          mergeProgress(a, mergeProgress(b, c)),
        );
      }),
      { numRuns: runs },
    );
  });

  it(`is idempotent (${runs} cases)`, () => {
    fc.assert(
      fc.property(triples, ([a, b]) => {
        expect(mergeProgress(a, a)).toEqual(a);
        const ab = mergeProgress(a, b);
        expect(mergeProgress(ab, b)).toEqual(ab);
      }),
      { numRuns: runs },
    );
  });
}
