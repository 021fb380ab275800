/**
 * Expected numbers were computed once with Debian's python3 (scipy 1.10.1, numpy 1.24.2,
 * scikit-learn 1.2.1) on the same inputs, e.g.
 *   /usr/bin/python3 -c "from scipy import stats; print(stats.ks_2samp(a, b, method='exact'))"
 * with a = A(n), b = B(n) from ./reference-inputs (the same formulas in the python).
 */
import { describe, expect, it } from 'vitest';
import { logGamma, regularizedGammaP, regularizedGammaQ } from './special-functions';

describe('special functions (scipy.special)', () => {
  it.each([
    [0.5, 0.5723649429247],
    [3, 0.6931471805599453],
    [10.5, 13.940625219403763],
    [100.25, 360.28455963776423],
  ])('gammaln(%s)', (x, expected) => expect(logGamma(x)).toBeCloseTo(expected, 11));

  it.each([
    [0.5, 0.2, 0.5270892568655381],
    [3, 2.5, 0.5438131158833297],
    [10, 15, 0.06985366069940986],
    [2.5, 30, 1.2154569777183007e-11],
  ])('gammaincc(%s, %s)', (a, x, expected) => {
    expect(regularizedGammaQ(a, x)).toBeCloseTo(expected, 12);
    expect(Math.abs(regularizedGammaQ(a, x) - expected) / expected).toBeLessThan(1e-9);
    expect(regularizedGammaP(a, x) + regularizedGammaQ(a, x)).toBeCloseTo(1, 12);
  });
});
