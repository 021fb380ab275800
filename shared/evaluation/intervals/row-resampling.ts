/**
 * Row-level resampling for the regression and multiclass bootstraps. Each resample draws rows with
 * replacement. Up to MAX_RESAMPLED_ROWS rows it is the classical bootstrap (n out of n). Above, each
 * resample draws MAX_RESAMPLED_ROWS rows (the m-out-of-n bootstrap of Bickel, Götze and van Zwet
 * 1997) and the resampled deviations from the estimate are scaled by sqrt(m / n), which is valid
 * for the root-n-consistent statistics here (means, ratios of means, medians) and keeps a
 * 10M-row evaluation's intervals within seconds.
 */
import type { SeededRng } from '../../budget/seeded-rng';

export const MAX_RESAMPLED_ROWS = 100_000;

/** Fills `out` with row indices drawn uniformly from the rows listed in `from` (or 0..n-1). */
export function drawRows(n: number, out: Uint32Array, rng: SeededRng, from: Uint32Array | null = null, offset = 0, count: number = out.length): void {
  for (let k = 0; k < count; k++) {
    const r = Math.floor(rng.next() * n);
    out[offset + k] = from === null ? r : (from[r] as number);
  }
}

/** The k-th smallest of values[0..len) (0-based), reordering them (Hoare's selection). */
export function selectKth(values: Float64Array, len: number, k: number): number {
  let lo = 0;
  let hi = len - 1;
  while (hi > lo) {
    const pivot = values[(lo + hi) >> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const t = values[i] as number;
        values[i] = values[j] as number;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k] as number;
  }
  return values[k] as number;
}

/** np.median of values[0..len) (reorders them). */
export function medianOf(values: Float64Array, len: number): number {
  const h = len >> 1;
  const upper = selectKth(values, len, h);
  if (len % 2 === 1) return upper;
  let lower = -Infinity;
  for (let i = 0; i < h; i++) if ((values[i] as number) > lower) lower = values[i] as number;
  return (lower + upper) / 2;
}

/** Scales resampled values around the estimate by sqrt(m / n) (no-op when m = n). */
export function rescaleDeviations(samples: Float64Array, point: number, m: number, n: number): void {
  if (m >= n) return;
  const f = Math.sqrt(m / n);
  for (let b = 0; b < samples.length; b++) samples[b] = point + ((samples[b] as number) - point) * f;
}
