/**
 * Expected numbers were computed once with Debian's python3 (scipy 1.10.1, numpy 1.24.2,
 * scikit-learn 1.2.1) on the same inputs, e.g.
 *   /usr/bin/python3 -c "from scipy import stats; print(stats.ks_2samp(a, b, method='exact'))"
 * with a = A(n), b = B(n) from ./reference-inputs (the same formulas in the python).
 */
import { describe, expect, it } from 'vitest';
import { chiSquareGoodnessOfFit, chiSquareIndependence, cramersV } from './chi-square';
import { chiSquareSurvival } from './special-functions';

describe('chi-square', () => {
  it('survival = scipy.stats.chi2.sf, including large df', () => {
    expect(chiSquareSurvival(130.5, 100)).toBeCloseTo(0.021912462765907616, 12);
    expect(chiSquareSurvival(0.3, 1)).toBeCloseTo(0.583882420770365, 12);
    expect(chiSquareSurvival(3000, 2500) / 1.394560659466454e-11).toBeCloseTo(1, 6);
  });

  it('goodness of fit = scipy.stats.chisquare', () => {
    const r = chiSquareGoodnessOfFit([30, 14, 34, 45, 57, 20], [20, 20, 30, 40, 60, 30]);
    expect(r.statistic).toBeCloseTo(11.441666666666666, 10);
    expect(r.df).toBe(5);
    expect(r.pValue).toBeCloseTo(0.04329313031580497, 12);
    const g = chiSquareGoodnessOfFit([380, 420, 200], [400, 400, 200]);
    expect(g.statistic).toBeCloseTo(2.0, 12);
    expect(g.pValue).toBeCloseTo(0.36787944117144245, 12);
  });

  it('independence = chi2_contingency(correction=False); Cramér V = contingency.association', () => {
    const table = [
      [10, 20, 30],
      [25, 15, 5],
    ];
    const r = chiSquareIndependence(table);
    expect(r.statistic).toBeCloseTo(23.333333333333336, 10);
    expect(r.df).toBe(2);
    expect(r.pValue).toBeCloseTo(8.57493910267228e-6, 15);
    expect(cramersV(table)).toBeCloseTo(0.4714045207910317, 12);
  });
});
