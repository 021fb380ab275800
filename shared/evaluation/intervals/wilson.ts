/**
 * Wilson score interval for a proportion (Wilson 1927), the interval scipy's
 * binomtest(k, n).proportion_ci(method='wilson') gives. It stays inside [0, 1], behaves at 0 and
 * n successes where the normal (Wald) interval collapses, and keeps close to its nominal 95%.
 *
 * With weights, the proportion is the weighted one and n is Kish's effective sample size
 * (sum w)^2 / sum w^2: rows of very unequal weight carry less information than their count, and
 * equal weights give back the plain count.
 */

/** Standard normal quantile at 0.975 (scipy.special.ndtri(0.975)). */
export const Z95 = 1.959963984540054;

export interface ConfidenceInterval {
  low: number;
  high: number;
  method: 'wilson' | 'bootstrap';
}

/** Null when n is 0. The interval always contains successes / n. */
export function wilsonInterval(successes: number, n: number, z: number = Z95): ConfidenceInterval | null {
  if (!(n > 0)) return null;
  const p = successes / n;
  const q = 1 - p;
  const z2 = z * z;
  const denom = 2 * (n + z2);
  const center = (2 * n * p + z2) / denom;
  const half = (z * Math.sqrt(z2 + 4 * n * p * q)) / denom;
  // Clamp against rounding so the interval holds its own point estimate and stays in [0, 1].
  const low = Math.max(0, Math.min(center - half, p));
  const high = Math.min(1, Math.max(center + half, p));
  return { low, high, method: 'wilson' };
}

/** Kish's effective sample size: (sum w)^2 / sum w^2. */
export function effectiveSampleSize(sumWeights: number, sumSquaredWeights: number): number {
  return sumSquaredWeights === 0 ? 0 : (sumWeights * sumWeights) / sumSquaredWeights;
}

/** Wilson interval of a weighted proportion: successWeight / totalWeight over n_eff rows. */
export function weightedWilsonInterval(successWeight: number, totalWeight: number, sumSquaredWeights: number, z: number = Z95): ConfidenceInterval | null {
  if (!(totalWeight > 0)) return null;
  const nEff = effectiveSampleSize(totalWeight, sumSquaredWeights);
  return wilsonInterval((successWeight / totalWeight) * nEff, nEff, z);
}
