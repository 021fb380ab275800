import { createSeededRng } from './seeded-rng';
import { samplerFor, type Uncertain } from './uncertain-value';

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
  const samplers = names.map((k) => samplerFor(inputs[k]));
  const columns = outputs.map(() => new Float64Array(n));
  const values = {} as Record<I, number>;
  for (let s = 0; s < n; s += 1) {
    for (let j = 0; j < names.length; j += 1) values[names[j] as I] = (samplers[j] as (z: number) => number)(rng.normal());
    const out = model(values);
    for (let k = 0; k < outputs.length; k += 1) (columns[k] as Float64Array)[s] = out[outputs[k] as O];
  }
  const result = {} as Record<O, Quantiles>;
  outputs.forEach((o, k) => {
    const col = (columns[k] as Float64Array).sort();
    result[o] = { p10: quantileOfSorted(col, 0.1), p50: quantileOfSorted(col, 0.5), p90: quantileOfSorted(col, 0.9) };
  });
  return result;
}

/** Medians of every input: the deterministic "best guess" evaluation point. */
export function medians<I extends string>(inputs: Readonly<Record<I, Uncertain>>): Record<I, number> {
  const out = {} as Record<I, number>;
  for (const k of Object.keys(inputs) as I[]) out[k] = inputs[k].p50;
  return out;
}
