/**
 * Two-sample Kolmogorov-Smirnov test (two-sided). The statistic D is the largest gap between the
 * two empirical CDFs. p-value: exact (lattice-path count, as R's psmirnov and scipy's
 * method="exact") while n*m is small enough to stay fast, else the asymptotic Kolmogorov
 * distribution at sqrt(n*m/(n+m)) * D. Evidently uses this test for numeric columns when the
 * reference has <= 1000 values.
 */

import { sortedCopy } from './ranks';

export interface KsResult {
  statistic: number;
  pValue: number;
  method: 'exact' | 'asymptotic';
}

/** Above this n*m the exact O(n*m) path count is replaced by the asymptotic distribution. */
export const KS_EXACT_MAX_CELLS = 10_000_000;

/** Largest absolute gap between the empirical CDFs of two samples (ties handled). */
export function ksStatistic(a: readonly number[], b: readonly number[]): number {
  const x = sortedCopy(a);
  const y = sortedCopy(b);
  const n = x.length;
  const m = y.length;
  if (n === 0 || m === 0) return 0;
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < n && j < m) {
    // Step past every copy of the smaller value in both samples so ties never open a fake gap.
    const v = Math.min(x[i], y[j]);
    while (i < n && x[i] === v) i++;
    while (j < m && y[j] === v) j++;
    d = Math.max(d, Math.abs(i / n - j / m));
  }
  return d;
}

/**
 * Kolmogorov distribution survival Q(lambda) = 2 * sum_{k>=1} (-1)^(k-1) exp(-2 k^2 lambda^2)
 * (scipy.special.kolmogorov, scipy.stats.kstwobign.sf).
 */
export function kolmogorovSurvival(lambda: number): number {
  if (lambda <= 0) return 1;
  if (lambda < 0.2) {
    // The alternating series converges slowly here; use the theta-function form of the CDF.
    const s = Math.sqrt(2 * Math.PI) / lambda;
    let cdf = 0;
    for (let k = 1; k <= 50; k++) cdf += Math.exp(-((2 * k - 1) ** 2) * Math.PI ** 2 / (8 * lambda * lambda));
    return 1 - s * cdf;
  }
  let sum = 0;
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-2 * k * k * lambda * lambda);
    sum += (k % 2 === 1 ? 1 : -1) * term;
    if (term < 1e-17) break;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

/**
 * Exact P(D >= d) for sample sizes n, m without ties: count the lattice paths from (0,0) to (n,m)
 * that stay strictly inside the band |i/n - j/m| < d (normalised on the fly so nothing overflows).
 */
export function ksExactPValue(d: number, n: number, m: number): number {
  if (d <= 0) return 1;
  const [rows, cols] = m > n ? [n, m] : [m, n];
  // Nudge d down by a hair so a path exactly on the statistic counts as reaching it.
  const q = (0.5 + Math.floor(d * rows * cols - 1e-7)) / (rows * cols);
  const u = new Float64Array(cols + 1);
  for (let j = 0; j <= cols; j++) u[j] = j / cols > q ? 0 : 1;
  for (let i = 1; i <= rows; i++) {
    const w = i / (i + cols);
    u[0] = i / rows > q ? 0 : w * u[0];
    for (let j = 1; j <= cols; j++) {
      u[j] = Math.abs(i / rows - j / cols) > q ? 0 : w * u[j] + u[j - 1];
    }
  }
  return Math.min(1, Math.max(0, 1 - u[cols]));
}

/** Two-sided two-sample KS test. Method 'auto' picks exact while n*m <= KS_EXACT_MAX_CELLS. */
export function ksTwoSample(
  a: readonly number[],
  b: readonly number[],
  method: 'auto' | 'exact' | 'asymptotic' = 'auto',
): KsResult {
  const statistic = ksStatistic(a, b);
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return { statistic: 0, pValue: 1, method: 'asymptotic' };
  const useExact = method === 'exact' || (method === 'auto' && n * m <= KS_EXACT_MAX_CELLS);
  if (useExact) return { statistic, pValue: ksExactPValue(statistic, n, m), method: 'exact' };
  const en = Math.sqrt((n * m) / (n + m));
  return { statistic, pValue: kolmogorovSurvival(en * statistic), method: 'asymptotic' };
}
