/**
 * A ranking merged from parts sorted on their own (the range threads' way) equals the ranking of
 * all rows sorted at once, bit for bit, with ties, -0 and +0, and empty parts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalCounts } from '../stats/decimal-counts';
import { radixSortFloat64 } from '../stats/radix-sort';
import { type ScoreRanking, mergeSorted, rankingFromSortedParts, rankingRows, rankScores } from './score-ranking';
import { walkRanking } from './ranking-walk';
import { walkThresholds } from './threshold-walk';

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
          return { sorted: a };
        };
        const merged = rankingFromSortedParts(ranges.map((r) => sortedPart(r, true)), ranges.map((r) => sortedPart(r, false)));
        expect(bits(merged.positiveScores)).toEqual(bits(whole.positiveScores));
        expect(bits(merged.negativeScores)).toEqual(bits(whole.negativeScores));
        expect([merged.positiveTotal, merged.negativeTotal]).toEqual([whole.positiveTotal, whole.negativeTotal]);
      }),
      { numRuns: 200, seed: 99 },
    );
  });

  it('joins counted parts (six-decimal scores) and sorted parts into the same ranking', () => {
    const value = fc.oneof(fc.constantFrom(0, 0.5, 1, 0.25), fc.integer({ min: 0, max: 1_000_000 }).map((k) => k / 1e6), fc.double({ min: 0, max: 1, noNaN: true }));
    fc.assert(
      fc.property(fc.array(fc.array(fc.tuple(value, fc.boolean()), { maxLength: 40 }), { minLength: 1, maxLength: 4 }), (ranges) => {
        const all = ranges.flat();
        const whole = rankScores(Float64Array.from(all, ([s]) => s), Uint8Array.from(all, ([, p]) => (p ? 1 : 0)));
        // Each range counts its class when every score allows it, as the range threads do.
        const part = (rows: Array<[number, boolean]>, positive: boolean) => {
          const a = Float64Array.from(rows.filter(([, p]) => p === positive), ([s]) => s);
          const counts = decimalCounts(a);
          if (counts !== null) return { counts, rows: a.length };
          radixSortFloat64(a);
          return { sorted: a };
        };
        const joined = rankingFromSortedParts(ranges.map((r) => part(r, true)), ranges.map((r) => part(r, false)));
        // The walk (over the counts when every part was counted) visits the same thresholds.
        const steps = (r: ScoreRanking) => {
          const out: number[][] = [];
          walkThresholds(r, (t, tps, fps) => out.push([t, tps, fps]));
          return out;
        };
        expect(steps(joined)).toEqual(steps(whole));
        expect(rankingRows(joined)).toBe(all.length);
        expect(bits(joined.positiveScores)).toEqual(bits(whole.positiveScores));
        expect(bits(joined.negativeScores)).toEqual(bits(whole.negativeScores));
        expect([joined.positiveTotal, joined.negativeTotal]).toEqual([whole.positiveTotal, whole.negativeTotal]);
      }),
      { numRuns: 60, seed: 5 },
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

  it('walks two sorted runs per class as it walks the merged arrays, without merging them', () => {
    // Two byte ranges, each class sorted on its own: the walk reads the four runs. Its blocks, the
    // report walk (sums, counts, curves written from marks in a second pass, threshold tool) and
    // the class arrays merged on demand equal those of all rows ranked at once: ties across runs,
    // -0 and +0, runs left empty, more than one block of distinct scores.
    const value = fc.oneof(fc.constantFrom(0, -0, 0.5, 1, 0.25), fc.integer({ min: 0, max: 300 }).map((k) => k / 300), fc.double({ min: 0, max: 1, noNaN: true }));
    const range = fc.array(fc.tuple(value, fc.boolean()), { maxLength: 700 });
    fc.assert(
      fc.property(range, range, (first, second) => {
        const all = [...first, ...second];
        const whole = rankScores(Float64Array.from(all, ([s]) => s), Uint8Array.from(all, ([, p]) => (p ? 1 : 0)));
        const part = (rows: Array<[number, boolean]>, positive: boolean) => {
          const a = Float64Array.from(rows.filter(([, p]) => p === positive), ([s]) => s);
          radixSortFloat64(a);
          return { sorted: a };
        };
        const runs = rankingFromSortedParts([part(first, true), part(second, true)], [part(first, false), part(second, false)]);
        expect(runs.runs).toBeDefined();
        const steps = (r: ScoreRanking) => {
          const out: number[][] = [];
          walkThresholds(r, (t, tps, fps) => out.push([t, tps, fps]));
          return out;
        };
        expect(steps(runs)).toEqual(steps(whole));
        const tool = { costs: { falsePositive: 1, falseNegative: 5, unit: 'plain' as const }, defaultThreshold: 0.5, maxCurvePoints: 40 };
        expect(walkRanking(runs, 0.5, 10, 40, true, tool)).toEqual(walkRanking(whole, 0.5, 10, 40, true, tool));
        expect(rankingRows(runs)).toBe(all.length);
        expect(bits(runs.positiveScores)).toEqual(bits(whole.positiveScores));
        expect(bits(runs.negativeScores)).toEqual(bits(whole.negativeScores));
      }),
      { numRuns: 60, seed: 21 },
    );
  });
});
