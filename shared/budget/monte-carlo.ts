import { createSeededRng } from './seeded-rng';
import { isCertain, samplerFor, type Uncertain } from './uncertain-value';

/**
 * Seeded Monte Carlo over independent uncertain inputs. Each output gets its own P10/P50/P90,
 * so the P90 cost and the P90 energy may come from different draws; that is what a per-figure
 * range means, and it is stated in the README.
 */
export interface MonteCarloOptions {
  /** Number of draws (default 10,000). */
  samples?: number;
  /** Seed for the generator (default 20220329, the Chinchilla arXiv date). */
  seed?: number;
}

export const DEFAULT_SAMPLES = 10_000;
export const DEFAULT_SEED = 20220329;

export type Quantiles = Uncertain;

/** Linear-interpolated quantile of an ascending-sorted array (the "type 7" rule of R and numpy). */
export function quantileOfSorted(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

export function runMonteCarlo<I extends string, O extends string>(
  inputs: Readonly<Record<I, Uncertain>>,
  model: (values: Readonly<Record<I, number>>) => Readonly<Record<O, number>>,
  outputs: readonly O[],
  options: MonteCarloOptions = {},
): Record<O, Quantiles> {
  const n = Math.max(1, Math.floor(options.samples ?? DEFAULT_SAMPLES));
  const rng = createSeededRng(options.seed ?? DEFAULT_SEED);
  const names = Object.keys(inputs) as I[];
  // Certain inputs are set once and draw no random numbers, so adding a fixed input does not
  // shift the draws of the others.
  const values = {} as Record<I, number>;
  const varying: { name: I; draws: Float64Array }[] = [];
  for (const k of names) {
    const u = inputs[k];
    values[k] = u.p50;
    if (isCertain(u)) continue;
    const sample = samplerFor(u);
    const draws = new Float64Array(n);
    for (let s = 0; s < n; s += 1) draws[s] = sample(rng.normal());
    varying.push({ name: k, draws });
  }
  const columns = outputs.map(() => new Float64Array(n));
  for (let s = 0; s < n; s += 1) {
    for (const v of varying) values[v.name] = v.draws[s] as number;
    const out = model(values);
    for (let k = 0; k < outputs.length; k += 1) (columns[k] as Float64Array)[s] = out[outputs[k] as O];
  }
  const result = {} as Record<O, Quantiles>;
  outputs.forEach((o, k) => {
    result[o] = quantiles10_50_90(columns[k] as Float64Array);
  });
  return result;
}

/**
 * P10, P50, P90 with the same interpolation as quantileOfSorted, by selection instead of a full
 * sort (three O(n) passes instead of O(n log n); the bench shows the difference). Reorders `xs`.
 */
export function quantiles10_50_90(xs: Float64Array): Quantiles {
  return { p10: selectQuantile(xs, 0.1), p50: selectQuantile(xs, 0.5), p90: selectQuantile(xs, 0.9) };
}

function selectQuantile(xs: Float64Array, q: number): number {
  const n = xs.length;
  if (n === 0) return Number.NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const a = selectKth(xs, lo);
  if (pos === lo || lo + 1 >= n) return a;
  // After selection everything right of `lo` is >= xs[lo]; the next order statistic is their minimum.
  let b = Infinity;
  for (let i = lo + 1; i < n; i += 1) if ((xs[i] as number) < b) b = xs[i] as number;
  return a + (b - a) * (pos - lo);
}

/** Hoare-style quickselect with median-of-three pivots: puts the k-th smallest at index k. */
function selectKth(xs: Float64Array, k: number): number {
  let left = 0;
  let right = xs.length - 1;
  while (right > left) {
    const mid = (left + right) >>> 1;
    const a = xs[left] as number;
    const b = xs[mid] as number;
    const c = xs[right] as number;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = left;
    let j = right;
    while (i <= j) {
      while ((xs[i] as number) < pivot) i += 1;
      while ((xs[j] as number) > pivot) j -= 1;
      if (i <= j) {
        const t = xs[i] as number;
        xs[i] = xs[j] as number;
        xs[j] = t;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return xs[k] as number;
  }
  return xs[k] as number;
}

/** Medians of every input: the deterministic "best guess" evaluation point. */
export function medians<I extends string>(inputs: Readonly<Record<I, Uncertain>>): Record<I, number> {
  const out = {} as Record<I, number>;
  for (const k of Object.keys(inputs) as I[]) out[k] = inputs[k].p50;
  return out;
}
