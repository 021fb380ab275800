/**
 * A ranking merged from parts sorted on their own (the range threads' way) equals the ranking of
 * all rows sorted at once, bit for bit, with ties, -0 and +0, and empty parts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { radixSortFloat64 } from '../stats/radix-sort';
import { mergeSorted, rankingFromSortedParts, rankScores } from './score-ranking';

const bits = (a: Float64Array) => Array.from(a, (v) => (Object.is(v, -0) ? '-0' : String(v)));

describe('rankingFromSortedParts', () => {
  it('equals rankScores of the concatenated rows', () => {
    const value = fc.oneof(fc.constantFrom(0, -0, 0.5, 1, 0.25), fc.double({ min: -2, max: 2, noNaN: true }));
    fc.assert(
      fc.property(fc.array(fc.array(fc.tuple(value, fc.boolean()), { maxLength: 60 }), { minLength: 1, maxLength: 5 }), (ranges) => {
        const all = ranges.flat();
        const whole = rankScores(Float64Array.from(all, ([s]) => s), Uint8Array.from(all, ([, p]) => (p ? 1 : 0)));
        const sortedPart = (rows: Array<[number, boolean]>, positive: boolean) => {
          const a = Float64Array.from(rows.filter(([, p]) => p === positive), ([s]) => s);
          radixSortFloat64(a);
          return a;
        };
        const merged = rankingFromSortedParts(ranges.map((r) => sortedPart(r, true)), ranges.map((r) => sortedPart(r, false)));
        expect(bits(merged.positiveScores)).toEqual(bits(whole.positiveScores));
        expect(bits(merged.negativeScores)).toEqual(bits(whole.negativeScores));
        expect([merged.positiveTotal, merged.negativeTotal]).toEqual([whole.positiveTotal, whole.negativeTotal]);
      }),
      { numRuns: 200, seed: 99 },
    );
  });

  it('merges large runs (radix-sorted) in order', () => {
    const a = Float64Array.from({ length: 9000 }, (_, i) => ((i * 7919) % 1000) / 1000);
    const b = Float64Array.from({ length: 7000 }, (_, i) => ((i * 104729) % 997) / 997);
    radixSortFloat64(a);
    radixSortFloat64(b);
    const m = mergeSorted([a, b]);
    const expected = Float64Array.from([...a, ...b]).sort();
    expect(bits(m)).toEqual(bits(expected));
  });
});
