/**
 * Slice columns and how rows fall into slices: a categorical column slices by value; a numeric
 * column by quantile bins with readable edges (readable-bins.ts), or by bins given (another file's,
 * so that slices of two files compare). Missing values (code -1, NaN) form their own slice.
 */
import { radixSortFloat64 } from '../stats/radix-sort';
import { binOf, type NumericBins, readableQuantileBins } from './readable-bins';

export type SliceColumn =
  | { name: string; kind: 'categorical'; codes: Int32Array; categories: readonly string[] }
  | { name: string; kind: 'numeric'; values: Float64Array; bins?: number; fixed?: NumericBins };

export const DEFAULT_NUMERIC_BINS = 4;
export const MISSING_LABEL = '(missing)';

export interface SliceAssignment {
  /** Slice of each row. */
  slice: Int32Array;
  labels: string[];
  /** How each slice reads in a sentence: "age 60+", "region = north". */
  phrases: string[];
  /** A numeric column's bins. */
  bins?: NumericBins;
}

/** The values that are not NaN, ascending (the radix sort's order is the built-in sort's). */
function presentSorted(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isNaN(v)) out[k++] = v;
  }
  const present = out.subarray(0, k);
  radixSortFloat64(present);
  return present;
}

export function assignSlices(column: SliceColumn, n: number): SliceAssignment {
  const slice = new Int32Array(n);
  if (column.kind === 'categorical') {
    if (column.codes.length !== n) throw new RangeError(`Slice column "${column.name}" has ${column.codes.length} values for ${n} rows.`);
    const labels = [...column.categories, MISSING_LABEL];
    const missing = column.categories.length;
    for (let i = 0; i < n; i++) {
      const c = column.codes[i] as number;
      slice[i] = c < 0 || c >= missing ? missing : c;
    }
    return { slice, labels, phrases: labels.map((l, i) => (i === missing ? `rows missing ${column.name}` : `${column.name} = ${l}`)) };
  }
  if (column.values.length !== n) throw new RangeError(`Slice column "${column.name}" has ${column.values.length} values for ${n} rows.`);
  const bins = column.fixed ?? readableQuantileBins(presentSorted(column.values), column.bins ?? DEFAULT_NUMERIC_BINS);
  const { edges, labels } = bins;
  const missing = labels.length;
  for (let i = 0; i < n; i++) {
    const v = column.values[i] as number;
    slice[i] = Number.isNaN(v) ? missing : binOf(v, edges);
  }
  const all = [...labels, MISSING_LABEL];
  return { slice, labels: all, phrases: all.map((l, i) => (i === missing ? `rows missing ${column.name}` : `${column.name} ${l}`)), bins };
}
