/**
 * Distances between two distributions, used for drift on large samples (Evidently's defaults):
 * Wasserstein-1 between numeric samples, Jensen-Shannon distance between category frequencies,
 * and the Population Stability Index (PSI) used by credit-risk teams for decades.
 */
import { sortedCopy } from './ranks';

/** Wasserstein-1 (earth mover's) distance between two samples (scipy.stats.wasserstein_distance). */
export function wassersteinDistance(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const x = sortedCopy(a);
  const y = sortedCopy(b);
  // Integrate |F_a - F_b| over the merged support, one segment between consecutive values at a time.
  const all = sortedCopy([...a, ...b]);
  let i = 0;
  let j = 0;
  let distance = 0;
  for (let k = 0; k < all.length - 1; k++) {
    const v = all[k];
    while (i < x.length && x[i] <= v) i++;
    while (j < y.length && y[j] <= v) j++;
    distance += Math.abs(i / x.length - j / y.length) * (all[k + 1] - v);
  }
  return distance;
}

/** Population standard deviation (ddof 0, as numpy's default and Evidently's normalisation). */
function populationStd(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
}

/** Evidently's floor on the norm, so a constant reference does not divide by zero. */
export const WASSERSTEIN_MIN_NORM = 0.001;

/**
 * Wasserstein distance divided by the reference standard deviation, so it reads "how many
 * standard deviations did the distribution move" (Evidently's wasserstein stattest:
 * distance / max(np.std(reference), 0.001)).
 */
export function normedWassersteinDistance(reference: readonly number[], current: readonly number[]): number {
  return wassersteinDistance(reference, current) / Math.max(populationStd(reference), WASSERSTEIN_MIN_NORM);
}

function normalise(weights: readonly number[]): number[] {
  const total = weights.reduce((s, v) => s + v, 0);
  return total > 0 ? weights.map((w) => w / total) : weights.map(() => 0);
}

/**
 * Jensen-Shannon distance (the square root of the JS divergence) between two frequency vectors
 * over the same categories (scipy.spatial.distance.jensenshannon). Base e (scipy's and
 * Evidently's default) gives values in [0, sqrt(ln 2)]; base 2 gives [0, 1].
 */
export function jensenShannonDistance(p: readonly number[], q: readonly number[], base: number = Math.E): number {
  if (p.length !== q.length) throw new RangeError('p and q differ in length');
  const a = normalise(p);
  const b = normalise(q);
  let divergence = 0;
  for (let i = 0; i < a.length; i++) {
    const m = (a[i] + b[i]) / 2;
    if (a[i] > 0) divergence += 0.5 * a[i] * Math.log(a[i] / m);
    if (b[i] > 0) divergence += 0.5 * b[i] * Math.log(b[i] / m);
  }
  return Math.sqrt(Math.max(0, divergence) / Math.log(base));
}

/** Share used in place of an empty bin so PSI stays finite (Evidently and most PSI tools do this). */
export const PSI_EMPTY_BIN_SHARE = 0.0001;

/**
 * PSI = sum (cur% - ref%) * ln(cur% / ref%) over bins, from counts per bin. Always >= 0.
 * Bands: < 0.1 stable, 0.1-0.25 moderate shift, > 0.25 major shift.
 */
export function populationStabilityIndex(referenceCounts: readonly number[], currentCounts: readonly number[]): number {
  if (referenceCounts.length !== currentCounts.length) throw new RangeError('bin counts differ in length');
  const ref = normalise(referenceCounts).map((s) => (s > 0 ? s : PSI_EMPTY_BIN_SHARE));
  const cur = normalise(currentCounts).map((s) => (s > 0 ? s : PSI_EMPTY_BIN_SHARE));
  let psi = 0;
  for (let i = 0; i < ref.length; i++) psi += (cur[i] - ref[i]) * Math.log(cur[i] / ref[i]);
  return Math.max(0, psi);
}

export type PsiBand = 'stable' | 'moderate' | 'major';

export function psiBand(psi: number): PsiBand {
  if (psi < 0.1) return 'stable';
  if (psi <= 0.25) return 'moderate';
  return 'major';
}

/** Bin edges at the reference's deciles (the usual PSI binning): inner cut points, ascending, unique. */
export function quantileCutPoints(sortedValues: readonly number[], bins: number = 10): number[] {
  const cuts: number[] = [];
  for (let k = 1; k < bins; k++) {
    const v = sortedValues[Math.min(sortedValues.length - 1, Math.floor((k * sortedValues.length) / bins))];
    if (v !== undefined && (cuts.length === 0 || v > cuts[cuts.length - 1])) cuts.push(v);
  }
  return cuts;
}

/** Counts of values per bin given inner cut points: bin k holds cuts[k-1] <= v < cuts[k]. */
export function countIntoBins(values: readonly number[], cuts: readonly number[]): number[] {
  const counts = new Array<number>(cuts.length + 1).fill(0);
  for (const v of values) {
    let lo = 0;
    let hi = cuts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v >= cuts[mid]) lo = mid + 1;
      else hi = mid;
    }
    counts[lo]++;
  }
  return counts;
}
