/**
 * Expected numbers were computed once with Debian's python3 (scipy 1.10.1, numpy 1.24.2,
 * scikit-learn 1.2.1) on the same inputs, e.g.
 *   /usr/bin/python3 -c "from scipy import stats; print(stats.ks_2samp(a, b, method='exact'))"
 * with a = A(n), b = B(n) from ./reference-inputs (the same formulas in the python).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jensenShannonDistance, normedWassersteinDistance, populationStabilityIndex, psiBand, wassersteinDistance } from './distances';
import { A, B } from './reference-inputs';

describe('distances', () => {
  it('Wasserstein = scipy.stats.wasserstein_distance; normed by numpy std of the reference', () => {
    expect(wassersteinDistance(A(40), B(30))).toBeCloseTo(2.015, 12);
    expect(normedWassersteinDistance(A(40), B(30))).toBeCloseTo(0.6833542133472568, 12);
    expect(wassersteinDistance(A(40).map(Math.floor), B(30).map(Math.floor))).toBeCloseTo(2.0, 12);
  });

  it('Jensen-Shannon = scipy.spatial.distance.jensenshannon (base e and base 2)', () => {
    const p = [0.1, 0.4, 0.5, 0];
    const q = [0.3, 0.3, 0.2, 0.2];
    expect(jensenShannonDistance(p, q)).toBeCloseTo(0.3636866219510673, 12);
    expect(jensenShannonDistance(p, q, 2)).toBeCloseTo(0.4368321514012729, 12);
  });

  it('JS distance (base 2) lies in [0, 1] and is symmetric', () => {
    const weights = fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(weights, weights, (p, q) => {
        const n = Math.min(p.length, q.length);
        const d = jensenShannonDistance(p.slice(0, n), q.slice(0, n), 2);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(1 + 1e-12);
        expect(d).toBeCloseTo(jensenShannonDistance(q.slice(0, n), p.slice(0, n), 2), 12);
      }),
    );
  });

  it('PSI is >= 0, 0 for identical bins, and banded < 0.1 / 0.1-0.25 / > 0.25', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 500 }), fc.nat({ max: 500 })), { minLength: 1, maxLength: 10 }), (bins) => {
        const psi = populationStabilityIndex(bins.map((b) => b[0]), bins.map((b) => b[1]));
        expect(psi).toBeGreaterThanOrEqual(0);
        expect(populationStabilityIndex(bins.map((b) => b[0]), bins.map((b) => b[0]))).toBeCloseTo(0, 12);
      }),
    );
    // Hand-computed: (0.6-0.5)ln(0.6/0.5) + (0.4-0.5)ln(0.4/0.5) = 0.040546...
    expect(populationStabilityIndex([50, 50], [60, 40])).toBeCloseTo(0.0405465108, 9);
    expect(psiBand(0.05)).toBe('stable');
    expect(psiBand(0.2)).toBe('moderate');
    expect(psiBand(0.3)).toBe('major');
  });
});
