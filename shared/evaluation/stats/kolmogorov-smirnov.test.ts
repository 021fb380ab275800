/**
 * Expected numbers were computed once with Debian's python3 (scipy 1.10.1, numpy 1.24.2,
 * scikit-learn 1.2.1) on the same inputs, e.g.
 *   /usr/bin/python3 -c "from scipy import stats; print(stats.ks_2samp(a, b, method='exact'))"
 * with a = A(n), b = B(n) from ./reference-inputs (the same formulas in the python).
 */
import { describe, expect, it } from 'vitest';
import { kolmogorovSurvival, ksTwoSample } from './kolmogorov-smirnov';
import { A, B } from './reference-inputs';

describe('Kolmogorov-Smirnov', () => {
  it.each([
    [0.15, 1.0],
    [0.25, 0.9999999731761899],
    [0.3, 0.9999906941986655],
    [0.5, 0.9639452436648751],
    [1.0, 0.26999967167735456],
    [1.5, 0.022217962616525127],
    [2.5, 7.453306344157342e-6],
  ])('kolmogorov(%s) = scipy.special.kolmogorov', (lambda, expected) => {
    expect(kolmogorovSurvival(lambda)).toBeCloseTo(expected, 12);
  });

  it('exact p-value matches ks_2samp(method="exact") on 40 vs 30 values', () => {
    const r = ksTwoSample(A(40), B(30), 'exact');
    expect(r.statistic).toBeCloseTo(0.2833333333333333, 14);
    expect(r.pValue).toBeCloseTo(0.10796126577379384, 10);
  });

  it('exact p-value matches on 20 vs 20 shifted and 25 vs 25 nearly equal', () => {
    const shifted = ksTwoSample(A(20), A(20).map((v) => v + 3), 'exact');
    expect(shifted.statistic).toBeCloseTo(0.3, 14);
    expect(shifted.pValue).toBeCloseTo(0.33559098126008213, 10);
    const close = ksTwoSample(A(25), A(25).map((v) => v + 0.5), 'exact');
    expect(close.statistic).toBeCloseTo(0.08, 14);
    expect(close.pValue).toBeCloseTo(0.999999734559995, 10);
  });

  it('exact p-value matches on unequal sizes with ties and a small p', () => {
    const r = ksTwoSample(A(30), B(45).map((v) => v + 1.5), 'exact');
    expect(r.statistic).toBeCloseTo(0.37777777777777777, 14);
    expect(r.pValue).toBeCloseTo(0.009247522231139753, 10);
    const scaled = ksTwoSample(A(60), A(60).map((v) => v * 1.3));
    expect(scaled.method).toBe('exact');
    expect(scaled.statistic).toBeCloseTo(0.23333333333333334, 14);
    expect(scaled.pValue).toBeCloseTo(0.07607524222884415, 10);
  });

  it('handles heavy ties like scipy (floored values: statistic and exact p-value)', () => {
    const r = ksTwoSample(A(40).map(Math.floor), B(30).map(Math.floor), 'exact');
    expect(r.statistic).toBeCloseTo(0.20833333333333334, 14);
    expect(r.pValue).toBeCloseTo(0.4003596953167423, 10);
  });

  it('asymptotic p-value = kstwobign.sf(sqrt(nm/(n+m)) D) on 3000 vs 4000 values', () => {
    const r = ksTwoSample(A(3000), B(4000), 'asymptotic');
    expect(r.statistic).toBeCloseTo(0.24908333333333332, 12);
    expect(r.pValue / 8.30115085433669e-93).toBeCloseTo(1, 6);
  });

  it('identical samples give D = 0 and p = 1', () => {
    const r = ksTwoSample(A(50), A(50));
    expect(r.statistic).toBe(0);
    expect(r.pValue).toBe(1);
  });
});
