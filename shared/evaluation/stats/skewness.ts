/**
 * Skewness, the adjusted Fisher-Pearson coefficient G1 that pandas `Series.skew()` reports (and
 * ydata-profiling alerts on). Two entry points: from values, and from streamed central moments so
 * the analysis engine can compute it in one pass with bounded memory.
 */

/**
 * G1 from n and the central moment sums m2 = sum((x - mean)^2), m3 = sum((x - mean)^3).
 * Returns 0 (not NaN) when undefined: n < 3 or zero variance, so callers never see NaN.
 */
export function skewnessFromMoments(n: number, m2: number, m3: number): number {
  if (n < 3 || !(m2 > 0)) return 0;
  const g1 = (m3 / n) / Math.pow(m2 / n, 1.5);
  // Tiny variance from floating-point noise on constant data would blow g1 up; treat as 0.
  if (!Number.isFinite(g1)) return 0;
  return (Math.sqrt(n * (n - 1)) / (n - 2)) * g1;
}

/** G1 of a list of finite numbers (two-pass for accuracy). */
export function skewness(values: readonly number[]): number {
  const n = values.length;
  if (n < 3) return 0;
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let m2 = 0;
  let m3 = 0;
  for (const v of values) {
    const d = v - mean;
    m2 += d * d;
    m3 += d * d * d;
  }
  // Constant data: relative variance below float noise means no skew.
  if (m2 <= 1e-24 * n * Math.max(1, mean * mean)) return 0;
  return skewnessFromMoments(n, m2, m3);
}
