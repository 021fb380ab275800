/**
 * numpy's np.quantile (method 'linear') and np.histogram (equal-width bins over [min, max]),
 * reproduced operation for operation so residual summaries equal numpy's.
 */

/** np.quantile(a, q) on an ascending array; numpy's lerp switches form at gamma 0.5. */
export function linearQuantile(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  const virtual = (n - 1) * q;
  const lo = Math.floor(virtual);
  const gamma = virtual - lo;
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, n - 1)] as number;
  const diff = b - a;
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}

/** np.histogram(values, bins) for an ascending array: row counts per bin, last bin closed. */
export function histogram(sorted: Float64Array, bins: number): { edges: number[]; counts: number[] } {
  let first = sorted[0] as number;
  let last = sorted[sorted.length - 1] as number;
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  const step = (last - first) / bins;
  const edges = new Array<number>(bins + 1);
  for (let i = 0; i <= bins; i++) edges[i] = i * step + first;
  edges[bins] = last;
  const counts = new Array<number>(bins).fill(0);
  const denom = last - first;
  for (let k = 0; k < sorted.length; k++) {
    const v = sorted[k] as number;
    let i = Math.trunc(((v - first) / denom) * bins);
    if (i === bins) i--;
    if (v < (edges[i] as number)) i--;
    else if (v >= (edges[i + 1] as number) && i !== bins - 1) i++;
    counts[i]++;
  }
  return { edges, counts };
}
