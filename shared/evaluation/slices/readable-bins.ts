/**
 * Quantile bins for a numeric slice column with edges people can read: cut points at equal
 * shares of the rows, rounded to two significant digits (three, then four, when rounding would
 * merge two cuts), and cuts that leave a bin empty are dropped. Bins are [edge, next edge):
 * labelled "< 31", "31–45", "45–59", "59+".
 */
import { linearQuantile } from '../metrics/residuals';

const numberFormat = (digits: number) => new Intl.NumberFormat('en-US', { maximumSignificantDigits: digits });

function round(x: number, digits: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(digits));
}

export interface NumericBins {
  /** Inner edges, ascending; k edges make k + 1 bins. */
  edges: number[];
  labels: string[];
}

export function readableQuantileBins(sortedValues: Float64Array, bins: number): NumericBins {
  if (sortedValues.length === 0) return { edges: [], labels: [] };
  const raw: number[] = [];
  for (let k = 1; k < bins; k++) raw.push(linearQuantile(sortedValues, k / bins));
  let digits = 2;
  let edges: number[] = [];
  for (; digits <= 4; digits++) {
    edges = [...new Set(raw.map((x) => round(x, digits)))].sort((a, b) => a - b);
    if (edges.length === new Set(raw).size) break;
  }
  digits = Math.min(digits, 4);
  // Drop cuts that leave a bin empty (e.g. many equal values, or a cut at or below the minimum).
  const min = sortedValues[0] as number;
  const max = sortedValues[sortedValues.length - 1] as number;
  const kept: number[] = [];
  for (const e of edges) {
    if (e <= min) continue;
    const prev = kept.length ? (kept[kept.length - 1] as number) : -Infinity;
    // Some value in [prev, e): the first value at or above prev is below e (the values ascend).
    const first = firstAtLeast(sortedValues, prev);
    if (!(first < sortedValues.length && (sortedValues[first] as number) < e)) continue;
    kept.push(e);
  }
  const last = kept.length ? (kept[kept.length - 1] as number) : -Infinity;
  if (kept.length && !(max >= last)) kept.pop();
  const fmt = numberFormat(Math.max(digits, 2));
  const labels: string[] = [];
  if (kept.length === 0) labels.push('all');
  else {
    labels.push(`< ${fmt.format(kept[0] as number)}`);
    for (let i = 1; i < kept.length; i++) labels.push(`${fmt.format(kept[i - 1] as number)}–${fmt.format(kept[i] as number)}`);
    labels.push(`${fmt.format(kept[kept.length - 1] as number)}+`);
  }
  return { edges: kept, labels };
}

/** The index of the first value >= x in an ascending array (its length when none is). */
function firstAtLeast(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) >= x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Bin of a value: the number of edges at or below it. */
export function binOf(value: number, edges: number[]): number {
  let b = 0;
  while (b < edges.length && value >= (edges[b] as number)) b++;
  return b;
}
