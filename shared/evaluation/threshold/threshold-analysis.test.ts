import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateBinary } from '../metrics/binary-report';
import { rankScores } from '../metrics/score-ranking';
import { analyseThresholds } from './threshold-analysis';

/** Direct count at one threshold: the oracle. */
function at(y: number[], s: number[], w: number[] | null, t: number) {
  let tp = 0, fp = 0, P = 0, N = 0;
  s.forEach((v, i) => {
    const wi = w ? w[i]! : 1;
    if (y[i]) P += wi; else N += wi;
    if (v >= t) { if (y[i]) tp += wi; else fp += wi; }
  });
  return { tp, fp, P, N };
}

const near = (a: number | null | undefined, b: number) => expect(Math.abs((a ?? NaN) - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));

describe('threshold tool', () => {
  it('finds the cheapest threshold over every distinct score and "flag nothing" (brute force oracle)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }).chain((n) => fc.record({
      y: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
      s: fc.array(fc.constantFrom(0.05, 0.2, 0.3, 0.5, 0.55, 0.8, 0.95), { minLength: n, maxLength: n }),
      w: fc.option(fc.array(fc.double({ min: 0.1, max: 3, noNaN: true }), { minLength: n, maxLength: n }), { nil: null }),
      fpCost: fc.integer({ min: 0, max: 500 }),
      fnCost: fc.integer({ min: 0, max: 5000 }),
    })), ({ y, s, w, fpCost, fnCost }) => {
      const ranking = rankScores(Float64Array.from(s), Uint8Array.from(y), w ? Float64Array.from(w) : null);
      const a = analyseThresholds(ranking, { costs: { falsePositive: fpCost, falseNegative: fnCost, unit: 'cents', currency: 'EUR' } });
      const candidates = [Infinity, ...new Set(s)];
      const cost = (t: number) => { const c = at(y, s, w, t); return ((c.fp * fpCost + (c.P - c.tp) * fnCost) / (c.P + c.N)) * 1000; };
      const best = Math.min(...candidates.map(cost));
      near(a.cheapest?.costPer1000, best);
      near(a.atDefault.costPer1000, cost(0.5));
      expect(a.savingPer1000).toBeGreaterThanOrEqual(-1e-9 * Math.max(1, best));
      near(cost(a.cheapest?.threshold ?? Infinity), best);
    }), { numRuns: 200, seed: 17 });
  });

  it('gives curves at every distinct score, equal to direct counts', () => {
    const y = [1, 0, 1, 1, 0, 0, 1, 0, 0, 0];
    const s = [0.9, 0.8, 0.7, 0.7, 0.6, 0.4, 0.3, 0.3, 0.2, 0.1];
    const a = analyseThresholds(rankScores(Float64Array.from(s), Uint8Array.from(y)));
    expect(a.curves.threshold).toEqual([0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9]);
    a.curves.threshold.forEach((t, k) => {
      const c = at(y, s, null, t);
      expect(a.curves.precision[k]).toBeCloseTo(c.tp / (c.tp + c.fp), 15);
      expect(a.curves.recall[k]).toBeCloseTo(c.tp / c.P, 15);
      expect(a.curves.fpr[k]).toBeCloseTo(c.fp / c.N, 15);
      expect(a.curves.flaggedShare[k]).toBeCloseTo((c.tp + c.fp) / 10, 15);
    });
    expect(a.cheapest).toBeNull();
    expect(a.message).toBeNull();
  });

  it('says in plain words what the cheapest threshold saves against 0.5', () => {
    // 4 positives, 6 negatives. At 0.5: tp 3, fp 2, fn 1 -> 2 x 5 + 1 x 100 = 110 per 10 rows.
    // At 0.3: tp 4, fp 3, fn 0 -> 15 per 10 rows (the cheapest).
    const y = [1, 0, 1, 1, 0, 0, 1, 0, 0, 0];
    const s = [0.9, 0.8, 0.7, 0.7, 0.6, 0.4, 0.3, 0.2, 0.2, 0.1];
    const report = evaluateBinary({ isPositive: Uint8Array.from(y), scores: Float64Array.from(s) }, { thresholdTool: { costs: { falsePositive: 500, falseNegative: 10_000, unit: 'cents', currency: 'USD' } } });
    const a = report.thresholdAnalysis;
    expect(a?.cheapest?.threshold).toBe(0.3);
    expect(a?.cheapest?.costPer1000).toBeCloseTo(150_000, 9);
    expect(a?.atDefault.costPer1000).toBeCloseTo(1_100_000, 9);
    expect(a?.savingPer1000).toBeCloseTo(950_000, 9);
    expect(a?.message).toBe('Flagging rows that score 0.3 or more is the cheapest choice at $5.00 per false alarm and $100.00 per missed case: mistakes cost $1,500.00 per 1,000 predictions, against $11,000.00 at 0.5, a saving of $9,500.00 per 1,000 (86%).');
  });

  it('refuses negative or fractional-cent costs', () => {
    const r = rankScores(Float64Array.from([0.2, 0.8]), Uint8Array.from([0, 1]));
    expect(() => analyseThresholds(r, { costs: { falsePositive: -1, falseNegative: 3 } })).toThrow(/false positive must be a number of 0 or more/);
    expect(() => analyseThresholds(r, { costs: { falsePositive: 1.5, falseNegative: 3, unit: 'cents' } })).toThrow(/whole cents/);
  });
});
