/**
 * Expected numbers were computed once with Debian's python3 (scipy 1.10.1, numpy 1.24.2,
 * scikit-learn 1.2.1) on the same inputs, e.g.
 *   /usr/bin/python3 -c "from scipy import stats; print(stats.ks_2samp(a, b, method='exact'))"
 * with a = A(n), b = B(n) from ./reference-inputs (the same formulas in the python).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cramersV } from './chi-square';
import { averageRanks } from './ranks';
import { pearson, spearman } from './correlation';
import { rocAuc } from './roc-auc';
import { skewness, skewnessFromMoments } from './skewness';
import { A, B } from './reference-inputs';

describe('ranks, correlation, AUC, skewness', () => {
  it('average ranks = scipy.stats.rankdata', () => {
    expect(averageRanks([1, 2, 2, 3, 3, 3, 4, 5])).toEqual([1, 2.5, 2.5, 5, 5, 5, 7, 8]);
    expect(averageRanks([0, -0, Infinity, -Infinity, Infinity, 1e-300])).toEqual([2.5, 2.5, 5.5, 1, 5.5, 4]);
  });

  it('average ranks equal a plain sort-and-group of the values (ties, signed zeros, infinities)', () => {
    const byIndex = (v: number[]): number[] => {
      const order = v.map((_, i) => i).sort((a, b) => (v[a]! < v[b]! ? -1 : v[a]! > v[b]! ? 1 : 0));
      const out = new Array<number>(v.length);
      for (let start = 0; start < v.length; ) {
        let end = start;
        while (end + 1 < v.length && v[order[end + 1]!] === v[order[start]!]) end++;
        for (let k = start; k <= end; k++) out[order[k]!] = (start + end) / 2 + 1;
        start = end + 1;
      }
      return out;
    };
    const value = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true }), fc.constantFrom(0, -0, Infinity, -Infinity));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 200 }), (v) => {
        expect(averageRanks(v)).toEqual(byIndex(v));
      }),
      { seed: 20261205, numRuns: 500 },
    );
  });

  it('Pearson and Spearman = scipy.stats.pearsonr / spearmanr', () => {
    const x = A(50);
    const b = B(50);
    const y = x.map((v, i) => (v * v) / 10 - b[i] * 0.3);
    expect(pearson(x, y)).toBeCloseTo(0.8962810566763039, 12);
    expect(spearman(x, y)).toBeCloseTo(0.889171668667467, 12);
    expect(spearman([1, 2, 2, 3, 3, 3, 4, 5], [2, 1, 2, 2, 5, 3, 3, 3])).toBeCloseTo(0.6710934527955676, 12);
  });

  it('ROC AUC with ties = sklearn.metrics.roc_auc_score', () => {
    const labels = Array.from({ length: 40 }, (_, i) => (i * 7) % 5 < 2);
    const scores = A(40).map((v) => Math.round(v));
    expect(rocAuc(scores, labels)).toBeCloseTo(0.5416666666666667, 12);
    expect(rocAuc([1, 2, 3], [true, true, true])).toBeNaN();
  });

  it('skewness = scipy.stats.skew(bias=False) (pandas .skew())', () => {
    expect(skewness([...A(40), 40, 55])).toBeCloseTo(3.970772893852002, 10);
    expect(skewness([2, 2, 2, 2])).toBe(0);
    expect(skewnessFromMoments(2, 1, 1)).toBe(0);
  });
});

describe('Python rounding note', () => {
  // numpy's round uses banker's rounding while Math.round rounds half up; A(n) holds values like
  // 2.5, so the AUC fixture must round the same way as the python that produced the reference.
  it('A(40) has no exact .5 values after the /10 scaling that would round differently', () => {
    expect(A(40).filter((v) => Math.abs(v - Math.floor(v) - 0.5) < 1e-12)).toEqual([]);
  });
});

describe('properties', () => {
  const pairs = fc.array(fc.tuple(fc.integer({ min: -20, max: 20 }), fc.boolean()), { minLength: 2, maxLength: 60 });

  it('AUC of a score for "yes" and for "no" add up to 1, and both lie in [0, 1]', () => {
    fc.assert(
      fc.property(pairs, (rows) => {
        const scores = rows.map((r) => r[0]);
        const labels = rows.map((r) => r[1]);
        const auc = rocAuc(scores, labels);
        if (Number.isNaN(auc)) return;
        expect(auc).toBeGreaterThanOrEqual(0);
        expect(auc).toBeLessThanOrEqual(1);
        expect(auc + rocAuc(scores, labels.map((l) => !l))).toBeCloseTo(1, 12);
      }),
      { seed: 7 },
    );
  });

  it('Spearman and Pearson stay in [-1, 1]; Cramér V in [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 })), { minLength: 2, maxLength: 80 }), (rows) => {
        const x = rows.map((r) => r[0]);
        const y = rows.map((r) => r[1]);
        for (const r of [spearman(x, y), pearson(x, y)]) expect(Math.abs(r)).toBeLessThanOrEqual(1);
        const table = [0, 1, 2, 3, 4].map((i) => [0, 1, 2, 3].map((j) => rows.filter((r) => r[0] === i && r[1] === j).length));
        const v = cramersV(table);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }),
      { seed: 7 },
    );
  });
});
